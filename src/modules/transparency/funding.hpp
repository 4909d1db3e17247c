// The multi-party funding platform (多方协同, seed §5.3): the parties that fund a community's
// plans (government, enterprises, foundations, residents) with public profiles, their pledges
// to a plan's lines, and the money received against each pledge with its receipt. Pledges and
// receipts are fen postings on the one ledger (ledger.hpp):
//   pledge    cofund:party:<party id> (no floor) → cofund:pledged:<party id> (floor 0)
//   receipt   cofund:pledged:<party id> → cofund:received:<plan id>
// so a party's account shows all it promised, its pledged account what it still owes, and a
// plan's received account the money in hand.
//
// Rules:
//   need type    each line's class of need, by its category: elderly care, childcare and
//                low-income assistance are basic; culture and sports improvement; disability
//                services special; any other line (a budgeting project) basic.
//   shares       a line's planned total is the government's part; the line's co-funding rule
//                (allocation cofunding.hpp: basic 70 government : 30 residents, improvement
//                3 : 3 market : 4 residents, special 8 : 2 foundation) gives what every other
//                party adds in proportion: share = total × ratio / government ratio, the
//                others' sum split exactly (largest remainder).
//   pledge       staff and admins of the community, for a party of the community whose kind
//                the line's rule names besides the government (409 party_not_in_rule), while
//                the plan is neither closed, rejected nor superseded (409 plan_not_open); the
//                kind's pledges on the line may not pass its share (409 pledge_exceeds_share).
//   receipt      staff and admins; amount > 0 and the pledge's receipts ≤ the pledge (409
//                receipt_exceeds_pledge); a receipt reference.
//   funded       a line is funded when every other party's share has been received; the board
//                names each line's shortfall. What a line received may be spent on it beyond its
//                planned total (execution.hpp: the line's ceiling is planned + received).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::transparency {

// government, market (enterprises: sponsors, low-cost services such as a canteen),
// foundation, residents.
bool valid_party_kind(const std::string& kind);
// basic | improvement | special, by the line's category (the rule above).
std::string need_type_of(const std::string& category);

struct PartyInput {
  std::int64_t community_id = 0;
  std::string kind;
  std::string name;
  std::string profile;  // public: what the party does and gives
};
struct Party {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string kind;
  std::string name;
  std::string profile;
  std::int64_t pledged = 0;  // over every plan
  std::int64_t received = 0;
  std::string created_at;
};
// Staff and admins of the community (outsiders 404). Audited. 409 party_exists for a name
// the community has.
Result<Party> add_party(storage::Connection& db, const Actor& actor, const PartyInput& input,
                        std::int64_t now_ms);
// No login: the community's parties with what each pledged and gave (404 unknown community).
Result<std::vector<Party>> public_parties(storage::Connection& db, std::int64_t community_id);

struct PledgeInput {
  std::int64_t party_id = 0;
  std::string category;  // the plan line
  std::int64_t amount = 0;
  std::optional<std::string> note;
};
struct Pledge {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string category;
  std::int64_t party_id = 0;
  std::string party_name;
  std::string party_kind;
  std::int64_t amount = 0;
  std::int64_t received = 0;
  std::optional<std::string> note;
  std::string created_at;
};
Result<Pledge> pledge(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                      const PledgeInput& input, std::int64_t now_ms);

struct ReceiptInput {
  std::int64_t amount = 0;
  std::string receipt_ref;
  std::optional<std::string> received_on;  // YYYY-MM-DD, not after today; today when absent
};
Result<Pledge> receive(storage::Connection& db, const Actor& actor, std::int64_t pledge_id,
                       const ReceiptInput& input, std::int64_t now_ms);

struct PartyShare {
  std::string party_kind;
  std::int64_t ratio = 0;
  std::int64_t expected = 0;
  std::int64_t pledged = 0;
  std::int64_t received = 0;
};
struct LineFunding {
  std::string category;
  std::string need_type;
  std::int64_t government = 0;     // the planned total
  std::vector<PartyShare> shares;  // the government first, then the others in rule order
  std::vector<Pledge> pledges;
  std::int64_t others_expected = 0;
  std::int64_t others_pledged = 0;
  std::int64_t others_received = 0;
  std::int64_t shortfall = 0;  // others_expected − others_received, never negative
  bool funded = false;
};
struct PlanFunding {
  std::vector<LineFunding> lines;
  std::int64_t government = 0;
  std::int64_t others_expected = 0;
  std::int64_t others_pledged = 0;
  std::int64_t others_received = 0;
};
// No permission check (the board shows it to anyone).
PlanFunding funding_of(storage::Connection& db, std::int64_t plan_id);
// What the line received from parties besides the government (spending may use it).
std::int64_t received_for_line(storage::Connection& db, std::int64_t plan_id,
                               const std::string& category);

// A community's funding over its plans that executed (executing or closed): the government's
// planned totals and what the other parties gave, for the cockpit's "resources multiplied".
struct CommunityFunding {
  std::int64_t government = 0;
  std::int64_t others_received = 0;
  std::int64_t parties = 0;
};
CommunityFunding community_funding(storage::Connection& db, std::int64_t community_id);
// Whether the community has registered any co-funding party (one indexed count).
bool has_funding_parties(storage::Connection& db, std::int64_t community_id);

}  // namespace gz::transparency
