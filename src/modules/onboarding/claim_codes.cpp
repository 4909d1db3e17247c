// Household claim codes: issued one at a time or printed for a whole building, listed by their
// hint, revoked; onboarding.hpp.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/qr.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/onboarding/codes.hpp"
#include "modules/onboarding/onboarding.hpp"
#include "modules/onboarding/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::onboarding {
namespace {

constexpr std::int64_t kClaimCodeMs = kClaimCodeDays * kDayMs;

ClaimCodeView view_from(const storage::Row& row, std::int64_t now_ms) {
  ClaimCodeView view;
  view.id = row.integer(0);
  view.household_id = row.integer(1);
  view.hint = "…" + row.text(2);
  view.created_at = row.text(3);
  view.expires_at = format_iso8601(row.integer(4));
  view.revoked_at = row.opt_text(5);
  view.uses = row.integer(6);
  view.state = view.revoked_at ? "revoked" : row.integer(4) <= now_ms ? "expired" : "active";
  return view;
}

constexpr const char* kCodeColumns =
    "SELECT id, household_id, hint, created_at, expires_ms, revoked_at, uses FROM claim_codes ";

// A household the actor may issue codes for: 404 when it is not theirs to know, 403 when they
// may see it but not issue.
Result<registry::HouseholdRef> issuable_household(storage::Connection& db, const Actor& actor,
                                                  std::int64_t household_id) {
  auto household = registry::find_household(db, household_id);
  if (!household || !actor.belongs_to(household->community_id) || actor.is(Role::resident)) {
    return not_found("no household " + std::to_string(household_id));
  }
  if (!permissions::may_issue_claim_codes(actor, household->community_id,
                                          household->guide_user_id)) {
    return forbidden("staff, or the household's own guide, issue claim codes");
  }
  return *household;
}

// Writes a new code for the household (in the caller's transaction); returns it.
IssuedCode insert_code(storage::Connection& db, const Actor& actor,
                       const registry::HouseholdRef& household, std::int64_t now_ms) {
  std::string code = codes::new_claim_code();
  std::string plain = codes::normalize_claim_code(code);
  IssuedCode issued;
  issued.household_id = household.id;
  issued.code = code;
  issued.expires_at = format_iso8601(now_ms + kClaimCodeMs);
  issued.id = db.query_one(
                    "INSERT INTO claim_codes (community_id, household_id, code_hash, hint, "
                    "issued_by_user_id, created_at, expires_ms) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    {household.community_id, household.id, codes::claim_code_hash(plain),
                     plain.substr(plain.size() - 2), actor.user_id, format_iso8601(now_ms),
                     now_ms + kClaimCodeMs})
                  ->integer(0);
  audit::append(
      db, actor,
      {household.community_id, "claim_code.issue", "household", std::to_string(household.id),
       boost::json::object{{"claim_code_id", issued.id}, {"expires_at", issued.expires_at}}});
  return issued;
}

std::string slip_html(const registry::HouseholdRef& household, const IssuedCode& issued,
                      const std::string& register_url) {
  std::string link = register_url + "?code=" + codes::normalize_claim_code(issued.code);
  std::string qr;
  if (auto matrix = qr_encode(link)) qr = qr_svg(*matrix, 120);
  std::string out = "<section class=\"slip\">";
  out += "<h2>共治 · 居民注册</h2>";
  out += "<p class=\"address\">" + text::escape_markup(household.address) + "</p>";
  out += "<p class=\"code\">" + text::escape_markup(issued.code) + "</p>";
  out += "<div class=\"qr\">" + qr + "</div>";
  out += "<ol><li>用手机扫描二维码，或打开 " + text::escape_markup(register_url) + "</li>";
  out += "<li>填写姓名和手机号，输入上面的家庭认领码</li>";
  out += "<li>输入短信验证码，设置密码，即可登录办事、提诉求、参加议事</li></ol>";
  out += "<p class=\"small\">家庭成员每人可用此码注册一次。有效期至 " +
         text::escape_markup(issued.expires_at.substr(0, 10)) +
         "。请勿把认领码交给外人；如遗失请联系社区工作人员作废。</p>";
  out += "</section>";
  return out;
}

}  // namespace

