// HTTP routes of surveys, tenant representatives and resident leaders: decode → use case →
// encode.
#include "modules/civic/routes.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/civic/leaders.hpp"
#include "modules/civic/representatives.hpp"
#include "modules/civic/surveys.hpp"
#include "storage/database.hpp"

namespace gz::civic {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::value rounded(const std::optional<double>& value) {
  if (!value) return nullptr;
  return std::round(*value * 1000.0) / 1000.0;
}

std::optional<std::int64_t> as_id(const boost::json::value& value) {
  if (value.is_int64() && value.get_int64() > 0) return value.get_int64();
  if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX) &&
      value.get_uint64() > 0) {
    return static_cast<std::int64_t>(value.get_uint64());
  }
  return std::nullopt;
}

Result<std::vector<std::int64_t>> id_list(const boost::json::object& body, const char* key) {
  auto* value = body.if_contains(key);
  if (!value || value->is_null()) {
    return bad_request("missing_field", std::string("field '") + key + "' is required");
  }
  std::vector<std::int64_t> out;
  if (value->is_array() && value->as_array().size() <= 50) {
    for (const auto& item : value->as_array()) {
      auto id = as_id(item);
      if (!id) break;
      out.push_back(*id);
    }
    if (out.size() == value->as_array().size()) return out;
  }
  return bad_request("invalid_field", std::string("field '") + key + "' must be an array of ids");
}

// ---- surveys ----------------------------------------------------------------------------

Result<std::vector<Question>> decode_questions(const boost::json::object& body) {
  auto* value = body.if_contains("questions");
  if (!value || !value->is_array()) {
    return bad_request("missing_field", "field 'questions' must be an array of questions");
  }
  std::vector<Question> out;
  std::size_t number = 0;
  for (const auto& item : value->as_array()) {
    ++number;
    auto where = "question " + std::to_string(number) + ": ";
    if (!item.is_object()) return bad_request("invalid_questions", where + "must be an object");
    http::JsonReader reader(item.as_object());
    reader.only({"kind", "prompt", "options", "required"});
    auto kind_text = reader.text("kind", Need::required, 40);
    auto prompt = reader.text("prompt", Need::required, 300);
    auto options = reader.text_list("options", Need::optional, kMaxOptions);
    auto required = reader.boolean("required", Need::optional);
    if (!reader.ok()) return bad_request("invalid_questions", where + reader.error().message);
    auto kind = parse_kind(*kind_text);
    if (!kind) {
      return bad_request("invalid_questions",
                         where + "kind must be single_choice, multiple_choice, scale or text");
    }
    Question question;
    question.kind = *kind;
    question.prompt = *prompt;
    if (options) question.options = *options;
    question.required = required.value_or(true);
    out.push_back(std::move(question));
  }
  return out;
}

boost::json::object survey_json(const Survey& survey) {
  boost::json::array questions;
  for (const auto& question : survey.questions) {
    boost::json::array options;
    for (const auto& option : question.options) options.push_back(boost::json::value(option));
    questions.push_back(boost::json::object{{"id", question.id},
                                            {"kind", kind_name(question.kind)},
                                            {"prompt", question.prompt},
                                            {"options", std::move(options)},
                                            {"required", question.required}});
  }
  boost::json::object out{{"id", survey.id},
                          {"community_id", survey.community_id},
                          {"title", survey.title},
                          {"description", survey.description},
                          {"plan_id", http::json_or_null(survey.plan_id)},
                          {"status", status_name(survey.status)},
                          {"created_at", survey.created_at},
                          {"opened_at", http::json_or_null(survey.opened_at)},
                          {"closed_at", http::json_or_null(survey.closed_at)},
                          {"responses", survey.responses},
                          {"questions", std::move(questions)}};
  if (survey.responded) out["responded"] = *survey.responded;
  return out;
}

