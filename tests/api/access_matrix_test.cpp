// The access-control matrix: one table lists every route (method + pattern) with the status
// each caller gets — no login, resident, guide, staff, street, admin — for a harmless,
// valid-looking request against a small fixture. The test checks every cell, that nothing
// answers 5xx, and that the table and GET /api/v1/openapi.json name the same routes, so no
// route exists outside the table. Runs on SQLite, and on PostgreSQL when GONGZHI_TEST_PG is set.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "correct-horse-42";

// One expectation per cell:
//   A  allowed: the role passes the access check (not 401/403, never 5xx); the exact status
//      depends on the body (2xx, 400 validation, 404 unknown id, 409 conflict, 429 throttled)
//   U  401 (login needed)        F  403 (role may not)
//   N  404 (the design hides that the thing exists from this caller)
//   X  403 or 404: denied, either answer acceptable
// Columns: no login, resident, guide, staff, street, admin.
enum class Presence { always, without_web_root };

struct Row {
  const char* method;
  const char* pattern;  // exactly as in openapi.json
  const char* target;   // concrete path; {C} {O} {HA} {HB} {RA} {RB} {REQ} {CODE} {PLAN} {EL}
  const char* body;     // JSON unless `content_type` says otherwise; "" for none
  const char* expected;
  const char* content_type = "application/json";
  Presence presence = Presence::always;
};

constexpr const char* kRoles[] = {"no login", "resident", "guide", "staff", "street", "admin"};