Result<IssuedCode> issue_claim_code(storage::Connection& db, const Actor& actor,
                                    std::int64_t household_id, std::int64_t now_ms) {
  GZ_ASSIGN_OR_RETURN(auto household, issuable_household(db, actor, household_id));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<IssuedCode> {
    return insert_code(db, actor, household, now_ms);
  });
}

Result<std::vector<ClaimCodeView>> list_claim_codes(storage::Connection& db, const Actor& actor,
                                                    std::int64_t household_id,
                                                    std::int64_t now_ms) {
  GZ_ASSIGN_OR_RETURN(auto household, issuable_household(db, actor, household_id));
  std::vector<ClaimCodeView> out;
  for (const auto& row : db.query(std::string(kCodeColumns) + "WHERE household_id = ? ORDER BY id "
                                                              "DESC LIMIT 100",
                                  {household.id})) {
    out.push_back(view_from(row, now_ms));
  }
  return out;
}

Result<ClaimCodeView> revoke_claim_code(storage::Connection& db, const Actor& actor,
                                        std::int64_t code_id, std::int64_t now_ms) {
  auto row = db.query_one("SELECT household_id FROM claim_codes WHERE id = ?", {code_id});
  if (!row) return not_found("no claim code " + std::to_string(code_id));
  auto household = issuable_household(db, actor, row->integer(0));
  if (!household) {
    if (household.error().kind == ErrorKind::not_found) {
      return not_found("no claim code " + std::to_string(code_id));
    }
    return household.take_error();
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<ClaimCodeView> {
    if (db.execute("UPDATE claim_codes SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                   {format_iso8601(now_ms), code_id}) != 1) {
      return conflict("already_revoked", "this claim code was revoked before");
    }
    audit::append(db, actor,
                  {household->community_id, "claim_code.revoke", "household",
                   std::to_string(household->id), boost::json::object{{"claim_code_id", code_id}}});
    return view_from(*db.query_one(std::string(kCodeColumns) + "WHERE id = ?", {code_id}), now_ms);
  });
}

Result<std::string> print_claim_codes(storage::Connection& db, const Actor& actor,
                                      std::int64_t community_id, std::int64_t building_id,
                                      const std::string& register_url, std::int64_t now_ms) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!(is_staff_of(actor, community_id) ||
        (actor.is(Role::guide) && actor.belongs_to(community_id)))) {
    return forbidden("staff, or guides for their own households, print claim codes");
  }
  GZ_ASSIGN_OR_RETURN(auto households,
                      registry::households_in_building(db, community_id, building_id));
  std::erase_if(households, [&](const registry::HouseholdRef& household) {
    return !permissions::may_issue_claim_codes(actor, community_id, household.guide_user_id);
  });
  if (households.size() > 2000) {
    return bad_request("too_many", "at most 2,000 slips at a time");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<std::string> {
    std::string html =
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        "<title>家庭认领码</title><link rel=\"icon\" href=\"data:,\"><style>"
        "@page{size:A6;margin:8mm}body{font-family:'Noto Sans CJK SC',sans-serif;margin:0}"
        ".slip{page-break-after:always;break-after:page;padding:4mm;font-size:12pt}"
        ".slip h2{font-size:15pt;margin:0 0 2mm}.address{margin:0;font-weight:bold}"
        ".code{font-size:24pt;letter-spacing:2pt;font-family:monospace;margin:2mm 0}"
        ".qr svg{display:block}.small{font-size:9pt;color:#333}ol{padding-left:5mm;margin:2mm 0}"
        "</style></head><body>";
    if (households.empty()) html += "<p>这栋楼没有可打印的住户。</p>";
    for (const auto& household : households) {
      html += slip_html(household, insert_code(db, actor, household, now_ms), register_url);
    }
    html += "</body></html>";
    return html;
  });
}

}  // namespace gz::onboarding
