// The civic rules: which surveys are well formed, which answers fit, how respondents are
// banded into groups, how small groups are suppressed, the two seats of a building and the
// leader growth read-out.
#include "modules/civic/rules.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace gz::civic {
namespace {

std::vector<Question> sample_questions() {
  return {{11, QuestionKind::scale, "总体满意度", {}, true},
          {12, QuestionKind::single_choice, "最常使用的服务", {"养老", "托育", "文体"}, true},
          {13, QuestionKind::multiple_choice, "希望加强", {"助餐", "托管", "健身"}, true},
          {14, QuestionKind::text, "其他建议", {}, false}};
}

boost::json::value answers(const char* json) {
  return boost::json::parse(json);
}

TEST(CivicSurveyQuestions, AcceptsEveryKindWhenWellFormed) {
  EXPECT_TRUE(validate_questions(sample_questions()).ok());
}

TEST(CivicSurveyQuestions, RefusesChoiceQuestionsWithoutTwoToTwentyDistinctOptions) {
  auto one_option = sample_questions();
  one_option[1].options = {"养老"};
  auto result = validate_questions(one_option);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_questions");
  EXPECT_NE(result.error().message.find("question 2"), std::string::npos);

  auto many = sample_questions();
  many[2].options.clear();
  for (int i = 0; i < 21; ++i) many[2].options.push_back("选项" + std::to_string(i));
  EXPECT_FALSE(validate_questions(many).ok());

  auto duplicate = sample_questions();
  duplicate[1].options = {"养老", "养老"};
  EXPECT_FALSE(validate_questions(duplicate).ok());

  auto scale_with_options = sample_questions();
  scale_with_options[0].options = {"1", "2"};
  EXPECT_FALSE(validate_questions(scale_with_options).ok());

  EXPECT_FALSE(validate_questions({}).ok());
  auto no_prompt = sample_questions();
  no_prompt[3].prompt = "";
  EXPECT_FALSE(validate_questions(no_prompt).ok());
}

TEST(CivicAnswers, NormalisesValidAnswersInQuestionOrder) {
  auto result = validate_answers(
      sample_questions(),
      answers(R"([{"question_id":13,"value":[2,0]},{"question_id":11,"value":4},)"
              R"({"question_id":12,"value":1},{"question_id":14,"value":"  多办活动 "}])"));
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->size(), 4u);
  EXPECT_EQ((*result)[0].scale, 4);
  EXPECT_EQ((*result)[1].choices, std::vector<int>{1});
  EXPECT_EQ((*result)[2].choices, (std::vector<int>{0, 2}));
  EXPECT_EQ((*result)[3].text, "多办活动");
  // The stored form reads back the same.
  auto again = validate_answers(sample_questions(), answers_json(sample_questions(), *result));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)[2].choices, (std::vector<int>{0, 2}));
}

TEST(CivicAnswers, NamesTheQuestionThatIsWrong) {
  struct Case {
    const char* json;
    const char* code;
    const char* named;
  };
  const Case cases[] = {
      {R"([{"question_id":11,"value":6},{"question_id":12,"value":0},{"question_id":13,"value":[0]}])",
       "invalid_answer", "总体满意度"},
      {R"([{"question_id":11,"value":3},{"question_id":12,"value":3},{"question_id":13,"value":[0]}])",
       "invalid_answer", "最常使用的服务"},
      {R"([{"question_id":11,"value":3},{"question_id":12,"value":"养老"},{"question_id":13,"value":[0]}])",
       "invalid_answer", "question 2"},
      {R"([{"question_id":11,"value":3},{"question_id":12,"value":0},{"question_id":13,"value":[1,1]}])",
       "invalid_answer", "希望加强"},
      {R"([{"question_id":11,"value":3},{"question_id":12,"value":0},{"question_id":13,"value":[]}])",
       "invalid_answer", "question 3"},
      {R"([{"question_id":11,"value":3},{"question_id":12,"value":0}])", "missing_answer",
       "希望加强"},
      {R"([{"question_id":11,"value":3},{"question_id":11,"value":2}])", "duplicate_answer",
       "总体满意度"},
      {R"([{"question_id":99,"value":3}])", "unknown_question", "99"},
      {R"([{"question_id":11,"value":3},{"question_id":12,"value":0},{"question_id":13,"value":[0]},{"question_id":14,"value":""}])",
       "invalid_answer", "其他建议"},
      {R"({"11":3})", "invalid_field", "answers"},
  };
  for (const auto& c : cases) {
    auto result = validate_answers(sample_questions(), answers(c.json));
    ASSERT_FALSE(result.ok()) << c.json;
    EXPECT_EQ(result.error().code, c.code) << c.json;
    EXPECT_NE(result.error().message.find(c.named), std::string::npos)
        << c.json << " → " << result.error().message;
  }
}

