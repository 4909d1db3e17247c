#include "app/app.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app/ledger.hpp"
#include "core/clock.hpp"

#include "http/client.hpp"
#include "http/log.hpp"
#include "http/openapi.hpp"
#include "http/static_files.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/allocation/routes.hpp"
#include "modules/announcements/routes.hpp"
#include "modules/assistant/routes.hpp"
#include "modules/attachments/routes.hpp"
#include "modules/audit/routes.hpp"
#include "modules/bookings/routes.hpp"
#include "modules/casework/routes.hpp"
#include "modules/civic/routes.hpp"
#include "modules/cockpit/routes.hpp"
#include "modules/discussion/routes.hpp"
#include "modules/indicators/routes.hpp"
#include "modules/ledger/moved_funds.hpp"
#include "modules/needs/routes.hpp"
#include "modules/notifications/routes.hpp"
#include "modules/onboarding/routes.hpp"
#include "modules/opendata/routes.hpp"
#include "modules/participation/activities.hpp"
#include "modules/participation/routes.hpp"
#include "modules/pb/routes.hpp"
#include "modules/points/points.hpp"
#include "modules/points/routes.hpp"
#include "modules/property/routes.hpp"
#include "modules/registry/routes.hpp"
#include "modules/reports/routes.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/open311.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/routes.hpp"
#include "modules/timebank/routes.hpp"
#include "modules/timebank/timebank.hpp"
#include "modules/transparency/routes.hpp"
#include "modules/transparency/transparency.hpp"
#include "modules/warnings/routes.hpp"
#include "modules/warnings/warnings.hpp"
#include "storage/advisory_lock.hpp"
#include "storage/migrate.hpp"

namespace gz::app {

std::string database_url(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("GONGZHI_DB"); env && *env) return env;
  return "sqlite:gongzhi.db";
}

