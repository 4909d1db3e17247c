#include "app/ledger.hpp"

#include "http/log.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>

#include "modules/accounts/accounts.hpp"
#include "modules/audit/routes.hpp"
#include "modules/ledger/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/requests.hpp"
#include "modules/transparency/transparency.hpp"

namespace gz::app {
namespace {

boost::json::object checkpoint_check_json(const audit::CheckpointCheck& check) {
  boost::json::array problems;
  for (const auto& problem : check.problems) problems.emplace_back(problem);
  boost::json::array keys;
  for (const auto& key : check.public_keys) keys.emplace_back(key);
  return {{"ok", check.ok},
          {"checked", check.checked},
          {"problems", std::move(problems)},
          {"public_keys", std::move(keys)}};
}

// "signed by 1 key: 0123456789abcdef…" (the key's first 16 hex digits each).
std::string signers(const audit::CheckpointCheck& check) {
  if (check.public_keys.empty()) return "";
  std::string out = ", signed by " + std::to_string(check.public_keys.size()) +
                    (check.public_keys.size() == 1 ? " key:" : " keys:");
  for (const auto& key : check.public_keys) out += " " + key.substr(0, 16) + "…";
  return out;
}

boost::json::object kind_check_json(const ledger::KindCheck& check) {
  return {{"ok", check.ok},
          {"accounts", check.accounts},
          {"postings", check.postings},
          {"message", check.message}};
}

boost::json::object rows_json(const audit::RowCheck& rows) {
  boost::json::array tables;
  for (const auto& table : rows.tables) {
    tables.push_back({{"table", table.table},
                      {"rows", table.rows},
                      {"checked", table.checked},
                      {"unrecorded", table.unrecorded},
                      {"tracked_since_seq", table.tracked_since_seq}});
  }
  boost::json::array problems;
  for (const auto& problem : rows.problems) {
    boost::json::array fields;
    for (const auto& field : problem.fields) fields.emplace_back(field);
    problems.push_back({{"table", problem.table},
                        {"id", problem.id},
                        {"problem", problem.problem},
                        {"seq", problem.seq},
                        {"fields", std::move(fields)},
                        {"message", problem.message}});
  }
  return {{"ok", rows.ok},
          {"tables", std::move(tables)},
          {"problems", std::move(problems)},
          {"problems_total", rows.problems_total},
          {"malformed_entries", rows.malformed_entries}};
}

http::Response verify_route(http::RequestContext& context) {
  const Actor& actor = context.user();
  if (!ledger::may_verify(actor)) {
    return http::error_response(
        forbidden("only staff, street and admin users may verify the ledger"));
  }
  auto lease = context.pool.lease();
  return http::json_response(200, ledger_report_json(verify_ledger(*lease, std::nullopt)));
}

}  // namespace

const std::vector<const audit::Tracked*>& audited_tables() {
  static const std::vector<const audit::Tracked*> tables = {
      &accounts::user_rows(),          &registry::household_rows(),
      &registry::resident_rows(),      &requests::request_rows(),
      &transparency::spending_rows(),  &transparency::objection_rows(),
      &transparency::emergency_rows(), &ledger::account_rows(),
  };
  return tables;
}

LedgerReport verify_ledger(storage::Connection& db,
                           const std::optional<std::vector<audit::Checkpoint>>& saved) {
  LedgerReport report;
  storage::with_transaction(db, storage::TxMode::read, [&] {
    report = {};
    report.chain = audit::verify(db);
    report.rows = audit::verify_rows(db, audited_tables());
    report.balances = ledger::verify_balances(db);
    report.stored_checkpoints = audit::check_stored_checkpoints(db);
    if (saved) report.saved_checkpoints = audit::check_checkpoints(db, *saved);
  });
  report.ok = report.chain.ok && report.rows.ok && report.balances.ok &&
              report.stored_checkpoints.ok &&
              (!report.saved_checkpoints || report.saved_checkpoints->ok);
  return report;
}

boost::json::object ledger_report_json(const LedgerReport& report) {
  // The chain's fields stay at the top level, where clients of the first version read them.
  auto out = audit::verify_result_json(report.chain).as_object();
  out["ok"] = report.ok;
  out["chain_ok"] = report.chain.ok;
  boost::json::object kinds;
  for (const auto& [kind, check] : report.balances.kinds) {
    kinds[ledger::kind_name(kind)] = kind_check_json(check);
  }
  out["balances"] = {{"ok", report.balances.ok},
                     {"accounts", report.balances.accounts},
                     {"postings", report.balances.postings},
                     {"message", report.balances.message},
                     {"kinds", std::move(kinds)}};
  // The property fund's money, where clients of the first version read it.
  auto fund = report.balances.kinds.find(ledger::Kind::fen);
  out["fund"] =
      kind_check_json(fund == report.balances.kinds.end() ? ledger::KindCheck{} : fund->second);
  out["rows"] = rows_json(report.rows);
  out["checkpoints"] = checkpoint_check_json(report.stored_checkpoints);
  if (report.saved_checkpoints) {
    out["saved_checkpoints"] = checkpoint_check_json(*report.saved_checkpoints);
  }
  return out;
}

std::vector<std::string> ledger_report_lines(const LedgerReport& report) {
  std::vector<std::string> lines;
  const auto& chain = report.chain;
  if (!chain.ok) {
    lines.push_back("AUDIT CHAIN BROKEN at entry " + std::to_string(chain.finding.seq) + ": " +
                    chain.finding.message);
  } else {
    lines.push_back("audit chain intact: " + std::to_string(chain.checked) + " entries, head " +
                    chain.head.hash);
  }
  if (report.saved_checkpoints) {
    const auto& saved = *report.saved_checkpoints;
    if (!saved.ok) {
      for (const auto& problem : saved.problems) lines.push_back("CHECKPOINT FAILED: " + problem);
    } else {
      lines.push_back("the chain leads to the " + std::to_string(saved.checked) +
                      " saved checkpoint(s): each is validly signed and its entry keeps its hash" +
                      signers(saved));
    }
  }
  if (!report.stored_checkpoints.ok) {
    for (const auto& problem : report.stored_checkpoints.problems) {
      lines.push_back("STORED CHECKPOINT FAILED: " + problem);
    }
  } else {
    lines.push_back(
        "stored checkpoints verified: " + std::to_string(report.stored_checkpoints.checked) +
        signers(report.stored_checkpoints));
  }
  const auto& rows = report.rows;
  if (!rows.ok) {
    lines.push_back("AUDITED ROWS DIFFER FROM THE AUDIT CHAIN (" +
                    std::to_string(rows.problems_total) + "):");
    for (const auto& problem : rows.problems) lines.push_back("  " + problem.message);
    if (rows.problems_total > static_cast<std::int64_t>(rows.problems.size())) {
      lines.push_back(
          "  … and " +
          std::to_string(rows.problems_total - static_cast<std::int64_t>(rows.problems.size())) +
          " more");
    }
  } else {
    std::string summary = "audited rows match the audit chain:";
    std::int64_t unrecorded = 0;
    for (const auto& table : rows.tables) {
      summary += " " + table.table + " " + std::to_string(table.checked) + "/" +
                 std::to_string(table.rows);
      unrecorded += table.unrecorded;
    }
    lines.push_back(summary);
    if (unrecorded > 0) {
      lines.push_back("  " + std::to_string(unrecorded) +
                      " row(s) were written before the chain recorded rows and are not covered "
                      "(a server's first start vouches for them)");
    }
  }
  // One line per kind with a problem (its first), else one for the whole ledger.
  std::string counts;
  for (const auto& [kind, check] : report.balances.kinds) {
    if (!check.ok) lines.push_back("LEDGER BROKEN: " + check.message);
    counts += (counts.empty() ? "" : ", ") + std::string(ledger::kind_name(kind)) + " " +
              std::to_string(check.accounts) + "/" + std::to_string(check.postings);
  }
  if (report.balances.ok) {
    lines.push_back(
        "ledger balances match their postings: " + std::to_string(report.balances.accounts) +
        " accounts, " + std::to_string(report.balances.postings) +
        " postings (accounts/postings: " + counts + ")");
  }
  return lines;
}

void register_ledger_routes(http::Router& router) {
  router.add({"GET",
              "/api/v1/ledger/verify",
              http::Access::login,
              verify_route,
              {"Walk the audit chain, compare every audited table with what the chain recorded "
               "of it, re-derive the ledger's balances (points, time-bank minutes and the "
               "property fund's fen), and check the stored checkpoints; names each problem",
               "ledger", "staff, street, admin", "", ""}});
}

std::string checkpoint_key_path(const std::string& flag_value, const std::string& database_url) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("GONGZHI_CHECKPOINT_KEY"); env && *env) return env;
  const std::string sqlite_prefix = "sqlite:";
  if (database_url.rfind(sqlite_prefix, 0) == 0) {
    std::string path = database_url.substr(sqlite_prefix.size());
    if (path.empty() || path == ":memory:") return "";
    return path + ".checkpoint.key";
  }
  return "gongzhi-checkpoint.key";
}

std::shared_ptr<const crypto::SigningKey> load_checkpoint_key(const std::string& path) {
  if (path.empty()) {
    log::write(log::Level::warn, "checkpoint_key",
               {{"detail",
                 "none on disk for an in-memory database; a new key signs this process's "
                 "checkpoints"}});
    return std::make_shared<const crypto::SigningKey>(crypto::SigningKey::generate());
  }
  bool created = false;
  auto key =
      std::make_shared<const crypto::SigningKey>(crypto::load_or_create_key_file(path, &created));
  if (created) {
    log::write(log::Level::info, "checkpoint_key_created",
               {{"path", path},
                {"detail", "mode 0600; keep a copy somewhere safe, and never in the database"}});
  } else if (crypto::readable_by_others(path)) {
    log::write(log::Level::warn, "checkpoint_key_readable",
               {{"path", path}, {"detail", "readable by others; chmod 600 it"}});
  }
  return key;
}

}  // namespace gz::app