TEST(CivicAnswers, LetsAnOptionalQuestionGoUnanswered) {
  auto result = validate_answers(
      sample_questions(),
      answers(R"([{"question_id":11,"value":5},{"question_id":12,"value":2},)"
              R"({"question_id":13,"value":[1]},{"question_id":14,"value":null}])"));
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->size(), 3u);
}

TEST(CivicGroups, BandsAgeOnTheDayOfTheAnswer) {
  EXPECT_EQ(age_band("2008-11-30", "2026-11-29"), "unknown");  // 17, one day short of 18
  EXPECT_EQ(age_band("2008-11-29", "2026-11-29"), "18_34");
  EXPECT_EQ(age_band("1991-11-30", "2026-11-29"), "18_34");  // 34
  EXPECT_EQ(age_band("1991-11-29", "2026-11-29"), "35_59");  // 35 that day
  EXPECT_EQ(age_band("1966-11-30", "2026-11-29"), "35_59");  // 59
  EXPECT_EQ(age_band("1966-11-29", "2026-11-29"), "60_plus");
  EXPECT_EQ(age_band(std::nullopt, "2026-11-29"), "unknown");
  EXPECT_EQ(age_band("not a date", "2026-11-29"), "unknown");
}

TEST(CivicGroups, CountsTenantsAndMigrantsTogether) {
  EXPECT_EQ(residence_group("owner", false, "registered"), "registered");
  EXPECT_EQ(residence_group("public", false, "registered"), "registered");
  EXPECT_EQ(residence_group("tenant", false, "registered"), "migrant_tenant");
  EXPECT_EQ(residence_group("owner", true, "registered"), "migrant_tenant");
  EXPECT_EQ(residence_group("owner", false, "migrant"), "migrant_tenant");
}

ResponseFacts response(const char* band, const char* residence, const char* building, int scale) {
  ResponseFacts facts{band, residence, building, {}};
  Answer answer;
  answer.question_id = 11;
  answer.scale = scale;
  facts.answers.push_back(answer);
  Answer choice;
  choice.question_id = 12;
  choice.choices = {scale % 3};
  facts.answers.push_back(choice);
  Answer text;
  text.question_id = 14;
  text.text = "建议" + std::to_string(scale);
  facts.answers.push_back(text);
  return facts;
}

const GroupTally* group(const Tally& tally, const std::string& dimension, const std::string& key) {
  for (const auto& g : tally.groups) {
    if (g.dimension == dimension && g.key == key) return &g;
  }
  return nullptr;
}

TEST(CivicTally, CountsOptionsScaleMeanAndDistribution) {
  std::vector<ResponseFacts> responses;
  for (int scale : {5, 4, 4, 3, 5, 1})
    responses.push_back(response("60_plus", "registered", "1号楼", scale));
  auto result = tally(sample_questions(), responses);
  EXPECT_EQ(result.respondents, 6);
  const auto& scale = result.questions[0];
  EXPECT_EQ(scale.answered, 6);
  EXPECT_EQ(scale.scale_counts, (std::array<std::int64_t, 5>{1, 0, 1, 2, 2}));
  ASSERT_TRUE(scale.scale_mean);
  EXPECT_NEAR(*scale.scale_mean, 22.0 / 6.0, 1e-9);
  // scale % 3: 5→2, 4→1, 4→1, 3→0, 5→2, 1→1
  EXPECT_EQ(result.questions[1].option_counts, (std::vector<std::int64_t>{1, 3, 2}));
  EXPECT_EQ(result.questions[3].texts.size(), 6u);
}

