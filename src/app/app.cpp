#include "app/app.hpp"

#include <boost/json.hpp>
#include <cstdlib>

#include "http/openapi.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/audit/routes.hpp"
#include "modules/registry/routes.hpp"
#include "storage/migrate.hpp"

namespace gz::app {

std::string database_url(const std::string& flag_value) {
  if (!flag_value.empty()) return flag_value;
  if (const char* env = std::getenv("GONGZHI_DB"); env && *env) return env;
  return "sqlite:gongzhi.db";
}

namespace {

void register_system_routes(Application& app) {
  app.router.add({"GET",
                  "/healthz",
                  http::Access::open,
                  [&app](http::RequestContext&) {
                    auto lease = app.pool->lease();
                    lease->query("SELECT 1");
                    return http::json_response(
                        200, boost::json::object{{"status", "ok"}, {"version", kVersion}});
                  },
                  {"Liveness and database check", "system", "anyone", "", ""}});
  app.router.add(
      {"GET",
       "/metrics",
       http::Access::open,
       [&app](http::RequestContext&) {
         http::Response response;
         response.content_type = "text/plain; version=0.0.4; charset=utf-8";
         response.body = app.dispatcher->metrics().render_prometheus();
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

std::unique_ptr<Application> build_application(const std::string& url, std::size_t pool_size) {
  auto app = std::make_unique<Application>();
  app->database = storage::open_database(url);
  {
    auto connection = app->database->connect();
    storage::migrate(*connection);
  }
  app->pool = std::make_unique<storage::Pool>(*app->database, pool_size);
  register_system_routes(*app);
  accounts::register_routes(app->router);
  registry::register_routes(app->router);
  audit::register_routes(app->router);
  app->dispatcher = std::make_unique<http::Dispatcher>(
      app->router, *app->pool, [](storage::Connection& connection, const std::string& token) {
        return accounts::authenticate(connection, token);
      });
  return app;
}

}  // namespace gz::app
