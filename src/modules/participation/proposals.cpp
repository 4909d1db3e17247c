// Proposals, seconds, agenda, votes, outcomes, responses and settings; see proposals.hpp.
#include "modules/participation/proposals.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/participation/permissions.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::participation {
namespace {

constexpr const char* kColumns =
    "SELECT p.id, p.community_id, p.household_id, p.title, p.body, p.state, p.meetings, "
    "p.decided_ms, p.response, p.responded_at, p.created_at, "
    "(SELECT COUNT(*) FROM proposal_seconds s WHERE s.proposal_id = p.id), "
    "(SELECT COUNT(*) FROM proposal_seconds m WHERE m.proposal_id = p.id AND m.household_id = "
    "?) FROM proposals p ";

Proposal proposal_from(const storage::Row& row, const Settings& settings, std::int64_t now_ms) {
  Proposal p;
  p.id = row.integer(0);
  p.community_id = row.integer(1);
  p.household_id = row.integer(2);
  p.title = row.text(3);
  p.body = row.text(4);
  p.state = parse_state(row.text(5)).value_or(State::draft);
  p.meetings = row.integer(6);
  p.decided_ms = row.opt_integer(7);
  p.response = row.opt_text(8);
  p.responded_at = row.opt_text(9);
  p.created_at = row.text(10);
  p.seconds = row.integer(11);
  p.seconded_by_my_household = row.integer(12) > 0;
  p.seconds_required = settings.seconds_required;
  if (p.decided_ms) p.response_due_ms = response_due_ms(*p.decided_ms, settings);
  p.stalled = is_stalled(p.state, p.meetings);
  p.response_overdue = response_overdue(p.state, p.decided_ms, now_ms, settings);
  return p;
}

bool may_see(const Actor& actor, const Proposal& p) {
  if (!actor.belongs_to(p.community_id)) return false;
  // A draft is the proposer household's own until submitted.
  return p.state != State::draft || (actor.household_id && *actor.household_id == p.household_id);
}

Result<Proposal> visible(storage::Connection& db, const Actor& actor, std::int64_t id,
                         std::int64_t now_ms) {
  // The first parameter: the actor's household, for "seconded by my household".
  auto row =
      db.query_one(std::string(kColumns) + "WHERE p.id = ?", {actor.household_id.value_or(-1), id});
  if (row) {
    auto p = proposal_from(*row, load_settings(db, row->integer(1)), now_ms);
    if (may_see(actor, p)) return p;
  }
  return not_found("no proposal " + std::to_string(id));
}

// Every change to one proposal takes turns on PostgreSQL (seconds counted against the
// threshold, agenda and outcome); votes rely on their primary key instead.
void lock_proposal(storage::Connection& db, std::int64_t id) {
  if (db.dialect() != storage::Dialect::postgresql) return;
  db.query("SELECT id FROM proposals WHERE id = ? FOR UPDATE", {id});
}

bool is_proposer(const Actor& actor, const Proposal& p) {
  return actor.is(Role::resident) && actor.household_id && *actor.household_id == p.household_id;
}

void set_state(storage::Connection& db, std::int64_t id, State state, std::int64_t now_ms) {
  db.execute("UPDATE proposals SET state = ?, updated_at = ? WHERE id = ?",
             {std::string(state_name(state)), format_iso8601(now_ms), id});
}

void audit_proposal(storage::Connection& db, const Actor& actor, const Proposal& p,
                    const char* action, boost::json::object change) {
  audit::append(db, actor, {p.community_id, action, "proposal", std::to_string(p.id), change});
}

struct Current {
  std::int64_t agenda_id = 0;
  std::int64_t activity_id = 0;
  Motion motion = Motion::scheduled;
};
// The agenda item of a proposal on the agenda: its newest.
std::optional<Current> current_item(storage::Connection& db, std::int64_t proposal_id) {
  auto row = db.query_one(
      "SELECT id, activity_id, motion FROM proposal_agenda WHERE proposal_id = ? ORDER BY id "
      "DESC LIMIT 1",
      {proposal_id});
  if (!row) return std::nullopt;
  return Current{row->integer(0), row->integer(1),
                 parse_motion(row->text(2)).value_or(Motion::scheduled)};
}

Tally tally_of(storage::Connection& db, std::int64_t agenda_id, std::int64_t activity_id) {
  Tally tally;
  tally.present_households = db.query_int(
      "SELECT COUNT(DISTINCT household_id) FROM activity_attendance WHERE activity_id = ?",
      {activity_id});
  for (const auto& row : db.query("SELECT choice, COUNT(*) FROM proposal_votes WHERE agenda_id = "
                                  "? GROUP BY choice",
                                  {agenda_id})) {
    if (row.text(0) == "yes") tally.yes = row.integer(1);
    if (row.text(0) == "no") tally.no = row.integer(1);
    if (row.text(0) == "abstain") tally.abstain = row.integer(1);
  }
  return tally;
}

// A proposal's words — the proposer's, the meeting's, staff's response — as the actor may
// read them: masked for anyone without personal-data rights.
void mask_for(const Actor& actor, Proposal& p) {
  const pii::Reader reader = registry::permissions::personal_data_reader(actor, p.community_id);
  if (reader == pii::Reader::entitled) return;
  p.title = pii::mask_text(p.title);
  p.body = pii::mask_text(p.body);
  p.response = pii::text_for(reader, p.response);
  for (auto& item : p.agenda) {
    item.outcome = pii::text_for(reader, item.outcome);
    item.note = pii::text_for(reader, item.note);
  }
}

// The proposal after a change, as the actor reads it.
Result<Proposal> reload(storage::Connection& db, const Actor& actor, std::int64_t id,
                        std::int64_t now_ms) {
  auto p = visible(db, actor, id, now_ms);
  if (p) mask_for(actor, *p);
  return p;
}

}  // namespace