TEST(CivicTally, SuppressesGroupsUnderFiveAndTheNextSmallestWhenOnlyOneIsHidden) {
  std::vector<ResponseFacts> responses;
  for (int i = 0; i < 8; ++i) responses.push_back(response("60_plus", "registered", "1号楼", 5));
  for (int i = 0; i < 6; ++i) responses.push_back(response("35_59", "registered", "1号楼", 4));
  for (int i = 0; i < 3; ++i) responses.push_back(response("18_34", "migrant_tenant", "2号楼", 2));
  auto result = tally(sample_questions(), responses);
  const auto* young = group(result, "age_band", "18_34");
  ASSERT_NE(young, nullptr);
  EXPECT_TRUE(young->suppressed);
  EXPECT_TRUE(young->questions.empty());
  // 35-59 (6) is the next smallest: hidden too, or 18-34 = total − 60+ − 35-59.
  EXPECT_TRUE(group(result, "age_band", "35_59")->suppressed);
  EXPECT_FALSE(group(result, "age_band", "60_plus")->suppressed);
  EXPECT_TRUE(group(result, "residence", "migrant_tenant")->suppressed);
  EXPECT_TRUE(group(result, "residence", "registered")->suppressed);
  // Free text never per group.
  for (const auto& q : group(result, "age_band", "60_plus")->questions)
    EXPECT_TRUE(q.texts.empty());
}

TEST(CivicTally, ShowsGroupsOfFiveAndTheirSatisfactionDifference) {
  std::vector<ResponseFacts> responses;
  for (int i = 0; i < 5; ++i) responses.push_back(response("60_plus", "registered", "1号楼", 5));
  for (int i = 0; i < 5; ++i) responses.push_back(response("35_59", "migrant_tenant", "2号楼", 3));
  auto result = tally(sample_questions(), responses);
  const auto* tenants = group(result, "residence", "migrant_tenant");
  ASSERT_NE(tenants, nullptr);
  EXPECT_FALSE(tenants->suppressed);
  EXPECT_EQ(tenants->respondents, 5);
  EXPECT_NEAR(*tenants->questions[0].scale_mean, 3.0, 1e-9);
  for (const auto& difference : result.differences) {
    if (difference.dimension != "residence") continue;
    EXPECT_EQ(difference.groups, 2);
    // Means 5 and 3: population sd 1, mean 4 → 0.25.
    ASSERT_TRUE(difference.coefficient);
    EXPECT_NEAR(*difference.coefficient, 0.25, 1e-9);
  }
}

TEST(CivicSeats, GivesFreeSeatsAndRefusesAThirdRepresentative) {
  std::vector<SeatTerm> terms;
  auto first = assign_seats(terms, {101, 102}, "2026-01-01", "2028-12-31");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, (std::vector<int>{1, 2}));
  terms = {{101, 1, "2026-01-01", "2028-12-31"}, {102, 2, "2026-01-01", "2028-12-31"}};
  auto third = assign_seats(terms, {103}, "2026-06-01", "2028-05-31");
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, "seats_full");
  EXPECT_EQ(third.error().kind, ErrorKind::conflict);
  // The successors' term starts the day after: the seats are free again.
  auto successors = assign_seats(terms, {103, 101}, "2029-01-01", "2031-12-31");
  ASSERT_TRUE(successors.ok());
  EXPECT_EQ(*successors, (std::vector<int>{1, 2}));
  // A one-day overlap on seat 2 leaves only seat 1 free.
  terms = {{101, 1, "2023-01-01", "2025-12-31"}, {102, 2, "2026-01-01", "2028-12-31"}};
  auto one = assign_seats(terms, {104}, "2026-01-01", "2028-12-31");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, std::vector<int>{1});
  EXPECT_EQ(assign_seats(terms, {104, 105}, "2028-12-31", "2030-12-30").error().code, "seats_full");
}

