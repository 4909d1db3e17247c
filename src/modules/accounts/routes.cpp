// HTTP routes of the accounts module: login, logout, me.
#include <boost/json.hpp>

#include "http/dispatcher.hpp"
#include "http/json_io.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/accounts/routes.hpp"
#include "storage/database.hpp"

namespace gz::accounts {
namespace {

boost::json::object actor_json(const Actor& actor) {
  boost::json::array communities;
  for (auto id : actor.community_ids) communities.push_back(id);
  boost::json::object user{{"id", actor.user_id},
                           {"username", actor.username},
                           {"role", role_name(actor.role)},
                           {"community_ids", communities}};
  user["household_id"] =
      actor.household_id ? boost::json::value(*actor.household_id) : boost::json::value(nullptr);
  if (!actor.display_name.empty()) user["display_name"] = actor.display_name;
  return user;
}

Result<http::Response> login(http::RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  // "username" may hold a mobile as well; "login" is the same field under a clearer name.
  auto username =
      reader.text(body->contains("login") ? "login" : "username", http::Need::required, 64);
  auto password = reader.text("password", http::Need::required, 256);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = log_in(*lease, *username, *password, context.request.remote_ip,
                       context.request.header("user-agent").value_or(""));
  if (!result) {
    auto response = http::error_response(result.error());
    if (result.error().kind == ErrorKind::too_many_requests) {
      response.headers.emplace_back("Retry-After", std::to_string(kThrottleWindowSeconds));
    }
    return response;
  }
  auto response = http::json_response(
      200, boost::json::object{
               {"token", result->token},
               {"expires_in", kSessionSeconds},
               {"user", actor_json(result->actor)},
               {"must_change_password", must_reset_password(*lease, result->actor.user_id)}});
  response.headers.emplace_back(
      "Set-Cookie",
      std::string(http::kSessionCookie) + "=" + result->token +
          "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(kSessionSeconds) +
          (context.request.secure ? "; Secure" : ""));
  return response;
}

Result<http::Response> logout(http::RequestContext& context) {
  if (auto token = http::request_token(context.request)) {
    auto lease = context.pool.lease();
    log_out(*lease, *token);
  }
  auto response = http::json_response(200, boost::json::object{{"ok", true}});
  response.headers.emplace_back("Set-Cookie",
                                std::string(http::kSessionCookie) +
                                    "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
                                    (context.request.secure ? "; Secure" : ""));
  return response;
}

Result<http::Response> me(http::RequestContext& context) {
  return http::json_response(200, boost::json::object{{"user", actor_json(context.user())}});
}

Result<http::Response> change_password_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"current_password", "new_password"});
  auto current = reader.text("current_password", http::Need::required, 256);
  auto next = reader.text("new_password", http::Need::required, 256);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_TRY(change_password(*lease, context.user(), *current, *next,
                         http::request_token(context.request).value_or("")));
  return http::json_response(200, boost::json::object{{"ok", true}});
}

Result<http::Response> sessions_route(http::RequestContext& context) {
  auto lease = context.pool.lease();
  boost::json::array items;
  for (const auto& session :
       list_sessions(*lease, context.user(), http::request_token(context.request).value_or(""))) {
    items.push_back(boost::json::object{{"id", session.id},
                                        {"created_at", session.created_at},
                                        {"expires_at", session.expires_at},
                                        {"remote_ip", http::json_or_null(session.remote_ip)},
                                        {"user_agent", http::json_or_null(session.user_agent)},
                                        {"current", session.current}});
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<http::Response> end_session_route(http::RequestContext& context) {
  auto lease = context.pool.lease();
  GZ_TRY(end_session(*lease, context.user(), context.params.at("id")));
  return http::json_response(200, boost::json::object{{"ok", true}});
}

Result<http::Response> list_users_route(http::RequestContext& context) {
  UserFilter filter;
  GZ_ASSIGN_OR_RETURN(filter.community_id, context.int_query("community_id"));
  if (auto text = context.request.query_param("role"); text && !text->empty()) {
    filter.role = parse_role(*text);
    if (!filter.role) {
      return bad_request("invalid_role", "role must be resident, guide, staff, street or admin");
    }
  }
  filter.q = context.request.query_param("q");
  if (filter.q && filter.q->size() > 64) return bad_request("invalid_query", "q is too long");
  filter.state = context.request.query_param("state").value_or("active");
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto users, list_users(*lease, context.user(), filter));
  boost::json::array items;
  for (const auto& user : users) items.push_back(user_json(user));
  boost::json::object out{{"items", std::move(items)}};
  out["community_id"] = http::json_or_null(filter.community_id);
  return http::json_response(200, std::move(out));
}

}  // namespace

void register_routes(http::Router& router) {
  router.add({"POST",
              "/api/v1/auth/login",
              http::Access::open,
              login,
              {"Log in; returns a bearer token and sets an HttpOnly session cookie", "auth",
               "anyone", R"({"username":"resident","password":"..."})", ""}});
  router.add({"POST",
              "/api/v1/auth/logout",
              http::Access::login,
              logout,
              {"End the current session", "auth", "any logged-in user", "", ""}});
  router.add({"POST",
              "/api/v1/auth/password",
              http::Access::login,
              change_password_route,
              {"Change one's own password (every other session ends)", "auth", "any logged-in user",
               R"({"current_password":"...","new_password":"..."})", ""}});
  router.add({"GET",
              "/api/v1/auth/sessions",
              http::Access::login,
              sessions_route,
              {"One's own open sessions: when, from where, which is this one", "auth",
               "any logged-in user", "", ""}});
  router.add({"DELETE",
              "/api/v1/auth/sessions/{id}",
              http::Access::login,
              end_session_route,
              {"End one of one's own sessions", "auth", "any logged-in user", "", ""}});
  router.add({"GET",
              "/api/v1/users",
              http::Access::login,
              list_users_route,
              {"Users: a community's guides and staff (staff: its residents' logins too), every "
               "user for admins; caseload = households assigned, guides only",
               "auth", "staff, street, admin", "", "community_id, role, q, state"}});
  router.add({"GET",
              "/api/v1/me",
              http::Access::login,
              me,
              {"The logged-in user, role and communities", "auth", "any logged-in user", "", ""}});
}

}  // namespace gz::accounts