boost::json::object question_tally_json(const QuestionTally& tally) {
  boost::json::object out{{"question_id", tally.question_id},
                          {"kind", kind_name(tally.kind)},
                          {"prompt", tally.prompt},
                          {"answered", tally.answered}};
  if (tally.kind == QuestionKind::single_choice || tally.kind == QuestionKind::multiple_choice) {
    boost::json::array options;
    for (std::size_t i = 0; i < tally.options.size(); ++i) {
      options.push_back(boost::json::object{
          {"index", i},
          {"label", tally.options[i]},
          {"count", i < tally.option_counts.size() ? tally.option_counts[i] : 0}});
    }
    out["options"] = std::move(options);
  } else if (tally.kind == QuestionKind::scale) {
    boost::json::object distribution;
    for (int score = kScaleMin; score <= kScaleMax; ++score) {
      distribution[std::to_string(score)] = tally.scale_counts[static_cast<std::size_t>(score - 1)];
    }
    out["distribution"] = std::move(distribution);
    out["mean"] = rounded(tally.scale_mean);
  }
  return out;
}

Result<Response> create_survey_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "title", "description", "plan_id", "questions"});
  auto community = reader.integer("community_id", Need::required, 1);
  auto title = reader.text("title", Need::required, 100);
  auto description = reader.text("description", Need::optional, 2000);
  auto plan = reader.integer("plan_id", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  auto questions = decode_questions(*body);
  if (!questions) return questions.error();
  NewSurvey input{*community, *title, description.value_or(""), plan, std::move(*questions)};
  auto lease = context.pool.lease();
  auto survey = create_survey(*lease, context.user(), input, now_epoch_ms());
  if (!survey) return survey.error();
  return http::json_response(201, survey_json(*survey));
}

Result<Response> list_surveys_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto surveys = list_surveys(*lease, context.user(), *community);
  if (!surveys) return surveys.error();
  boost::json::array items;
  for (const auto& survey : *surveys) items.push_back(survey_json(survey));
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> get_survey_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto survey = get_survey(*lease, context.user(), *id);
  if (!survey) return survey.error();
  return http::json_response(200, survey_json(*survey));
}

http::Handler status_route(const char* action) {
  return [action](RequestContext& context) -> Result<Response> {
    auto id = context.id_param("id");
    if (!id) return id.error();
    auto lease = context.pool.lease();
    auto survey = change_survey_status(*lease, context.user(), *id, action, now_epoch_ms());
    if (!survey) return survey.error();
    return http::json_response(200, survey_json(*survey));
  };
}

Result<Response> respond_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"answers"});
  if (!reader.ok()) return reader.error();
  auto* answers = body->if_contains("answers");
  if (!answers) {
    return bad_request("missing_field", "field 'answers' is required");
  }
  auto lease = context.pool.lease();
  auto stored = respond(*lease, context.user(), *id, *answers, now_epoch_ms());
  if (!stored) return stored.error();
  return http::json_response(201, boost::json::object{{"id", stored->id},
                                                      {"survey_id", stored->survey_id},
                                                      {"created_at", stored->created_at}});
}

Result<Response> results_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto results = survey_results(*lease, context.user(), *id);
  if (!results) return results.error();
  const auto& tally = results->tally;
  boost::json::array questions, groups, differences;
  for (const auto& question : tally.questions) {
    auto item = question_tally_json(question);
    if (question.kind == QuestionKind::text) {
      boost::json::array texts;
      for (const auto& text : question.texts) texts.push_back(boost::json::value(text));
      item["answers"] = std::move(texts);
    }
    questions.push_back(std::move(item));
  }
  for (const auto& group : tally.groups) {
    boost::json::array figures;
    for (const auto& question : group.questions) {
      if (question.kind != QuestionKind::text) figures.push_back(question_tally_json(question));
    }
    groups.push_back(boost::json::object{
        {"dimension", group.dimension},
        {"key", group.key},
        {"label", group.label},
        {"respondents",
         group.suppressed ? boost::json::value(nullptr) : boost::json::value(group.respondents)},
        {"suppressed", group.suppressed},
        {"questions", std::move(figures)}});
  }
  for (const auto& difference : tally.differences) {
    differences.push_back(boost::json::object{{"question_id", difference.question_id},
                                              {"dimension", difference.dimension},
                                              {"groups", difference.groups},
                                              {"min_mean", rounded(difference.min_mean)},
                                              {"max_mean", rounded(difference.max_mean)},
                                              {"coefficient", rounded(difference.coefficient)}});
  }
  auto survey = survey_json(results->survey);
  survey.erase("questions");
  return http::json_response(200,
                             boost::json::object{{"survey", std::move(survey)},
                                                 {"respondents", tally.respondents},
                                                 {"min_group_respondents", kMinGroupRespondents},
                                                 {"questions", std::move(questions)},
                                                 {"groups", std::move(groups)},
                                                 {"group_differences", std::move(differences)}});
}

