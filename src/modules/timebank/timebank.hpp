// The time bank (时间银行): one member serves another (younger elderly serve older elderly),
// the recipient confirms, and only then do the minutes move from the recipient's account to
// the provider's. A newcomer may receive help before giving it, down to the community's
// debt cap (default −10 hours). Unconfirmed or disputed records expire after 14 days.
// Banked time may be given to a family member of the same household.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/registry/registry.hpp"
#include "storage/database.hpp"

namespace gz::timebank {

inline constexpr std::int64_t kExpiryMs = 14 * kDayMs;

struct Service {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::int64_t provider_resident_id = 0;
  std::int64_t recipient_resident_id = 0;
  std::string service_date;
  std::int64_t minutes = 0;
  std::string service_type;
  std::optional<std::string> note;
  std::string status;  // pending, confirmed, disputed, expired
  std::optional<std::int64_t> posting_id;
  std::string created_at;
  std::int64_t expires_ms = 0;
};

struct NewService {
  std::int64_t provider_resident_id = 0;
  std::int64_t recipient_resident_id = 0;
  std::string service_date;  // YYYY-MM-DD, not in the future
  std::int64_t minutes = 0;  // rounded to the nearest quarter hour
  std::string service_type;
  std::optional<std::string> note;
};
inline constexpr const char* kServiceTypes[] = {
    "companionship", "shopping", "meal_delivery", "cleaning", "escort_to_hospital",
    "tech_help",     "tutoring", "repair",        "other"};

// The provider's household records it, or a guide/staff member of the community.
Result<Service> record_service(storage::Connection& db, const Actor& actor, const NewService& input,
                               std::int64_t now_ms);
// The recipient's household confirms, or a guide/staff member on their behalf; moves the
// minutes. 409 debt_cap_reached when the recipient would pass the cap.
Result<Service> confirm_service(storage::Connection& db, const Actor& actor,
                                std::int64_t service_id, std::int64_t now_ms);
Result<Service> dispute_service(storage::Connection& db, const Actor& actor,
                                std::int64_t service_id, const std::string& note,
                                std::int64_t now_ms);
Result<std::vector<Service>> list_services(storage::Connection& db, const Actor& actor,
                                           std::int64_t community_id,
                                           const std::optional<std::string>& status);

// Gives banked minutes to a member of the same household; only positive balance may go.
Result<ledger::Posting> transfer(storage::Connection& db, const Actor& actor,
                                 std::int64_t from_resident_id, std::int64_t to_resident_id,
                                 std::int64_t minutes, std::int64_t now_ms);

// A member's banked minutes: the account (its floor is the debt cap) with what it has received
// and given. 404 unless registry::visible_resident.
struct AccountView {
  registry::ResidentRef resident;
  ledger::Account account;
  std::int64_t earned = 0;
  std::int64_t spent = 0;
};
Result<AccountView> account_view(storage::Connection& db, const Actor& actor,
                                 std::int64_t resident_id);

// --- The marketplace (market.cpp), as TimeOverflow: a member posts an offer or a request; a
// neighbour answers it for a member of their household; the poster accepts (a request closes
// then, an offer stays open for others) or declines; the provider's household then records the
// service from the match — provider and recipient come from the match, nobody types a
// resident number — and the recipient confirms it as any other service. Residents see their
// neighbours as a masked name, building and age band ("低龄老人服务高龄老人" made visible),
// never their households or numbers.
struct Post {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string kind;  // offer | request
  std::string service_type;
  std::string title;
  std::string details;
  std::string availability;  // "工作日下午"
  std::string status;        // open | closed
  std::string poster_name;   // masked for residents of other households
  std::optional<std::string> building;
  std::optional<std::string> age_band;      // under_60, 60s, 70s, 80_plus
  bool mine = false;                        // the reader's household's
  std::optional<std::int64_t> resident_id;  // the poster, for their household and officials
  std::int64_t responses = 0;               // proposed and accepted answers
  std::int64_t created_ms = 0;
};
struct NewPost {
  std::int64_t resident_id = 0;  // a member of the actor's household (or for officials, any)
  std::string kind;
  std::string service_type;
  std::string title;         // 1-40 characters
  std::string details;       // up to 500
  std::string availability;  // up to 60
};
// The member's household, or a guide or staff member of the community for them. 400
// invalid_kind, invalid_service_type, invalid_field; 404 resident; 409 too_many_posts (a
// household keeps at most 10 open posts).
Result<Post> create_post(storage::Connection& db, const Actor& actor, const NewPost& input,
                         std::int64_t now_ms);
struct PostFilter {
  std::int64_t community_id = 0;
  std::optional<std::string> kind;
  std::optional<std::string> service_type;
  std::optional<std::int64_t> building_id;
  bool mine = false;
  bool include_closed = false;  // the reader's own, or officials
  std::int64_t limit = 50;
};
// Newest first.
Result<std::vector<Post>> list_posts(storage::Connection& db, const Actor& actor,
                                     const PostFilter& filter);
// The poster's household (or a guide for them), or staff taking down an unsuitable post; 409
// closed.
Result<Post> close_post(storage::Connection& db, const Actor& actor, std::int64_t post_id,
                        std::int64_t now_ms);

struct Match {
  std::int64_t id = 0;
  std::int64_t post_id = 0;
  std::string post_title;
  std::string post_kind;
  std::string status;  // proposed, accepted, declined, withdrawn, done
  std::string message;
  std::string responder_name;  // masked for others than the two households and officials
  std::optional<std::string> responder_building;
  std::optional<std::string> responder_age_band;
  std::optional<std::int64_t> responder_resident_id;  // the two households and officials
  std::optional<std::int64_t> service_id;
  std::int64_t created_ms = 0;
};
// A member of the actor's household answers an open post of another household. 409 closed,
// own_post, already_answered.
Result<Match> respond(storage::Connection& db, const Actor& actor, std::int64_t post_id,
                      std::int64_t resident_id, const std::string& message, std::int64_t now_ms);
// The answers to a post (its household and officials), or the actor's household's answers
// (post_id nullopt), newest first.
Result<std::vector<Match>> list_matches(storage::Connection& db, const Actor& actor,
                                        std::optional<std::int64_t> post_id);
// The poster's household accepts or declines a proposed answer; accepting closes a request.
// 409 not_proposed.
Result<Match> answer_match(storage::Connection& db, const Actor& actor, std::int64_t match_id,
                           bool accept, std::int64_t now_ms);
// The provider's household records the service of an accepted match (record_service's rules:
// date, minutes, the recipient then confirms); the match is done. 409 not_accepted.
Result<Service> record_from_match(storage::Connection& db, const Actor& actor,
                                  std::int64_t match_id, const std::string& service_date,
                                  std::int64_t minutes, const std::optional<std::string>& note,
                                  std::int64_t now_ms);
// The demo: posts of a year (younger elderly offering company, shopping and repairs; the
// oldest asking) with their answers and the services recorded from them.
std::int64_t demo_market(storage::Connection& db, std::int64_t community_id, std::int64_t as_of_ms);

// The expiry job: pending or disputed records older than 14 days become expired.
int expire_services(storage::Connection& db, std::int64_t now_ms);

}  // namespace gz::timebank