namespace {

// Without a built web application, the root explains where things are.
constexpr const char* kLandingPage = R"html(<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>共治 Gongzhi</title>
<style>body{font:18px/1.6 system-ui,sans-serif;max-width:40em;margin:2em auto;padding:0 1em}
code{background:#f3f3f3;padding:0 .2em}</style></head>
<body><h1>共治 · 社区服务管理</h1>
<p>服务器运行正常。网页端（居民、工作人员、公示看板）将在后续版本提供；现在可通过 API 使用。</p>
<p>The server is running. The web application comes in a later release; the API is ready.</p>
<ul>
<li><a href="/api/v1/openapi.json">API 文档 (OpenAPI)</a></li>
<li><a href="/healthz">健康检查 /healthz</a> · <a href="/metrics">运行指标 /metrics</a></li>
<li><a href="/api/v1/ledger/head">审计链头 /api/v1/ledger/head</a> ·
<a href="/api/v1/ledger/checkpoints">签名检查点 /api/v1/ledger/checkpoints</a></li>
</ul>
<p>登录 / Log in: <code>POST /api/v1/auth/login {"username":"staff","password":"…"}</code></p>
</body></html>
)html";

void register_landing_page(Application& app) {
  app.router.add({"GET",
                  "/",
                  http::Access::open,
                  [](http::RequestContext&) {
                    http::Response response;
                    response.content_type = "text/html; charset=utf-8";
                    response.body = kLandingPage;
                    response.headers.emplace_back(
                        "Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
                    return response;
                  },
                  {"Landing page", "system", "anyone", "", ""}});
}

void register_system_routes(Application& app) {
  app.router.add({"GET",
                  "/api/v1/site",
                  http::Access::open,
                  [&app](http::RequestContext&) -> Result<http::Response> {
                    return http::json_response(
                        200, boost::json::object{{"demo", app.demo}, {"version", kVersion}});
                  },
                  {"What the web application needs to know of this server: whether it serves "
                   "the demo community (the login page then names its accounts)",
                   "system", "anyone", "", ""}});
  app.router.add(
      {"GET",
       "/healthz",
       http::Access::open,
       [](http::RequestContext& context) {
         auto lease = context.pool.lease();
         // Reading the calendar's stamp is the database check, and says whether
         // the next 60 days have their official holidays (a warning, not a fault).
         auto coverage =
             requests::calendar_coverage(*requests::current_calendar(*lease), now_epoch_ms());
         boost::json::object calendar{{"ok", coverage.ok}, {"days_ahead", coverage.days_ahead}};
         calendar["covered_through"] =
             coverage.covered_through_day
                 ? boost::json::value(
                       format_date(shanghai_midnight_ms(*coverage.covered_through_day)))
                 : boost::json::value(nullptr);
         return http::json_response(
             200,
             boost::json::object{{"status", "ok"}, {"version", kVersion}, {"calendar", calendar}});
       },
       {"Liveness and database check; whether the working-day calendar covers the "
        "next 60 days",
        "system", "anyone", "", ""},
       false,
       /*quick=*/true});
  app.router.add(
      {"GET",
       "/metrics",
       http::Access::open,
       [&app](http::RequestContext& context) {
         http::Response response;
         response.content_type = "text/plain; version=0.0.4; charset=utf-8";
         response.body = app.dispatcher->metrics().render_prometheus();
         auto lease = context.pool.lease();
         auto coverage =
             requests::calendar_coverage(*requests::current_calendar(*lease), now_epoch_ms());
         response.body +=
             "# HELP gongzhi_calendar_days_ahead Days after today the working-day calendar "
             "covers (alert below 60: load the next year's holidays).\n"
             "# TYPE gongzhi_calendar_days_ahead gauge\n"
             "gongzhi_calendar_days_ahead " +
             std::to_string(coverage.days_ahead) + "\n";
         response.body += notifications::metrics_text(*lease, now_epoch_ms());
         if (app.replica_monitor) {
           response.body += app.replica_monitor->metrics_text();
           response.body +=
               "# HELP gongzhi_replica_reads_total Public reads the replica answered.\n"
               "# TYPE gongzhi_replica_reads_total counter\n"
               "gongzhi_replica_reads_total " +
               std::to_string(app.dispatcher->replica_reads()) +
               "\n# HELP gongzhi_replica_fallbacks_total Public reads that failed on the "
               "replica and were answered by the primary.\n"
               "# TYPE gongzhi_replica_fallbacks_total counter\n"
               "gongzhi_replica_fallbacks_total " +
               std::to_string(app.dispatcher->replica_fallbacks()) + "\n";
         }
         return response;
       },
       {"Prometheus metrics: requests and latency per route", "system", "anyone", "", ""}});
  app.router.add({"GET",
                  "/api/v1/openapi.json",
                  http::Access::open,
                  [&app](http::RequestContext&) {
                    return http::json_response(200, http::openapi_document(app.router, kVersion));
                  },
                  {"This OpenAPI document", "system", "anyone", "", ""}});
}

}  // namespace

std::string web_root(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  std::error_code ec;
  // A checkout's build, else the installed package's.
  for (const char* root : {"web/dist", "/usr/share/gongzhi/web", "/usr/local/share/gongzhi/web"}) {
    if (std::filesystem::is_regular_file(std::filesystem::path(root) / "index.html", ec))
      return root;
  }
  return "";
}

std::vector<int> migrate_database(storage::Connection& connection) {
  auto applied = storage::migrate(connection);
  auto moved = ledger::record_moved_funds(connection);
  if (moved.recorded_now) {
    log::write(log::Level::info, "moved_funds_recorded",
               {{"accounts", static_cast<long long>(moved.accounts)},
                {"postings", static_cast<long long>(moved.postings)}});
    for (const auto& line : moved.refused) {
      log::write(log::Level::error, "moved_funds_not_vouched_for", {{"detail", line}});
    }
  }
  return applied;
}

void adopt_audited_tables(storage::Connection& connection) {
  auto adoption = audit::adopt(connection, audited_tables(), audit::Baseline::untracked_tables);
  if (adoption.tables_marked.empty()) return;
  std::string tables;
  for (const auto& table : adoption.tables_marked) tables += (tables.empty() ? "" : ", ") + table;
  log::write(log::Level::info, "audit_adopted",
             {{"tables", tables}, {"rows", static_cast<long long>(adoption.rows)}});
}

std::unique_ptr<Application> build_application(
    const std::string& url, std::size_t pool_size, const std::string& web_root,
    std::shared_ptr<const crypto::SigningKey> checkpoint_key) {
  auto app = std::make_unique<Application>();
  app->checkpoint_key = std::move(checkpoint_key);
  app->senders.post = [](const http::OutboundRequest& request) { return http::post(request); };
  app->database = storage::open_database(url);
  {
    auto connection = app->database->connect();
    // Servers starting together on one PostgreSQL database take turns here: the calendar's
    // first seeding and the audit adoption are not safe to run twice at once.
    storage::AdvisoryLock turn(*connection, storage::kStartupLock,
                               storage::AdvisoryLock::Wait::until_held);
    migrate_database(*connection);
    requests::seed_calendar(*connection);
    adopt_audited_tables(*connection);
  }
  app->pool = std::make_unique<storage::Pool>(*app->database, pool_size);
  app->pool_size = pool_size;
  register_system_routes(*app);
  if (web_root.empty()) register_landing_page(*app);
  accounts::register_routes(app->router);
  registry::register_routes(app->router);
  audit::register_routes(app->router, app->checkpoint_key);
  register_ledger_routes(app->router);
  // The detail of a request lists its photos: attachments sits above requests and hands it
  // the field.
  requests::register_routes(app->router, {attachments::photos_field()});
  attachments::register_routes(app->router);
  points::register_routes(app->router);
  timebank::register_routes(app->router);
  needs::register_routes(app->router);
  allocation::register_routes(app->router, transparency::carry_finder());
  pb::register_routes(app->router);
  requests::open311::register_routes(app->router);
  indicators::register_routes(app->router);
  transparency::register_routes(app->router);
  participation::register_routes(app->router);
  civic::register_routes(app->router);
  property::register_routes(app->router);
  warnings::register_routes(app->router);
  casework::register_routes(app->router);
  announcements::register_routes(app->router);
  bookings::register_routes(app->router);
  discussion::register_routes(app->router);
  opendata::register_routes(app->router);
  reports::register_routes(app->router);
  assistant::register_routes(app->router);
  cockpit::register_routes(app->router);
  notifications::register_routes(app->router);
  onboarding::register_routes(app->router);
  // What a streaming replica may answer (serve --db-replica): public, read-only, the same for
  // everyone. The assistant's unanswered questions are written to the primary even then.
  app->router.allow_replica({
      "GET /api/v1/track/{code}",
      "GET /api/community-resources",
      "GET /api/v1/public/communities",
      "GET /api/v1/public/notices",
      "GET /api/v1/public/announcements",
      "GET /api/v1/public/open-data",
      "GET /api/v1/public/open-data/schema",
      "GET /api/v1/public/open-data/{file}",
      "GET /api/v1/public/plans/{id}",
      "GET /api/v1/public/plans/{id}/print",
      "GET /api/v1/public/funding/parties",
      "GET /api/v1/public/property/fund",
      "GET /open311/v2/discovery.json",
      "GET /open311/v2/discovery.xml",
      "GET /open311/v2/services.json",
      "GET /open311/v2/services.xml",
      "GET /open311/v2/services/{service_code}",
      "GET /open311/v2/requests.json",
      "GET /open311/v2/requests.xml",
      "GET /open311/v2/requests/{service_request_id}",
      "GET /open311/v2/tokens/{token}",
      "GET /api/v1/assistant/ask",
      "GET /api/v1/assistant/entries",
      "GET /api/v1/assistant/entries/{id}",
  });
  app->dispatcher = std::make_unique<http::Dispatcher>(
      app->router, *app->pool, [](storage::Connection& connection, const std::string& token) {
        return accounts::authenticate(connection, token);
      });
  if (!web_root.empty()) {
    if (!std::filesystem::is_regular_file(std::filesystem::path(web_root) / "index.html")) {
      throw std::runtime_error("--web-root " + web_root + " has no index.html (run make web)");
    }
    app->dispatcher->serve_static(std::make_shared<http::StaticFiles>(web_root));
  }
  return app;
}

void use_replica(Application& app, const std::string& url, std::chrono::seconds max_lag,
                 unsigned lanes) {
  if (app.database->dialect() != storage::Dialect::postgresql) {
    throw std::invalid_argument("--db-replica needs a PostgreSQL primary (--db postgresql://…)");
  }
  app.replica = storage::open_database(url);
  if (app.replica->dialect() != storage::Dialect::postgresql) {
    throw std::invalid_argument("--db-replica is a PostgreSQL streaming replica's URL");
  }
  app.replica_monitor = std::make_unique<ReplicaMonitor>(
      *app.database, *app.replica, std::chrono::duration_cast<std::chrono::milliseconds>(max_lag));
  auto* monitor = app.replica_monitor.get();
  app.dispatcher->use_replica(
      *app.replica, app.pool_size, lanes, [monitor] { return monitor->usable(); },
      [monitor] { monitor->failed(); }, static_cast<int>(max_lag.count()) + 1);
}

std::jthread start_jobs(Application& app, std::chrono::seconds interval) {
  return std::jthread([&app, interval](std::stop_token stop) {
    auto next = std::chrono::steady_clock::now();
    // Warnings read whole quarters: hourly is often enough (the first run at start).
    auto next_warnings = next;
    // Checkpoints are due hourly (audit::checkpoint_if_due decides from the last one's age, so
    // a restart does not reset the hour); asking each minute costs one small read.
    auto next_checkpoint = next;
    auto next_delivery = next;
    while (!stop.stop_requested()) {
      if (std::chrono::steady_clock::now() >= next_delivery) {
        next_delivery = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
        try {
          auto lease = app.pool->lease();
          storage::AdvisoryLock lock(*lease, storage::kNotificationsJobLock,
                                     storage::AdvisoryLock::Wait::try_once);
          if (lock.held()) {
            auto run = notifications::deliver_due(*lease, app.senders, now_epoch_ms());
            if (run.failed > 0 || run.dead > 0) {
              log::write(log::Level::warn, "job_notifications",
                         {{"sent", run.sent}, {"failed", run.failed}, {"dead", run.dead}});
            }
          }
        } catch (const std::exception& error) {
          log::write(log::Level::error, "job_failed",
                     {{"job", "notifications"}, {"error", error.what()}});
        }
      }
      if (app.checkpoint_key && std::chrono::steady_clock::now() >= next_checkpoint) {
        next_checkpoint = std::chrono::steady_clock::now() + std::chrono::minutes(1);
        try {
          auto lease = app.pool->lease();
          storage::AdvisoryLock lock(*lease, storage::kCheckpointJobLock,
                                     storage::AdvisoryLock::Wait::try_once);
          std::int64_t now_ms = now_epoch_ms();
          auto made = lock.held() ? audit::checkpoint_if_due(*lease, *app.checkpoint_key, now_ms)
                                  : Result<std::optional<audit::Checkpoint>>(std::nullopt);
          if (!made) {
            // The chain no longer leads to the last checkpoint: never sign over that. Said in
            // the log and as a platform fault (a warning for staff); asked again in an hour.
            next_checkpoint = std::chrono::steady_clock::now() + std::chrono::hours(1);
            log::write(log::Level::error, "checkpoint_refused", {{"error", made.error().message}});
            warnings::record_platform_event(*lease, 0, "checkpoint", false, made.error().message,
                                            now_ms);
          } else if (*made) {
            log::write(log::Level::info, "checkpoint_signed",
                       {{"seq", static_cast<long long>((*made)->seq)}});
          }
        } catch (const std::exception& error) {
          log::write(log::Level::error, "job_failed",
                     {{"job", "checkpoint"}, {"error", error.what()}});
        }
      }
      if (std::chrono::steady_clock::now() >= next_warnings) {
        next_warnings = std::chrono::steady_clock::now() + std::chrono::hours(1);
        try {
          auto lease = app.pool->lease();
          storage::AdvisoryLock lock(*lease, storage::kWarningsJobLock,
                                     storage::AdvisoryLock::Wait::try_once);
          int raised = lock.held() ? warnings::run_job(*lease, now_epoch_ms()) : 0;
          if (raised > 0) log::write(log::Level::info, "warnings_raised", {{"count", raised}});
        } catch (const std::exception& error) {
          log::write(log::Level::error, "job_failed",
                     {{"job", "warnings"}, {"error", error.what()}});
        }
      }
      if (std::chrono::steady_clock::now() >= next) {
        next = std::chrono::steady_clock::now() + interval;
        try {
          auto lease = app.pool->lease();
          storage::AdvisoryLock lock(*lease, storage::kDeadlinesJobLock,
                                     storage::AdvisoryLock::Wait::try_once);
          if (lock.held()) {
            std::int64_t now_ms = now_epoch_ms();
            int escalated = requests::escalate_overdue(*lease, now_ms);
            int expired_services = timebank::expire_services(*lease, now_ms);
            std::int64_t expired_points = points::expire_points(*lease, now_ms);
            participation::send_reminders(*lease, now_ms);
            if (escalated > 0 || expired_services > 0 || expired_points > 0) {
              log::write(log::Level::info, "deadlines",
                         {{"escalated", escalated},
                          {"expired_services", expired_services},
                          {"expired_points", static_cast<long long>(expired_points)}});
            }
          }
        } catch (const std::exception& error) {
          log::write(log::Level::error, "job_failed",
                     {{"job", "escalate_overdue"}, {"error", error.what()}});
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
}

}  // namespace gz::app
