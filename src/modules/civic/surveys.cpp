// Survey use cases; see surveys.hpp.
#include "modules/civic/surveys.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/civic/permissions.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::civic {
namespace {

constexpr const char* kSurveyColumns =
    "SELECT id, community_id, title, description, plan_id, status, created_at, opened_at, "
    "closed_at FROM surveys ";

std::optional<SurveyStatus> parse_status(std::string_view name) {
  for (auto status : {SurveyStatus::draft, SurveyStatus::open, SurveyStatus::closed}) {
    if (status_name(status) == name) return status;
  }
  return std::nullopt;
}

Survey survey_from(const storage::Row& row) {
  Survey survey;
  survey.id = row.integer(0);
  survey.community_id = row.integer(1);
  survey.title = row.text(2);
  survey.description = row.text(3);
  survey.plan_id = row.opt_integer(4);
  survey.status = parse_status(row.text(5)).value_or(SurveyStatus::draft);
  survey.created_at = row.text(6);
  survey.opened_at = row.opt_text(7);
  survey.closed_at = row.opt_text(8);
  return survey;
}

std::vector<Question> load_questions(storage::Connection& db, std::int64_t survey_id) {
  std::vector<Question> out;
  for (const auto& row : db.query("SELECT id, kind, prompt, options, required FROM "
                                  "survey_questions WHERE survey_id = ? ORDER BY position",
                                  {survey_id})) {
    Question question;
    question.id = row.integer(0);
    question.kind = parse_kind(row.text(1)).value_or(QuestionKind::text);
    question.prompt = row.text(2);
    boost::system::error_code ec;
    auto options = boost::json::parse(row.text(3), ec);
    if (!ec && options.is_array()) {
      for (const auto& option : options.as_array()) {
        if (option.is_string()) question.options.emplace_back(option.get_string());
      }
    }
    question.required = row.integer(4) != 0;
    out.push_back(std::move(question));
  }
  return out;
}

std::string respondent_key(const Actor& actor) {
  return "user:" + std::to_string(actor.user_id);
}

void fill_details(storage::Connection& db, const Actor& actor, Survey& survey) {
  survey.questions = load_questions(db, survey.id);
  survey.responses =
      db.query_int("SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?", {survey.id});
  if (actor.is(Role::resident)) {
    survey.responded =
        db.query_one("SELECT 1 FROM survey_responses WHERE survey_id = ? AND respondent = ?",
                     {survey.id, respondent_key(actor)})
            .has_value();
  }
}

// The survey if the actor may know of it: a member of its community (residents: not a draft).
Result<Survey> visible_survey(storage::Connection& db, const Actor& actor, std::int64_t survey_id) {
  auto row = db.query_one(std::string(kSurveyColumns) + "WHERE id = ?", {survey_id});
  if (!row) return not_found("no survey " + std::to_string(survey_id));
  auto survey = survey_from(*row);
  if (!in_community(actor, survey.community_id) ||
      (actor.is(Role::resident) && survey.status == SurveyStatus::draft)) {
    return not_found("no survey " + std::to_string(survey_id));
  }
  return survey;
}

// Whom a household login's answer counts for: the head, else the oldest adult, else anyone.
struct Person {
  std::optional<std::string> birth_date;
  std::string registration = "registered";
};
Person household_person(storage::Connection& db, std::int64_t household_id) {
  auto row = db.query_one(
      "SELECT birth_date, registration FROM residents WHERE household_id = ? ORDER BY CASE "
      "WHEN relation = 'self' THEN 0 ELSE 1 END, CASE WHEN birth_date IS NULL THEN 1 ELSE 0 "
      "END, birth_date, id LIMIT 1",
      {household_id});
  if (!row) return {};
  return {row->opt_text(0), row->text(1)};
}

struct HouseholdFacts {
  std::int64_t community_id = 0;
  std::optional<std::int64_t> building_id;
  std::string housing_type;
  bool tagged_tenant = false;
};
std::optional<HouseholdFacts> household_facts(storage::Connection& db, std::int64_t household_id) {
  auto row = db.query_one(
      "SELECT community_id, building_id, housing_type, (SELECT COUNT(*) FROM household_labels "
      "l WHERE l.household_id = h.id AND l.kind = 'tag' AND l.value = 'tenant') FROM "
      "households h WHERE id = ?",
      {household_id});
  if (!row) return std::nullopt;
  return HouseholdFacts{row->integer(0), row->opt_integer(1), row->text(2), row->integer(3) > 0};
}

std::int64_t insert_response(storage::Connection& db, std::int64_t survey_id,
                             std::int64_t community_id, const std::string& respondent,
                             std::int64_t household_id, const std::string& band,
                             const std::string& residence, std::optional<std::int64_t> building,
                             const std::string& answers, const std::string& created_at) {
  return db
      .query_one(
          "INSERT INTO survey_responses (community_id, survey_id, respondent, household_id, "
          "age_band, residence, building_id, answers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
          "?, ?) RETURNING id",
          {community_id, survey_id, respondent, household_id, band, residence,
           storage::opt_int(building), answers, created_at})
      ->integer(0);
}

}  // namespace

