// HTTP routes of the registry: decode → command → encode. No rules here.
#include "modules/registry/routes.hpp"

#include <boost/json.hpp>

#include "http/json_io.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "storage/database.hpp"

namespace gz::registry {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::array strings(const std::vector<std::string>& values) {
  boost::json::array out;
  for (const auto& value : values) out.emplace_back(value);
  return out;
}

boost::json::object community_json(const Community& community) {
  return {{"id", community.id},
          {"name", community.name},
          {"code", community.code},
          {"district", http::json_or_null(community.district)},
          {"street", http::json_or_null(community.street)},
          {"created_at", community.created_at},
          {"counts",
           {{"buildings", community.buildings},
            {"households", community.households},
            {"residents", community.residents}}}};
}

boost::json::object building_json(const Building& building) {
  return {{"id", building.id},
          {"community_id", building.community_id},
          {"name", building.name},
          {"address", http::json_or_null(building.address)},
          {"households", building.households},
          {"guide_user_id", http::json_or_null(building.guide_user_id)},
          {"guide_name", http::json_or_null(building.guide_name)}};
}

boost::json::object street_json(const Street& street) {
  boost::json::array communities;
  for (const auto& community : street.communities) {
    communities.push_back(boost::json::object{
        {"id", community.id}, {"name", community.name}, {"code", community.code}});
  }
  return {{"id", street.id},
          {"name", street.name},
          {"code", street.code},
          {"district", http::json_or_null(street.district)},
          {"communities", std::move(communities)}};
}

Result<Response> list_streets_route(RequestContext& context) {
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto streets, list_streets(*lease, context.user()));
  boost::json::array items;
  for (const auto& street : streets) items.push_back(street_json(street));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> create_street_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"name", "code", "district"});
  auto name = reader.text("name", Need::required, 60);
  auto code = reader.text("code", Need::required, 32);
  auto district = reader.text("district", Need::optional, 60);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto street, create_street(*lease, context.user(), *name, *code, district));
  return http::json_response(201, street_json(street));
}

Result<Response> update_street_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"name", "district"});
  auto name = reader.text("name", Need::optional, 60);
  auto district = reader.text("district", Need::optional, 60);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto street, update_street(*lease, context.user(), id, name, district));
  return http::json_response(200, street_json(street));
}

Result<Response> building_guide_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  if (!body.contains("user_id")) return bad_request("missing_field", "user_id is required");
  std::optional<std::int64_t> guide;
  if (!body.at("user_id").is_null()) {
    http::JsonReader reader(body);
    reader.only({"user_id"});
    guide = reader.integer("user_id", Need::required, 1);
    if (!reader.ok()) return reader.error();
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto building, assign_building_guide(*lease, context.user(), id, guide));
  return http::json_response(200, building_json(building));
}

// birth_date only for readers with personal-data rights; everyone gets birth_year.
boost::json::object resident_json(const Resident& resident) {
  boost::json::object out{
      {"id", resident.id},
      {"household_id", resident.household_id},
      {"name", resident.name},
      {"sex", resident.sex},
      {"birth_year", resident.birth_year ? boost::json::value(*resident.birth_year)
                                         : boost::json::value(nullptr)},
      {"id_number", http::json_or_null(resident.id_number)},
      {"mobile", http::json_or_null(resident.mobile)},
      {"relation", resident.relation},
      {"registration", resident.registration}};
  if (!resident.personal_data_masked) {
    out["birth_date"] = http::json_or_null(resident.birth_date);
    if (const auto& dispute = resident.id_number_dispute) {
      out["id_number_dispute"] = {
          {"id_number", dispute->id_number},
          {"holder_resident_id", http::json_or_null(dispute->holder_resident_id)},
          {"holder_household_id", http::json_or_null(dispute->holder_household_id)}};
    }
  }
  return out;
}

