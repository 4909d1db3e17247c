// The pure rules of the civic module, with no database and no HTTP: what a well-formed survey
// is and which answers fit its questions; which resident group a respondent counts in (age
// band, registered or migrant/tenant, building); the results tally with small groups
// suppressed; the two seats of a building's tenant representatives; and the resident-leader
// growth read-out. surveys.cpp, representatives.cpp and leaders.cpp load the facts, ask here
// and store the outcome.
#pragma once

#include <array>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace gz::civic {

// ---- surveys ----------------------------------------------------------------------------

enum class QuestionKind { single_choice, multiple_choice, scale, text };
std::string_view kind_name(QuestionKind kind);
std::optional<QuestionKind> parse_kind(std::string_view name);

constexpr std::size_t kMaxQuestions = 50;
constexpr std::size_t kMinOptions = 2;
constexpr std::size_t kMaxOptions = 20;
constexpr int kScaleMin = 1;
constexpr int kScaleMax = 5;
constexpr std::size_t kMaxTextAnswerChars = 1000;

struct Question {
  std::int64_t id = 0;  // 0 until stored
  QuestionKind kind = QuestionKind::single_choice;
  std::string prompt;
  std::vector<std::string> options;  // choice questions only
  bool required = true;
};

// 1..50 questions; a prompt of 1..300 characters; choice questions 2..20 distinct, non-empty
// options (≤ 100 characters each); scale and text questions no options. 400 invalid_questions
// naming the question (1-based) and what is wrong.
Result<void> validate_questions(const std::vector<Question>& questions);

// One answer, normalised: option indexes (0-based) for choice questions, 1..5 for a scale,
// the text for free text.
struct Answer {
  std::int64_t question_id = 0;
  std::vector<int> choices;
  int scale = 0;
  std::string text;
};

// Checks submitted answers against the questions. `answers` must be an array of
// {"question_id": id, "value": v} where v is an option index (single choice), an array of
// distinct option indexes (multiple choice, at least one), an integer 1..5 (scale) or a
// string of 1..1000 characters (text). Every required question must be answered, none twice,
// no unknown question ids. 400 with code invalid_answer / missing_answer / unknown_question /
// duplicate_answer, the message naming the question (number and prompt). The result is in
// question order.
Result<std::vector<Answer>> validate_answers(const std::vector<Question>& questions,
                                             const boost::json::value& answers);
// The stored form of valid answers: the same shape validate_answers reads.
boost::json::value answers_json(const std::vector<Question>& questions,
                                const std::vector<Answer>& answers);

// ---- resident groups --------------------------------------------------------------------

// Age bands from the registry birth date on a given day: "18_34", "35_59", "60_plus", and
// "unknown" (no or bad birth date, or under 18: a household login answering for a minor's
// household is not attributed to a band).
std::string age_band(const std::optional<std::string>& birth_date, const std::string& on_date);
// "migrant_tenant" when the household rents (housing type tenant, or tagged tenant) or the
// respondent is a migrant (流动人口, registration migrant); "registered" otherwise.
std::string residence_group(std::string_view housing_type, bool tagged_tenant,
                            std::string_view registration);
std::string group_label(std::string_view dimension, std::string_view key);

// ---- results ----------------------------------------------------------------------------

// Privacy: a group with fewer respondents than this is suppressed (respondents shown as null,
// no figures), and when exactly one group of a dimension would be suppressed the next smallest
// is suppressed too, so the small one cannot be recovered by subtracting the others from the
// total. Free-text answers appear only in the overall results, never per group, and never
// with a name, household or time.
constexpr std::int64_t kMinGroupRespondents = 5;

struct ResponseFacts {
  std::string age_band;
  std::string residence;
  std::string building;  // the building's name, "" when the household has none
  std::vector<Answer> answers;
};

struct QuestionTally {
  std::int64_t question_id = 0;
  QuestionKind kind = QuestionKind::single_choice;
  std::string prompt;
  std::int64_t answered = 0;
  std::vector<std::string> options;
  std::vector<std::int64_t> option_counts;     // choice questions, by option
  std::array<std::int64_t, 5> scale_counts{};  // scale: how many gave 1, 2, 3, 4, 5
  std::optional<double> scale_mean;
  std::vector<std::string> texts;  // overall only
};

struct GroupTally {
  std::string dimension;  // "age_band", "residence", "building"
  std::string key;
  std::string label;
  std::int64_t respondents = 0;
  bool suppressed = false;
  std::vector<QuestionTally> questions;  // empty when suppressed
};

// For a scale question and one dimension: the coefficient of variation (population standard
// deviation / mean) of the unsuppressed groups' means — the "satisfaction difference
// coefficient across groups" (target < 0.3). Empty with fewer than two such groups.
struct GroupDifference {
  std::int64_t question_id = 0;
  std::string dimension;
  std::int64_t groups = 0;
  std::optional<double> min_mean;
  std::optional<double> max_mean;
  std::optional<double> coefficient;
};

struct Tally {
  std::int64_t respondents = 0;
  std::vector<QuestionTally> questions;
  std::vector<GroupTally> groups;
  std::vector<GroupDifference> differences;
};

Tally tally(const std::vector<Question>& questions, const std::vector<ResponseFacts>& responses);

// ---- tenant representatives -------------------------------------------------------------

constexpr int kSeatsPerBuilding = 2;

struct SeatTerm {
  std::int64_t resident_id = 0;
  int seat = 1;
  std::string term_start;  // YYYY-MM-DD
  std::string term_end;    // the last day, inclusive
};

// Election date and term: real dates, election on or before the start, the end after the
// start and within 1..5 years of it (terms are typically 2 or 3 years). 400 invalid_term.
Result<void> validate_term(const std::string& election_date, const std::string& term_start,
                           const std::string& term_end);
bool terms_overlap(const std::string& start_a, const std::string& end_a, const std::string& start_b,
                   const std::string& end_b);
bool is_current(const SeatTerm& term, const std::string& on_date);

// Gives each elected resident (1 or 2, distinct: 400 invalid_elected) a seat of the building
// whose terms do not overlap the new term. 409 already_representative when one of them holds
// a seat of the building during the new term; 409 seats_full when fewer seats are free than
// residents elected (a building has at most two representatives at a time).
Result<std::vector<int>> assign_seats(const std::vector<SeatTerm>& building_terms,
                                      const std::vector<std::int64_t>& elected,
                                      const std::string& term_start, const std::string& term_end);

// ---- resident leaders -------------------------------------------------------------------

struct LeaderSpan {
  std::string since_on;                 // first day as a leader
  std::optional<std::string> until_on;  // first day no longer one
};
bool is_leader_on(const LeaderSpan& span, const std::string& date);

struct LeaderGrowth {
  std::string from;
  std::string to;
  std::int64_t leaders_at_start = 0;
  std::int64_t leaders_at_end = 0;
  std::int64_t joined = 0;            // since_on in (from, to]
  std::int64_t left = 0;              // until_on in (from, to]
  std::optional<double> growth_rate;  // (end − start) / start; empty when start is 0
  // The rate per 365 days, compounded: (end / start)^(365 / days) − 1.
  std::optional<double> annual_growth_rate;
};
constexpr double kLeaderGrowthTarget = 0.10;  // more than 10% a year

// Leaders on `from` against leaders on `to` (dates YYYY-MM-DD, from < to).
LeaderGrowth leader_growth(const std::vector<LeaderSpan>& spans, const std::string& from,
                           const std::string& to);

// "YYYY-MM-DD" and a real date.
bool is_date(const std::string& text);

}  // namespace gz::civic