Result<Proposal> draft_proposal(storage::Connection& db, const Actor& actor,
                                std::int64_t community_id, const std::string& title,
                                const std::string& body, bool submit, std::int64_t now_ms) {
  if (community_id < 1 || !actor.belongs_to(community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (!is_resident_of(actor, community_id)) {
    return forbidden("proposals are made by residents of the community");
  }
  GZ_TRY(text::require_text(title, "title", 200));
  GZ_TRY(text::require_text(body, "body", 8000));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Proposal> {
    State state = submit ? State::seconding : State::draft;
    std::string at = format_iso8601(now_ms);
    std::int64_t id = db.query_one(
                            "INSERT INTO proposals (community_id, household_id, user_id, title, "
                            "body, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                            "?) RETURNING id",
                            {community_id, *actor.household_id, actor.user_id, title, body,
                             std::string(state_name(state)), at, at})
                          ->integer(0);
    auto p = reload(db, actor, id, now_ms);
    if (!p) return p;
    audit_proposal(db, actor, *p, "proposal.create",
                   {{"title", title}, {"body", body}, {"state", state_name(state)}});
    return p;
  });
}

Result<Proposal> transition_proposal(storage::Connection& db, const Actor& actor,
                                     std::int64_t proposal_id, const std::string& action,
                                     std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Proposal> {
    lock_proposal(db, proposal_id);
    auto p = visible(db, actor, proposal_id, now_ms);
    if (!p) return p;
    if (action != "submit" && action != "withdraw") {
      return bad_request("unknown_action", "action must be submit or withdraw");
    }
    bool allowed =
        is_proposer(actor, *p) || (action == "withdraw" && may_chair(actor, p->community_id));
    if (!allowed) return forbidden("only the proposer's household (or staff, to withdraw) may");
    auto next = next_state(p->state, action);
    if (!next) return next.take_error();
    State target = *next;
    // A submitted proposal that already has its seconds cannot happen (seconds need
    // seconding), so submit always lands in seconding.
    set_state(db, proposal_id, target, now_ms);
    audit_proposal(
        db, actor, *p, "proposal.transition",
        {{"action", action}, {"from", state_name(p->state)}, {"to", state_name(target)}});
    return reload(db, actor, proposal_id, now_ms);
  });
}

Result<Proposal> second_proposal(storage::Connection& db, const Actor& actor,
                                 std::int64_t proposal_id, std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Proposal> {
    lock_proposal(db, proposal_id);
    auto p = visible(db, actor, proposal_id, now_ms);
    if (!p) return p;
    if (!is_resident_of(actor, p->community_id)) {
      return forbidden("households second proposals through a resident's login");
    }
    if (*actor.household_id == p->household_id) {
      return conflict("own_household", "the proposer's own household cannot second it");
    }
    if (p->state != State::seconding) {
      return conflict("not_seconding", "this proposal is not collecting seconds");
    }
    if (db.query_one("SELECT household_id FROM proposal_seconds WHERE proposal_id = ? AND "
                     "household_id = ?",
                     {proposal_id, *actor.household_id})) {
      return conflict("already_seconded", "your household has seconded this proposal");
    }
    db.execute(
        "INSERT INTO proposal_seconds (proposal_id, community_id, household_id, user_id, "
        "created_at) VALUES (?, ?, ?, ?, ?)",
        {proposal_id, p->community_id, *actor.household_id, actor.user_id, format_iso8601(now_ms)});
    std::int64_t households =
        db.query_int("SELECT COUNT(*) FROM proposal_seconds WHERE proposal_id = ?", {proposal_id});
    State next = after_second(p->state, households, load_settings(db, p->community_id));
    if (next != p->state) set_state(db, proposal_id, next, now_ms);
    audit_proposal(db, actor, *p, "proposal.second",
                   {{"households", households}, {"state", state_name(next)}});
    return reload(db, actor, proposal_id, now_ms);
  });
}

