// SetCategory, AddTriageRule, AddDepartment: each community tunes the defaults it inherits
// (community_id 0) without a rebuild; every change is audited.
#include <boost/json.hpp>

#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/requests.hpp"
#include "storage/transact.hpp"

namespace gz::requests {
namespace {

Result<void> may_configure(storage::Connection& db, const Actor& actor, std::int64_t community_id) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!actor.is(Role::staff) && !actor.is(Role::admin)) {
    return forbidden("only staff configure request categories and rules");
  }
  return {};
}

bool valid_code(const std::string& code) {
  if (code.empty() || code.size() > 40) return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

Result<Category> set_category(storage::Connection& db, const Actor& actor,
                              std::int64_t community_id, const Category& category, bool active) {
  GZ_TRY(may_configure(db, actor, community_id));
  if (!valid_code(category.code)) {
    return bad_request("invalid_code", "code must be 1-40 characters of a-z, 0-9 and '_'");
  }
  if (category.name_zh.empty() || category.name_en.empty()) {
    return bad_request("missing_field", "name_zh and name_en are required");
  }
  if (category.resolution_working_days < 1 || category.resolution_working_days > 60) {
    return bad_request("invalid_days", "resolution_working_days must be 1 to 60");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Category> {
    db.execute("DELETE FROM request_categories WHERE community_id = ? AND code = ?",
               {community_id, category.code});
    db.execute(
        "INSERT INTO request_categories (community_id, code, name_zh, name_en, default_priority, "
        "resolution_working_days, is_complaint, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {community_id, category.code, category.name_zh, category.name_en,
         std::string(priority_name(category.default_priority)),
         std::int64_t{category.resolution_working_days}, std::int64_t{category.is_complaint},
         std::int64_t{active}});
    audit::append(
        db, actor,
        {community_id, "requests.category_set", "request_category", category.code,
         boost::json::object{{"name_zh", category.name_zh},
                             {"default_priority", priority_name(category.default_priority)},
                             {"resolution_working_days", category.resolution_working_days},
                             {"is_complaint", category.is_complaint},
                             {"active", active}}});
    return category;
  });
}

Result<std::int64_t> add_triage_rule(storage::Connection& db, const Actor& actor,
                                     std::int64_t community_id, const TriageRuleInput& rule) {
  GZ_TRY(may_configure(db, actor, community_id));
  if (rule.keyword.empty() || text::utf8_length(rule.keyword) > 20) {
    return bad_request("invalid_keyword", "keyword must be 1 to 20 characters");
  }
  if (rule.note.empty())
    return bad_request("missing_field", "note (why this raises priority) is required");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<std::int64_t> {
    std::int64_t id =
        db.query_one(
              "INSERT INTO triage_rules (community_id, keyword, priority, note) "
              "VALUES (?, ?, ?, ?) RETURNING id",
              {community_id, rule.keyword, std::string(priority_name(rule.priority)), rule.note})
            ->integer(0);
    audit::append(db, actor,
                  {community_id, "requests.triage_rule_add", "triage_rule", std::to_string(id),
                   boost::json::object{{"keyword", rule.keyword},
                                       {"priority", priority_name(rule.priority)},
                                       {"note", rule.note}}});
    return id;
  });
}

Result<Department> add_department(storage::Connection& db, const Actor& actor,
                                  std::int64_t community_id, const Department& department) {
  GZ_TRY(may_configure(db, actor, community_id));
  if (!valid_code(department.code)) {
    return bad_request("invalid_code", "code must be 1-40 characters of a-z, 0-9 and '_'");
  }
  if (department.name_zh.empty() || department.name_en.empty()) {
    return bad_request("missing_field", "name_zh and name_en are required");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Department> {
    for (const auto& existing : list_departments(db, community_id)) {
      if (existing.code == department.code) {
        return conflict("department_exists", "department '" + department.code + "' exists");
      }
    }
    db.execute(
        "INSERT INTO request_departments (community_id, code, name_zh, name_en) VALUES (?, ?, ?, "
        "?)",
        {community_id, department.code, department.name_zh, department.name_en});
    audit::append(
        db, actor,
        {community_id, "requests.department_add", "request_department", department.code,
         boost::json::object{{"name_zh", department.name_zh}, {"name_en", department.name_en}}});
    return department;
  });
}

}  // namespace gz::requests
