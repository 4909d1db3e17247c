// gongzhi: the one binary. Subcommands: serve, migrate, demo, user add, import, export,
// ledger verify, ledger checkpoint, version. Every subcommand that touches data takes --db
// (or GONGZHI_DB).
#include <unistd.h>

#include <boost/json.hpp>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "app/app.hpp"
#include "app/demo.hpp"
#include "app/ledger.hpp"
#include "cli/args.hpp"
#include "cli/backup.hpp"
#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "http/log.hpp"
#include "http/server.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/allocation/allocate_command.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/audit/routes.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/notifications/rules.hpp"
#include "modules/pb/compute.hpp"
#include "modules/registry/demo.hpp"
#include "modules/registry/registry.hpp"
#include "modules/reports/document.hpp"
#include "modules/reports/figures.hpp"
#include "modules/reports/xlsx.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/open311.hpp"
#include "modules/requests/sla.hpp"
#include "modules/warnings/warnings.hpp"
#include "storage/migrate.hpp"

namespace gz::cli {
namespace {

constexpr const char* kUsage = R"(gongzhi — 共治 guided community service management

Usage:
  gongzhi serve [--host 127.0.0.1] [--port 8080] [--db URL] [--demo] [--body-limit BYTES]
                [--web-root DIR] [--job-interval SECONDS] [--read-timeout SECONDS]
                [--workers N] [--trusted-proxy CIDR]... [--public-url URL]
                [--log-format text|json] [--db-replica URL [--replica-max-lag SECONDS]]
                [--checkpoint-key FILE] [--now INSTANT [--freeze-clock]]
                [--sms-gateway file:PATH|URL] [--notification-retry-ms MS]
                [--notification-allow-private-hosts]
  gongzhi notify-receiver [--port 9099] [--secret SECRET]   (prints what notifications send)
  gongzhi migrate [--db URL]
  gongzhi demo [--db URL] [--communities N] [--seed N] [--now INSTANT]
  gongzhi user add --username NAME --role resident|guide|staff|street|admin
                   [--community ID]... [--household ID] [--password-stdin] [--db URL]
  gongzhi import --community ID [--partial] FILE.csv [--db URL]
  gongzhi export --community ID [--lang zh|en] [--out FILE.csv] [--db URL]
  gongzhi ledger verify [--checkpoint FILE]... [--db URL]
  gongzhi ledger checkpoint [--checkpoint-key FILE] [--db URL]
  gongzhi sla deadline --priority red|yellow|blue --received 2026-09-30T10:00:00+08:00
                       [--working-days N] [--db URL]
  gongzhi calendar load FILE.json [--db URL]
  gongzhi open311 key add --name CLIENT --community ID [--db URL]
  gongzhi allocate --community ID --quarter 2026Q3 --total N [--unit fen] [--db URL]
  gongzhi pb compute FILE.pb --rule greedy|equal-shares|equal-shares-add1|file
                     [--utility cost|approval] [--json]
  gongzhi report --community ID|--street NAME --period 2026Q3 --format html|csv|xlsx
                 [--lang zh|en] [--output FILE] [--db URL]   (xlsx needs --output)
  gongzhi backup FILE [--db URL]
  gongzhi restore FILE [--force] [--db URL]
  gongzhi openapi   (prints the API's OpenAPI 3.1 document)
  gongzhi version

URL is sqlite:PATH (default sqlite:gongzhi.db) or postgresql://user@host:port/db;
GONGZHI_DB sets it when --db is not given. Every other serve option may come from the
environment too: --web-root from GONGZHI_WEB_ROOT, --demo from GONGZHI_DEMO=1, the proxies
from GONGZHI_TRUSTED_PROXY="10.0.0.0/8 127.0.0.1"; the command line wins.

--db-replica postgresql://… sends public reads (tracking, the board, public plans and notices,
Open311 GET, the assistant) to a streaming replica while it is at most --replica-max-lag
seconds (default 5) behind; a signed-in user's reads, and anyone's for a few seconds after
their own write, stay on the primary. A primary URL may name several hosts
(postgresql://h1:5432,h2:5432/db?target_session_attrs=read-write): after a failover the
servers reconnect to whichever is the primary. A PostgreSQL
password belongs in GONGZHI_DB or ~/.pgpass, not on the command line (ps shows it).

--now 2026-09-30T10:00:00+08:00 (or GONGZHI_NOW) starts the clock at that instant, which then
advances (or stays, with --freeze-clock or GONGZHI_FREEZE_CLOCK=1); the demo's year of
history ends there. It is for demos and tests: demo and serve --demo accept it, any other
command only when GONGZHI_TEST_CLOCK=1.

The checkpoint key (Ed25519, signs the audit chain's checkpoints) is --checkpoint-key FILE,
else GONGZHI_CHECKPOINT_KEY, else PATH.checkpoint.key beside a SQLite file, else
gongzhi-checkpoint.key in the working directory; created (mode 0600) when missing. Keep it out
of the database and its backups. `ledger verify --checkpoint FILE` checks the chain against a
checkpoint saved from GET /api/v1/ledger/checkpoints (or .../latest, or the public board).
)";

int usage_error(const std::string& message) {
  std::cerr << "gongzhi: " << message << "\n\n" << kUsage;
  return 2;
}

std::unique_ptr<storage::Database> open_migrated(const Args& args) {
  auto database = storage::open_database(app::database_url(args.get("db").value_or("")));
  auto connection = database->connect();
  app::migrate_database(*connection);
  return database;
}

std::optional<std::int64_t> to_int(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  try {
    std::size_t used = 0;
    long long value = std::stoll(*text, &used);
    if (used != text->size()) return std::nullopt;
    return value;
  } catch (...) {
    return std::nullopt;
  }
}

void print_logins(const std::vector<registry::DemoLogin>& logins) {
  std::cout << "Demo logins (username / password):\n";
  constexpr std::size_t kShown = 12;
  for (std::size_t i = 0; i < logins.size() && i < kShown; ++i) {
    const auto& login = logins[i];
    std::cout << "  " << login.username << " / " << login.password << "   " << login.role << " "
              << login.note << "\n";
  }
  if (logins.size() > kShown) {
    std::cout << "  … and " << logins.size() - kShown
              << " more (staffN, guideN_1..guideN_5 for community N), same password\n";
  }
}

// --now / GONGZHI_NOW: the clock starts at that instant (see the usage text). Returns false,
// having said why, when the instant is malformed or not allowed here.
bool set_clock_from(const Args& args, bool allowed) {
  std::optional<std::string> text = args.get("now");
  if (!text) {
    if (const char* from_environment = std::getenv("GONGZHI_NOW")) text = from_environment;
  }
  const char* freeze_variable = std::getenv("GONGZHI_FREEZE_CLOCK");
  bool freeze = args.has("freeze-clock") ||
                (freeze_variable != nullptr && std::string_view(freeze_variable) == "1");
  if (!text || text->empty()) {
    if (args.has("freeze-clock")) {
      usage_error("--freeze-clock needs --now");
      return false;
    }
    return true;
  }
  if (!allowed) {
    usage_error(
        "--now (GONGZHI_NOW) sets a demo's or a test's clock: use it with --demo, or "
        "set GONGZHI_TEST_CLOCK=1 in tests");
    return false;
  }
  auto instant = parse_iso8601(*text);
  if (!instant) {
    usage_error("--now: " + instant.error().message);
    return false;
  }
  set_clock(*instant, freeze ? ClockPace::frozen : ClockPace::advancing);
  return true;
}

bool test_clock_allowed() {
  const char* flag = std::getenv("GONGZHI_TEST_CLOCK");
  return flag != nullptr && std::string_view(flag) == "1";
}

bool database_is_empty(storage::Connection& connection) {
  return connection.query_int("SELECT COUNT(*) FROM communities") == 0;
}

int run_demo_into(storage::Connection& connection, const registry::DemoOptions& options) {
  auto report = app::run_demo(connection, options);
  const auto& summary = report.registry;
  std::cout << "Demo generated in " << report.seconds << " s: " << summary.communities
            << " communities, " << summary.buildings << " buildings, " << summary.households
            << " households, " << summary.residents << " residents (" << summary.registered
            << " registered, " << summary.migrants << " migrants, " << summary.aged_60_plus
            << " aged 60+); a year of history: " << report.requests << " requests ("
            << report.request_events << " events), " << report.awards << " points awards, "
            << report.redemptions << " redemptions, " << report.timebank_services
            << " time-bank services, " << report.needs_assessments << " needs assessments, "
            << report.allocation_plans << " allocation plans, " << report.pb_elections
            << " budgeting elections (" << report.pb_ballots << " ballots), " << report.plans_closed
            << " plans closed after public notice (" << report.plan_objections << " objections, "
            << report.plan_spending_records << " spending records), " << report.warnings
            << " warnings and " << report.improvement_tasks << " improvement tasks raised, "
            << report.visits << " guides' visits, " << report.announcements << " notices, "
            << report.bookings << " room bookings, " << report.market_posts << " time-bank posts, "
            << report.comments << " comments\n";
  print_logins(summary.logins);
  return 0;
}

// A loopback receiver for trying notifications: prints every POST it gets (robot messages,
// webhooks, an HTTP SMS gateway) and, with --secret, whether the webhook signature holds.
int command_notify_receiver(const Args& args) {
  http::ServerOptions options;
  options.host = args.get("host").value_or("127.0.0.1");
  auto port = to_int(args.get("port").value_or("9099"));
  if (!port || *port < 0 || *port > 65535) return usage_error("--port must be 0-65535");
  options.port = static_cast<std::uint16_t>(*port);
  options.worker_threads = 1;
  auto secret = args.get("secret");
  auto printed = std::make_shared<std::mutex>();
  http::run_server(
      options,
      [&](const http::Request& request) {
        std::lock_guard lock(*printed);
        std::cout << "── " << now_iso8601() << " " << request.method << " " << request.target
                  << "\n";
        for (const auto& [name, value] : request.headers) {
          if (name.starts_with("x-gongzhi-") || name == "content-type") {
            std::cout << "   " << name << ": " << value << "\n";
          }
        }
        std::cout << "   " << request.body << "\n";
        if (secret) {
          if (auto signature = request.header("x-gongzhi-signature")) {
            bool holds = *signature == notifications::webhook_signature(*secret, request.body);
            std::cout << "   signature " << (holds ? "verified" : "DOES NOT MATCH") << "\n";
          }
        }
        std::cout << std::flush;
        http::Response response;
        response.status = 200;
        response.content_type = "application/json";
        response.body = R"({"errcode":0,"errmsg":"ok"})";
        return response;
      },
      [&](std::uint16_t bound) {
        std::cout << "notify-receiver listening at http://" << options.host << ":" << bound
                  << "/ (Ctrl-C stops)" << std::endl;
      });
  return 0;
}

int command_serve(const Args& args) {
  http::ServerOptions options;
  options.host = args.get("host").value_or("127.0.0.1");
  auto port = to_int(args.get("port").value_or("8080"));
  if (!port || *port < 0 || *port > 65535) return usage_error("--port must be 0-65535");
  options.port = static_cast<std::uint16_t>(*port);
  if (auto limit = args.get("body-limit")) {
    auto bytes = to_int(limit);
    if (!bytes || *bytes < 1024) return usage_error("--body-limit must be at least 1024 bytes");
    options.body_limit_bytes = static_cast<std::size_t>(*bytes);
  }
  if (auto workers = args.get("workers")) {
    auto count = to_int(workers);
    if (!count || *count < 1 || *count > 1024) return usage_error("--workers must be 1 to 1024");
    options.worker_threads = static_cast<unsigned>(*count);
  }
  if (auto timeout = args.get("read-timeout")) {
    auto seconds = to_int(timeout);
    if (!seconds || *seconds < 1) return usage_error("--read-timeout must be at least 1 second");
    options.read_timeout = std::chrono::seconds(*seconds);
  }
  if (auto public_url = args.get("public-url")) {
    if (!public_url->starts_with("https://") && !public_url->starts_with("http://")) {
      return usage_error(
          "--public-url is the address residents reach, like https://gongzhi.example.org");
    }
    http::set_public_url(*public_url);
  }
  if (auto format = args.get("log-format")) {
    if (*format != "text" && *format != "json") {
      return usage_error("--log-format is text or json");
    }
    log::set_format(*format == "json" ? log::Format::json : log::Format::text);
  }
  for (const auto& cidr : args.all("trusted-proxy")) {
    auto network = http::parse_network(cidr);
    if (!network)
      return usage_error("--trusted-proxy takes an address or CIDR, not '" + cidr + "'");
    options.trusted_proxies.push_back(*network);
  }
  std::string url = app::database_url(args.get("db").value_or(""));
  std::string web_root = app::web_root(args.get("web-root").value_or(""));
  auto checkpoint_key = app::load_checkpoint_key(
      app::checkpoint_key_path(args.get("checkpoint-key").value_or(""), url));
  auto application =
      app::build_application(url, http::default_worker_threads(options), web_root, checkpoint_key);
  if (auto gateway = args.get("sms-gateway")) {
    try {
      application->senders.sms = notifications::sms_gateway(*gateway, application->senders.post);
    } catch (const std::invalid_argument& error) {
      return usage_error(error.what());
    }
  }
  application->senders.allow_private_hosts = args.has("notification-allow-private-hosts");
  application->demo = args.has("demo");
  if (auto retry = args.get("notification-retry-ms")) {
    auto ms = to_int(retry);
    if (!ms || *ms < 10 || *ms > 3'600'000) {
      return usage_error("--notification-retry-ms must be 10 to 3600000");
    }
    application->senders.retry_base_ms = *ms;
  }
  bool demo_present = false;
  {
    auto lease = application->pool->lease();
    if (args.has("demo") && database_is_empty(*lease)) {
      std::cout << "Empty database: generating the demo community, its year of history up to "
                << now_iso8601() << "…\n";
      registry::DemoOptions demo;
      demo.as_of_ms = now_epoch_ms();
      run_demo_into(*lease, demo);
    }
    demo_present = lease->query_one("SELECT id FROM users WHERE username = 'admin'").has_value();
  }
  std::int64_t job_seconds = to_int(args.get("job-interval").value_or("30")).value_or(30);
  auto jobs =
      app::start_jobs(*application, std::chrono::seconds(std::max<std::int64_t>(1, job_seconds)));
  application->dispatcher->open_lanes(*application->database, http::io_thread_count(options));
  if (auto replica = args.get("db-replica")) {
    auto lag = to_int(args.get("replica-max-lag").value_or("5"));
    if (!lag || *lag < 1 || *lag > 3600) return usage_error("--replica-max-lag must be 1-3600");
    // A replica that stops answering must not hold a request for a TCP timeout.
    std::string url = *replica;
    if (url.find("connect_timeout=") == std::string::npos) {
      url += (url.find('?') == std::string::npos ? "?" : "&") + std::string("connect_timeout=2");
    }
    try {
      app::use_replica(*application, url, std::chrono::seconds(*lag),
                       http::io_thread_count(options));
    } catch (const std::invalid_argument& error) {
      return usage_error(error.what());
    }
  } else if (args.get("replica-max-lag")) {
    return usage_error("--replica-max-lag goes with --db-replica");
  }
  http::run_server(
      options,
      [&](const http::Request& request) { return application->dispatcher->handle(request); },
      [&](std::uint16_t bound_port) {
        std::cout << "gongzhi " << app::kVersion << " serving " << application->database->describe()
                  << " at http://" << options.host << ":" << bound_port << "/" << std::endl;
        if (args.has("demo") && demo_present) {
          std::cout << "Demo logins: admin, street, staff, guide1..guide5, resident "
                       "(password: "
                    << registry::DemoOptions{}.password << ")" << std::endl;
        }
      },
      [&](const http::Request& request, unsigned lane) {
        return application->dispatcher->handle_quick(request, lane);
      });
  return 0;
}

int command_migrate(const Args& args) {
  auto database = storage::open_database(app::database_url(args.get("db").value_or("")));
  auto connection = database->connect();
  auto applied = app::migrate_database(*connection);
  std::cout << "Applied " << applied.size() << " migration(s); schema version "
            << storage::current_version(*connection) << "\n";
  app::adopt_audited_tables(*connection);
  return 0;
}

int command_demo(const Args& args) {
  registry::DemoOptions options;
  options.as_of_ms = now_epoch_ms();
  if (auto communities = args.get("communities")) {
    auto count = to_int(communities);
    if (!count || *count < 1 || *count > 1000) return usage_error("--communities must be 1-1000");
    options.communities = static_cast<int>(*count);
  }
  if (auto seed = to_int(args.get("seed"))) options.seed = static_cast<std::uint64_t>(*seed);
  auto database = open_migrated(args);
  auto connection = database->connect();
  if (!database_is_empty(*connection)) {
    std::cerr << "gongzhi demo: the database already holds communities; use an empty one\n";
    return 1;
  }
  return run_demo_into(*connection, options);
}

int command_user(const Args& args) {
  if (args.positional.empty() || args.positional[0] != "add") {
    return usage_error("user: expected 'user add'");
  }
  accounts::NewUser user;
  user.username = args.get("username").value_or("");
  auto role = parse_role(args.get("role").value_or(""));
  if (user.username.empty()) return usage_error("user add: --username is required");
  if (!role) return usage_error("user add: --role must be resident, guide, staff, street or admin");
  user.role = *role;
  for (const auto& community : args.all("community")) {
    auto id = to_int(community);
    if (!id) return usage_error("--community must be an integer id");
    user.community_ids.push_back(*id);
  }
  if (auto household = args.get("household")) {
    auto id = to_int(household);
    if (!id) return usage_error("--household must be an integer id");
    user.household_id = *id;
  }
  bool generated = !args.has("password-stdin");
  if (generated) {
    user.password = crypto::generate_password();
  } else {
    std::getline(std::cin, user.password);
    if (!user.password.empty() && user.password.back() == '\r') user.password.pop_back();
  }
  auto database = open_migrated(args);
  auto connection = database->connect();
  auto result = accounts::add_user(*connection, audit::system_actor(), user);
  if (!result) {
    std::cerr << "gongzhi user add: " << result.error().code << ": " << result.error().message
              << "\n";
    return 1;
  }
  std::cout << "Created user " << user.username << " (id " << *result << ", role "
            << role_name(user.role) << ")\n";
  if (generated) std::cout << "Password: " << user.password << "\n";
  return 0;
}

int command_import(const Args& args) {
  auto community = to_int(args.get("community"));
  if (!community) return usage_error("import: --community ID is required");
  if (args.positional.size() != 1) return usage_error("import: give exactly one CSV file");
  std::ifstream file(args.positional[0], std::ios::binary);
  if (!file) {
    std::cerr << "gongzhi import: cannot read " << args.positional[0] << "\n";
    return 1;
  }
  std::stringstream buffer;
  buffer << file.rdbuf();
  auto database = open_migrated(args);
  auto connection = database->connect();
  auto result = registry::import_households(
      *connection, audit::system_actor(), *community, buffer.str(),
      args.has("partial") ? registry::ImportMode::partial : registry::ImportMode::all_or_nothing);
  if (!result) {
    std::cerr << "gongzhi import: " << result.error().code << ": " << result.error().message
              << "\n";
    return 1;
  }
  for (const auto& error : result->errors) {
    std::cerr << "line " << error.line << (error.column.empty() ? "" : " [" + error.column + "]")
              << ": " << error.code << ": " << error.message << "\n";
  }
  std::cout << (result->written ? "Imported " : "Nothing written: ") << result->households_created
            << " households, " << result->residents_created << " residents, "
            << result->buildings_created << " new buildings from " << result->rows << " rows ("
            << result->encoding << "); " << result->errors.size() << " row error(s)\n";
  return result->errors.empty() ? 0 : 1;
}

int command_export(const Args& args) {
  auto community = to_int(args.get("community"));
  if (!community) return usage_error("export: --community ID is required");
  auto language =
      args.get("lang").value_or("zh") == "en" ? registry::Language::en : registry::Language::zh;
  auto database = open_migrated(args);
  auto connection = database->connect();
  auto result =
      registry::export_households(*connection, audit::system_actor(), *community, language);
  if (!result) {
    std::cerr << "gongzhi export: " << result.error().code << ": " << result.error().message
              << "\n";
    return 1;
  }
  if (auto out = args.get("out")) {
    std::ofstream file(*out, std::ios::binary);
    file << *result;
    if (!file) {
      std::cerr << "gongzhi export: cannot write " << *out << "\n";
      return 1;
    }
  } else {
    std::cout << *result;
  }
  return 0;
}

int command_ledger_checkpoint(const Args& args) {
  std::string url = app::database_url(args.get("db").value_or(""));
  auto key = app::load_checkpoint_key(
      app::checkpoint_key_path(args.get("checkpoint-key").value_or(""), url));
  auto database = open_migrated(args);
  auto connection = database->connect();
  auto made = audit::make_checkpoint(*connection, *key, now_epoch_ms());
  if (!made) {
    std::cerr << "gongzhi ledger checkpoint: " << made.error().code << ": " << made.error().message
              << "\n";
    return 1;
  }
  std::cout << boost::json::serialize(audit::checkpoint_json(*made)) << "\n";
  return 0;
}

int command_ledger(const Args& args) {
  if (!args.positional.empty() && args.positional[0] == "checkpoint") {
    return command_ledger_checkpoint(args);
  }
  if (args.positional.empty() || args.positional[0] != "verify") {
    return usage_error("ledger: expected 'ledger verify' or 'ledger checkpoint'");
  }
  // Saved checkpoints first: a file that cannot be read or is not a checkpoint is a usage
  // problem (exit 2), not a verdict on the chain.
  std::optional<std::vector<audit::Checkpoint>> saved;
  for (const auto& path : args.all("checkpoint")) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::cerr << "gongzhi ledger verify: cannot read the checkpoint file " << path << "\n";
      return 2;
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    auto parsed = audit::parse_checkpoints(buffer.str());
    if (!parsed) {
      std::cerr << "gongzhi ledger verify: " << path << ": " << parsed.error().message << "\n";
      return 2;
    }
    if (!saved) saved.emplace();
    saved->insert(saved->end(), parsed->begin(), parsed->end());
  }
  auto database = open_migrated(args);
  auto connection = database->connect();
  auto report = app::verify_ledger(*connection, saved);
  std::cout << boost::json::serialize(app::ledger_report_json(report)) << "\n";
  for (const auto& line : app::ledger_report_lines(report)) std::cerr << line << "\n";
  return report.ok ? 0 : 1;
}

int command_backup(const Args& args) {
  if (args.positional.size() != 1) return usage_error("backup: give exactly one FILE");
  std::string url = app::database_url(args.get("db").value_or(""));
  // The outcome goes on record for the platform-fault warning (best effort: a database that
  // cannot be reached cannot take the record either).
  auto record = [&](bool ok, const std::string& detail) {
    try {
      auto database = storage::open_database(url);
      auto connection = database->connect();
      warnings::record_platform_event(*connection, 0, "backup", ok, detail, now_epoch_ms());
    } catch (const std::exception&) {
    }
  };
  try {
    backup_database(url, args.positional[0]);
  } catch (const std::exception& error) {
    record(false, error.what());
    throw;
  }
  record(true, "backed up to " + args.positional[0]);
  std::cerr << "backed up to " << args.positional[0] << "\n";
  return 0;
}

int command_restore(const Args& args) {
  if (args.positional.size() != 1) return usage_error("restore: give exactly one FILE");
  restore_database(
      app::database_url(args.get("db").value_or("")), args.positional[0],
      args.has("force") ? RestoreTarget::may_be_overwritten : RestoreTarget::must_be_empty);
  std::cerr << "restored from " << args.positional[0] << "\n";
  return 0;
}

int command_sla(const Args& args) {
  if (args.positional.empty() || args.positional[0] != "deadline") {
    return usage_error("sla: expected 'sla deadline'");
  }
  auto priority = requests::parse_priority(args.get("priority").value_or(""));
  if (!priority) return usage_error("sla deadline: --priority must be red, yellow or blue");
  auto received = parse_iso8601(args.get("received").value_or(""));
  if (!received) return usage_error("sla deadline: --received: " + received.error().message);
  // The calendar in the database when --db or GONGZHI_DB names one; otherwise the bundled one.
  std::shared_ptr<const WorkCalendar> calendar;
  if (args.get("db") || std::getenv("GONGZHI_DB")) {
    auto database = open_migrated(args);
    auto connection = database->connect();
    requests::seed_calendar(*connection);
    calendar = requests::current_calendar(*connection);
  } else {
    auto bundled = WorkCalendar::from_json(bundled_calendar_json());
    if (!bundled) return usage_error("bundled calendar: " + bundled.error().message);
    calendar = std::make_shared<const WorkCalendar>(std::move(*bundled));
  }
  std::int64_t due = requests::response_due_ms(*priority, *received, *calendar);
  std::cout << format_iso8601(due) << "\n";
  if (auto days = to_int(args.get("working-days"))) {
    if (*days < 1 || *days > 365) return usage_error("--working-days must be 1-365");
    std::cout << "resolution: "
              << format_iso8601(
                     requests::resolution_due_ms(static_cast<int>(*days), *received, *calendar))
              << "\n";
  }
  return 0;
}

int command_calendar(const Args& args) {
  if (args.positional.size() != 2 || args.positional[0] != "load") {
    return usage_error("calendar: expected 'calendar load FILE.json'");
  }
  std::ifstream file(args.positional[1], std::ios::binary);
  if (!file) {
    std::cerr << "gongzhi calendar load: cannot read " << args.positional[1] << "\n";
    return 1;
  }
  std::stringstream buffer;
  buffer << file.rdbuf();
  auto database = open_migrated(args);
  auto connection = database->connect();
  requests::seed_calendar(*connection);
  auto result =
      requests::load_calendar(*connection, audit::system_actor(), buffer.str(), args.positional[1]);
  if (!result) {
    std::cerr << "gongzhi calendar load: " << result.error().code << ": " << result.error().message
              << "\n";
    return 1;
  }
  std::cout << "Loaded " << result->years.size() << " year(s): " << result->holidays
            << " holidays, " << result->workdays << " make-up workdays\n";
  return 0;
}

int command_open311(const Args& args) {
  if (args.positional.size() != 2 || args.positional[0] != "key" || args.positional[1] != "add") {
    return usage_error("open311: expected 'open311 key add --name CLIENT --community ID'");
  }
  auto name = args.get("name");
  auto community = to_int(args.get("community"));
  if (!name || name->empty()) return usage_error("open311 key add: --name is required");
  if (!community) return usage_error("open311 key add: --community ID is required");
  auto database = open_migrated(args);
  auto connection = database->connect();
  auto key =
      requests::open311::add_client_key(*connection, audit::system_actor(), *community, *name);
  if (!key) {
    std::cerr << "gongzhi open311 key add: " << key.error().code << ": " << key.error().message
              << "\n";
    return 1;
  }
  std::cout << "Open311 api_key for " << *name << ": " << *key << "\n"
            << "(shown once; only its hash is stored)\n";
  return 0;
}

int command_pb(const Args& args) {
  if (args.positional.size() != 2 || args.positional[0] != "compute") {
    return usage_error("pb: expected 'pb compute FILE.pb --rule RULE'");
  }
  std::string rule_text = args.get("rule").value_or("file");
  auto rule = pb::parse_rule_name(rule_text);
  if (!rule && rule_text != "file") {
    return usage_error(
        "pb compute: --rule must be greedy, equal-shares, equal-shares-add1 or file");
  }
  pb::ComputeRequest request;
  if (rule) request.rule = *rule;
  if (auto utility = args.get("utility")) {
    auto parsed = pb::parse_utility(*utility);
    if (!parsed) return usage_error("pb compute: --utility must be cost or approval");
    request.utility = *parsed;
  }
  request.format = args.has("json") ? pb::OutputFormat::json : pb::OutputFormat::text;
  auto output = pb::compute_pb_file(args.positional[1], request, rule_text == "file");
  if (!output) {
    std::cerr << "gongzhi pb compute: " << output.error().message << "\n";
    return 2;
  }
  std::cout << *output;
  if (!output->empty() && output->back() != '\n') std::cout << "\n";
  return 0;
}

int command_allocate(const Args& args) {
  auto community = args.get("community");
  auto quarter = args.get("quarter");
  auto total = args.get("total");
  if (!community || !quarter || !total) {
    return usage_error("allocate: expected --community ID --quarter 2026Q3 --total N [--unit fen]");
  }
  auto database = open_migrated(args);
  auto connection = database->connect();
  auto plan = allocation::run_allocate(*connection, *community, *quarter, *total,
                                       args.get("unit").value_or("fen"));
  if (!plan) {
    std::cerr << "gongzhi allocate: " << plan.error().message << "\n";
    return 2;
  }
  std::cout << *plan << "\n";
  return 0;
}

int command_report(const Args& args) {
  auto community = args.get("community");
  auto street = args.get("street");
  auto period = args.get("period");
  auto format = reports::parse_format(args.get("format").value_or(""));
  if (community.has_value() == street.has_value() || !period || !format ||
      *format == reports::Format::json) {
    return usage_error(
        "report: expected --community ID|--street NAME --period 2026Q3 --format html|csv|xlsx");
  }
  auto output = args.get("output");
  if (*format == reports::Format::xlsx && !output) {
    return usage_error("report: xlsx needs --output FILE");
  }
  indicators::Scope scope;
  if (community) {
    scope.community_id = to_int(community);
    if (!scope.community_id) return usage_error("--community must be an integer id");
  } else {
    scope.street = *street;
  }
  auto quarter = reports::parse_quarter(*period);
  if (!quarter) return usage_error("report: " + quarter.error().message);
  auto language =
      args.get("lang").value_or("zh") == "en" ? reports::Language::en : reports::Language::zh;
  auto database = open_migrated(args);
  auto connection = database->connect();
  auto report =
      reports::build_report(*connection, audit::system_actor(), scope, *quarter, now_epoch_ms());
  if (!report) {
    std::cerr << "gongzhi report: " << report.error().code << ": " << report.error().message
              << "\n";
    return 1;
  }
  if (*format == reports::Format::xlsx) {
    // Written straight to the output file: no copy through memory.
    auto written = reports::write_xlsx(reports::report_figures(*report, language), *output);
    if (!written) {
      std::cerr << "gongzhi report: " << written.error().message << "\n";
      return 1;
    }
    return 0;
  }
  auto document = reports::render_document(*report, *format, language);
  if (!document) {
    std::cerr << "gongzhi report: " << document.error().message << "\n";
    return 1;
  }
  if (output) {
    std::ofstream file(*output, std::ios::binary);
    file << document->body;
    if (!file) {
      std::cerr << "gongzhi report: cannot write " << *output << "\n";
      return 1;
    }
  } else {
    std::cout << document->body;
  }
  return 0;
}

}  // namespace

// What each command takes. --now and --freeze-clock are everyone's (set_clock_from says when
// they are allowed); --help is too.
const std::map<std::string, CommandSpec>& command_specs() {
  static const std::map<std::string, CommandSpec> specs = [] {
    std::map<std::string, CommandSpec> table{
        {"serve",
         {{"host", "port", "db", "body-limit", "web-root", "job-interval", "read-timeout",
           "workers", "trusted-proxy", "public-url", "checkpoint-key", "sms-gateway",
           "notification-retry-ms", "log-format", "db-replica", "replica-max-lag"},
          {"demo", "notification-allow-private-hosts"}}},
        {"notify-receiver", {{"host", "port", "secret"}, {}}},
        {"migrate", {{"db"}, {}}},
        {"demo", {{"db", "communities", "seed"}, {}}},
        {"user", {{"username", "role", "community", "household", "db"}, {"password-stdin"}, 1, 1}},
        {"import", {{"community", "db"}, {"partial"}, 1, 1}},
        {"export", {{"community", "lang", "out", "db"}, {}}},
        {"ledger", {{"checkpoint", "checkpoint-key", "db"}, {}, 1, 1}},
        {"sla", {{"priority", "received", "working-days", "db"}, {}, 1, 1}},
        {"calendar", {{"db"}, {}, 2, 2}},
        {"open311", {{"name", "community", "db"}, {}, 2, 2}},
        {"allocate", {{"community", "quarter", "total", "unit", "db"}, {}}},
        {"pb", {{"rule", "utility"}, {"json"}, 2, 2}},
        {"report", {{"community", "street", "period", "format", "lang", "output", "db"}, {}}},
        {"backup", {{"db"}, {}, 1, 1}},
        {"restore", {{"db"}, {"force"}, 1, 1}},
        {"version", {}},
        {"openapi", {}},
    };
    for (auto& [name, spec] : table) {
      spec.options.insert("now");
      spec.flags.insert("freeze-clock");
      spec.flags.insert("help");
    }
    return table;
  }();
  return specs;
}

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("no command given");
  std::string command = argv[1];
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version") command = "version";
  auto spec = command_specs().find(command);
  if (spec == command_specs().end()) return usage_error("unknown command '" + command + "'");
  Args args = parse_args(argc, argv, 2, spec->second.flags);
  if (args.has("help")) {
    std::cout << kUsage;
    return 0;
  }
  if (auto problem = check_args(args, spec->second)) return usage_error(command + ": " + *problem);
  if (command == "serve") {
    // A service unit or container sets the server up from GONGZHI_* variables; the command
    // line wins. The database, clock and key have their own variables (see the usage text).
    fill_from_environment(args, spec->second,
                          {"db", "now", "freeze-clock", "checkpoint-key", "help"},
                          {"trusted-proxy"});
  }
  // Every command reads one clock: a demo's may be set, a server's with --demo, any other's
  // only in tests.
  bool clock_allowed =
      command == "demo" || (command == "serve" && args.has("demo")) || test_clock_allowed();
  if (!set_clock_from(args, clock_allowed)) return 2;
  try {
    if (command == "serve") return command_serve(args);
    if (command == "notify-receiver") return command_notify_receiver(args);
    if (command == "migrate") return command_migrate(args);
    if (command == "demo") return command_demo(args);
    if (command == "user") return command_user(args);
    if (command == "import") return command_import(args);
    if (command == "export") return command_export(args);
    if (command == "ledger") return command_ledger(args);
    if (command == "sla") return command_sla(args);
    if (command == "calendar") return command_calendar(args);
    if (command == "open311") return command_open311(args);
    if (command == "pb") return command_pb(args);
    if (command == "allocate") return command_allocate(args);
    if (command == "report") return command_report(args);
    if (command == "backup") return command_backup(args);
    if (command == "restore") return command_restore(args);
    if (command == "openapi") {
      // The document the server serves at /api/v1/openapi.json, from a throwaway database
      // (the routes do not depend on data).
      std::string path = (std::filesystem::temp_directory_path() /
                          ("gongzhi-openapi-" + std::to_string(::getpid()) + ".db"))
                             .string();
      int status = 1;
      {
        auto application = app::build_application("sqlite:" + path, 1);
        http::Request request;
        request.method = "GET";
        request.target = request.path = "/api/v1/openapi.json";
        auto document = application->dispatcher->handle(request);
        std::cout << document.body << "\n";
        status = document.status == 200 ? 0 : 1;
      }
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
      return status;
    }
    std::cout << "gongzhi " << app::kVersion << "\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "gongzhi " << command << ": " << error.what() << "\n";
    return 1;
  }
}

}  // namespace gz::cli

int main(int argc, char** argv) {
  return gz::cli::main(argc, argv);
}