Result<Proposal> put_on_agenda(storage::Connection& db, const Actor& actor,
                               std::int64_t proposal_id, std::int64_t activity_id,
                               std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Proposal> {
    lock_proposal(db, proposal_id);
    auto p = visible(db, actor, proposal_id, now_ms);
    if (!p) return p;
    if (!may_chair(actor, p->community_id)) return forbidden("only staff set agendas");
    auto meeting =
        db.query_one("SELECT kind, ends_ms FROM activities WHERE id = ? AND community_id = ?",
                     {activity_id, p->community_id});
    if (!meeting) return not_found("no meeting " + std::to_string(activity_id));
    if (meeting->text(0) != "meeting") {
      return conflict("not_a_meeting", "proposals go on the agenda of an activity of kind meeting");
    }
    if (meeting->integer(1) <= now_ms) return conflict("meeting_over", "that meeting has ended");
    auto next = next_state(p->state, "agenda");
    if (!next) return next.take_error();
    if (db.query_one("SELECT id FROM proposal_agenda WHERE proposal_id = ? AND activity_id = ?",
                     {proposal_id, activity_id})) {
      return conflict("already_on_agenda", "the proposal was on that meeting's agenda already");
    }
    db.execute(
        "INSERT INTO proposal_agenda (proposal_id, community_id, activity_id, motion, "
        "created_at) VALUES (?, ?, ?, ?, ?)",
        {proposal_id, p->community_id, activity_id, std::string(motion_name(Motion::scheduled)),
         format_iso8601(now_ms)});
    db.execute(
        "UPDATE proposals SET state = ?, meetings = meetings + 1, updated_at = ? WHERE id = ?",
        {std::string(state_name(*next)), format_iso8601(now_ms), proposal_id});
    audit_proposal(db, actor, *p, "proposal.agenda",
                   {{"activity_id", activity_id}, {"meetings", p->meetings + 1}});
    return reload(db, actor, proposal_id, now_ms);
  });
}

Result<Proposal> motion_step(storage::Connection& db, const Actor& actor, std::int64_t proposal_id,
                             const std::string& step, const std::optional<std::string>& note,
                             std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Proposal> {
    lock_proposal(db, proposal_id);
    auto p = visible(db, actor, proposal_id, now_ms);
    if (!p) return p;
    if (!may_chair(actor, p->community_id)) return forbidden("only staff chair the meeting");
    auto item = current_item(db, proposal_id);
    if (p->state != State::on_agenda || !item) {
      return conflict("not_on_agenda", "the proposal is not on a meeting's agenda");
    }
    auto next = next_motion(item->motion, step);
    if (!next) return next.take_error();
    db.execute("UPDATE proposal_agenda SET motion = ?, note = COALESCE(?, note) WHERE id = ?",
               {std::string(motion_name(*next)), storage::opt_text(note), item->agenda_id});
    if (*next == Motion::deferred) {
      db.execute("UPDATE proposal_agenda SET outcome = 'deferred', decided_at = ? WHERE id = ?",
                 {format_iso8601(now_ms), item->agenda_id});
      set_state(db, proposal_id, State::deferred, now_ms);
    }
    boost::json::object change{{"step", step}, {"motion", motion_name(*next)}};
    if (note) change["note"] = *note;
    audit_proposal(db, actor, *p, "proposal.motion", change);
    return reload(db, actor, proposal_id, now_ms);
  });
}

