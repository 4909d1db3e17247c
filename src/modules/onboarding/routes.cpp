// HTTP routes of onboarding: claim codes, codes by SMS, registration, password reset, the
// staff's queue of unmatched registrations and a household's logins.
#include "modules/onboarding/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/onboarding/onboarding.hpp"
#include "storage/database.hpp"

namespace gz::onboarding {
namespace {

boost::json::object code_json(const ClaimCodeView& code) {
  return {{"id", code.id},
          {"household_id", code.household_id},
          {"hint", code.hint},
          {"created_at", code.created_at},
          {"expires_at", code.expires_at},
          {"revoked_at", http::json_or_null(code.revoked_at)},
          {"uses", code.uses},
          {"state", code.state}};
}

boost::json::object request_json(const AccountRequest& request) {
  return {{"user_id", request.user_id},
          {"household_id", request.household_id},
          {"household_address", request.household_address},
          {"name", request.name},
          {"mobile", request.mobile},
          {"created_at", request.created_at},
          {"decision", http::json_or_null(request.decision)}};
}

// Where the printed QR codes lead: this server's registration page, as the client reached it.
std::string register_url(const http::Request& request) {
  std::string host = request.header("host").value_or("localhost");
  for (char c : host) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
              c == '[' || c == ']';
    if (!ok) return "/register";
  }
  return std::string(request.secure ? "https://" : "http://") + host + "/register";
}

Result<http::Response> issue_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto household_id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto issued,
                      issue_claim_code(*lease, context.user(), household_id, now_epoch_ms()));
  return http::json_response(201, boost::json::object{{"id", issued.id},
                                                      {"household_id", issued.household_id},
                                                      {"code", issued.code},
                                                      {"expires_at", issued.expires_at}});
}

Result<http::Response> list_codes_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto household_id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto codes,
                      list_claim_codes(*lease, context.user(), household_id, now_epoch_ms()));
  boost::json::array items;
  for (const auto& code : codes) items.push_back(code_json(code));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<http::Response> revoke_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto code, revoke_claim_code(*lease, context.user(), id, now_epoch_ms()));
  return http::json_response(200, code_json(code));
}

Result<http::Response> print_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto community_id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto building_id, context.int_query("building_id"));
  if (!building_id) return bad_request("missing_field", "building_id is required");
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto html,
                      print_claim_codes(*lease, context.user(), community_id, *building_id,
                                        register_url(context.request), now_epoch_ms()));
  http::Response response;
  response.content_type = "text/html; charset=utf-8";
  response.body = std::move(html);
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Result<http::Response> otp_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"mobile", "purpose"});
  auto mobile = reader.text("mobile", http::Need::required, 20);
  auto purpose_text = reader.text("purpose", http::Need::required, 20);
  if (!reader.ok()) return reader.error();
  auto purpose = parse_purpose(*purpose_text);
  if (!purpose) return bad_request("invalid_purpose", "purpose must be register or reset");
  auto lease = context.pool.lease();
  auto sent = send_otp(*lease, *mobile, *purpose, context.request.remote_ip, now_epoch_ms());
  if (!sent) {
    auto response = http::error_response(sent.error());
    if (sent.error().kind == ErrorKind::too_many_requests) {
      response.headers.emplace_back("Retry-After", "60");
    }
    return response;
  }
  return http::json_response(202,
                             boost::json::object{{"sent", true}, {"expires_in", kOtpMinutes * 60}});
}

Result<http::Response> register_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"claim_code", "name", "mobile", "otp", "password"});
  auto claim_code = reader.text("claim_code", http::Need::required, 20);
  auto name = reader.text("name", http::Need::required, 40);
  auto mobile = reader.text("mobile", http::Need::required, 20);
  auto otp = reader.text("otp", http::Need::required, 10);
  auto password = reader.text("password", http::Need::required, 256);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto registered,
                      register_account(*lease, {*claim_code, *name, *mobile, *otp, *password},
                                       context.request.remote_ip, now_epoch_ms()));
  return http::json_response(
      201, boost::json::object{{"user_id", registered.user_id},
                               {"username", registered.username},
                               {"household_id", registered.household_id},
                               {"resident_id", http::json_or_null(registered.resident_id)},
                               {"status", registered.pending ? "pending" : "active"}});
}

Result<http::Response> reset_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"mobile", "otp", "new_password"});
  auto mobile = reader.text("mobile", http::Need::required, 20);
  auto otp = reader.text("otp", http::Need::required, 10);
  auto password = reader.text("new_password", http::Need::required, 256);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_TRY(reset_password(*lease, *mobile, *otp, *password, now_epoch_ms()));
  return http::json_response(200, boost::json::object{{"ok", true}});
}

