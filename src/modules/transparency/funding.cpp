// Parties, pledges and receipts on plan lines; see funding.hpp.
#include "modules/transparency/funding.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/allocation/allocation.hpp"
#include "modules/audit/audit.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/registry/registry.hpp"
#include "modules/transparency/permissions.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/transact.hpp"

namespace gz::transparency {
namespace {

constexpr std::array<std::string_view, 4> kPartyKinds{"government", "market", "foundation",
                                                      "residents"};

const allocation::CofundingRule& rule_for(const std::string& need_type) {
  static const std::vector<allocation::CofundingRule> rules = allocation::default_cofunding_rules();
  for (const auto& rule : rules) {
    if (rule.funding_class == need_type) return rule;
  }
  return rules.front();
}

// Each party's share of a line whose government part is `government` (the rule above).
std::vector<PartyShare> shares_for(const std::string& need_type, std::int64_t government) {
  const auto& rule = rule_for(need_type);
  std::int64_t government_ratio = 0, others_ratio = 0;
  std::vector<std::int64_t> weights;
  for (const auto& party : rule.parties) {
    if (party.party == "government") {
      government_ratio = party.ratio;
    } else {
      others_ratio += party.ratio;
      weights.push_back(party.ratio);
    }
  }
  std::vector<PartyShare> out{{"government", government_ratio, government, government, 0}};
  if (government_ratio <= 0 || weights.empty()) return out;
  std::int64_t others_total = static_cast<std::int64_t>(static_cast<__int128>(government) *
                                                        others_ratio / government_ratio);
  auto parts = allocation::apportion(others_total, weights);
  std::size_t i = 0;
  for (const auto& party : rule.parties) {
    if (party.party == "government") continue;
    out.push_back({party.party, party.ratio, parts.ok() ? parts.value()[i] : 0, 0, 0});
    ++i;
  }
  return out;
}

constexpr const char* kPledgeColumns =
    "SELECT g.id, g.plan_id, g.category, g.party_id, f.name, f.kind, g.amount, "
    "(SELECT COALESCE(SUM(r.amount), 0) FROM funding_receipts r WHERE r.pledge_id = g.id), "
    "g.note, g.created_at FROM funding_pledges g JOIN funding_parties f ON f.id = g.party_id ";

Pledge pledge_from(const storage::Row& row) {
  return {row.integer(0), row.integer(1), row.text(2),    row.integer(3),  row.text(4),
          row.text(5),    row.integer(6), row.integer(7), row.opt_text(8), row.text(9)};
}

Party party_from(const storage::Row& row) {
  return {row.integer(0), row.integer(1), row.text(2),    row.text(3),
          row.text(4),    row.integer(5), row.integer(6), row.text(7)};
}

constexpr const char* kPartyColumns =
    "SELECT f.id, f.community_id, f.kind, f.name, f.profile, "
    "(SELECT COALESCE(SUM(g.amount), 0) FROM funding_pledges g WHERE g.party_id = f.id), "
    "(SELECT COALESCE(SUM(r.amount), 0) FROM funding_receipts r JOIN funding_pledges g ON g.id = "
    "r.pledge_id WHERE g.party_id = f.id), f.created_at FROM funding_parties f ";

}  // namespace

bool valid_party_kind(const std::string& kind) {
  return std::find(kPartyKinds.begin(), kPartyKinds.end(), kind) != kPartyKinds.end();
}

std::string need_type_of(const std::string& category) {
  if (category == "culture_sports") return "improvement";
  if (category == "disability_service") return "special";
  return "basic";
}

Result<Party> add_party(storage::Connection& db, const Actor& actor, const PartyInput& input,
                        std::int64_t now_ms) {
  if (!valid_party_kind(input.kind)) {
    return bad_request("invalid_field", "kind is one of government, market, foundation, residents");
  }
  GZ_TRY(text::require_text(input.name, "name", 200));
  GZ_TRY(text::require_text(input.profile, "profile", 2000));
  if (!actor.belongs_to(input.community_id) ||
      !registry::community_exists(db, input.community_id)) {
    return not_found("no community " + std::to_string(input.community_id));
  }
  if (!may_manage(actor, input.community_id)) {
    return forbidden("only community staff register funding parties");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Party> {
    if (db.query_one("SELECT id FROM funding_parties WHERE community_id = ? AND name = ?",
                     {input.community_id, input.name})) {
      return conflict("party_exists", "the community has a party named " + input.name);
    }
    auto id = db.query_one(
                    "INSERT INTO funding_parties (community_id, kind, name, profile, "
                    "created_by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    {input.community_id, input.kind, input.name, input.profile, actor.user_id,
                     format_iso8601(now_ms)})
                  ->integer(0);
    audit::append(db, actor,
                  {input.community_id, "funding.party", "funding_party", std::to_string(id),
                   boost::json::object{{"kind", input.kind}, {"name", input.name}}});
    return party_from(*db.query_one(std::string(kPartyColumns) + "WHERE f.id = ?", {id}));
  });
}