std::string_view status_name(SurveyStatus status) {
  switch (status) {
    case SurveyStatus::draft:
      return "draft";
    case SurveyStatus::open:
      return "open";
    case SurveyStatus::closed:
      return "closed";
  }
  return "draft";
}

Result<Survey> create_survey(storage::Connection& db, const Actor& actor, const NewSurvey& input,
                             std::int64_t now_ms) {
  GZ_TRY(registry::require_member(db, actor, input.community_id));
  if (!may_run_civic(actor)) return forbidden("only staff and guides create surveys");
  GZ_TRY(validate_questions(input.questions));
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Survey> {
    if (input.plan_id &&
        !db.query_one("SELECT id FROM allocation_plans WHERE id = ? AND community_id = ?",
                      {*input.plan_id, input.community_id})) {
      return bad_request("unknown_plan", "plan_id " + std::to_string(*input.plan_id) +
                                             " is not an allocation plan of this community");
    }
    Survey survey;
    survey.community_id = input.community_id;
    survey.title = input.title;
    survey.description = input.description;
    survey.plan_id = input.plan_id;
    survey.created_at = format_iso8601(now_ms);
    survey.id = db.query_one(
                      "INSERT INTO surveys (community_id, title, description, plan_id, "
                      "status, created_by_user_id, created_at) VALUES (?, ?, ?, ?, "
                      "'draft', ?, ?) RETURNING id",
                      {input.community_id, input.title, input.description,
                       storage::opt_int(input.plan_id), actor.user_id, survey.created_at})
                    ->integer(0);
    boost::json::array questions;
    std::int64_t position = 0;
    for (auto question : input.questions) {
      boost::json::array options;
      for (const auto& option : question.options) options.push_back(boost::json::value(option));
      question.id =
          db.query_one(
                "INSERT INTO survey_questions (community_id, survey_id, position, kind, "
                "prompt, options, required) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {input.community_id, survey.id, ++position, std::string(kind_name(question.kind)),
                 question.prompt, boost::json::serialize(options),
                 std::int64_t{question.required ? 1 : 0}})
              ->integer(0);
      questions.push_back(boost::json::object{{"id", question.id},
                                              {"kind", kind_name(question.kind)},
                                              {"prompt", question.prompt},
                                              {"options", options}});
      survey.questions.push_back(std::move(question));
    }
    audit::append(
        db, actor,
        {input.community_id, "survey.create", "survey", std::to_string(survey.id),
         boost::json::object{{"title", input.title},
                             {"plan_id", input.plan_id ? boost::json::value(*input.plan_id)
                                                       : boost::json::value(nullptr)},
                             {"questions", questions}}});
    return survey;
  });
}