// clang-format off
const std::vector<Row> kMatrix = {
  // system and public
  {"GET", "/healthz", "/healthz", "", "AAAAAA"},
  {"GET", "/metrics", "/metrics", "", "AAAAAA"},
  {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", "AAAAAA"},
  {"GET", "/api/v1/site", "/api/v1/site", "", "AAAAAA"},
  {"GET", "/api/v1/public/communities", "/api/v1/public/communities", "", "AAAAAA"},
  // "/" is the landing page only when no built web application is served (then it is a file).
  {"GET", "/", "/", "", "AAAAAA", "application/json", Presence::without_web_root},
  {"GET", "/api/v1/registry/vocabulary", "/api/v1/registry/vocabulary", "", "AAAAAA"},
  {"GET", "/api/v1/ledger/head", "/api/v1/ledger/head", "", "AAAAAA"},
  {"GET", "/api/v1/ledger/checkpoints", "/api/v1/ledger/checkpoints", "", "AAAAAA"},
  {"GET", "/api/v1/ledger/checkpoints/latest", "/api/v1/ledger/checkpoints/latest", "", "AAAAAA"},
  {"POST", "/api/v1/ledger/checkpoints", "/api/v1/ledger/checkpoints", "", "UFFFFA"},
  {"GET", "/api/v1/track/{code}", "/api/v1/track/{CODE}", "", "AAAAAA"},
  {"GET", "/api/v1/calendar", "/api/v1/calendar", "", "AAAAAA"},
  // accounts
  {"POST", "/api/v1/auth/login", "/api/v1/auth/login", R"({"username":"nobody_here"})", "AAAAAA"},
  {"POST", "/api/v1/auth/logout", "/api/v1/auth/logout", "", "UAAAAA"},
  {"GET", "/api/v1/me", "/api/v1/me", "", "UAAAAA"},
  {"GET", "/api/v1/users", "/api/v1/users?community_id={C}&role=guide", "", "UFFAAA"},
  {"GET", "/api/v1/users", "/api/v1/users?community_id={O}", "", "UFNNAA"},
  {"GET", "/api/v1/users", "/api/v1/users?state=all", "", "UFAAAA"},
  {"POST", "/api/v1/users", "/api/v1/users", R"({"username":"matrix{SEQ}","display_name":"矩阵","role":"guide","community_ids":[{C}]})", "UFFAFA"},
  {"PATCH", "/api/v1/users/{id}", "/api/v1/users/{GUIDE}", R"({"display_name":"矩阵指导员"})", "UFAAFA"},
  {"PATCH", "/api/v1/users/{id}", "/api/v1/users/999999", R"({"display_name":"矩阵"})", "UNNNNN"},
  {"POST", "/api/v1/users/{id}/deactivate", "/api/v1/users/999999/deactivate", "", "UNNNNN"},
  {"POST", "/api/v1/users/{id}/reactivate", "/api/v1/users/{GUIDE}/reactivate", "", "UFAAFA"},
  {"POST", "/api/v1/users/{id}/force-reset", "/api/v1/users/999999/force-reset", "", "UNNNNN"},
  {"POST", "/api/v1/auth/password", "/api/v1/auth/password", R"({"current_password":"not-the-password-9","new_password":"another-long-one-42"})", "UAAAAA"},
  {"GET", "/api/v1/auth/sessions", "/api/v1/auth/sessions", "", "UAAAAA"},
  {"DELETE", "/api/v1/auth/sessions/{id}", "/api/v1/auth/sessions/0123456789abcdef", "", "UNNNNN"},
  // onboarding: codes by SMS, registration and reset are open (limited per mobile and address)
  {"POST", "/api/v1/auth/otp", "/api/v1/auth/otp", R"({"mobile":"13800000000","purpose":"register"})", "AAAAAA"},
  {"POST", "/api/v1/auth/register", "/api/v1/auth/register", R"({"claim_code":"AAAA-BBBB","name":"矩阵","mobile":"13800000000","otp":"000000","password":"matrix-pass-4242"})", "AAAAAA"},
  {"POST", "/api/v1/auth/password-reset", "/api/v1/auth/password-reset", R"({"mobile":"13800000000","otp":"000000","new_password":"matrix-pass-4242"})", "AAAAAA"},
  {"POST", "/api/v1/households/{id}/claim-codes", "/api/v1/households/{HA}/claim-codes", "", "UNFAFA"},
  {"POST", "/api/v1/households/{id}/claim-codes", "/api/v1/households/{HB}/claim-codes", "", "UNFAFA"},
  {"GET", "/api/v1/households/{id}/claim-codes", "/api/v1/households/{HA}/claim-codes", "", "UNFAFA"},
  {"POST", "/api/v1/claim-codes/{id}/revoke", "/api/v1/claim-codes/999999/revoke", "", "UNNNNN"},
  {"GET", "/api/v1/communities/{id}/claim-codes/print", "/api/v1/communities/{C}/claim-codes/print?building_id={BLD}", "", "UFAAFA"},
  {"GET", "/api/v1/communities/{id}/claim-codes/print", "/api/v1/communities/{O}/claim-codes/print?building_id={BLD}", "", "UNNNFA"},
  {"GET", "/api/v1/communities/{id}/account-requests", "/api/v1/communities/{C}/account-requests", "", "UFFAFA"},
  {"POST", "/api/v1/account-requests/{id}/decision", "/api/v1/account-requests/999999/decision", R"({"decision":"refuse"})", "UNNNNN"},
  {"GET", "/api/v1/households/{id}/accounts", "/api/v1/households/{HA}/accounts", "", "UANANA"},
  {"GET", "/api/v1/households/{id}/accounts", "/api/v1/households/{HB}/accounts", "", "UNNANA"},
  {"DELETE", "/api/v1/households/{id}/accounts/{user_id}", "/api/v1/households/{HA}/accounts/999999", "", "UNNNNN"},
  // registry
  {"GET", "/api/v1/communities", "/api/v1/communities", "", "UAAAAA"},
  {"POST", "/api/v1/communities", "/api/v1/communities", R"({"name":"矩阵社区","code":"M-{SEQ}"})", "UFFFAA"},
  {"GET", "/api/v1/communities/{id}", "/api/v1/communities/{C}", "", "UAAAAA"},
  {"GET", "/api/v1/streets", "/api/v1/streets", "", "UFFFAA"},
  {"POST", "/api/v1/streets", "/api/v1/streets", R"({"name":"矩阵街道","code":"MS-{SEQ}"})", "UFFFFA"},
  {"PATCH", "/api/v1/streets/{id}", "/api/v1/streets/999999", R"({"name":"矩阵街道"})", "UFFFFA"},
  {"PUT", "/api/v1/buildings/{id}/guide", "/api/v1/buildings/{BLD}/guide", R"({"user_id":null})", "UFFAFA"},
  {"GET", "/api/v1/communities/{id}/buildings", "/api/v1/communities/{C}/buildings", "", "UAAAAA"},
  {"POST", "/api/v1/communities/{id}/buildings", "/api/v1/communities/{C}/buildings", R"({"name":"矩阵楼{SEQ}"})", "UFFAFA"},
  {"GET", "/api/v1/households", "/api/v1/households", "", "UAAAAA"},
  {"POST", "/api/v1/households", "/api/v1/households", R"({"community_id":{C},"code":"M-{SEQ}","address":"矩阵路{SEQ}号","housing_type":"owner"})", "UFAAFA"},
  {"GET", "/api/v1/households/{id}", "/api/v1/households/{HA}", "", "UAAAAA"},
  {"GET", "/api/v1/households/{id}", "/api/v1/households/{HB}", "", "UNAAAA"},
  {"PATCH", "/api/v1/households/{id}", "/api/v1/households/{HA}", R"({"needs":["elderly_care"],"willingness":"high"})", "UAAAFA"},
  {"PATCH", "/api/v1/households/{id}", "/api/v1/households/{HB}", R"({"needs":["elderly_care"],"willingness":"high"})", "UNAAFA"},
  {"GET", "/api/v1/households/{id}/residents", "/api/v1/households/{HA}/residents", "", "UAAAAA"},
  {"GET", "/api/v1/households/{id}/residents", "/api/v1/households/{HB}/residents", "", "UNAAAA"},
  {"POST", "/api/v1/households/{id}/residents", "/api/v1/households/{HB}/residents", R"({"name":"李四","relation":"other"})", "UNAAFA"},
  {"POST", "/api/v1/households/import", "/api/v1/households/import?community_id={C}", "户号,楼栋,地址,姓名,性别,身份证号,手机号,与户主关系\n", "UFFAFA", "text/csv"},
  {"GET", "/api/v1/households/export", "/api/v1/households/export?community_id={C}", "", "UFAAAA"},
  // requests
  {"POST", "/api/v1/requests", "/api/v1/requests", R"({"category":"water_leak","description":"楼上漏水到我家厨房","household_id":{HA}})", "UAAAFA"},
  {"GET", "/api/v1/requests", "/api/v1/requests", "", "UAAAAA"},
  {"GET", "/api/v1/requests/categories", "/api/v1/requests/categories", "", "UAAAAA"},
  {"PUT", "/api/v1/requests/categories", "/api/v1/requests/categories", R"({"community_id":{C},"code":"elevator","name_zh":"电梯故障","name_en":"Elevator fault","default_priority":"red","resolution_working_days":2})", "UFFAFA"},
  {"GET", "/api/v1/requests/stats", "/api/v1/requests/stats?community_id={C}", "", "UXAAAA"},
  {"GET", "/api/v1/requests/league", "/api/v1/requests/league?street_id=999999", "", "UFFFAA"},
  {"GET", "/api/v1/requests/{id}", "/api/v1/requests/{REQ}", "", "UAAAAA"},
  {"POST", "/api/v1/requests/{id}/transitions", "/api/v1/requests/{REQ}/transitions", R"({"action":"assign","assignee":{GUIDE},"note":"矩阵"})", "UFAAFA"},
  {"POST", "/api/v1/requests/{id}/rating", "/api/v1/requests/{REQ}/rating", R"({"score":5,"comment":"很及时"})", "UAFAFA"},
  // photos: the filing household and the community's guides/staff; street supervisors get 404
  {"POST", "/api/v1/requests/{id}/photos", "/api/v1/requests/{REQ}/photos", "GIF89a-not-accepted", "UAAANA", "image/png"},
  {"GET", "/api/v1/requests/{id}/photos/{n}", "/api/v1/requests/{REQ}/photos/1", "", "UAAANA"},
  {"GET", "/api/v1/notifications", "/api/v1/notifications", "", "UAAAAA"},
  {"POST", "/api/v1/notifications/{id}/read", "/api/v1/notifications/999999/read", "", "UAAAAA"},
  {"POST", "/api/v1/notifications/read-all", "/api/v1/notifications/read-all", "", "UAAAAA"},
  {"GET", "/api/v1/notification-preferences", "/api/v1/notification-preferences", "", "UAAAAA"},
  {"PUT", "/api/v1/notification-preferences", "/api/v1/notification-preferences", R"({"kind":"request.resolved","in_app":true,"sms":false})", "UAAAAA"},
  {"GET", "/api/v1/notification-contact", "/api/v1/notification-contact", "", "UAAAAA"},
  {"PUT", "/api/v1/notification-contact", "/api/v1/notification-contact", R"({"language":"zh"})", "UAAAAA"},
  // another user's contact: unknown to residents and street users; guides and staff of the
  // community confirm mobiles (999999 has none: 404 for everyone allowed)
  {"POST", "/api/v1/notification-contacts/{id}/verify", "/api/v1/notification-contacts/999999/verify", "", "UNAANA"},
  {"GET", "/api/v1/notification-channels", "/api/v1/notification-channels?community_id={C}", "", "UFFAFA"},
  {"POST", "/api/v1/notification-channels", "/api/v1/notification-channels", R"({"community_id":{C},"kind":"webhook","name":"矩阵","url":"http://127.0.0.1:9/hook","secret":"matrix-secret-0123456789","events":["*"]})", "UFFAFA"},
  {"PUT", "/api/v1/notification-channels/{id}", "/api/v1/notification-channels/999999", R"({"name":"矩阵","url":"http://127.0.0.1:9/hook","events":["*"]})", "UNNANA"},
  {"GET", "/api/v1/notification-channels/{id}/deliveries", "/api/v1/notification-channels/999999/deliveries", "", "UNNANA"},
  {"POST", "/api/v1/notification-channels/{id}/test", "/api/v1/notification-channels/999999/test", "", "UNNANA"},
  {"PUT", "/api/v1/calendar", "/api/v1/calendar", R"({"years":[2099],"holidays":{},"workdays":{}})", "UFFFFA"},
  {"POST", "/api/v1/requests/triage-rules", "/api/v1/requests/triage-rules", R"({"community_id":{C},"keyword":"被困{SEQ}","priority":"red","note":"矩阵"})", "UFFAFA"},
  {"POST", "/api/v1/requests/departments", "/api/v1/requests/departments", R"({"community_id":{C},"code":"dept_{SEQ}","name_zh":"部门","name_en":"Dept"})", "UFFAFA"},
  // points bank
  {"GET", "/api/v1/points/accounts/{resident_id}", "/api/v1/points/accounts/{RA}", "", "UAAAAA"},
  {"GET", "/api/v1/points/accounts/{resident_id}", "/api/v1/points/accounts/{RB}", "", "UNAAAA"},
  {"GET", "/api/v1/points/accounts/{resident_id}/postings", "/api/v1/points/accounts/{RA}/postings", "", "UAAAAA"},
  {"GET", "/api/v1/points/accounts/{resident_id}/postings", "/api/v1/points/accounts/{RB}/postings", "", "UNAAAA"},
  {"POST", "/api/v1/points/awards", "/api/v1/points/awards", R"({"resident_id":{RA},"rule":"meeting","quantity":1,"reference":"matrix:{SEQ}"})", "UFAAFA"},
  {"GET", "/api/v1/points/rules", "/api/v1/points/rules?community_id={C}", "", "UAAAAA"},
  {"PUT", "/api/v1/points/rules", "/api/v1/points/rules", R"({"community_id":{C},"rule":"volunteer","name_zh":"志愿服务","unit":"minute","points_per_unit":6})", "UFFAFA"},
  {"GET", "/api/v1/points/catalog", "/api/v1/points/catalog?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/points/catalog", "/api/v1/points/catalog", R"({"community_id":{C},"name":"餐券{SEQ}","category":"canteen_voucher","price_points":30,"stock":200})", "UFFAFA"},
  {"POST", "/api/v1/points/redemptions", "/api/v1/points/redemptions", R"({"resident_id":{RA},"item_id":999999,"quantity":1})", "UAFAFA"},
  {"POST", "/api/v1/points/corrections", "/api/v1/points/corrections", R"({"posting_id":{POSTING},"reason":"矩阵"})", "UFFAFA"},
  {"GET", "/api/v1/points/vouchers/{code}", "/api/v1/points/vouchers/ABCD-EFGH", "", "UNAAAA"},
  {"POST", "/api/v1/points/vouchers/{code}/use", "/api/v1/points/vouchers/ABCD-EFGH/use", "", "UNAAAA"},
  {"GET", "/api/v1/points/vouchers/{code}/qr.svg", "/api/v1/points/vouchers/ABCD-EFGH/qr.svg", "", "UNAAAA"},
  {"GET", "/api/v1/points/accounts/{resident_id}/redemptions", "/api/v1/points/accounts/{RA}/redemptions", "", "UAAAAA"},
  {"GET", "/api/v1/points/accounts/{resident_id}/redemptions", "/api/v1/points/accounts/{RB}/redemptions", "", "UNAAAA"},
  {"GET", "/api/v1/points/leaderboard", "/api/v1/points/leaderboard?community_id={C}&period=2026Q3", "", "UAAAAA"},
  {"PUT", "/api/v1/points/leaderboard/optin", "/api/v1/points/leaderboard/optin", R"({"resident_id":{RA},"show_name":true})", "UAFFFF"},
  {"GET", "/api/v1/points/settings", "/api/v1/points/settings?community_id={C}", "", "UAAAAA"},
  {"PUT", "/api/v1/points/settings", "/api/v1/points/settings", R"({"community_id":{C},"expiry_months":24,"timebank_floor_minutes":-600})", "UFFAFA"},
  // time bank
  {"POST", "/api/v1/timebank/services", "/api/v1/timebank/services", R"({"provider_resident_id":{RA},"recipient_resident_id":{RB},"service_date":"2026-11-28","minutes":30,"service_type":"companionship"})", "UAAAFA"},
  {"GET", "/api/v1/timebank/services", "/api/v1/timebank/services?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/timebank/services/{id}/confirm", "/api/v1/timebank/services/999999/confirm", "", "UAAAAA"},
  {"POST", "/api/v1/timebank/services/{id}/dispute", "/api/v1/timebank/services/999999/dispute", R"({"note":"没有上门"})", "UAAAAA"},
  {"GET", "/api/v1/timebank/accounts/{resident_id}", "/api/v1/timebank/accounts/{RA}", "", "UAAAAA"},
  {"GET", "/api/v1/timebank/accounts/{resident_id}", "/api/v1/timebank/accounts/{RB}", "", "UNAAAA"},
  // Guides record and confirm services but may not move a household's savings (found by this
  // matrix and fixed).
  {"POST", "/api/v1/timebank/posts", "/api/v1/timebank/posts", R"({"resident_id":{RA},"kind":"offer","service_type":"companionship","title":"矩阵"})", "UAAAFA"},
  {"GET", "/api/v1/timebank/posts", "/api/v1/timebank/posts?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/timebank/posts/{id}/close", "/api/v1/timebank/posts/999999/close", "", "UAAAAA"},
  {"POST", "/api/v1/timebank/posts/{id}/responses", "/api/v1/timebank/posts/999999/responses", R"({"resident_id":{RA}})", "UAAAAA"},
  {"GET", "/api/v1/timebank/responses", "/api/v1/timebank/responses", "", "UAAAAA"},
  {"POST", "/api/v1/timebank/responses/{id}/decision", "/api/v1/timebank/responses/999999/decision", R"({"accept":true})", "UAAAAA"},
  {"POST", "/api/v1/timebank/responses/{id}/service", "/api/v1/timebank/responses/999999/service", R"({"service_date":"2026-11-28","minutes":30})", "UAAAAA"},
  {"POST", "/api/v1/timebank/transfers", "/api/v1/timebank/transfers", R"({"from_resident_id":{RA},"to_resident_id":{RA2},"minutes":15})", "UAFAFA"},
  {"GET", "/api/v1/ledger/verify", "/api/v1/ledger/verify", "", "UFFAAA"},
  // needs and allocation
  {"GET", "/api/v1/needs/weights", "/api/v1/needs/weights?community_id={C}", "", "UFAAAA"},
  {"PUT", "/api/v1/needs/weights", "/api/v1/needs/weights", R"({"community_id":{C},"population_structure":25,"health":20,"economy":20,"willingness":15,"special_needs":20})", "UFFAFA"},
  {"POST", "/api/v1/needs/assessments", "/api/v1/needs/assessments", R"({"household_id":{HA},"dimension":"health","score":80,"reason":"上门评估"})", "UFAAFA"},
  {"GET", "/api/v1/households/{id}/needs", "/api/v1/households/{HA}/needs", "", "UAAAAA"},
  {"GET", "/api/v1/households/{id}/needs", "/api/v1/households/{HB}/needs", "", "UNAAAA"},
  {"GET", "/api/v1/needs/demand", "/api/v1/needs/demand?community_id={C}", "", "UFAAAA"},
  {"GET", "/api/v1/needs/heatmap", "/api/v1/needs/heatmap?community_id={C}", "", "UFAAAA"},
  {"GET", "/api/v1/needs/ranking", "/api/v1/needs/ranking?community_id={C}", "", "UFAAAA"},
  {"POST", "/api/v1/allocation/plans", "/api/v1/allocation/plans", R"({"community_id":{C},"quarter":"2026Q4","total":1000000,"unit":"fen"})", "UFFAFA"},
  {"GET", "/api/v1/allocation/plans", "/api/v1/allocation/plans?community_id={C}", "", "UFAAAA"},
  {"GET", "/api/v1/allocation/plans", "/api/v1/allocation/plans?community_id={O}", "", "UNNNAA"},
  {"GET", "/api/v1/allocation/plans/{id}", "/api/v1/allocation/plans/{PLAN}", "", "UFAAAA"},
  {"GET", "/api/v1/allocation/plans/{id}/fairness", "/api/v1/allocation/plans/{PLAN}/fairness", "", "UFAAAA"},
  // plan lifecycle and the public board (transparency)
  {"POST", "/api/v1/allocation/plans/{id}/transitions", "/api/v1/allocation/plans/{PLAN}/transitions", R"({"action":"publish","note":"矩阵公示"})", "UFFAFA"},
  {"POST", "/api/v1/allocation/plans/{id}/objections", "/api/v1/allocation/plans/{PLAN}/objections", R"({"text":"矩阵异议"})", "UAFFFF"},
  {"POST", "/api/v1/allocation/plans/{id}/objections/{oid}/answer", "/api/v1/allocation/plans/{PLAN}/objections/999999/answer", R"({"answer":"矩阵答复"})", "UFFAFA"},
  {"POST", "/api/v1/allocation/plans/{id}/objections/answers", "/api/v1/allocation/plans/{PLAN}/objections/answers", R"({"objection_ids":[999999],"answer":"矩阵答复"})", "UFFAFA"},
  {"POST", "/api/v1/plans/{id}/transitions", "/api/v1/plans/{PLAN}/transitions", R"({"action":"publish","note":"矩阵公示"})", "UFFAFA"},
  {"POST", "/api/v1/plans/{id}/objections", "/api/v1/plans/{PLAN}/objections", R"({"text":"矩阵异议"})", "UAFFFF"},
  {"POST", "/api/v1/plans/{id}/objections/{oid}/answer", "/api/v1/plans/{PLAN}/objections/999999/answer", R"({"answer":"矩阵答复"})", "UFFAFA"},
  {"POST", "/api/v1/plans/{id}/objections/answers", "/api/v1/plans/{PLAN}/objections/answers", R"({"objection_ids":[999999],"answer":"矩阵答复"})", "UFFAFA"},
  {"POST", "/api/v1/plans/{id}/spending", "/api/v1/plans/{PLAN}/spending", R"({"category":"elderly_care","amount":100,"purpose":"矩阵","payee_category":"other","receipt_ref":"R-1"})", "UFFAFA"},
  {"GET", "/api/v1/plans/{id}/spending", "/api/v1/plans/{PLAN}/spending", "", "UFAAAA"},
  {"POST", "/api/v1/funding/parties", "/api/v1/funding/parties", R"({"community_id":{C},"kind":"market","name":"矩阵企业","profile":"矩阵"})", "UFFAFA"},
  {"GET", "/api/v1/public/funding/parties", "/api/v1/public/funding/parties?community_id={C}", "", "AAAAAA"},
  {"POST", "/api/v1/plans/{id}/pledges", "/api/v1/plans/{PLAN}/pledges", R"({"party_id":1,"category":"elderly_care","amount":100})", "UFFAFA"},
  {"POST", "/api/v1/pledges/{id}/receipts", "/api/v1/pledges/1/receipts", R"({"amount":100,"receipt_ref":"R-1"})", "UXXAXA"},
  {"POST", "/api/v1/plans/{id}/council-votes", "/api/v1/plans/{PLAN}/council-votes", R"({"meeting":"矩阵","held_at":"2020-01-01T19:00:00+08:00","members_total":15,"members_present":11,"votes_for":8,"votes_against":2,"votes_abstain":1,"minutes":"矩阵"})", "UFFAFA"},
  {"GET", "/api/v1/plans/{id}/council-votes", "/api/v1/plans/{PLAN}/council-votes", "", "UFAAAA"},
  {"POST", "/api/v1/plans/{id}/assessments", "/api/v1/plans/{PLAN}/assessments", R"({"assessor":"矩阵","organisation":"矩阵","findings":"矩阵","recommendation":"approve"})", "UFFAFA"},
  {"GET", "/api/v1/plans/{id}/assessments", "/api/v1/plans/{PLAN}/assessments", "", "UFAAAA"},
  {"POST", "/api/v1/plans/{id}/emergency-spending", "/api/v1/plans/{PLAN}/emergency-spending", R"({"kind":"accident","reason":"矩阵","households_served":1,"amount":100,"payee_category":"other","receipt_ref":"R-1"})", "UFFAFA"},
  {"GET", "/api/v1/plans/{id}/emergency-spending", "/api/v1/plans/{PLAN}/emergency-spending", "", "UFAAAA"},
  {"POST", "/api/v1/plans/{id}/emergency-spending/{sid}/sign-off", "/api/v1/plans/{PLAN}/emergency-spending/1/sign-off", R"({"note":"矩阵"})", "UFFFAA"},
  {"POST", "/api/v1/plans/{id}/evaluations", "/api/v1/plans/{PLAN}/evaluations", R"({"kind":"third_party","evaluator":"矩阵","summary":"矩阵评估"})", "UFFAFA"},
  {"POST", "/api/v1/plans/{id}/ratings", "/api/v1/plans/{PLAN}/ratings", R"({"score":4})", "UAFFFF"},
  {"GET", "/api/v1/transparency/settings", "/api/v1/transparency/settings?community_id={C}", "", "UFAAAA"},
  {"PUT", "/api/v1/transparency/settings", "/api/v1/transparency/settings?community_id={C}", R"({"notice_days":7,"objection_threshold_bp":500})", "UFFAFA"},
  {"GET", "/api/v1/public/plans/{id}", "/api/v1/public/plans/{PLAN}", "", "AAAAAA"},
  {"GET", "/api/v1/public/plans/{id}/print", "/api/v1/public/plans/{PLAN}/print", "", "AAAAAA"},
  {"POST", "/api/v1/pb/elections/{id}/plan", "/api/v1/pb/elections/{EL}/plan", R"({"rule":"greedy"})", "UFFAFA"},
  {"GET", "/api/v1/public/notices", "/api/v1/public/notices?community_id={C}", "", "AAAAAA"},
  {"GET", "/api/community-resources", "/api/community-resources?community_id={C}", "", "AAAAAA"},
  // risk warnings and improvement (PDCA) tasks
  {"GET", "/api/v1/warnings", "/api/v1/warnings?community_id={C}", "", "UFAAAA"},
  {"POST", "/api/v1/warnings/evaluate", "/api/v1/warnings/evaluate?community_id={C}", "", "UFFAFA"},
  {"POST", "/api/v1/warnings/{id}/resolve", "/api/v1/warnings/999999/resolve", R"({"resolution":"矩阵"})", "UXXAXA"},
  // open data: anyone
  {"GET", "/api/v1/public/open-data", "/api/v1/public/open-data?community_id={C}&quarter=2026Q4", "", "AAAAAA"},
  {"GET", "/api/v1/public/open-data/schema", "/api/v1/public/open-data/schema", "", "AAAAAA"},
  {"GET", "/api/v1/public/open-data/{file}", "/api/v1/public/open-data/requests.csv?community_id={C}&quarter=2026Q4", "", "AAAAAA"},
  // discussion: members read and write threads; residents flag; staff moderate
  {"GET", "/api/v1/comments", "/api/v1/comments?subject_type=proposal&subject_id=999999", "", "UAAAAA"},
  {"POST", "/api/v1/comments", "/api/v1/comments", R"({"subject_type":"proposal","subject_id":999999,"body":"矩阵"})", "UAAAAA"},
  {"GET", "/api/v1/comments/{id}", "/api/v1/comments/999999", "", "UAAAAA"},
  {"POST", "/api/v1/comments/{id}/flags", "/api/v1/comments/999999/flags", R"({"reason":"spam"})", "UAAAAA"},
  {"POST", "/api/v1/comments/{id}/moderation", "/api/v1/comments/999999/moderation", R"({"action":"restore"})", "UXXAXA"},
  {"GET", "/api/v1/comments/moderation", "/api/v1/comments/moderation?community_id={C}", "", "UFFAFA"},
  // rooms and bookings: staff manage rooms and decide; members book and read schedules
  {"GET", "/api/v1/rooms", "/api/v1/rooms?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/rooms", "/api/v1/rooms", R"({"community_id":{C},"name":"矩阵{SEQ}","kind":"other","capacity":5,"opens_minute":480,"closes_minute":1080,"slot_minutes":30,"max_minutes":60,"max_per_week":1,"advance_days":7,"open_to":"residents","needs_approval":false})", "UFFAFA"},
  {"PUT", "/api/v1/rooms/{id}", "/api/v1/rooms/999999", R"({"name":"矩阵","kind":"other","capacity":5,"opens_minute":480,"closes_minute":1080,"slot_minutes":30,"max_minutes":60,"max_per_week":1,"advance_days":7,"open_to":"residents","needs_approval":false})", "UXXAXA"},
  {"GET", "/api/v1/rooms/use", "/api/v1/rooms/use?community_id={C}", "", "UFAAAA"},
  {"GET", "/api/v1/rooms/{id}/schedule", "/api/v1/rooms/999999/schedule", "", "UAAAAA"},
  {"POST", "/api/v1/bookings", "/api/v1/bookings", R"({"room_id":999999,"starts_at":"2030-01-01T10:00:00+08:00","ends_at":"2030-01-01T11:00:00+08:00","purpose":"矩阵"})", "UAAAAA"},
  {"GET", "/api/v1/bookings", "/api/v1/bookings?mine=true", "", "UAAAAA"},
  {"POST", "/api/v1/bookings/{id}/cancel", "/api/v1/bookings/999999/cancel", "", "UAAAAA"},
  {"POST", "/api/v1/bookings/{id}/decision", "/api/v1/bookings/999999/decision", R"({"approve":true})", "UXXAXA"},
  // the notice board: staff publish; residents read theirs; the public the community's
  {"POST", "/api/v1/announcements", "/api/v1/announcements", R"({"community_id":{C},"kind":"notice","title":"矩阵","body":"矩阵"})", "UFFAFA"},
  {"GET", "/api/v1/announcements", "/api/v1/announcements?community_id={C}", "", "UAAAAA"},
  {"GET", "/api/v1/public/announcements", "/api/v1/public/announcements?community_id={C}", "", "AAAAAA"},
  {"GET", "/api/v1/announcements/{id}", "/api/v1/announcements/999999", "", "UAAAAA"},
  {"POST", "/api/v1/announcements/{id}/read", "/api/v1/announcements/999999/read", "", "UAAAAA"},
  {"PATCH", "/api/v1/announcements/{id}", "/api/v1/announcements/999999", R"({"pinned":true})", "UXXAXA"},
  {"POST", "/api/v1/announcements/{id}/withdraw", "/api/v1/announcements/999999/withdraw", R"({"reason":"矩阵"})", "UXXAXA"},
  {"GET", "/api/v1/announcements/{id}/reads", "/api/v1/announcements/999999/reads", "", "UXAAAA"},
  // casework: the guide's visits, a household's timeline, a guide's figures
  {"POST", "/api/v1/visits", "/api/v1/visits", R"({"household_id":{HA},"visited_at":"2020-01-01","kind":"home","notes":"矩阵"})", "UFAAFA"},
  {"GET", "/api/v1/visits", "/api/v1/visits?household_id={HA}", "", "UFAAFA"},
  {"GET", "/api/v1/households/{id}/timeline", "/api/v1/households/{HA}/timeline", "", "UFAAFA"},
  {"GET", "/api/v1/households/{id}/timeline", "/api/v1/households/{HB}/timeline", "", "UFAAFA"},
  {"GET", "/api/v1/guides/{id}/figures", "/api/v1/guides/me/figures?community_id={C}", "", "UFAAAA"},
  {"GET", "/api/v1/improvements", "/api/v1/improvements?community_id={C}", "", "UFAAAA"},
  {"POST", "/api/v1/improvements", "/api/v1/improvements", R"({"community_id":{C},"indicator":"complaint_rate","period":"2026Q3","title":"矩阵","due_on":"2026-12-31"})", "UFFAFA"},
  {"PATCH", "/api/v1/improvements/{id}", "/api/v1/improvements/999999", R"({"due_on":"2026-12-31"})", "UXXAXA"},
  {"GET", "/api/v1/indicators/targets", "/api/v1/indicators/targets?community_id={C}", "", "UFAAAA"},
  {"PUT", "/api/v1/indicators/targets", "/api/v1/indicators/targets?community_id={C}", R"({"targets":{"complaint_rate":0.02}})", "UFFAFA"},
  {"GET", "/api/v1/indicators", "/api/v1/indicators?community_id={C}&period=2026Q3", "", "UFAAAA"},
  {"GET", "/api/v1/indicators/participation", "/api/v1/indicators/participation?community_id={C}&period=2026Q3", "", "UFAAAA"},
  // the quarterly report (residents 403; a community the caller is not in 404)
  {"GET", "/api/v1/reports/{period}", "/api/v1/reports/2026Q3?community_id={C}", "", "UFAAAA"},
  {"GET", "/api/v1/reports/{period}", "/api/v1/reports/2026Q3?community_id={O}&format=csv", "", "UFNNAA"},
  // the data cockpit (snapshot as JSON, and as one Server-Sent Event)
  {"GET", "/api/v1/cockpit", "/api/v1/cockpit?community_id={C}", "", "UFAAAA"},
  {"GET", "/api/v1/cockpit/stream", "/api/v1/cockpit/stream?community_id={C}", "", "UFAAAA"},
  {"POST", "/api/v1/cofunding/split", "/api/v1/cofunding/split", R"({"class":"basic","amount_fen":100001})", "UAAAAA"},
  // participation: activities and meetings, proposals ({ACT} is a past meeting, {PROP} a
  // proposal of resident1's household collecting seconds)
  {"GET", "/api/v1/activities", "/api/v1/activities?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/activities", "/api/v1/activities", R"({"community_id":{C},"kind":"meeting","channel":"online_hall","title":"矩阵议事厅"})", "UFAAFA"},
  {"GET", "/api/v1/activities/{id}/signups", "/api/v1/activities/999999/signups", "", "UNNNNN"},
  {"POST", "/api/v1/activities/hosting", "/api/v1/activities/hosting", R"({"community_id":{C},"kind":"activity","title":"矩阵","agenda":"矩阵","starts_at":"2099-01-01T09:00:00+08:00","ends_at":"2099-01-01T10:00:00+08:00"})", "UAFFFF"},
  {"POST", "/api/v1/activities/{id}/hosting-decision", "/api/v1/activities/999999/hosting-decision", R"({"decision":"decline","note":"矩阵"})", "UNNNNN"},
  {"GET", "/api/v1/activities/{id}", "/api/v1/activities/{ACT}", "", "UAAAAA"},
  {"POST", "/api/v1/activities/{id}/signups", "/api/v1/activities/{ACT}/signups", "", "UAFFFF"},
  {"POST", "/api/v1/activities/{id}/checkins", "/api/v1/activities/{ACT}/checkins", R"({"resident_ids":[{RA}]})", "UAAAFA"},
  {"PUT", "/api/v1/activities/{id}/minutes", "/api/v1/activities/{ACT}/minutes", R"({"minutes":"矩阵纪要"})", "UFAAFA"},
  {"GET", "/api/v1/proposals", "/api/v1/proposals?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/proposals", "/api/v1/proposals", R"({"community_id":{C},"title":"矩阵提案{SEQ}","body":"内容"})", "UAFFFF"},
  {"GET", "/api/v1/proposals/{id}", "/api/v1/proposals/{PROP}", "", "UAAAAA"},
  {"POST", "/api/v1/proposals/{id}/transitions", "/api/v1/proposals/{PROP}/transitions", R"({"action":"submit"})", "UAFFFF"},
  {"POST", "/api/v1/proposals/{id}/seconds", "/api/v1/proposals/{PROP}/seconds", "", "UAFFFF"},
  {"POST", "/api/v1/proposals/{id}/agenda", "/api/v1/proposals/{PROP}/agenda", R"({"activity_id":999999})", "UFFAFA"},
  {"POST", "/api/v1/proposals/{id}/motion", "/api/v1/proposals/{PROP}/motion", R"({"step":"move"})", "UFFAFA"},
  {"POST", "/api/v1/proposals/{id}/votes", "/api/v1/proposals/{PROP}/votes", R"({"choice":"yes"})", "UAFFFF"},
  {"POST", "/api/v1/proposals/{id}/outcome", "/api/v1/proposals/{PROP}/outcome", "", "UFFAFA"},
  {"POST", "/api/v1/proposals/{id}/response", "/api/v1/proposals/{PROP}/response", R"({"response":"矩阵答复"})", "UFFAFA"},
  {"GET", "/api/v1/participation/settings", "/api/v1/participation/settings?community_id={C}", "", "UAAAAA"},
  {"PUT", "/api/v1/participation/settings", "/api/v1/participation/settings", R"({"community_id":{C},"seconds_required":5})", "UFFAFA"},
  // civic: surveys ({SURVEY} is open; close runs last), tenant representatives ({BLD} is a
  // building of {C}; {RB} lives in no building, so staff get 409), resident leaders
  {"POST", "/api/v1/surveys", "/api/v1/surveys", R"({"community_id":{C},"title":"矩阵问卷{SEQ}","questions":[{"kind":"scale","prompt":"满意度"}]})", "UFAAFA"},
  {"GET", "/api/v1/surveys", "/api/v1/surveys?community_id={C}", "", "UAAAAA"},
  {"GET", "/api/v1/surveys/{id}", "/api/v1/surveys/{SURVEY}", "", "UAAAAA"},
  {"POST", "/api/v1/surveys/{id}/open", "/api/v1/surveys/{SURVEY}/open", "", "UFAAFA"},
  {"POST", "/api/v1/surveys/{id}/responses", "/api/v1/surveys/{SURVEY}/responses", R"({"answers":[]})", "UAFFFF"},
  {"GET", "/api/v1/surveys/{id}/results", "/api/v1/surveys/{SURVEY}/results", "", "UFAAAA"},
  {"POST", "/api/v1/surveys/{id}/close", "/api/v1/surveys/{SURVEY}/close", "", "UFAAFA"},
  {"POST", "/api/v1/representatives/elections", "/api/v1/representatives/elections", R"({"building_id":{BLD},"election_date":"2026-01-05","term_start":"2026-01-10","term_end":"2029-01-09","candidates":[{"resident_id":{RB},"votes":3}],"elected":[{RB}]})", "UFFAFA"},
  {"GET", "/api/v1/representatives", "/api/v1/representatives?community_id={C}", "", "UAAAAA"},
  {"GET", "/api/v1/leaders/modules", "/api/v1/leaders/modules?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/leaders/modules", "/api/v1/leaders/modules", R"({"community_id":{C},"title":"矩阵课程{SEQ}","hours":2})", "UFFAFA"},
  {"POST", "/api/v1/leaders/completions", "/api/v1/leaders/completions", R"({"module_id":999999,"resident_id":{RA},"completed_on":"2026-05-20"})", "UXAAXA"},
  {"GET", "/api/v1/leaders", "/api/v1/leaders?community_id={C}", "", "UFAAAA"},
  {"POST", "/api/v1/leaders", "/api/v1/leaders", R"({"resident_id":{RA},"since":"2026-01-01","area":"矩阵"})", "UFAAFA"},
  {"POST", "/api/v1/leaders/{id}/end", "/api/v1/leaders/999999/end", R"({"until":"2026-02-01"})", "UXAAXA"},
  {"GET", "/api/v1/leaders/organisations", "/api/v1/leaders/organisations?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/leaders/organisations", "/api/v1/leaders/organisations", R"({"community_id":{C},"name":"矩阵社团{SEQ}","founded_on":"2026-01-01","leader_resident_ids":[{RA}],"member_count":10})", "UFAAFA"},
  {"GET", "/api/v1/leaders/summary", "/api/v1/leaders/summary?community_id={C}&from=2025-01-01&to=2026-01-01", "", "UFAAAA"},
  // community assistant: ask and classify need no login; guides draft entries, staff publish
  // (999999 is no entry and no logged question: who passes the role check gets 404)
  {"GET", "/api/v1/assistant/ask", "/api/v1/assistant/ask?community_id={C}&q=%E5%9E%83%E5%9C%BE", "", "AAAAAA"},
  {"POST", "/api/v1/assistant/classify", "/api/v1/assistant/classify", R"({"community_id":{C},"text":"电梯坏了"})", "AAAAAA"},
  {"GET", "/api/v1/assistant/entries", "/api/v1/assistant/entries?community_id={C}", "", "AAAAAA"},
  {"POST", "/api/v1/assistant/entries", "/api/v1/assistant/entries", R"({"community_id":{C},"question":"矩阵问题{SEQ}","answer":"矩阵回答"})", "UFAAFA"},
  {"GET", "/api/v1/assistant/entries/{id}", "/api/v1/assistant/entries/999999", "", "NNNNNN"},
  {"PATCH", "/api/v1/assistant/entries/{id}", "/api/v1/assistant/entries/999999", R"({"answer":"矩阵"})", "UFAAFA"},
  {"DELETE", "/api/v1/assistant/entries/{id}", "/api/v1/assistant/entries/999999", "", "UFFAFA"},
  {"GET", "/api/v1/assistant/unanswered", "/api/v1/assistant/unanswered?community_id={C}", "", "UFAAAA"},
  {"POST", "/api/v1/assistant/unanswered/{id}/resolve", "/api/v1/assistant/unanswered/999999/resolve", "", "UFAAFA"},
  {"GET", "/api/v1/assistant/synonyms", "/api/v1/assistant/synonyms?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/assistant/synonyms", "/api/v1/assistant/synonyms", R"({"community_id":{C},"terms":["矩阵{SEQ}","矩阵词{SEQ}"]})", "UFFAFA"},
  {"GET", "/api/v1/assistant/category-keywords", "/api/v1/assistant/category-keywords?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/assistant/category-keywords", "/api/v1/assistant/category-keywords", R"({"community_id":{C},"category":"parking","keyword":"矩阵{SEQ}"})", "UFFAFA"},
  // participatory budgeting
  {"POST", "/api/v1/pb/elections", "/api/v1/pb/elections", R"({"community_id":{C},"name":"矩阵选举","budget":200000,"rule":"greedy","voting_opens_at":"2026-12-01T09:00:00+08:00","voting_closes_at":"2026-12-15T18:00:00+08:00","max_length":3})", "UFFAFA"},
  {"GET", "/api/v1/pb/elections", "/api/v1/pb/elections?community_id={C}", "", "UAAAAA"},
  {"GET", "/api/v1/pb/elections", "/api/v1/pb/elections?community_id={O}", "", "UNNNAA"},
  {"GET", "/api/v1/pb/elections/{id}", "/api/v1/pb/elections/{EL}", "", "UAAAAA"},
  {"POST", "/api/v1/pb/elections/{id}/projects", "/api/v1/pb/elections/{EL}/projects", R"({"name":"楼道扶手{SEQ}","cost":30000,"description":"加装扶手"})", "UAAAFA"},
  {"POST", "/api/v1/pb/elections/{id}/ballots", "/api/v1/pb/elections/{EL}/ballots", R"({"projects":[]})", "UAFFFF"},
  {"GET", "/api/v1/pb/elections/{id}/results", "/api/v1/pb/elections/{EL}/results", "", "UAAAAA"},
  {"GET", "/api/v1/pb/elections/{id}/export", "/api/v1/pb/elections/{EL}/export", "", "UAAAAA"},
  {"POST", "/api/v1/pb/import", "/api/v1/pb/import?community_id={C}", "", "UFFAFA", "text/plain"},
  // property trust fund and public-revenue sharing: community members read, staff write,
  // committee members decide expenses, households score the service
  {"GET", "/api/v1/property/settings", "/api/v1/property/settings?community_id={C}", "", "UAAAAA"},
  {"PUT", "/api/v1/property/settings", "/api/v1/property/settings", R"({"community_id":{C},"base_fee_fen":15000})", "UFFAFA"},
  {"POST", "/api/v1/property/committee", "/api/v1/property/committee", R"({"community_id":{C},"user_id":999999})", "UFFAFA"},
  {"POST", "/api/v1/property/bills", "/api/v1/property/bills", R"({"community_id":{C},"quarter":"2099Q1"})", "UFFAFA"},
  {"GET", "/api/v1/property/bills", "/api/v1/property/bills?community_id={C}", "", "UAFAFA"},
  {"POST", "/api/v1/property/payments", "/api/v1/property/payments", R"({"bill_ids":[999999]})", "UXXAXA"},
  {"POST", "/api/v1/property/expenses", "/api/v1/property/expenses", R"({"community_id":{C},"amount_fen":100,"category":"cleaning","payee_category":"supplier","receipt_ref":"M-{SEQ}","purpose":"矩阵","spent_on":"2026-01-01"})", "UFFAFA"},
  {"GET", "/api/v1/public/property/fund", "/api/v1/public/property/fund?community_id={C}", "", "AAAAAA"},
  {"POST", "/api/v1/property/assessment-meetings", "/api/v1/property/assessment-meetings", R"({"community_id":{C},"quarter":"2020Q1","held_at":"2020-04-01T19:00:00+08:00","committee_present":3,"attendees":10,"minutes":"矩阵"})", "UFFAFA"},
  {"GET", "/api/v1/property/assessment-meetings", "/api/v1/property/assessment-meetings?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/property/expenses/{id}/decision", "/api/v1/property/expenses/999999/decision", R"({"decision":"reject"})", "UNNNNN"},
  {"GET", "/api/v1/property/fund", "/api/v1/property/fund?community_id={C}", "", "UAAAAA"},
  {"GET", "/api/v1/property/fund", "/api/v1/property/fund?community_id={O}", "", "UNNNAA"},
  {"GET", "/api/v1/property/quarters", "/api/v1/property/quarters?community_id={C}", "", "UAAAAA"},
  {"GET", "/api/v1/property/verify", "/api/v1/property/verify?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/property/evaluations", "/api/v1/property/evaluations", R"({"quarter":"2020Q1","score":80})", "UAFFFF"},
  {"POST", "/api/v1/property/revenue/rules", "/api/v1/property/revenue/rules", R"({"community_id":{C},"source":"matrix_{SEQ}","shares":[{"destination":"activities","share_bp":10000}],"notice":"矩阵"})", "UFFAFA"},
  {"GET", "/api/v1/property/revenue/rules", "/api/v1/property/revenue/rules?community_id={C}", "", "UAAAAA"},
  {"POST", "/api/v1/property/revenue/incomes", "/api/v1/property/revenue/incomes", R"({"community_id":{C},"source":"nothing_declared","amount_fen":100,"received_on":"2026-01-01","receipt_ref":"M-{SEQ}"})", "UFFAFA"},
  {"GET", "/api/v1/property/revenue/incomes", "/api/v1/property/revenue/incomes?community_id={C}", "", "UAAAAA"},
  // Open311 GeoReport v2: public reads; POST needs an api_key, not a login
  {"GET", "/open311/v2/discovery.json", "/open311/v2/discovery.json", "", "AAAAAA"},
  {"GET", "/open311/v2/services.json", "/open311/v2/services.json?jurisdiction_id={C}", "", "AAAAAA"},
  {"GET", "/open311/v2/requests.json", "/open311/v2/requests.json?jurisdiction_id={C}", "", "AAAAAA"},
  {"POST", "/open311/v2/requests.json", "/open311/v2/requests.json", "service_code=water_leak&description=x", "FFFFFF", "application/x-www-form-urlencoded"},
  {"GET", "/open311/v2/discovery.xml", "/open311/v2/discovery.xml", "", "AAAAAA"},
  {"GET", "/open311/v2/services.xml", "/open311/v2/services.xml?jurisdiction_id={C}", "", "AAAAAA"},
  {"GET", "/open311/v2/requests.xml", "/open311/v2/requests.xml?jurisdiction_id={C}", "", "AAAAAA"},
  {"POST", "/open311/v2/requests.xml", "/open311/v2/requests.xml", "service_code=water_leak&description=x", "FFFFFF", "application/x-www-form-urlencoded"},
  {"GET", "/open311/v2/services/{service_code}", "/open311/v2/services/water_leak.json?jurisdiction_id={C}", "", "AAAAAA"},
  {"GET", "/open311/v2/requests/{service_request_id}", "/open311/v2/requests/{CODE}.json", "", "AAAAAA"},
  {"GET", "/open311/v2/tokens/{token}", "/open311/v2/tokens/{CODE}.json", "", "AAAAAA"},
  {"GET", "/open311/v2/{resource}", "/open311/v2/nothing.json", "", "NNNNNN"},
  {"POST", "/open311/v2/{resource}", "/open311/v2/nothing.json", "", "NNNNNN", "application/x-www-form-urlencoded"},
};
// clang-format on

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    auto community = world.community("幸福里社区", "X-001");
    auto other = world.community("和平里社区", "X-002");
    std::string cid = std::to_string(community);
    Client staff = world.community_user("staff1", "staff", {community});
    world.community_user("guide1", "guide", {community});
    world.community_user("street1", "street", {community, other});
    auto household_a = world.household(community, "01-0101", {{"address", "1号楼101室"}});
    auto household_b = world.household(community, "01-0102",
                                       {{"address", "1号楼102室"}, {"housing_type", "tenant"}});
    auto member = [&](std::int64_t household, const char* name, const char* id_number,
                      const char* relation) {
      return world.resident_with(
          household, {{"name", name}, {"id_number", id_number}, {"relation", relation}});
    };
    auto resident_a = member(household_a, "王秀英", "11010519491231002X", "self");
    auto resident_a2 = member(household_a, "王小明", "110105201001010010", "child");
    auto resident_b = member(household_b, "赵六", "110105198001010016", "self");
    Client resident = world.resident_user("resident1", household_a);
    auto request = file_request(
        resident,
        {{"category", "water_leak"}, {"description", "厨房漏水"}, {"household_id", household_a}});
    std::string code = request.id ? request.tracking_code : "XXXX-XXXXX";
    auto posting = created_id(staff.post("/api/v1/points/awards", {{"resident_id", resident_a},
                                                                   {"rule", "meeting"},
                                                                   {"quantity", 1},
                                                                   {"reference", "fixture"}}));
    auto plan = make_plan(staff, community, "2026Q3", 1000000, boost::json::array{});
    auto activity =
        created_id(staff.post("/api/v1/activities", {{"community_id", community},
                                                     {"kind", "meeting"},
                                                     {"channel", "community"},
                                                     {"title", "矩阵议事会"},
                                                     {"starts_at", "2026-01-01T09:00:00+08:00"},
                                                     {"ends_at", "2026-01-01T11:00:00+08:00"}}));
    auto proposal = created_id(resident.post(
        "/api/v1/proposals", {{"title", "矩阵提案"}, {"body", "内容"}, {"submit", true}}));
    boost::json::array questions{boost::json::object{{"kind", "scale"}, {"prompt", "满意度"}}};
    auto survey = created_id(
        staff.post("/api/v1/surveys",
                   {{"community_id", community}, {"title", "矩阵问卷"}, {"questions", questions}}));
    auto opened =
        staff.post("/api/v1/surveys/" + std::to_string(survey) + "/open", boost::json::object{});
    EXPECT_EQ(opened.status, 200) << opened.body;
    auto building = created_id(
        staff.post("/api/v1/communities/" + cid + "/buildings", {{"name", "矩阵代表楼"}}));
    auto election = created_id(
        staff.post("/api/v1/pb/elections", {{"community_id", community},
                                            {"name", "微更新"},
                                            {"budget", 200000},
                                            {"rule", "greedy"},
                                            {"voting_opens_at", "2026-01-01T09:00:00+08:00"},
                                            {"voting_closes_at", "2099-12-31T18:00:00+08:00"},
                                            {"max_length", 3}}));
    ids = {{"{C}", cid},
           {"{O}", std::to_string(other)},
           {"{HA}", std::to_string(household_a)},
           {"{HB}", std::to_string(household_b)},
           {"{RA}", std::to_string(resident_a)},
           {"{RA2}", std::to_string(resident_a2)},
           {"{RB}", std::to_string(resident_b)},
           {"{REQ}", std::to_string(request.id)},
           {"{CODE}", code},
           {"{PLAN}", std::to_string(plan)},
           {"{EL}", std::to_string(election)},
           {"{GUIDE}", std::to_string(world.user_id("guide1"))},
           {"{POSTING}", std::to_string(posting)},
           {"{ACT}", std::to_string(activity)},
           {"{PROP}", std::to_string(proposal)},
           {"{SURVEY}", std::to_string(survey)},
           {"{BLD}", std::to_string(building)}};
    for (std::size_t role = 1; role < clients.size(); ++role) {
      clients[role] = world.login(usernames[role]);
    }
  }
  World world;
  std::map<std::string, std::string> ids;  // placeholder → value
  std::array<std::string, 6> usernames{"", "resident1", "guide1", "staff1", "street1", "admin"};
  std::array<Client, 6> clients{Client(0), Client(0), Client(0), Client(0), Client(0), Client(0)};
};

std::string substitute(std::string text, const std::map<std::string, std::string>& ids,
                       int sequence) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  };
  for (const auto& [placeholder, value] : ids) replace_all(placeholder, value);
  replace_all("{SEQ}", std::to_string(sequence));
  return text;
}