Result<std::vector<Party>> public_parties(storage::Connection& db, std::int64_t community_id) {
  if (!registry::community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  std::vector<Party> out;
  for (const auto& row :
       db.query(std::string(kPartyColumns) + "WHERE f.community_id = ? ORDER BY f.kind, f.id",
                {community_id})) {
    out.push_back(party_from(row));
  }
  return out;
}

Result<Pledge> pledge(storage::Connection& db, const Actor& actor, std::int64_t plan_id,
                      const PledgeInput& input, std::int64_t now_ms) {
  GZ_TRY(text::require_text(input.category, "category", 100));
  if (input.amount <= 0) return bad_request("invalid_field", "amount must be positive");
  if (input.note && input.note->size() > 1000) {
    return bad_request("invalid_field", "note must be at most 1000 bytes");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Pledge> {
    lock_lifecycle(db, plan_id);
    auto status = visible_plan(db, actor, plan_id, now_ms);
    if (!status) return status.take_error();
    if (!may_manage(actor, status->community_id)) {
      return forbidden("only community staff record pledges");
    }
    if (status->unit != "fen") {
      return conflict("plan_not_money", "pledges are for plans counted in money");
    }
    if (status->stage == Stage::closed || status->stage == Stage::rejected ||
        status->stage == Stage::superseded) {
      return conflict("plan_not_open", "the plan no longer takes pledges");
    }
    auto party = db.query_one(
        "SELECT kind, name FROM funding_parties WHERE id = ? AND "
        "community_id = ?",
        {input.party_id, status->community_id});
    if (!party) return not_found("no funding party " + std::to_string(input.party_id));
    auto line =
        db.query_one("SELECT total FROM allocation_plan_lines WHERE plan_id = ? AND category = ?",
                     {plan_id, input.category});
    if (!line) return bad_request("unknown_line", "the plan has no line '" + input.category + "'");
    std::string kind = party->text(0);
    auto shares = shares_for(need_type_of(input.category), line->integer(0));
    auto share = std::find_if(shares.begin() + 1, shares.end(),
                              [&](const PartyShare& item) { return item.party_kind == kind; });
    if (share == shares.end()) {
      return conflict("party_not_in_rule",
                      "this line's co-funding rule has no share for a " + kind + " party");
    }
    std::int64_t pledged = db.query_int(
        "SELECT COALESCE(SUM(g.amount), 0) FROM funding_pledges g JOIN funding_parties f ON f.id "
        "= g.party_id WHERE g.plan_id = ? AND g.category = ? AND f.kind = ?",
        {plan_id, input.category, kind});
    if (input.amount > share->expected - pledged) {
      return conflict(
          "pledge_exceeds_share",
          "the " + kind + " share of this line has " +
              format_amount(std::max<std::int64_t>(share->expected - pledged, 0), "fen") +
              " yuan left to pledge");
    }
    auto from =
        ledger::named_account(db, status->community_id, ledger::Kind::fen,
                              "cofund:party:" + std::to_string(input.party_id), ledger::kNoFloor);
    auto owed = ledger::named_account(db, status->community_id, ledger::Kind::fen,
                                      "cofund:pledged:" + std::to_string(input.party_id), 0);
    std::string created_at = format_iso8601(now_ms);
    auto id = db.query_one(
                    "INSERT INTO funding_pledges (plan_id, community_id, category, party_id, "
                    "amount, note, posting_id, created_by_user_id, created_at) VALUES (?, ?, ?, "
                    "?, ?, ?, 0, ?, ?) RETURNING id",
                    {plan_id, status->community_id, input.category, input.party_id, input.amount,
                     storage::opt_text(input.note), actor.user_id, created_at})
                  ->integer(0);
    auto posting = ledger::post(
        db, actor,
        ledger::fen_posting(status->community_id, from, owed, input.amount, "pledge",
                            "pledge:" + std::to_string(id),
                            party->text(1) + " 认捐 " + status->quarter + " " + input.category,
                            "receipt_exceeds_pledge"),
        now_ms);
    if (!posting) return posting.take_error();
    db.execute("UPDATE funding_pledges SET posting_id = ? WHERE id = ?", {posting->id, id});
    audit::append(
        db, actor,
        {status->community_id, "funding.pledge", "allocation_plan", std::to_string(plan_id),
         boost::json::object{{"pledge_id", id},
                             {"party_id", input.party_id},
                             {"category", input.category},
                             {"amount", input.amount}}});
    return pledge_from(*db.query_one(std::string(kPledgeColumns) + "WHERE g.id = ?", {id}));
  });
}

Result<Pledge> receive(storage::Connection& db, const Actor& actor, std::int64_t pledge_id,
                       const ReceiptInput& input, std::int64_t now_ms) {
  GZ_TRY(text::require_text(input.receipt_ref, "receipt_ref", 200));
  if (input.amount <= 0) return bad_request("invalid_field", "amount must be positive");
  std::string today = format_date(now_ms);
  std::string received_on = input.received_on.value_or(today);
  int year = 0;
  unsigned month = 0, day = 0;
  if (!parse_date(received_on, year, month, day) || year < 2000 || received_on > today) {
    return bad_request("invalid_date", "received_on is a date YYYY-MM-DD, not after today");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Pledge> {
    auto row = db.query_one(std::string(kPledgeColumns) + "WHERE g.id = ?", {pledge_id});
    if (!row) return not_found("no pledge " + std::to_string(pledge_id));
    auto found = pledge_from(*row);
    lock_lifecycle(db, found.plan_id);
    auto status = visible_plan(db, actor, found.plan_id, now_ms);
    if (!status) return not_found("no pledge " + std::to_string(pledge_id));
    if (!may_manage(actor, status->community_id)) {
      return forbidden("only community staff record receipts");
    }
    if (db.query_one("SELECT 1 FROM funding_receipts WHERE pledge_id = ? AND receipt_ref = ?",
                     {pledge_id, input.receipt_ref})) {
      return conflict("duplicate_receipt",
                      "receipt " + input.receipt_ref + " is already recorded for this pledge");
    }
    if (input.amount > found.amount - found.received) {
      return conflict("receipt_exceeds_pledge",
                      "the pledge has " + format_amount(found.amount - found.received, "fen") +
                          " yuan still to receive");
    }
    auto owed = ledger::named_account(db, status->community_id, ledger::Kind::fen,
                                      "cofund:pledged:" + std::to_string(found.party_id), 0);
    auto in_hand =
        ledger::named_account(db, status->community_id, ledger::Kind::fen,
                              "cofund:received:" + std::to_string(found.plan_id), ledger::kNoFloor);
    auto id = db.query_one(
                    "INSERT INTO funding_receipts (pledge_id, plan_id, community_id, amount, "
                    "receipt_ref, received_on, posting_id, created_by_user_id, created_at) VALUES "
                    "(?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id",
                    {pledge_id, found.plan_id, status->community_id, input.amount,
                     input.receipt_ref, received_on, actor.user_id, format_iso8601(now_ms)})
                  ->integer(0);
    auto posting =
        ledger::post(db, actor,
                     ledger::fen_posting(status->community_id, owed, in_hand, input.amount,
                                         "pledge_receipt", "receipt:" + std::to_string(id),
                                         found.party_name + " 到账 " + input.receipt_ref,
                                         "receipt_exceeds_pledge"),
                     now_ms);
    if (!posting) return posting.take_error();
    db.execute("UPDATE funding_receipts SET posting_id = ? WHERE id = ?", {posting->id, id});
    audit::append(
        db, actor,
        {status->community_id, "funding.receipt", "allocation_plan", std::to_string(found.plan_id),
         boost::json::object{{"pledge_id", pledge_id},
                             {"receipt_id", id},
                             {"amount", input.amount},
                             {"receipt_ref", input.receipt_ref}}});
    return pledge_from(*db.query_one(std::string(kPledgeColumns) + "WHERE g.id = ?", {pledge_id}));
  });
}

PlanFunding funding_of(storage::Connection& db, std::int64_t plan_id) {
  PlanFunding out;
  std::vector<Pledge> pledges;
  for (const auto& row :
       db.query(std::string(kPledgeColumns) + "WHERE g.plan_id = ? ORDER BY g.id", {plan_id})) {
    pledges.push_back(pledge_from(row));
  }
  for (const auto& row : db.query("SELECT category, total FROM allocation_plan_lines WHERE "
                                  "plan_id = ? ORDER BY position",
                                  {plan_id})) {
    LineFunding line;
    line.category = row.text(0);
    line.need_type = need_type_of(line.category);
    line.government = row.integer(1);
    line.shares = shares_for(line.need_type, line.government);
    for (const auto& item : pledges) {
      if (item.category != line.category) continue;
      line.pledges.push_back(item);
      for (auto& share : line.shares) {
        if (share.party_kind != item.party_kind) continue;
        share.pledged += item.amount;
        share.received += item.received;
      }
    }
    for (std::size_t i = 1; i < line.shares.size(); ++i) {
      line.others_expected += line.shares[i].expected;
      line.others_pledged += line.shares[i].pledged;
      line.others_received += line.shares[i].received;
    }
    line.shortfall = std::max<std::int64_t>(line.others_expected - line.others_received, 0);
    line.funded = line.shortfall == 0;
    out.government += line.government;
    out.others_expected += line.others_expected;
    out.others_pledged += line.others_pledged;
    out.others_received += line.others_received;
    out.lines.push_back(std::move(line));
  }
  return out;
}

std::int64_t received_for_line(storage::Connection& db, std::int64_t plan_id,
                               const std::string& category) {
  return db.query_int(
      "SELECT COALESCE(SUM(r.amount), 0) FROM funding_receipts r JOIN "
      "funding_pledges g ON g.id = r.pledge_id WHERE g.plan_id = ? AND "
      "g.category = ?",
      {plan_id, category});
}

CommunityFunding community_funding(storage::Connection& db, std::int64_t community_id) {
  CommunityFunding out;
  out.government = db.query_int(
      "SELECT COALESCE(SUM(p.total - p.emergency - p.surplus), 0) FROM allocation_plans p JOIN "
      "plan_lifecycle l ON l.plan_id = p.id WHERE p.community_id = ? AND p.unit = 'fen' AND "
      "l.stage IN ('executing', 'closed')",
      {community_id});
  out.others_received = db.query_int(
      "SELECT COALESCE(SUM(r.amount), 0) FROM funding_receipts r JOIN plan_lifecycle l ON "
      "l.plan_id = r.plan_id WHERE r.community_id = ? AND l.stage IN ('executing', 'closed')",
      {community_id});
  out.parties =
      db.query_int("SELECT COUNT(*) FROM funding_parties WHERE community_id = ?", {community_id});
  return out;
}

bool has_funding_parties(storage::Connection& db, std::int64_t community_id) {
  return db
      .query_one("SELECT 1 FROM funding_parties WHERE community_id = ? LIMIT 1", {community_id})
      .has_value();
}

}  // namespace gz::transparency