Result<Vote> cast_vote(storage::Connection& db, const Actor& actor, std::int64_t proposal_id,
                       const std::string& choice, std::int64_t now_ms) {
  if (choice != "yes" && choice != "no" && choice != "abstain") {
    return bad_request("invalid_choice", "choice must be yes, no or abstain");
  }
  try {
    return storage::transact(db, storage::TxMode::write, [&]() -> Result<Vote> {
      auto p = visible(db, actor, proposal_id, now_ms);
      if (!p) return p.take_error();
      if (!is_resident_of(actor, p->community_id)) {
        return forbidden("households vote through a resident's login");
      }
      auto item = current_item(db, proposal_id);
      if (p->state != State::on_agenda || !item || item->motion != Motion::voting) {
        return conflict("voting_closed", "the vote on this proposal is not open");
      }
      // The online hall votes within the meeting: from the phone, until it ends.
      if (auto meeting = db.query_one("SELECT channel, ends_ms FROM activities WHERE id = ?",
                                      {item->activity_id});
          meeting && meeting->text(0) == "online_hall" && now_ms >= meeting->integer(1)) {
        return conflict("voting_closed",
                        "the online meeting has ended; its vote closed with it (线上议事已结束)");
      }
      if (!db.query_one("SELECT resident_id FROM activity_attendance WHERE activity_id = ? AND "
                        "household_id = ? LIMIT 1",
                        {item->activity_id, *actor.household_id})) {
        return conflict("not_present", "only households checked in at the meeting vote (请先签到)");
      }
      if (db.query_one("SELECT choice FROM proposal_votes WHERE agenda_id = ? AND household_id = ?",
                       {item->agenda_id, *actor.household_id})) {
        return conflict("already_voted", "your household has voted on this motion");
      }
      Vote vote{proposal_id, item->agenda_id, choice, format_iso8601(now_ms)};
      db.execute(
          "INSERT INTO proposal_votes (agenda_id, community_id, proposal_id, household_id, "
          "user_id, choice, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {item->agenda_id, p->community_id, proposal_id, *actor.household_id, actor.user_id,
           choice, vote.created_at});
      audit_proposal(db, actor, *p, "proposal.vote",
                     {{"agenda_id", item->agenda_id}, {"choice", choice}});
      return vote;
    });
  } catch (const storage::DbError& error) {
    // Two votes of one household at once: the primary key lets one in.
    if (error.kind() != storage::DbErrorKind::unique_violation) throw;
    return conflict("already_voted", "your household has voted on this motion");
  }
}

Result<Proposal> record_outcome(storage::Connection& db, const Actor& actor,
                                std::int64_t proposal_id, const std::optional<std::string>& note,
                                std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Proposal> {
    lock_proposal(db, proposal_id);
    auto p = visible(db, actor, proposal_id, now_ms);
    if (!p) return p;
    if (!may_chair(actor, p->community_id)) return forbidden("only staff record outcomes");
    auto item = current_item(db, proposal_id);
    if (p->state != State::on_agenda || !item || item->motion != Motion::voting) {
      return conflict("voting_not_open", "call the vote (call_vote) before recording the outcome");
    }
    Tally tally = tally_of(db, item->agenda_id, item->activity_id);
    Settings settings = load_settings(db, p->community_id);
    State outcome = decide(tally, settings);
    db.execute(
        "UPDATE proposal_agenda SET motion = 'decided', outcome = ?, present_households = ?, "
        "yes_votes = ?, no_votes = ?, abstentions = ?, note = COALESCE(?, note), decided_at = ? "
        "WHERE id = ?",
        {std::string(state_name(outcome)), tally.present_households, tally.yes, tally.no,
         tally.abstain, storage::opt_text(note), format_iso8601(now_ms), item->agenda_id});
    if (outcome == State::no_quorum) {
      set_state(db, proposal_id, outcome, now_ms);
    } else {
      db.execute("UPDATE proposals SET state = ?, decided_ms = ?, updated_at = ? WHERE id = ?",
                 {std::string(state_name(outcome)), now_ms, format_iso8601(now_ms), proposal_id});
    }
    audit_proposal(db, actor, *p, "proposal.outcome",
                   {{"outcome", state_name(outcome)},
                    {"present_households", tally.present_households},
                    {"yes", tally.yes},
                    {"no", tally.no},
                    {"abstain", tally.abstain}});
    return reload(db, actor, proposal_id, now_ms);
  });
}

Result<Proposal> respond_proposal(storage::Connection& db, const Actor& actor,
                                  std::int64_t proposal_id, const std::string& response,
                                  std::int64_t now_ms) {
  GZ_TRY(text::require_text(response, "response", 8000));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Proposal> {
    lock_proposal(db, proposal_id);
    auto p = visible(db, actor, proposal_id, now_ms);
    if (!p) return p;
    if (!may_chair(actor, p->community_id)) return forbidden("only staff respond publicly");
    auto next = next_state(p->state, "respond");
    if (!next) return next.take_error();
    db.execute(
        "UPDATE proposals SET state = ?, response = ?, responded_at = ?, updated_at = ? WHERE id "
        "= ?",
        {std::string(state_name(*next)), response, format_iso8601(now_ms), format_iso8601(now_ms),
         proposal_id});
    audit_proposal(db, actor, *p, "proposal.respond",
                   {{"response", response}, {"overdue", p->response_overdue}});
    return reload(db, actor, proposal_id, now_ms);
  });
}