bool meets(char expected, int status) {
  if (status >= 500 || status == 0) return false;
  switch (expected) {
    case 'A':
      return status != 401 && status != 403;
    case 'U':
      return status == 401;
    case 'F':
      return status == 403;
    case 'N':
      return status == 404;
    case 'X':
      return status == 403 || status == 404;
  }
  return false;
}

class AccessMatrix : public BackendTest {
 protected:
  Fixture& fixture() { return shared<Fixture>(GetParam()); }
};

TEST_P(AccessMatrix, EveryRouteIsInTheTableAndTheTableOnlyNamesRoutes) {
  auto& f = fixture();
  auto document = send_http(f.world.port(), {"GET", "/api/v1/openapi.json", "", {}});
  ASSERT_EQ(document.status, 200);
  std::set<std::string> served;
  auto openapi = document.json();
  for (const auto& [path, operations] : openapi.at("paths").as_object()) {
    if (!operations.is_object()) continue;
    for (const auto& [method, operation] : operations.as_object()) {
      std::string upper(method);
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      served.insert(upper + " " + std::string(path));
    }
  }
  std::set<std::string> listed;
  for (const auto& row : kMatrix) {
    listed.insert(std::string(row.method) + " " + row.pattern);
    EXPECT_EQ(std::string(row.expected).size(), 6u) << row.method << " " << row.pattern;
  }
  for (const auto& route : served) {
    EXPECT_TRUE(listed.count(route)) << "route missing from the access matrix: " << route;
  }
  for (const auto& row : kMatrix) {
    std::string route = std::string(row.method) + " " + row.pattern;
    if (row.presence == Presence::without_web_root) continue;
    EXPECT_TRUE(served.count(route)) << "the access matrix lists a route that is gone: " << route;
  }
  std::cout << "[ matrix  ] " << served.size() << " routes × 6 callers, " << kMatrix.size()
            << " rows\n";
}