Result<http::Response> requests_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto community_id, context.id_param("id"));
  std::string state = context.request.query_param("state").value_or("open");
  if (state != "open" && state != "all") {
    return bad_request("invalid_state", "state must be open or all");
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto requests,
                      list_account_requests(*lease, context.user(), community_id, state == "open"));
  boost::json::array items;
  for (const auto& request : requests) items.push_back(request_json(request));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<http::Response> decide_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto user_id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"decision", "resident_id"});
  auto decision = reader.text("decision", http::Need::required, 20);
  auto resident_id = reader.integer("resident_id", http::Need::optional, 1);
  if (!reader.ok()) return reader.error();
  if (*decision != "confirm" && *decision != "refuse") {
    return bad_request("invalid_decision", "decision must be confirm or refuse");
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(
      auto request, decide_account_request(*lease, context.user(), user_id, *decision == "confirm",
                                           resident_id, now_epoch_ms()));
  return http::json_response(200, request_json(request));
}

Result<http::Response> household_accounts_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto household_id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto accounts, household_accounts(*lease, context.user(), household_id));
  boost::json::array items;
  for (const auto& account : accounts) {
    items.push_back(boost::json::object{{"user_id", account.user_id},
                                        {"username", account.username},
                                        {"display_name", account.display_name},
                                        {"resident_id", http::json_or_null(account.resident_id)},
                                        {"mobile", account.mobile},
                                        {"state", account.state},
                                        {"created_at", account.created_at},
                                        {"you", account.user_id == context.user().user_id},
                                        {"removable", account.removable}});
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<http::Response> remove_account_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto household_id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto user_id, context.id_param("user_id"));
  auto lease = context.pool.lease();
  GZ_TRY(remove_household_account(*lease, context.user(), household_id, user_id));
  return http::json_response(200, boost::json::object{{"ok", true}});
}

Result<std::vector<std::int64_t>> id_list(const boost::json::object& body, const char* key) {
  std::vector<std::int64_t> out;
  const auto* value = body.if_contains(key);
  if (!value || value->is_null()) return out;
  if (!value->is_array() || value->as_array().size() > 50) {
    return bad_request("invalid_field", std::string(key) + " must be a list of at most 50 ids");
  }
  for (const auto& item : value->as_array()) {
    if (!item.is_int64() || item.as_int64() <= 0) {
      return bad_request("invalid_field", std::string(key) + " must hold positive ids");
    }
    out.push_back(item.as_int64());
  }
  return out;
}

Result<Role> role_of(const std::string& text) {
  auto role = parse_role(text);
  if (!role) return bad_request("invalid_role", "role must be guide, staff, street or admin");
  return *role;
}

Result<http::Response> create_user_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"username", "display_name", "role", "community_ids", "street_ids", "password"});
  auto username = reader.text("username", http::Need::required, 32);
  auto display_name = reader.text("display_name", http::Need::required, 60);
  auto role_text = reader.text("role", http::Need::required, 20);
  auto password = reader.text("password", http::Need::optional, 256);
  if (!reader.ok()) return reader.error();
  NewWorker input;
  input.username = *username;
  input.display_name = *display_name;
  GZ_ASSIGN_OR_RETURN(input.role, role_of(*role_text));
  GZ_ASSIGN_OR_RETURN(input.community_ids, id_list(body, "community_ids"));
  GZ_ASSIGN_OR_RETURN(input.street_ids, id_list(body, "street_ids"));
  input.password = password;
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto created, create_worker(*lease, context.user(), input));
  boost::json::object out{{"id", created.id}, {"username", created.username}};
  if (created.temporary_password) out["temporary_password"] = *created.temporary_password;
  auto response = http::json_response(201, std::move(out));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Result<http::Response> change_user_route(http::RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"display_name", "role", "community_ids", "street_ids"});
  accounts::UserChange change;
  change.display_name = reader.text("display_name", http::Need::optional, 60);
  auto role_text = reader.text("role", http::Need::optional, 20);
  if (!reader.ok()) return reader.error();
  if (role_text) {
    GZ_ASSIGN_OR_RETURN(change.role, role_of(*role_text));
  }
  if (body.contains("community_ids")) {
    GZ_ASSIGN_OR_RETURN(change.community_ids, id_list(body, "community_ids"));
  }
  if (body.contains("street_ids")) {
    GZ_ASSIGN_OR_RETURN(change.street_ids, id_list(body, "street_ids"));
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto user, change_worker(*lease, context.user(), id, change));
  return http::json_response(200, accounts::user_json(user));
}

