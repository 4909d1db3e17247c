// The time bank's marketplace: posts, answers, matches and the services recorded from them
// (timebank.hpp).
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/timebank/permissions.hpp"
#include "modules/timebank/timebank.hpp"
#include "storage/transact.hpp"

namespace gz::timebank {
namespace {

constexpr std::int64_t kMaxOpenPosts = 10;
constexpr const char* kPostColumns =
    "SELECT id, community_id, household_id, resident_id, kind, service_type, title, details, "
    "availability, status, created_ms, (SELECT COUNT(*) FROM timebank_matches m WHERE m.post_id "
    "= timebank_posts.id AND m.status IN ('proposed', 'accepted')) FROM timebank_posts ";
constexpr const char* kMatchColumns =
    "SELECT m.id, m.post_id, p.title, p.kind, m.status, m.message, m.resident_id, "
    "m.household_id, m.service_id, m.created_ms, p.household_id, p.resident_id, p.community_id "
    "FROM timebank_matches m JOIN timebank_posts p ON p.id = m.post_id ";

bool is_service_type(std::string_view type) {
  return std::any_of(std::begin(kServiceTypes), std::end(kServiceTypes),
                     [&](const char* known) { return type == known; });
}

std::string age_band(std::optional<int> birth_year, std::int64_t at_ms) {
  if (!birth_year) return {};
  int age = std::stoi(format_date(at_ms).substr(0, 4)) - *birth_year;
  if (age >= 80) return "80_plus";
  if (age >= 70) return "70s";
  if (age >= 60) return "60s";
  return "under_60";
}

// Who a member is as neighbours see them: name, building, birth year; looked up once.
class People {
 public:
  explicit People(storage::Connection& db) : db_(db) {}
  struct Person {
    std::string name;
    std::int64_t household_id = 0;
    std::optional<std::string> building;
    std::optional<int> birth_year;
  };
  const Person& of(std::int64_t resident_id, std::int64_t household_id) {
    auto found = people_.find(resident_id);
    if (found != people_.end()) return found->second;
    Person person;
    person.household_id = household_id;
    if (auto card = registry::neighbour_card(db_, resident_id)) {
      person.name = card->name;
      person.birth_year = card->birth_year;
      person.building = card->building;
    }
    return people_.emplace(resident_id, std::move(person)).first->second;
  }

