// `ledger verify` in one place for the CLI and GET /api/v1/ledger/verify: the audit chain, the
// audited tables against what the chain recorded of them, the ledger's balances (points,
// time-bank minutes and the property fund's fen), and the signed checkpoints (stored ones, and
// any saved copies given).
// Here in app/ because it spans modules: each module keeps its own checks and describes its
// own tables; this file only lists them and puts the answers together. Also where the
// checkpoint key file is found.
#pragma once

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "http/router.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/audit/checkpoint.hpp"
#include "modules/audit/row_check.hpp"
#include "modules/ledger/ledger.hpp"
#include "storage/database.hpp"

namespace gz::app {

// Every table whose rows the audit chain records (modules/audit/tracked.hpp).
const std::vector<const audit::Tracked*>& audited_tables();

struct LedgerReport {
  bool ok = true;
  audit::VerifyResult chain;
  audit::RowCheck rows;
  ledger::BalanceCheck balances;  // every kind; its fen part is reported as "fund" too
  audit::CheckpointCheck stored_checkpoints;
  std::optional<audit::CheckpointCheck> saved_checkpoints;  // with --checkpoint FILE
};
// In one read transaction, so every check sees the same moment.
LedgerReport verify_ledger(storage::Connection& db,
                           const std::optional<std::vector<audit::Checkpoint>>& saved);
boost::json::object ledger_report_json(const LedgerReport& report);
// One line per check for people (the CLI's stderr), problems first.
std::vector<std::string> ledger_report_lines(const LedgerReport& report);

// GET /api/v1/ledger/verify.
void register_ledger_routes(http::Router& router);

// The checkpoint key file: --checkpoint-key, else GONGZHI_CHECKPOINT_KEY, else beside the
// SQLite file ("PATH.checkpoint.key"), else gongzhi-checkpoint.key in the working directory
// (PostgreSQL). "" for an in-memory SQLite database, whose key lives as long as the process.
std::string checkpoint_key_path(const std::string& flag_value, const std::string& database_url);
// Loads the key, creating the file (0600) when missing; says on stderr what it did. Throws
// when the file cannot be read or written.
std::shared_ptr<const crypto::SigningKey> load_checkpoint_key(const std::string& path);

}  // namespace gz::app