TEST(CivicSeats, RefusesTheSameResidentTwiceAndBadElections) {
  std::vector<SeatTerm> terms = {{101, 1, "2026-01-01", "2028-12-31"}};
  EXPECT_EQ(assign_seats(terms, {101}, "2027-01-01", "2029-12-31").error().code,
            "already_representative");
  EXPECT_EQ(assign_seats({}, {}, "2027-01-01", "2029-12-31").error().code, "invalid_elected");
  EXPECT_EQ(assign_seats({}, {1, 1}, "2027-01-01", "2029-12-31").error().code, "invalid_elected");
  EXPECT_EQ(assign_seats({}, {1, 2, 3}, "2027-01-01", "2029-12-31").error().code,
            "invalid_elected");
}

TEST(CivicSeats, ChecksTheTermAndKnowsWhenItIsCurrent) {
  EXPECT_TRUE(validate_term("2026-03-01", "2026-03-15", "2029-03-14").ok());
  EXPECT_TRUE(validate_term("2026-03-01", "2026-03-01", "2028-02-29").ok());
  EXPECT_EQ(validate_term("2026-03-20", "2026-03-15", "2029-03-14").error().code, "invalid_term");
  EXPECT_FALSE(validate_term("2026-03-01", "2026-03-15", "2026-03-14").ok());
  EXPECT_FALSE(validate_term("2026-03-01", "2026-03-15", "2026-09-14").ok());  // half a year
  EXPECT_FALSE(validate_term("2026-03-01", "2026-03-15", "2032-03-14").ok());  // six years
  EXPECT_FALSE(validate_term("2026-02-30", "2026-03-15", "2029-03-14").ok());
  SeatTerm term{1, 1, "2024-01-01", "2026-12-31"};
  EXPECT_TRUE(is_current(term, "2026-12-31"));
  EXPECT_FALSE(is_current(term, "2027-01-01"));
  EXPECT_FALSE(is_current(term, "2023-12-31"));
}

TEST(CivicLeaders, CountsLeadersAtStartAndEndAndTheGrowthRate) {
  std::vector<LeaderSpan> spans;
  for (int i = 0; i < 10; ++i) spans.push_back({"2024-05-01", std::nullopt});
  spans.push_back({"2024-06-01", std::string("2025-06-01")});  // left during the year
  spans.push_back({"2023-01-01", std::string("2024-01-01")});  // left before it
  spans.push_back({"2025-01-01", std::nullopt});               // the day it starts: counted
  for (int i = 0; i < 3; ++i) spans.push_back({"2025-03-01", std::nullopt});
  spans.push_back({"2026-01-02", std::nullopt});  // after it
  auto growth = leader_growth(spans, "2025-01-01", "2026-01-01");
  EXPECT_EQ(growth.leaders_at_start, 12);
  EXPECT_EQ(growth.leaders_at_end, 14);
  EXPECT_EQ(growth.joined, 3);
  EXPECT_EQ(growth.left, 1);
  ASSERT_TRUE(growth.growth_rate);
  EXPECT_NEAR(*growth.growth_rate, 2.0 / 12.0, 1e-9);
  ASSERT_TRUE(growth.annual_growth_rate);
  EXPECT_NEAR(*growth.annual_growth_rate, 2.0 / 12.0, 1e-9);  // exactly 365 days
  auto empty = leader_growth({}, "2025-01-01", "2026-01-01");
  EXPECT_FALSE(empty.growth_rate);
  EXPECT_EQ(empty.leaders_at_end, 0);
}

}  // namespace
}  // namespace gz::civic