boost::json::object household_json(const Household& household, bool with_residents) {
  boost::json::object out{{"id", household.id},
                          {"community_id", household.community_id},
                          {"building_id", http::json_or_null(household.building_id)},
                          {"building", http::json_or_null(household.building_name)},
                          {"code", household.code},
                          {"address", household.address},
                          {"housing_type", household.housing_type},
                          {"size", household.size},
                          {"income_band", household.income_band},
                          {"willingness", household.willingness},
                          {"guide_user_id", http::json_or_null(household.guide_user_id)},
                          {"floor_area_dm2", http::json_or_null(household.floor_area_dm2)},
                          {"tags", strings(household.tags)},
                          {"needs", strings(household.needs)},
                          {"skills", strings(household.skills)},
                          {"created_at", household.created_at},
                          {"updated_at", household.updated_at}};
  if (with_residents) {
    boost::json::array residents;
    for (const auto& resident : household.residents) residents.push_back(resident_json(resident));
    out["residents"] = std::move(residents);
  }
  return out;
}

Result<Response> list_communities_route(RequestContext& context) {
  auto lease = context.pool.lease();
  auto result = list_communities(*lease, context.user());
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& community : *result) items.push_back(community_json(community));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

// Every community by name, for the public board's picker: names and places are public, nothing
// else is listed.
Result<Response> public_communities_route(RequestContext& context) {
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto communities, list_communities(*lease, audit::system_actor()));
  boost::json::array items;
  for (const auto& community : communities) {
    items.push_back(boost::json::object{{"id", community.id},
                                        {"name", community.name},
                                        {"district", http::json_or_null(community.district)},
                                        {"street", http::json_or_null(community.street)}});
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> create_community_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"name", "code", "district", "street", "street_id"});
  NewCommunity input;
  input.street_id = reader.integer("street_id", Need::optional, 1);
  input.name = reader.text("name", Need::required, 100).value_or("");
  input.code = reader.text("code", Need::required, 32).value_or("");
  input.district = reader.text("district", Need::optional, 100);
  input.street = reader.text("street", Need::optional, 100);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = create_community(*lease, context.user(), input);
  if (!result) return result.error();
  return http::json_response(201, community_json(*result));
}

Result<Response> get_community_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = get_community(*lease, context.user(), *id);
  if (!result) return result.error();
  return http::json_response(200, community_json(*result));
}

Result<Response> list_buildings_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = list_buildings(*lease, context.user(), *id);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& building : *result) items.push_back(building_json(building));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> create_building_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"name", "address"});
  auto name = reader.text("name", Need::required, 60);
  auto address = reader.text("address", Need::optional, 200);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = create_building(*lease, context.user(), *id, *name, address);
  if (!result) return result.error();
  return http::json_response(201, building_json(*result));
}

// Reads the household fields of a POST or PATCH body.
Result<HouseholdFields> read_household_fields(const boost::json::object& body, bool creating) {
  http::JsonReader reader(body);
  if (creating) {
    reader.only({"community_id", "building_id", "code", "address", "housing_type", "size",
                 "income_band", "willingness", "guide_user_id", "tags", "needs", "skills",
                 "floor_area_dm2"});
  } else {
    reader.only({"building_id", "code", "address", "housing_type", "size", "income_band",
                 "willingness", "guide_user_id", "tags", "needs", "skills", "floor_area_dm2"});
  }
  HouseholdFields fields;
  fields.building_id = reader.integer("building_id", Need::optional, 1);
  fields.code = reader.text("code", creating ? Need::required : Need::optional, 32);
  fields.address = reader.text("address", creating ? Need::required : Need::optional, 200);
  fields.housing_type = reader.text("housing_type", Need::optional, 20);
  fields.size = reader.integer("size", Need::optional, 1, 50);
  fields.income_band = reader.text("income_band", Need::optional, 20);
  fields.willingness = reader.text("willingness", Need::optional, 20);
  fields.floor_area_dm2 = reader.integer("floor_area_dm2", Need::optional);
  if (reader.has("guide_user_id")) {
    auto guide = reader.integer("guide_user_id", Need::optional, 1);
    fields.guide_user_id = guide;  // null unassigns
  }
  fields.tags = reader.text_list("tags", Need::optional);
  fields.needs = reader.text_list("needs", Need::optional);
  fields.skills = reader.text_list("skills", Need::optional, 20);
  if (!reader.ok()) return reader.error();
  return fields;
}