// ---- representatives --------------------------------------------------------------------

boost::json::object representative_json(const Representative& representative) {
  return {{"id", representative.id},
          {"election_id", representative.election_id},
          {"building_id", representative.building_id},
          {"building", representative.building_name},
          {"resident_id", representative.resident_id},
          {"name", representative.name},
          {"seat", representative.seat},
          {"votes", representative.votes},
          {"term_start", representative.term_start},
          {"term_end", representative.term_end}};
}

Result<Response> election_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only(
      {"building_id", "election_date", "term_start", "term_end", "candidates", "elected", "note"});
  NewElection input;
  input.building_id = reader.integer("building_id", Need::required, 1).value_or(0);
  input.election_date = reader.text("election_date", Need::required, 10).value_or("");
  input.term_start = reader.text("term_start", Need::required, 10).value_or("");
  input.term_end = reader.text("term_end", Need::required, 10).value_or("");
  input.note = reader.text("note", Need::optional, 1000).value_or("");
  if (!reader.ok()) return reader.error();
  auto* candidates = body->if_contains("candidates");
  if (!candidates || !candidates->is_array() || candidates->as_array().size() > 30) {
    return bad_request("invalid_candidates",
                       "field 'candidates' must be an array of {resident_id, votes}");
  }
  for (const auto& item : candidates->as_array()) {
    const auto* object = item.if_object();
    auto* resident = object ? object->if_contains("resident_id") : nullptr;
    auto* votes = object ? object->if_contains("votes") : nullptr;
    auto resident_id = resident ? as_id(*resident) : std::nullopt;
    std::optional<std::int64_t> count;
    if (votes && votes->is_number() && !(votes->is_int64() && is_amount(votes->get_int64()))) {
      return bad_request("invalid_amount",
                         "votes must be a whole number from 0 to " + std::to_string(kAmountMax));
    }
    if (votes && votes->is_int64()) count = votes->get_int64();
    if (!resident_id || !count || object->size() != 2) {
      return bad_request("invalid_candidates",
                         "each candidate is {\"resident_id\": id, \"votes\": count ≥ 0}");
    }
    input.candidates.push_back({*resident_id, *count});
  }
  auto elected = id_list(*body, "elected");
  if (!elected) return elected.error();
  input.elected = *elected;
  auto lease = context.pool.lease();
  auto election = record_election(*lease, context.user(), input, now_epoch_ms());
  if (!election) return election.error();
  boost::json::array candidate_items, elected_items;
  for (const auto& candidate : election->candidates) {
    candidate_items.push_back(
        boost::json::object{{"resident_id", candidate.resident_id}, {"votes", candidate.votes}});
  }
  for (const auto& representative : election->elected) {
    elected_items.push_back(representative_json(representative));
  }
  return http::json_response(201, boost::json::object{{"id", election->id},
                                                      {"community_id", election->community_id},
                                                      {"building_id", election->building_id},
                                                      {"election_date", election->election_date},
                                                      {"term_start", election->term_start},
                                                      {"term_end", election->term_end},
                                                      {"candidates", std::move(candidate_items)},
                                                      {"elected", std::move(elected_items)}});
}

