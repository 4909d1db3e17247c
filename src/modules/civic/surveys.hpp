// Survey use cases: staff and guides create a survey (draft), open and close it; residents of
// the community list open surveys and answer once; staff, guides and the street read results
// overall and by resident group (rules.hpp: bands, suppression of groups under 5).
//
// Respondents: a resident login belongs to a household, not to one person, so a login answers
// once per survey as itself ('user:<id>'); its answer is counted in the groups of the
// household's head (relation self), or else its oldest adult member. Answers recorded for a
// registry resident (the demo) are keyed 'resident:<id>' and counted in that resident's groups.
// A UNIQUE (survey_id, respondent) constraint makes a second answer — also a concurrent one —
// fail with 409 already_responded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/civic/rules.hpp"
#include "storage/database.hpp"

namespace gz::civic {

enum class SurveyStatus { draft, open, closed };
std::string_view status_name(SurveyStatus status);

struct Survey {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string title;
  std::string description;
  std::optional<std::int64_t> plan_id;
  SurveyStatus status = SurveyStatus::draft;
  std::string created_at;
  std::optional<std::string> opened_at;
  std::optional<std::string> closed_at;
  std::vector<Question> questions;
  std::int64_t responses = 0;
  std::optional<bool> responded;  // for a resident login: whether it has answered
};

struct NewSurvey {
  std::int64_t community_id = 0;
  std::string title;
  std::string description;
  std::optional<std::int64_t> plan_id;
  std::vector<Question> questions;
};

// Staff, guides (of the community) and admins. 400 invalid_questions, 400 unknown_plan when
// plan_id is not a plan of the community.
Result<Survey> create_survey(storage::Connection& db, const Actor& actor, const NewSurvey& input,
                             std::int64_t now_ms);
// draft → open, open → closed (409 invalid_transition otherwise). action is "open" or "close".
Result<Survey> change_survey_status(storage::Connection& db, const Actor& actor,
                                    std::int64_t survey_id, const std::string& action,
                                    std::int64_t now_ms);
// Residents see open (and closed) surveys of their community, never drafts; staff see all.
Result<std::vector<Survey>> list_surveys(storage::Connection& db, const Actor& actor,
                                         std::int64_t community_id);
Result<Survey> get_survey(storage::Connection& db, const Actor& actor, std::int64_t survey_id);

struct StoredResponse {
  std::int64_t id = 0;
  std::int64_t survey_id = 0;
  std::string created_at;
};
// A resident login of the community while the survey is open (409 survey_not_open);
// 409 already_responded; 400 invalid_answer … naming the question.
Result<StoredResponse> respond(storage::Connection& db, const Actor& actor, std::int64_t survey_id,
                               const boost::json::value& answers, std::int64_t now_ms);

// Inside the caller's write transaction, no permission check (the demo): records answers for
// a registry resident, with that resident's groups. The caller appends the audit entry.
struct RecordedResponse {
  std::int64_t survey_id = 0;
  std::int64_t community_id = 0;
  std::int64_t resident_id = 0;
  std::int64_t household_id = 0;
  std::string age_band;
  std::string residence;
  std::optional<std::int64_t> building_id;
  std::vector<Question> questions;
  std::vector<Answer> answers;
  std::int64_t at_ms = 0;
};
std::int64_t insert_recorded_response(storage::Connection& db, const RecordedResponse& response);

struct SurveyResults {
  Survey survey;
  Tally tally;
};
// Staff, guides, street (of the community) and admins; residents of the community once the
// survey is closed (without the free-text answers), 403 before.
Result<SurveyResults> survey_results(storage::Connection& db, const Actor& actor,
                                     std::int64_t survey_id);
// For other modules (transparency): the newest survey attached to a plan, if any, and its
// results without a permission check.
std::optional<std::int64_t> plan_survey(storage::Connection& db, std::int64_t plan_id);
std::optional<SurveyResults> load_results(storage::Connection& db, std::int64_t survey_id);

}  // namespace gz::civic
