// Wiring: builds the router from every module's registration function plus the system
// routes (health, metrics, OpenAPI), and opens the database with migrations applied.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/replica.hpp"
#include "core/crypto.hpp"
#include "http/dispatcher.hpp"
#include "http/router.hpp"
#include "modules/notifications/notifications.hpp"
#include "storage/database.hpp"

namespace gz::app {

// The project's version, from CMake's project(VERSION) (GONGZHI_VERSION on the binary's sources).
#ifndef GONGZHI_VERSION
#define GONGZHI_VERSION "0.0.0-unknown"
#endif
inline constexpr const char* kVersion = GONGZHI_VERSION;

// The database URL: --db flag, else GONGZHI_DB, else sqlite:gongzhi.db.
std::string database_url(const std::string& flag_value);

struct Application {
  std::unique_ptr<storage::Database> database;
  std::unique_ptr<storage::Pool> pool;
  std::size_t pool_size = 0;
  // A streaming replica for public reads (serve --db-replica) and its watcher; declared before
  // the dispatcher, whose replica pools close first.
  std::unique_ptr<storage::Database> replica;
  std::unique_ptr<ReplicaMonitor> replica_monitor;
  http::Router router;
  std::unique_ptr<http::Dispatcher> dispatcher;
  // Signs the audit chain's checkpoints (hourly job, admin route); never stored in the database.
  std::shared_ptr<const crypto::SigningKey> checkpoint_key;
  // How the delivery worker sends: the HTTP client, the SMS gateway (serve --sms-gateway),
  // the first retry's delay (serve --notification-retry-ms).
  notifications::Senders senders;
  // Serving the demo community (serve --demo): the login page may print its password.
  bool demo = false;
};

// Sends public reads to a PostgreSQL streaming replica while it is at most `max_lag` behind
// (see app/replica.hpp and Dispatcher::use_replica); `lanes` as the server's network threads.
// Throws std::invalid_argument when the primary or the replica is not PostgreSQL.
void use_replica(Application& app, const std::string& url, std::chrono::seconds max_lag,
                 unsigned lanes);

// Opens the database, applies migrations, brings new audited tables under row tracking
// (audit::adopt), registers routes. Throws on failure. With a web root (the built web
// application), its files are served and "/" is the app; without one, "/" is a short page
// pointing at the API. Without a checkpoint key, checkpoints are published but not signed.
std::unique_ptr<Application> build_application(
    const std::string& url, std::size_t pool_size, const std::string& web_root = "",
    std::shared_ptr<const crypto::SigningKey> checkpoint_key = nullptr);

// Applies the migrations that are missing, then records in the audit chain what one of them
// moved (the property fund's rows, 0019: ledger::record_moved_funds); prints what it recorded.
// Wherever the application migrates: every command that opens the database, a server's start.
std::vector<int> migrate_database(storage::Connection& connection);
// Vouches for the rows of audited tables that no entry recorded yet, once per table (see
// audit::adopt); prints what it did. After migrate and at every server start.
void adopt_audited_tables(storage::Connection& connection);
// --web-root when given; else web/dist when it holds a built app, else the installed package's
// /usr/share/gongzhi/web (or /usr/local/share/…); else none.
std::string web_root(const std::string& flag_value);

// Background jobs (escalation of overdue requests, warnings, the audit chain's hourly signed
// checkpoint, the notification deliveries every half second) on their own thread until stopped.
// They are stateless, so several servers may run them against one database.
std::jthread start_jobs(Application& app, std::chrono::seconds interval);

}  // namespace gz::app