Result<Response> representatives_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  std::string date = context.request.query_param("date").value_or(format_date(now_epoch_ms()));
  auto lease = context.pool.lease();
  auto buildings = current_representatives(*lease, context.user(), *community, date);
  if (!buildings) return buildings.error();
  boost::json::array items;
  std::int64_t with_representatives = 0;
  for (const auto& building : *buildings) {
    boost::json::array representatives;
    for (const auto& representative : building.representatives) {
      representatives.push_back(representative_json(representative));
    }
    if (!building.representatives.empty()) ++with_representatives;
    items.push_back(boost::json::object{{"building_id", building.building_id},
                                        {"building", building.building_name},
                                        {"representatives", std::move(representatives)}});
  }
  return http::json_response(
      200, boost::json::object{{"community_id", *community},
                               {"date", date},
                               {"buildings_with_representatives", with_representatives},
                               {"items", std::move(items)}});
}

// ---- resident leaders -------------------------------------------------------------------

boost::json::object leader_json(const Leader& leader) {
  return {{"id", leader.id},
          {"community_id", leader.community_id},
          {"resident_id", leader.resident_id},
          {"name", leader.name},
          {"since", leader.since_on},
          {"until", http::json_or_null(leader.until_on)},
          {"area", leader.area},
          {"modules_completed", leader.modules_completed},
          {"training_hours", leader.training_hours}};
}

boost::json::object organisation_json(const Organisation& organisation) {
  boost::json::array leaders;
  for (std::size_t i = 0; i < organisation.leader_resident_ids.size(); ++i) {
    leaders.push_back(boost::json::object{
        {"resident_id", organisation.leader_resident_ids[i]},
        {"name", i < organisation.leader_names.size() ? organisation.leader_names[i] : ""}});
  }
  return {{"id", organisation.id},         {"community_id", organisation.community_id},
          {"name", organisation.name},     {"founded_on", organisation.founded_on},
          {"leaders", std::move(leaders)}, {"member_count", organisation.member_count},
          {"status", organisation.status}};
}

Result<Response> add_module_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "title", "hours"});
  auto community = reader.integer("community_id", Need::required, 1);
  auto title = reader.text("title", Need::required, 100);
  auto hours = reader.integer("hours", Need::required, 1, 200);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto module = add_module(*lease, context.user(), *community, *title, *hours, now_epoch_ms());
  if (!module) return module.error();
  return http::json_response(201, boost::json::object{{"id", module->id},
                                                      {"community_id", module->community_id},
                                                      {"title", module->title},
                                                      {"hours", module->hours}});
}

Result<Response> list_modules_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto modules = list_modules(*lease, context.user(), *community);
  if (!modules) return modules.error();
  boost::json::array items;
  for (const auto& module : *modules) {
    items.push_back(boost::json::object{{"id", module.id},
                                        {"title", module.title},
                                        {"hours", module.hours},
                                        {"completions", module.completions}});
  }
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> completion_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"module_id", "resident_id", "completed_on"});
  auto module = reader.integer("module_id", Need::required, 1);
  auto resident = reader.integer("resident_id", Need::required, 1);
  auto completed_on = reader.text("completed_on", Need::required, 10);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto completion =
      record_completion(*lease, context.user(), *module, *resident, *completed_on, now_epoch_ms());
  if (!completion) return completion.error();
  return http::json_response(201, boost::json::object{{"id", completion->id},
                                                      {"module_id", completion->module_id},
                                                      {"resident_id", completion->resident_id},
                                                      {"completed_on", completion->completed_on}});
}

Result<Response> register_leader_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"resident_id", "since", "area"});
  auto resident = reader.integer("resident_id", Need::required, 1);
  auto since = reader.text("since", Need::required, 10);
  auto area = reader.text("area", Need::required, 100);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto leader = register_leader(*lease, context.user(), *resident, *since, *area, now_epoch_ms());
  if (!leader) return leader.error();
  return http::json_response(201, leader_json(*leader));
}

Result<Response> end_leader_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"until"});
  auto until = reader.text("until", Need::required, 10);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto leader = end_leader(*lease, context.user(), *id, *until);
  if (!leader) return leader.error();
  return http::json_response(200, leader_json(*leader));
}