 private:
  storage::Connection& db_;
  std::map<std::int64_t, Person> people_;
};

// Whether the actor may see who exactly a member of this household is.
bool knows(const Actor& actor, std::int64_t community_id, std::int64_t household_id) {
  return speaks_for(actor, community_id, household_id) ||
         (!actor.is(Role::resident) && actor.belongs_to(community_id));
}

Post post_from(const storage::Row& row, const Actor& actor, People& people) {
  Post post;
  post.id = row.integer(0);
  post.community_id = row.integer(1);
  std::int64_t household = row.integer(2);
  std::int64_t resident = row.integer(3);
  post.kind = row.text(4);
  post.service_type = row.text(5);
  post.title = row.text(6);
  post.details = row.text(7);
  post.availability = row.text(8);
  post.status = row.text(9);
  post.created_ms = row.integer(10);
  post.responses = row.integer(11);
  post.mine = actor.is(Role::resident) && actor.household_id == household;
  const auto& person = people.of(resident, household);
  bool full = knows(actor, post.community_id, household);
  post.poster_name = full ? person.name : pii::mask_name(person.name);
  if (full) post.resident_id = resident;
  post.building = person.building;
  if (auto band = age_band(person.birth_year, post.created_ms); !band.empty()) post.age_band = band;
  return post;
}

Match match_from(const storage::Row& row, const Actor& actor, People& people) {
  Match match;
  match.id = row.integer(0);
  match.post_id = row.integer(1);
  match.post_title = row.text(2);
  match.post_kind = row.text(3);
  match.status = row.text(4);
  match.message = row.text(5);
  std::int64_t resident = row.integer(6), household = row.integer(7);
  match.service_id = row.opt_integer(8);
  match.created_ms = row.integer(9);
  std::int64_t community = row.integer(12);
  const auto& person = people.of(resident, household);
  // The poster's household learns who answered; so does the responder's own.
  bool full = knows(actor, community, household) || knows(actor, community, row.integer(10));
  match.responder_name = full ? person.name : pii::mask_name(person.name);
  if (full) match.responder_resident_id = resident;
  match.responder_building = person.building;
  if (auto band = age_band(person.birth_year, match.created_ms); !band.empty()) {
    match.responder_age_band = band;
  }
  return match;
}

Result<storage::Row> post_row(storage::Connection& db, const Actor& actor, std::int64_t id) {
  auto row = db.query_one(std::string(kPostColumns) + "WHERE id = ?", {id});
  if (!row || !is_member(actor, row->integer(1))) {
    return not_found("no post " + std::to_string(id));
  }
  return *row;
}

Result<storage::Row> match_row(storage::Connection& db, const Actor& actor, std::int64_t id) {
  auto row = db.query_one(std::string(kMatchColumns) + "WHERE m.id = ?", {id});
  auto missing = not_found("no answer " + std::to_string(id));
  if (!row) return missing;
  std::int64_t community = row->integer(12);
  if (!knows(actor, community, row->integer(7)) && !knows(actor, community, row->integer(10))) {
    return missing;
  }
  return *row;
}

void tell(storage::Connection& db, std::int64_t community_id, std::int64_t household_id,
          const std::string& kind, std::int64_t match_id, boost::json::object data,
          std::int64_t now_ms) {
  notifications::Event event;
  event.community_id = community_id;
  event.kind = kind;
  event.subject_type = "timebank_match";
  event.subject_id = std::to_string(match_id);
  event.recipients = accounts::household_users(db, household_id);
  event.data = std::move(data);
  notifications::record(db, event, now_ms);
}

}  // namespace

Result<Post> create_post(storage::Connection& db, const Actor& actor, const NewPost& input,
                         std::int64_t now_ms) {
  if (input.kind != "offer" && input.kind != "request") {
    return bad_request("invalid_kind", "kind must be offer or request");
  }
  if (!is_service_type(input.service_type)) {
    return bad_request("invalid_service_type", "unknown service_type");
  }
  std::string title = text::trim(input.title), details = text::trim(input.details),
              availability = text::trim(input.availability);
  if (title.empty() || text::utf8_length(title) > 40) {
    return bad_request("invalid_field", "title must be 1-40 characters");
  }
  if (text::utf8_length(details) > 500 || text::utf8_length(availability) > 60) {
    return bad_request("invalid_field", "details up to 500, availability up to 60 characters");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Post> {
    GZ_ASSIGN_OR_RETURN(auto member, registry::visible_resident(db, actor, input.resident_id));
    if (!speaks_for(actor, member.community_id, member.household_id)) {
      return forbidden("a household posts for its own members");
    }
    if (db.query_int("SELECT COUNT(*) FROM timebank_posts WHERE household_id = ? AND status = "
                     "'open'",
                     {member.household_id}) >= kMaxOpenPosts) {
      return conflict("too_many_posts", "a household keeps at most 10 open posts");
    }
    std::int64_t id =
        db.query_one(
              "INSERT INTO timebank_posts (community_id, household_id, resident_id, kind, "
              "service_type, title, details, availability, status, created_ms) VALUES (?, ?, ?, "
              "?, ?, ?, ?, ?, 'open', ?) RETURNING id",
              {member.community_id, member.household_id, member.id, input.kind, input.service_type,
               title, details, availability, now_ms})
            ->integer(0);
    audit::append(db, actor,
                  {member.community_id, "timebank.post", "timebank_post", std::to_string(id),
                   boost::json::object{{"kind", input.kind},
                                       {"service_type", input.service_type},
                                       {"resident_id", member.id}}});
    People people(db);
    return post_from(*db.query_one(std::string(kPostColumns) + "WHERE id = ?", {id}), actor,
                     people);
  });
}

Result<std::vector<Post>> list_posts(storage::Connection& db, const Actor& actor,
                                     const PostFilter& filter) {
  if (filter.limit < 1 || filter.limit > 200) {
    return bad_request("invalid_query", "limit must be 1-200");
  }
  GZ_TRY(registry::require_member(db, actor, filter.community_id));
  if (filter.kind && *filter.kind != "offer" && *filter.kind != "request") {
    return bad_request("invalid_query", "kind must be offer or request");
  }
  if (filter.service_type && !is_service_type(*filter.service_type)) {
    return bad_request("invalid_query", "unknown service_type");
  }
  std::string where = "WHERE community_id = ?";
  std::vector<storage::Value> params{filter.community_id};
  if (filter.mine) {
    if (!actor.household_id) return std::vector<Post>{};
    where += " AND household_id = ?";
    params.emplace_back(*actor.household_id);
  }
  // Closed posts: one's own, or for the community's officials.
  if (!filter.include_closed || (!filter.mine && actor.is(Role::resident))) {
    where += " AND status = 'open'";
  }
  if (filter.kind) {
    where += " AND kind = ?";
    params.emplace_back(*filter.kind);
  }
  if (filter.service_type) {
    where += " AND service_type = ?";
    params.emplace_back(*filter.service_type);
  }
  std::vector<std::int64_t> in_building;
  if (filter.building_id) {
    auto households =
        registry::households_in_building(db, filter.community_id, *filter.building_id);
    if (!households) return households.take_error();
    for (const auto& household : *households) in_building.push_back(household.id);
    if (in_building.empty()) return std::vector<Post>{};
    where += " AND " + storage::in_list("household_id", in_building, params);
  }
  params.emplace_back(filter.limit);
  People people(db);
  std::vector<Post> out;
  for (const auto& row :
       db.query(std::string(kPostColumns) + where + " ORDER BY created_ms DESC, id DESC LIMIT ?",
                params)) {
    out.push_back(post_from(row, actor, people));
  }
  return out;
}

Result<Post> close_post(storage::Connection& db, const Actor& actor, std::int64_t post_id,
                        std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Post> {
    GZ_ASSIGN_OR_RETURN(auto row, post_row(db, actor, post_id));
    std::int64_t community = row.integer(1), household = row.integer(2);
    bool own = speaks_for(actor, community, household);
    if (!own && !is_staff_of(actor, community)) {
      return forbidden("the poster's household or staff close a post");
    }
    if (row.text(9) != "open") return conflict("closed", "the post is closed");
    db.execute("UPDATE timebank_posts SET status = 'closed', closed_ms = ? WHERE id = ?",
               {now_ms, post_id});
    // Answers still waiting are withdrawn with it.
    db.execute(
        "UPDATE timebank_matches SET status = 'withdrawn', answered_ms = ? WHERE post_id = ? AND "
        "status = 'proposed'",
        {now_ms, post_id});
    audit::append(db, actor,
                  {community, "timebank.post_close", "timebank_post", std::to_string(post_id),
                   boost::json::object{{"by_staff", !own}}});
    People people(db);
    return post_from(*db.query_one(std::string(kPostColumns) + "WHERE id = ?", {post_id}), actor,
                     people);
  });
}