Result<std::vector<Proposal>> list_proposals(storage::Connection& db, const Actor& actor,
                                             std::int64_t community_id, std::optional<State> state,
                                             std::int64_t now_ms) {
  if (community_id < 1 || !actor.belongs_to(community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  Settings settings = load_settings(db, community_id);
  std::vector<Proposal> out;
  std::string sql = std::string(kColumns) + "WHERE p.community_id = ?";
  std::vector<storage::Value> params{actor.household_id.value_or(-1), community_id};
  if (state) {
    sql += " AND p.state = ?";
    params.emplace_back(std::string(state_name(*state)));
  }
  sql += " ORDER BY p.id DESC LIMIT 500";
  for (const auto& row : db.query(sql, params)) {
    auto p = proposal_from(row, settings, now_ms);
    if (!may_see(actor, p)) continue;
    mask_for(actor, p);
    out.push_back(std::move(p));
  }
  return out;
}

Result<Proposal> get_proposal(storage::Connection& db, const Actor& actor, std::int64_t proposal_id,
                              std::int64_t now_ms) {
  auto p = visible(db, actor, proposal_id, now_ms);
  if (!p) return p;
  for (const auto& row :
       db.query("SELECT g.id, g.activity_id, a.title, a.starts_ms, g.motion, g.outcome, "
                "g.present_households, g.yes_votes, g.no_votes, g.abstentions, g.note, "
                "g.decided_at FROM proposal_agenda g JOIN activities a ON a.id = g.activity_id "
                "WHERE g.proposal_id = ? ORDER BY g.id",
                {proposal_id})) {
    AgendaItem item;
    item.id = row.integer(0);
    item.activity_id = row.integer(1);
    item.meeting_title = row.text(2);
    item.meeting_starts_ms = row.integer(3);
    item.motion = parse_motion(row.text(4)).value_or(Motion::scheduled);
    item.outcome = row.opt_text(5);
    item.note = row.opt_text(10);
    item.decided_at = row.opt_text(11);
    if (item.motion == Motion::decided) {
      item.tally = {row.opt_integer(6).value_or(0), row.opt_integer(7).value_or(0),
                    row.opt_integer(8).value_or(0), row.opt_integer(9).value_or(0)};
    } else {
      item.tally = tally_of(db, item.id, item.activity_id);
    }
    if (actor.is(Role::resident) && actor.household_id) {
      item.my_household_present =
          db.query_one(
                "SELECT resident_id FROM activity_attendance WHERE activity_id = ? AND "
                "household_id = ? LIMIT 1",
                {item.activity_id, *actor.household_id})
              .has_value();
      if (auto vote = db.query_one(
              "SELECT choice FROM proposal_votes WHERE agenda_id = ? AND household_id = ?",
              {item.id, *actor.household_id})) {
        item.my_vote = vote->text(0);
      }
    }
    p->agenda.push_back(std::move(item));
  }
  mask_for(actor, *p);
  return p;
}

Result<Settings> get_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  return load_settings(db, community_id);
}

Result<Settings> put_settings(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id, const Settings& settings) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_chair(actor, community_id)) return forbidden("only staff change these settings");
  GZ_TRY(check_settings(settings));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Settings> {
    std::vector<storage::Value> values{
        settings.seconds_required, settings.quorum_percent, settings.quorum_min_households,
        settings.response_days,    now_iso8601(),           community_id};
    if (db.execute("UPDATE participation_settings SET seconds_required = ?, quorum_percent = ?, "
                   "quorum_min_households = ?, response_days = ?, updated_at = ? WHERE "
                   "community_id = ?",
                   values) == 0) {
      db.execute(
          "INSERT INTO participation_settings (seconds_required, quorum_percent, "
          "quorum_min_households, response_days, updated_at, community_id) VALUES (?, ?, ?, ?, "
          "?, ?)",
          values);
    }
    audit::append(
        db, actor,
        {community_id, "participation.settings", "community", std::to_string(community_id),
         boost::json::object{{"seconds_required", settings.seconds_required},
                             {"quorum_percent", settings.quorum_percent},
                             {"quorum_min_households", settings.quorum_min_households},
                             {"response_days", settings.response_days}}});
    return settings;
  });
}

}  // namespace gz::participation