Result<Response> create_household_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  auto community_id = reader.integer("community_id", Need::required, 1);
  if (!reader.ok()) return reader.error();
  auto fields = read_household_fields(*body, true);
  if (!fields) return fields.error();
  auto lease = context.pool.lease();
  auto result = create_household(*lease, context.user(), *community_id, *fields);
  if (!result) return result.error();
  return http::json_response(201, household_json(*result, false));
}

Result<Response> list_households_route(RequestContext& context) {
  HouseholdFilter filter;
  for (const char* name : {"community_id", "building_id", "page", "page_size"}) {
    auto value = context.int_query(name);
    if (!value) return value.error();
    if (!*value) continue;
    std::string key = name;
    if (key == "community_id") filter.community_id = **value;
    if (key == "building_id") filter.building_id = **value;
    if (key == "page") filter.page = **value;
    if (key == "page_size") filter.page_size = **value;
  }
  if (auto guide = context.request.query_param("guide"); guide && !guide->empty()) {
    // "me": the households the calling guide is responsible for.
    if (*guide == "me") {
      filter.guide_user_id = context.user().user_id;
    } else {
      auto id = context.int_query("guide");
      if (!id) return id.error();
      if (!*id || **id < 1) return bad_request("invalid_query", "guide must be me or a user id");
      filter.guide_user_id = **id;
    }
  }
  filter.tag = context.request.query_param("tag");
  filter.q = context.request.query_param("q");
  if (filter.q && filter.q->size() > 100) {
    return bad_request("invalid_query", "q is at most 100 bytes");
  }
  auto lease = context.pool.lease();
  auto result = list_households(*lease, context.user(), filter);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& household : result->items) items.push_back(household_json(household, false));
  return http::json_response(200, boost::json::object{{"items", std::move(items)},
                                                      {"total", result->total},
                                                      {"page", result->page},
                                                      {"page_size", result->page_size}});
}

Result<Response> get_household_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = get_household(*lease, context.user(), *id);
  if (!result) return result.error();
  return http::json_response(200, household_json(*result, true));
}

Result<Response> patch_household_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  auto fields = read_household_fields(*body, false);
  if (!fields) return fields.error();
  auto lease = context.pool.lease();
  auto result = update_household(*lease, context.user(), *id, *fields);
  if (!result) return result.error();
  return http::json_response(200, household_json(*result, false));
}

Result<Response> list_residents_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = list_residents(*lease, context.user(), *id);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& resident : *result) items.push_back(resident_json(resident));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> add_resident_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"name", "sex", "birth_date", "id_number", "mobile", "relation", "registration"});
  ResidentFields fields;
  fields.name = reader.text("name", Need::required, 30).value_or("");
  fields.sex = reader.text("sex", Need::optional, 10);
  fields.birth_date = reader.text("birth_date", Need::optional, 10);
  fields.id_number = reader.text("id_number", Need::optional, 30);
  fields.mobile = reader.text("mobile", Need::optional, 30);
  fields.relation = reader.text("relation", Need::optional, 20).value_or("other");
  fields.registration = reader.text("registration", Need::optional, 20).value_or("registered");
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = add_resident(*lease, context.user(), *id, fields);
  if (!result) return result.error();
  return http::json_response(201, resident_json(*result));
}