TEST_P(AccessMatrix, EveryCallerGetsTheExpectedStatusAndNothingFails) {
  auto& f = fixture();
  int port = f.world.port();
  int sequence = 0;
  std::ostringstream mismatches;
  int cells = 0;
  auto started = std::chrono::steady_clock::now();
  for (const auto& row : kMatrix) {
    for (std::size_t role = 0; role < 6; ++role) {
      ++sequence;
      HttpRequest request{row.method,
                          substitute(row.target, f.ids, sequence),
                          substitute(row.body, f.ids, sequence),
                          {}};
      if (!request.body.empty() || std::string(row.method) != "GET") {
        request.headers.emplace_back("Content-Type", row.content_type);
      }
      std::string token = role == 0 ? "" : f.clients[role].token();
      if (role > 0 && std::string(row.pattern) == "/api/v1/auth/logout") {
        Client session(port);  // log out a session of its own, not the matrix's
        EXPECT_EQ(session.login(f.usernames[role], kPassword).status, 200);
        token = session.token();
      }
      if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
      auto response = send_http(port, request);
      ++cells;
      if (!meets(row.expected[role], response.status)) {
        mismatches << "  " << row.method << " " << request.target << " as " << kRoles[role]
                   << ": expected " << row.expected[role] << ", got " << response.status << " "
                   << response.body.substr(0, 160) << "\n";
      }
    }
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[ matrix  ] " << cells << " cells checked in " << seconds << " s\n";
  EXPECT_TRUE(mismatches.str().empty()) << "access-matrix cells that differ:\n" << mismatches.str();
}

GZ_ON_BACKENDS(AccessMatrix);

}  // namespace
}  // namespace gz::test