Result<Match> respond(storage::Connection& db, const Actor& actor, std::int64_t post_id,
                      std::int64_t resident_id, const std::string& message, std::int64_t now_ms) {
  std::string text = text::trim(message);
  if (text::utf8_length(text) > 300) {
    return bad_request("invalid_field", "message is at most 300 characters");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Match> {
    GZ_ASSIGN_OR_RETURN(auto post, post_row(db, actor, post_id));
    GZ_ASSIGN_OR_RETURN(auto member, registry::visible_resident(db, actor, resident_id));
    if (member.community_id != post.integer(1) ||
        !speaks_for(actor, member.community_id, member.household_id)) {
      return forbidden("a household answers for its own members");
    }
    if (post.text(9) != "open") return conflict("closed", "the post is closed");
    if (member.household_id == post.integer(2)) {
      return conflict("own_post", "a household does not answer its own post");
    }
    if (db.query_one("SELECT 1 FROM timebank_matches WHERE post_id = ? AND resident_id = ?",
                     {post_id, member.id})) {
      return conflict("already_answered", "this member has answered the post");
    }
    std::int64_t id =
        db.query_one(
              "INSERT INTO timebank_matches (post_id, community_id, household_id, resident_id, "
              "message, status, created_ms) VALUES (?, ?, ?, ?, ?, 'proposed', ?) RETURNING id",
              {post_id, member.community_id, member.household_id, member.id, text, now_ms})
            ->integer(0);
    audit::append(db, actor,
                  {member.community_id, "timebank.respond", "timebank_match", std::to_string(id),
                   boost::json::object{{"post_id", post_id}, {"resident_id", member.id}}});
    tell(db, member.community_id, post.integer(2), "timebank.answered", id,
         {{"title", post.text(6)}, {"building", ""}}, now_ms);
    People people(db);
    return match_from(*db.query_one(std::string(kMatchColumns) + "WHERE m.id = ?", {id}), actor,
                      people);
  });
}