Result<Response> import_route(RequestContext& context) {
  auto community_id = context.int_query("community_id");
  if (!community_id) return community_id.error();
  if (!*community_id) {
    return bad_request("missing_query", "community_id is required");
  }
  auto partial = context.request.query_param("partial");
  ImportMode mode = partial && (*partial == "true" || *partial == "1") ? ImportMode::partial
                                                                       : ImportMode::all_or_nothing;
  auto dry_run = context.request.query_param("dry_run");
  if (dry_run && (*dry_run == "true" || *dry_run == "1")) mode = ImportMode::dry_run;
  if (context.request.body.empty()) {
    return bad_request("empty_file", "the request body holds no CSV");
  }
  auto lease = context.pool.lease();
  auto result =
      import_households(*lease, context.user(), **community_id, context.request.body, mode);
  if (!result) return result.error();
  auto rows_json = [](const std::vector<ImportRowError>& list) {
    boost::json::array out;
    for (const auto& error : list) {
      boost::json::array allowed;
      for (const auto& value : error.allowed) allowed.emplace_back(value);
      out.push_back({{"line", error.line},
                     {"column", error.column},
                     {"column_label", error.column_label},
                     {"code", error.code},
                     {"message", error.message},
                     {"allowed", std::move(allowed)}});
    }
    return out;
  };
  boost::json::array errors = rows_json(result->errors);
  boost::json::object report{{"written", result->written},
                             {"encoding", result->encoding},
                             {"rows", result->rows},
                             {"households_created", result->households_created},
                             {"residents_created", result->residents_created},
                             {"buildings_created", result->buildings_created},
                             {"errors", errors},
                             {"warnings", rows_json(result->warnings)}};
  if (mode == ImportMode::dry_run) {
    report["dry_run"] = true;
    return http::json_response(200, report);
  }
  if (!result->written) {
    Error error = make_error(ErrorKind::unprocessable, "import_failed",
                             std::to_string(result->errors.size()) +
                                 " row error(s); nothing was written (use ?partial=true to "
                                 "import the valid households)");
    error.details_json = boost::json::serialize(report);
    return error;
  }
  return http::json_response(200, report);
}

Result<Response> export_route(RequestContext& context) {
  auto community_id = context.int_query("community_id");
  if (!community_id) return community_id.error();
  if (!*community_id) {
    return bad_request("missing_query", "community_id is required");
  }
  Language language =
      context.request.query_param("lang").value_or("zh") == "en" ? Language::en : Language::zh;
  auto lease = context.pool.lease();
  auto result = export_households(*lease, context.user(), **community_id, language);
  if (!result) return result.error();
  Response response;
  response.content_type = "text/csv; charset=utf-8";
  response.body = std::move(*result);
  response.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"households-" + std::to_string(**community_id) + ".csv\"");
  return response;
}