http::Handler user_action(UserAction action) {
  return [action](http::RequestContext& context) -> Result<http::Response> {
    GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
    auto lease = context.pool.lease();
    GZ_ASSIGN_OR_RETURN(auto user, act_on_user(*lease, context.user(), id, action));
    return http::json_response(200, accounts::user_json(user));
  };
}

}  // namespace

void register_routes(http::Router& router) {
  router.add(
      {"POST",
       "/api/v1/users",
       http::Access::login,
       create_user_route,
       {"Create a worker's or administrator's login; without a password a temporary "
        "one (shown once) is changed at first login",
        "onboarding", "admin; staff (guides of their community)",
        R"({"username":"guide7","display_name":"李指导员","role":"guide","community_ids":[1]})",
        ""}});
  router.add({"PATCH",
              "/api/v1/users/{id}",
              http::Access::login,
              change_user_route,
              {"Rename a user; admins also change role, communities and streets", "onboarding",
               "admin; staff (their guides' names)", R"({"display_name":"李指导员"})", ""}});
  router.add({"POST",
              "/api/v1/users/{id}/deactivate",
              http::Access::login,
              user_action(UserAction::deactivate),
              {"Deactivate a login (its sessions end)", "onboarding",
               "admin; staff (their guides and residents)", "", ""}});
  router.add(
      {"POST",
       "/api/v1/users/{id}/reactivate",
       http::Access::login,
       user_action(UserAction::reactivate),
       {"Reactivate a login", "onboarding", "admin; staff (their guides and residents)", "", ""}});
  router.add({"POST",
              "/api/v1/users/{id}/force-reset",
              http::Access::login,
              user_action(UserAction::force_reset),
              {"End a user's sessions and make them choose a new password at the next login",
               "onboarding", "admin; staff (their guides and residents)", "", ""}});
  router.add({"POST",
              "/api/v1/households/{id}/claim-codes",
              http::Access::login,
              issue_route,
              {"Issue a household claim code (30 days; each member registers with it once); the "
               "code is shown only now",
               "onboarding", "staff, the household's guide", "", ""}});
  router.add({"GET",
              "/api/v1/households/{id}/claim-codes",
              http::Access::login,
              list_codes_route,
              {"A household's claim codes by their hint, with state and uses", "onboarding",
               "staff, the household's guide", "", ""}});
  router.add({"POST",
              "/api/v1/claim-codes/{id}/revoke",
              http::Access::login,
              revoke_route,
              {"Revoke a claim code", "onboarding", "staff, the household's guide", "", ""}});
  router.add({"GET",
              "/api/v1/communities/{id}/claim-codes/print",
              http::Access::login,
              print_route,
              {"Door-hanger slips (A6 HTML) with a fresh claim code and QR for every household "
               "of a building",
               "onboarding", "staff; guides for their own households", "", "building_id"}});
  router.add({"POST",
              "/api/v1/auth/otp",
              http::Access::open,
              otp_route,
              {"Send a 6-digit code by SMS (10 minutes, 5 tries) to register or reset a password",
               "auth", "anyone (limited per mobile and address)",
               R"({"mobile":"13812345678","purpose":"register"})", ""}});
  router.add(
      {"POST",
       "/api/v1/auth/register",
       http::Access::open,
       register_route,
       {"Register a resident's login with a household claim code and the SMS code; "
        "active when the registry knows the member by name and mobile, else pending",
        "auth", "anyone with a claim code",
        R"({"claim_code":"K7QM-4XPD","name":"王秀英","mobile":"13812345678","otp":"123456","password":"..."})",
        ""}});
  router.add({"POST",
              "/api/v1/auth/password-reset",
              http::Access::open,
              reset_route,
              {"Set a new password with a code sent to the registered mobile", "auth", "anyone",
               R"({"mobile":"13812345678","otp":"123456","new_password":"..."})", ""}});
  router.add({"GET",
              "/api/v1/communities/{id}/account-requests",
              http::Access::login,
              requests_route,
              {"Registrations no registered member matched, waiting for staff", "onboarding",
               "staff", "", "state"}});
  router.add({"POST",
              "/api/v1/account-requests/{id}/decision",
              http::Access::login,
              decide_route,
              {"Confirm (optionally binding a member) or refuse a waiting registration",
               "onboarding", "staff", R"({"decision":"confirm","resident_id":12})", ""}});
  router.add({"GET",
              "/api/v1/households/{id}/accounts",
              http::Access::login,
              household_accounts_route,
              {"The logins of a household's members", "onboarding",
               "the household, its guide, staff", "", ""}});
  router.add({"DELETE",
              "/api/v1/households/{id}/accounts/{user_id}",
              http::Access::login,
              remove_account_route,
              {"Remove (deactivate) a member's login", "onboarding", "the household head, staff",
               "", ""}});
}

}  // namespace gz::onboarding
