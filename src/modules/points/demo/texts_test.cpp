// The points demo's text file (data/demo/points.json) parses and has notes for every kind of
// time-bank service the demo plans; a malformed file fails here, naming the mistake, rather
// than at a user's first `gongzhi demo`.
#include "modules/points/demo/texts.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "modules/points/demo/timebank_plan.hpp"

namespace gz::points::demo {
namespace {

TEST(PointsDemoTexts, the_embedded_file_has_notes_for_every_kind_of_service) {
  const Texts& parsed = texts();
  EXPECT_FALSE(parsed.meeting_topics.empty());
  EXPECT_FALSE(parsed.cleanup_areas.empty());
  EXPECT_FALSE(parsed.youth_tasks.empty());
  EXPECT_FALSE(parsed.dispute_reasons.empty());
  for (const ServiceKind& kind : service_kinds()) {
    EXPECT_NO_THROW(EXPECT_FALSE(parsed.service_notes_of(kind.type).empty())) << kind.type;
  }
  EXPECT_EQ(parsed.service_notes.size(), service_kinds().size());
  EXPECT_EQ(parsed.skill_session_title("理发"), "义务理发");
  EXPECT_EQ(parsed.skill_session_title("钓鱼"), "钓鱼分享");
}

TEST(PointsDemoTexts, a_malformed_file_fails_naming_the_mistake) {
  const std::string good =
      R"({"meeting_topics": ["a"], "cleanup_areas": ["a"], "youth_tasks": ["a"],
          "skill_sessions": {"理发": "义务理发"}, "service_notes": {"repair": ["a"]},
          "dispute_reasons": ["a"]})";
  EXPECT_NO_THROW(parse_texts(good));
  const std::pair<std::string, const char*> cases[] = {
      {R"({"meeting_topics": [], "cleanup_areas": ["a"], "youth_tasks": ["a"],
           "skill_sessions": {}, "service_notes": {}, "dispute_reasons": ["a"]})",
       "data/demo/points.json: meeting_topics: expected a non-empty array"},
      {R"({"meeting_topics": ["a"], "cleanup_areas": ["a"], "youth_tasks": ["a"],
           "skill_sessions": {"理发": 3}, "service_notes": {}, "dispute_reasons": ["a"]})",
       "data/demo/points.json: skill_sessions.理发: expected a string"},
      {R"({"meeting_topics": ["a"], "cleanup_areas": ["a"], "youth_tasks": ["a"],
           "skill_sessions": {}, "service_notes": {}, "dispute_reason": ["a"]})",
       "data/demo/points.json: unknown member \"dispute_reason\""},
  };
  for (const auto& [json, expected] : cases) {
    try {
      parse_texts(json);
      ADD_FAILURE() << "no error for " << json;
    } catch (const std::runtime_error& error) {
      EXPECT_EQ(std::string(error.what()).rfind(expected, 0), 0u) << error.what();
    }
  }
  EXPECT_THROW(parse_texts(good).service_notes_of("gardening"), std::runtime_error);
}

}  // namespace
}  // namespace gz::points::demo