Result<std::vector<Match>> list_matches(storage::Connection& db, const Actor& actor,
                                        std::optional<std::int64_t> post_id) {
  std::string where;
  std::vector<storage::Value> params;
  if (post_id) {
    GZ_ASSIGN_OR_RETURN(auto post, post_row(db, actor, *post_id));
    if (!knows(actor, post.integer(1), post.integer(2))) {
      return forbidden("the answers to a post are its household's");
    }
    where = "WHERE m.post_id = ?";
    params.emplace_back(*post_id);
  } else {
    if (!actor.household_id) return std::vector<Match>{};
    // The household's answers, and the answers to its posts.
    where = "WHERE m.household_id = ? OR p.household_id = ?";
    params.emplace_back(*actor.household_id);
    params.emplace_back(*actor.household_id);
  }
  People people(db);
  std::vector<Match> out;
  for (const auto& row : db.query(
           std::string(kMatchColumns) + where + " ORDER BY m.created_ms DESC, m.id DESC LIMIT 200",
           params)) {
    out.push_back(match_from(row, actor, people));
  }
  return out;
}

Result<Match> answer_match(storage::Connection& db, const Actor& actor, std::int64_t match_id,
                           bool accept, std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Match> {
    GZ_ASSIGN_OR_RETURN(auto row, match_row(db, actor, match_id));
    std::int64_t community = row.integer(12), poster_household = row.integer(10);
    if (!speaks_for(actor, community, poster_household)) {
      return forbidden("the poster's household accepts or declines");
    }
    if (row.text(4) != "proposed") return conflict("not_proposed", "the answer is " + row.text(4));
    db.execute("UPDATE timebank_matches SET status = ?, answered_ms = ? WHERE id = ?",
               {std::string(accept ? "accepted" : "declined"), now_ms, match_id});
    if (accept && row.text(3) == "request") {
      // A request is met once: it closes, and the other answers are declined.
      db.execute("UPDATE timebank_posts SET status = 'closed', closed_ms = ? WHERE id = ?",
                 {now_ms, row.integer(1)});
      db.execute(
          "UPDATE timebank_matches SET status = 'declined', answered_ms = ? WHERE post_id = ? "
          "AND status = 'proposed'",
          {now_ms, row.integer(1)});
    }
    audit::append(db, actor,
                  {community, accept ? "timebank.accept" : "timebank.decline", "timebank_match",
                   std::to_string(match_id), boost::json::object{{"post_id", row.integer(1)}}});
    tell(db, community, row.integer(7), "timebank.match_answered", match_id,
         {{"title", row.text(2)},
          {"decision_zh", accept ? "已接受" : "已婉拒"},
          {"decision_en", accept ? "accepted" : "declined"}},
         now_ms);
    People people(db);
    return match_from(*db.query_one(std::string(kMatchColumns) + "WHERE m.id = ?", {match_id}),
                      actor, people);
  });
}

Result<Service> record_from_match(storage::Connection& db, const Actor& actor,
                                  std::int64_t match_id, const std::string& service_date,
                                  std::int64_t minutes, const std::optional<std::string>& note,
                                  std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Service> {
    GZ_ASSIGN_OR_RETURN(auto row, match_row(db, actor, match_id));
    if (row.text(4) != "accepted") {
      return conflict("not_accepted", "only an accepted answer leads to a service");
    }
    // An offer's poster provides; for a request, the one who answered does.
    bool offer = row.text(3) == "offer";
    if (!speaks_for(actor, row.integer(12), offer ? row.integer(10) : row.integer(7))) {
      return forbidden("the provider's household records the service; the recipient confirms it");
    }
    NewService service;
    service.provider_resident_id = offer ? row.integer(11) : row.integer(6);
    service.recipient_resident_id = offer ? row.integer(6) : row.integer(11);
    service.service_date = service_date;
    service.minutes = minutes;
    service.service_type =
        db.query_one("SELECT service_type FROM timebank_posts WHERE id = ?", {row.integer(1)})
            ->text(0);
    service.note = note ? note : std::optional<std::string>(row.text(2));
    GZ_ASSIGN_OR_RETURN(auto recorded, record_service(db, actor, service, now_ms));
    db.execute("UPDATE timebank_matches SET status = 'done', service_id = ? WHERE id = ?",
               {recorded.id, match_id});
    return recorded;
  });
}

}  // namespace gz::timebank
