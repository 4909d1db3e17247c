// The community notice board (社区公告), the contract of the announcements module. Staff
// publish a notice — a water or power cut, an event, a policy — to the whole community or to
// chosen buildings, pinned to the top or valid until a day; the residents it is for hear of it
// through the notifications module (inbox, SMS if they chose it, the buildings' group robots)
// and see it on their home page; each resident's first read is counted, so staff see per
// building how many households have read a cut notice. Whole-community notices are public
// (the board at the gate is); a building's notices are its residents' and the officials'.
// Permissions in permissions.hpp; routes.hpp is wired by src/app.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::announcements {

// outage (停水停电), event (活动), policy (政策), notice (通知)
bool is_kind(std::string_view kind);

inline constexpr std::size_t kMaxTitle = 60;
inline constexpr std::size_t kMaxBody = 4000;
inline constexpr std::size_t kMaxBuildings = 100;

struct BuildingRef {
  std::int64_t id = 0;
  std::string name;
};

struct Announcement {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string kind;
  std::string title;
  std::string body;
  bool pinned = false;
  bool urgent = false;
  std::int64_t published_ms = 0;
  std::optional<std::int64_t> valid_until_ms;
  std::vector<BuildingRef> buildings;  // empty: the whole community
  std::string author_name;             // officials only ("" for residents and the public)
  std::optional<std::int64_t> withdrawn_ms;
  std::optional<std::string> withdrawn_reason;
  std::optional<bool> read;           // residents: whether they have read it
  std::optional<std::int64_t> reads;  // officials: residents who have read it
};

struct NewAnnouncement {
  std::int64_t community_id = 0;
  std::string kind;
  std::string title;
  std::string body;
  std::vector<std::int64_t> building_ids;
  bool pinned = false;
  bool urgent = false;  // an outage or emergency: messages go out in quiet hours too
  std::optional<std::int64_t> valid_until_ms;
};
// Staff of the community, admins. Writes the notice, its audit entry and one notification
// event per building it is for (one for the whole community): the residents with a login in
// those households are its recipients. Errors: 403; 404 community, building of another
// community; 400 invalid_kind, invalid_field (title 1-60, body 1-4000 characters, at most 100
// buildings, valid_until not after now or more than a year ahead).
Result<Announcement> publish(storage::Connection& db, const Actor& actor,
                             const NewAnnouncement& input, std::int64_t now_ms);

struct Change {
  std::optional<bool> pinned;
  std::optional<std::optional<std::int64_t>> valid_until_ms;  // a value, or cleared
};
// Staff of its community, admins; 409 withdrawn for a withdrawn notice.
Result<Announcement> update(storage::Connection& db, const Actor& actor, std::int64_t id,
                            const Change& change, std::int64_t now_ms);
// Takes a notice down with a reason residents can read (1-200 characters); 409 withdrawn.
Result<Announcement> withdraw(storage::Connection& db, const Actor& actor, std::int64_t id,
                              const std::string& reason, std::int64_t now_ms);

struct Filter {
  std::int64_t community_id = 0;
  // Officials only: also expired and withdrawn notices.
  bool include_past = false;
  std::int64_t limit = 50;
};
// Pinned first, then newest. Residents: the current notices for the whole community and their
// building, each with `read`; officials (guides, staff, street, admins of the community): all
// current notices (or past ones too) with `reads`.
Result<std::vector<Announcement>> list(storage::Connection& db, const Actor& actor,
                                       const Filter& filter, std::int64_t now_ms);
// Without a login: the community's current whole-community notices (404 no community).
Result<std::vector<Announcement>> list_public(storage::Connection& db, std::int64_t community_id,
                                              std::int64_t limit, std::int64_t now_ms);
// One notice as the list shows it, by its link also when expired or withdrawn (then with its
// reason); 404 for one the actor may not see (another building's, another community's).
Result<Announcement> get(storage::Connection& db, const Actor& actor, std::int64_t id);
// A resident's first read (later reads change nothing); for anyone else a no-op. Returns the
// notice with read = true. 404 as get.
Result<Announcement> mark_read(storage::Connection& db, const Actor& actor, std::int64_t id,
                               std::int64_t now_ms);

struct BuildingReads {
  std::int64_t building_id = 0;
  std::string building_name;
  std::int64_t households = 0;       // households of the building (registry)
  std::int64_t households_read = 0;  // ... of which a member has read it
  std::int64_t residents_read = 0;   // resident logins that read it
};
struct ReadFigures {
  std::int64_t announcement_id = 0;
  std::int64_t households = 0;
  std::int64_t households_read = 0;
  std::int64_t residents_read = 0;
  std::vector<BuildingReads> buildings;  // the notice's buildings, or every building
};
// Officials of the community, admins.
Result<ReadFigures> read_figures(storage::Connection& db, const Actor& actor, std::int64_t id);

// The demo: a year of notices (cuts for a building, events, policies) and residents' reads;
// returns the notices written.
std::int64_t demo_announcements(storage::Connection& db, std::int64_t community_id,
                                std::int64_t as_of_ms);

}  // namespace gz::announcements