Result<Response> list_leaders_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto leaders = list_leaders(*lease, context.user(), *community);
  if (!leaders) return leaders.error();
  boost::json::array items;
  for (const auto& leader : *leaders) items.push_back(leader_json(leader));
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> add_organisation_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only(
      {"community_id", "name", "founded_on", "leader_resident_ids", "member_count", "status"});
  Organisation input;
  input.community_id = reader.integer("community_id", Need::required, 1).value_or(0);
  input.name = reader.text("name", Need::required, 100).value_or("");
  input.founded_on = reader.text("founded_on", Need::required, 10).value_or("");
  input.member_count = reader.integer("member_count", Need::required, 1, 10000).value_or(0);
  input.status = reader.text("status", Need::optional, 20).value_or("incubating");
  if (!reader.ok()) return reader.error();
  auto leaders = id_list(*body, "leader_resident_ids");
  if (!leaders) return leaders.error();
  input.leader_resident_ids = *leaders;
  auto lease = context.pool.lease();
  auto organisation = add_organisation(*lease, context.user(), input, now_epoch_ms());
  if (!organisation) return organisation.error();
  return http::json_response(201, organisation_json(*organisation));
}

Result<Response> list_organisations_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto organisations = list_organisations(*lease, context.user(), *community);
  if (!organisations) return organisations.error();
  boost::json::array items;
  for (const auto& organisation : *organisations) items.push_back(organisation_json(organisation));
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> summary_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto from = context.request.query_param("from");
  auto to = context.request.query_param("to");
  if (!from || !to) {
    return bad_request("invalid_query", "from and to (YYYY-MM-DD) are required");
  }
  auto lease = context.pool.lease();
  auto summary = leader_summary(*lease, context.user(), *community, *from, *to);
  if (!summary) return summary.error();
  const auto& growth = summary->growth;
  return http::json_response(
      200, boost::json::object{
               {"community_id", summary->community_id},
               {"from", growth.from},
               {"to", growth.to},
               {"leaders_at_start", growth.leaders_at_start},
               {"leaders_at_end", growth.leaders_at_end},
               {"joined", growth.joined},
               {"left", growth.left},
               {"growth_rate", rounded(growth.growth_rate)},
               {"annual_growth_rate", rounded(growth.annual_growth_rate)},
               {"target_annual_growth_rate", kLeaderGrowthTarget},
               {"meets_target", summary->meets_target ? boost::json::value(*summary->meets_target)
                                                      : boost::json::value(nullptr)},
               {"trained_residents", summary->trained_residents},
               {"training_hours", summary->training_hours},
               {"organisations_founded", summary->organisations_founded},
               {"organisations_active", summary->organisations_active}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  const char* question_example =
      R"({"community_id":1,"title":"社区食堂满意度调查","plan_id":null,"questions":[)"
      R"({"kind":"scale","prompt":"您对社区食堂的总体满意度"},)"
      R"({"kind":"single_choice","prompt":"您多久去一次食堂","options":["每天","每周","很少"]},)"
      R"({"kind":"multiple_choice","prompt":"希望增加的服务","options":["送餐","早餐","夜宵"]},)"
      R"({"kind":"text","prompt":"其他建议","required":false}]})";
  router.add({"POST",
              "/api/v1/surveys",
              Access::login,
              create_survey_route,
              {"Create a survey (draft): questions single_choice, multiple_choice (2–20 "
               "options), scale 1–5 or text; optionally a plan's closing satisfaction survey",
               "civic", "staff, guide, admin", question_example, ""}});
  router.add({"GET",
              "/api/v1/surveys",
              Access::login,
              list_surveys_route,
              {"Surveys of a community (residents: open and closed ones, with whether they "
               "answered)",
               "civic", "users of the community", "", "community_id"}});
  router.add({"GET",
              "/api/v1/surveys/{id}",
              Access::login,
              get_survey_route,
              {"A survey with its questions", "civic", "users of the community", "", ""}});
  router.add({"POST",
              "/api/v1/surveys/{id}/open",
              Access::login,
              status_route("open"),
              {"Open a draft survey for answers", "civic", "staff, guide, admin", "", ""}});
  router.add({"POST",
              "/api/v1/surveys/{id}/close",
              Access::login,
              status_route("close"),
              {"Close an open survey", "civic", "staff, guide, admin", "", ""}});
  router.add({"POST",
              "/api/v1/surveys/{id}/responses",
              Access::login,
              respond_route,
              {"Answer an open survey, once per resident login (409 already_responded)", "civic",
               "residents of the community",
               R"({"answers":[{"question_id":1,"value":4},{"question_id":2,"value":0},)"
               R"({"question_id":3,"value":[0,2]},{"question_id":4,"value":"希望增加午餐品种"}]})",
               ""}});
  router.add({"GET",
              "/api/v1/surveys/{id}/results",
              Access::login,
              results_route,
              {"Results: counts per option, scale mean and distribution, anonymous free text, "
               "and by age band, registered vs migrant/tenant and building (groups under 5 "
               "respondents suppressed)",
               "civic", "staff, guide, street, admin", "", ""}});
  router.add({"POST",
              "/api/v1/representatives/elections",
              Access::login,
              election_route,
              {"Record a building's tenant-representative election (1–2 elected from tenant "
               "households; at most 2 current per building)",
               "civic", "staff, admin",
               R"({"building_id":1,"election_date":"2026-03-01","term_start":"2026-03-15",)"
               R"("term_end":"2029-03-14","candidates":[{"resident_id":10,"votes":23},)"
               R"({"resident_id":11,"votes":9}],"elected":[10]})",
               ""}});
  router.add({"GET",
              "/api/v1/representatives",
              Access::login,
              representatives_route,
              {"Current tenant representatives per building (names; never phones)", "civic",
               "users of the community", "", "community_id, date"}});
  router.add({"GET",
              "/api/v1/leaders/modules",
              Access::login,
              list_modules_route,
              {"The resident-leader training catalogue", "civic", "users of the community", "",
               "community_id"}});
  router.add({"POST",
              "/api/v1/leaders/modules",
              Access::login,
              add_module_route,
              {"Add a training module", "civic", "staff, admin",
               R"({"community_id":1,"title":"议事规则与主持","hours":6})", ""}});
  router.add({"POST",
              "/api/v1/leaders/completions",
              Access::login,
              completion_route,
              {"Record that a resident completed a module (once)", "civic", "staff, guide, admin",
               R"({"module_id":1,"resident_id":10,"completed_on":"2026-05-20"})", ""}});
  router.add({"GET",
              "/api/v1/leaders",
              Access::login,
              list_leaders_route,
              {"The resident-leader register with training completed", "civic",
               "staff, guide, street, admin", "", "community_id"}});
  router.add({"POST",
              "/api/v1/leaders",
              Access::login,
              register_leader_route,
              {"Add a resident to the leader register", "civic", "staff, guide, admin",
               R"({"resident_id":10,"since":"2026-06-01","area":"楼道自治"})", ""}});
  router.add({"POST",
              "/api/v1/leaders/{id}/end",
              Access::login,
              end_leader_route,
              {"Record that a leader stepped down", "civic", "staff, guide, admin",
               R"({"until":"2026-10-01"})", ""}});
  router.add({"GET",
              "/api/v1/leaders/organisations",
              Access::login,
              list_organisations_route,
              {"Self-organisations incubated in the community", "civic", "users of the community",
               "", "community_id"}});
  router.add({"POST",
              "/api/v1/leaders/organisations",
              Access::login,
              add_organisation_route,
              {"Record a self-organisation", "civic", "staff, guide, admin",
               R"({"community_id":1,"name":"银龄志愿服务队","founded_on":"2026-04-01",)"
               R"("leader_resident_ids":[10],"member_count":25,"status":"active"})",
               ""}});
  router.add({"GET",
              "/api/v1/leaders/summary",
              Access::login,
              summary_route,
              {"Resident-leader growth between two dates (target > 10% a year), training and "
               "organisations",
               "civic", "staff, guide, street, admin", "", "community_id, from, to"}});
}

}  // namespace gz::civic