Response vocabulary_route(RequestContext&) {
  auto list = [](const std::vector<Term>& terms) {
    boost::json::array out;
    std::vector<std::string> seen;
    for (const auto& term : terms) {
      if (std::find(seen.begin(), seen.end(), term.code) != seen.end()) continue;
      seen.emplace_back(term.code);
      out.push_back({{"code", term.code}, {"label_zh", term.label_zh}});
    }
    return out;
  };
  return http::json_response(200,
                             boost::json::object{{"housing_types", list(housing_types())},
                                                 {"income_bands", list(income_bands())},
                                                 {"willingness", list(willingness_levels())},
                                                 {"tags", list(household_tags())},
                                                 {"service_categories", list(service_categories())},
                                                 {"relations", list(relations())},
                                                 {"registrations", list(registrations())}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add({"GET",
              "/api/v1/communities",
              Access::login,
              list_communities_route,
              {"Communities the user belongs to (all for admins)", "registry", "any logged-in user",
               "", ""}});
  router.add(
      {"GET",
       "/api/v1/public/communities",
       Access::open,
       public_communities_route,
       {"Every community's name and place, for the public board", "registry", "anyone", "", ""}});
  router.add(
      {"POST",
       "/api/v1/communities",
       Access::login,
       create_community_route,
       {"Create a community", "registry", "admin, street",
        R"({"name":"幸福里社区","code":"330106-001","district":"西湖区","street":"北山街道"})",
        ""}});
  router.add({"GET",
              "/api/v1/streets",
              http::Access::login,
              list_streets_route,
              {"Streets (街道) with their communities: all for admins, their own for street "
               "supervisors",
               "registry", "admin, street", "", ""}});
  router.add({"POST",
              "/api/v1/streets",
              http::Access::login,
              create_street_route,
              {"Add a street", "registry", "admin",
               R"({"name":"北山街道","code":"BS","district":"西湖区"})", ""}});
  router.add({"PATCH",
              "/api/v1/streets/{id}",
              http::Access::login,
              update_street_route,
              {"Rename a street or change its district", "registry", "admin",
               R"({"name":"北山街道"})", ""}});
  router.add({"PUT",
              "/api/v1/buildings/{id}/guide",
              http::Access::login,
              building_guide_route,
              {"Make a building a guide's patch (its households follow), or clear it", "registry",
               "staff", R"({"user_id":12})", ""}});
  router.add({"GET",
              "/api/v1/communities/{id}",
              Access::login,
              get_community_route,
              {"One community with counts", "registry", "members of the community", "", ""}});
  router.add({"GET",
              "/api/v1/communities/{id}/buildings",
              Access::login,
              list_buildings_route,
              {"Buildings of a community", "registry", "members of the community", "", ""}});
  router.add({"POST",
              "/api/v1/communities/{id}/buildings",
              Access::login,
              create_building_route,
              {"Add a building", "registry", "staff, admin",
               R"({"name":"1号楼","address":"幸福路1号"})", ""}});
  router.add({"GET",
              "/api/v1/households",
              Access::login,
              list_households_route,
              {"List households (residents: their own)", "registry", "any logged-in user", "",
               "community_id, building_id, guide (me or a user id), tag, q, page, page_size"}});
  router.add(
      {"POST",
       "/api/v1/households",
       Access::login,
       create_household_route,
       {"Open a household file", "registry", "guide, staff, admin",
        R"({"community_id":1,"building_id":1,"code":"01-1-0101","address":"1号楼1单元101室","housing_type":"tenant","income_band":"low","tags":["elderly_alone"],"needs":["elderly_care"]})",
        ""}});
  router.add({"GET",
              "/api/v1/households/{id}",
              Access::login,
              get_household_route,
              {"A household file with its residents (personal data masked unless staff/admin)",
               "registry", "own household (resident), community members", "", ""}});
  router.add({"PATCH",
              "/api/v1/households/{id}",
              Access::login,
              patch_household_route,
              {"Change a household file (residents: needs, skills, willingness only)", "registry",
               "own household (resident), guide, staff, admin",
               R"({"needs":["elderly_care"],"willingness":"high"})", ""}});
  router.add({"GET",
              "/api/v1/households/{id}/residents",
              Access::login,
              list_residents_route,
              {"Members of a household", "registry", "own household (resident), community members",
               "", ""}});
  router.add(
      {"POST",
       "/api/v1/households/{id}/residents",
       Access::login,
       add_resident_route,
       {"Add a member to a household; an ID number already registered is 409 resident_exists "
        "for staff, and kept as disputed (same 201) for guides",
        "registry", "guide, staff, admin",
        R"({"name":"张三","id_number":"11010519491231002X","mobile":"13812345678","relation":"self"})",
        ""}});
  http::Route import{
      "POST",
      "/api/v1/households/import",
      Access::login,
      import_route,
      {"Import households from CSV (UTF-8 with/without BOM, or GBK); all-or-nothing unless "
       "partial=true; dry_run=true checks every row and writes nothing",
       "registry", "staff, admin", "户号,楼栋,地址,姓名,性别,身份证号,手机号,与户主关系",
       "community_id, partial, dry_run"}};
  import.accepts_any_content_type = true;
  router.add(std::move(import));
  router.add({"GET",
              "/api/v1/households/export",
              Access::login,
              export_route,
              {"Export households as CSV (UTF-8 with BOM)", "registry",
               "guide, staff, street, admin", "", "community_id, lang"}});
  router.add({"GET",
              "/api/v1/registry/vocabulary",
              Access::open,
              vocabulary_route,
              {"Codes and Chinese labels of tags, service categories and other fields", "registry",
               "anyone", "", ""}});
}

}  // namespace gz::registry