Result<Survey> change_survey_status(storage::Connection& db, const Actor& actor,
                                    std::int64_t survey_id, const std::string& action,
                                    std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Survey> {
    auto survey = visible_survey(db, actor, survey_id);
    if (!survey) return survey.take_error();
    if (!may_run_civic(actor)) return forbidden("only staff and guides open and close surveys");
    SurveyStatus from = survey->status, to = from;
    std::string at = format_iso8601(now_ms);
    if (action == "open" && from == SurveyStatus::draft) {
      to = SurveyStatus::open;
    } else if (action == "close" && from == SurveyStatus::open) {
      to = SurveyStatus::closed;
    } else {
      return conflict("invalid_transition", "a survey goes draft → open → closed; it is " +
                                                std::string(status_name(from)));
    }
    const char* column = to == SurveyStatus::open ? "opened_at" : "closed_at";
    if (db.execute(std::string("UPDATE surveys SET status = ?, ") + column +
                       " = ? WHERE id = ? AND status = ?",
                   {std::string(status_name(to)), at, survey_id, std::string(status_name(from))}) !=
        1) {
      return conflict("invalid_transition", "the survey changed meanwhile; reload it");
    }
    audit::append(db, actor,
                  {survey->community_id, "survey." + action, "survey", std::to_string(survey_id),
                   boost::json::object{{"from", status_name(from)}, {"to", status_name(to)}}});
    if (to == SurveyStatus::open) {
      notifications::Event event;
      event.community_id = survey->community_id;
      event.kind = "survey.opened";
      event.subject_type = "survey";
      event.subject_id = std::to_string(survey_id);
      event.broadcast = true;
      event.data = {{"title", survey->title}};
      notifications::record(db, event, now_ms);
    }
    survey->status = to;
    (to == SurveyStatus::open ? survey->opened_at : survey->closed_at) = at;
    fill_details(db, actor, *survey);
    return *survey;
  });
}

Result<std::vector<Survey>> list_surveys(storage::Connection& db, const Actor& actor,
                                         std::int64_t community_id) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  std::string sql = std::string(kSurveyColumns) + "WHERE community_id = ?" +
                    (actor.is(Role::resident) ? " AND status <> 'draft'" : "") +
                    " ORDER BY id DESC";
  std::vector<Survey> out;
  for (const auto& row : db.query(sql, {community_id})) {
    auto survey = survey_from(row);
    fill_details(db, actor, survey);
    out.push_back(std::move(survey));
  }
  return out;
}

Result<Survey> get_survey(storage::Connection& db, const Actor& actor, std::int64_t survey_id) {
  auto survey = visible_survey(db, actor, survey_id);
  if (!survey) return survey.take_error();
  fill_details(db, actor, *survey);
  return survey;
}

Result<StoredResponse> respond(storage::Connection& db, const Actor& actor, std::int64_t survey_id,
                               const boost::json::value& answers, std::int64_t now_ms) {
  auto survey = visible_survey(db, actor, survey_id);
  if (!survey) return survey.take_error();
  if (!may_respond(actor)) return forbidden("only residents answer surveys");
  if (survey->status != SurveyStatus::open) {
    return conflict("survey_not_open", "this survey is not open for answers");
  }
  auto questions = load_questions(db, survey_id);
  auto valid = validate_answers(questions, answers);
  if (!valid) return valid.take_error();
  auto facts = household_facts(db, *actor.household_id);
  if (!facts || facts->community_id != survey->community_id) {
    return not_found("no survey " + std::to_string(survey_id));
  }
  auto person = household_person(db, *actor.household_id);
  std::string date = format_date(now_ms);
  std::string band = age_band(person.birth_date, date);
  std::string residence =
      residence_group(facts->housing_type, facts->tagged_tenant, person.registration);
  std::string stored = boost::json::serialize(answers_json(questions, *valid));
  std::string key = respondent_key(actor);
  try {
    return storage::transact(db, storage::TxMode::write, [&]() -> Result<StoredResponse> {
      if (db.query_one("SELECT 1 FROM survey_responses WHERE survey_id = ? AND respondent = ?",
                       {survey_id, key})) {
        return conflict("already_responded", "you have already answered this survey");
      }
      if (db.query_int("SELECT COUNT(*) FROM surveys WHERE id = ? AND status = 'open'",
                       {survey_id}) != 1) {
        return conflict("survey_not_open", "this survey is not open for answers");
      }
      StoredResponse out{0, survey_id, format_iso8601(now_ms)};
      out.id = insert_response(db, survey_id, survey->community_id, key, *actor.household_id, band,
                               residence, facts->building_id, stored, out.created_at);
      // The chain keeps that this login answered, not what: answers are anonymous in results.
      audit::append(db, actor,
                    {survey->community_id, "survey.respond", "survey_response",
                     std::to_string(out.id), boost::json::object{{"survey_id", survey_id}}});
      return out;
    });
  } catch (const storage::DbError& error) {
    if (error.kind() != storage::DbErrorKind::unique_violation) throw;
    return conflict("already_responded", "you have already answered this survey");
  }
}

std::int64_t insert_recorded_response(storage::Connection& db, const RecordedResponse& response) {
  return insert_response(db, response.survey_id, response.community_id,
                         "resident:" + std::to_string(response.resident_id), response.household_id,
                         response.age_band, response.residence, response.building_id,
                         boost::json::serialize(answers_json(response.questions, response.answers)),
                         format_iso8601(response.at_ms));
}

std::optional<SurveyResults> load_results(storage::Connection& db, std::int64_t survey_id) {
  auto row = db.query_one(std::string(kSurveyColumns) + "WHERE id = ?", {survey_id});
  if (!row) return std::nullopt;
  SurveyResults out;
  out.survey = survey_from(*row);
  out.survey.questions = load_questions(db, survey_id);
  std::vector<ResponseFacts> responses;
  for (const auto& response :
       db.query("SELECT r.age_band, r.residence, b.name, r.answers FROM survey_responses r LEFT "
                "JOIN buildings b ON b.id = r.building_id WHERE r.survey_id = ? ORDER BY r.id",
                {survey_id})) {
    ResponseFacts facts;
    facts.age_band = response.text(0);
    facts.residence = response.text(1);
    facts.building = response.opt_text(2).value_or("");
    boost::system::error_code ec;
    auto answers = boost::json::parse(response.text(3), ec);
    if (!ec) {
      // Stored answers were valid when given; questions never change after creation.
      auto parsed = validate_answers(out.survey.questions, answers);
      if (parsed) facts.answers = std::move(*parsed);
    }
    responses.push_back(std::move(facts));
  }
  out.survey.responses = static_cast<std::int64_t>(responses.size());
  out.tally = tally(out.survey.questions, responses);
  return out;
}

Result<SurveyResults> survey_results(storage::Connection& db, const Actor& actor,
                                     std::int64_t survey_id) {
  auto survey = visible_survey(db, actor, survey_id);
  if (!survey) return survey.take_error();
  // Residents read a closed survey's results ("按群体公开统计"), the same small-group
  // suppression, without the free-text answers (words can name a neighbour).
  bool resident_after_close = actor.is(Role::resident) && survey->status == SurveyStatus::closed;
  if (!may_read_civic(actor) && !resident_after_close) {
    return forbidden("residents read a survey's results once it is closed");
  }
  auto results = load_results(db, survey_id);
  if (!results) return not_found("no survey " + std::to_string(survey_id));
  if (resident_after_close) {
    for (auto& question : results->tally.questions) question.texts.clear();
  }
  return std::move(*results);
}

std::optional<std::int64_t> plan_survey(storage::Connection& db, std::int64_t plan_id) {
  auto row = db.query_one(
      "SELECT id FROM surveys WHERE plan_id = ? AND status <> 'draft' ORDER "
      "BY id DESC LIMIT 1",
      {plan_id});
  if (!row) return std::nullopt;
  return row->integer(0);
}

}  // namespace gz::civic
