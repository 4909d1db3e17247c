// The registry demo's names file (data/demo/registry.json) parses and holds what the demo
// draws from; a malformed file fails here, naming the mistake, rather than at a user's first
// `gongzhi demo`.
#include "modules/registry/demo/texts.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace gz::registry::demo {
namespace {

TEST(RegistryDemoTexts, the_embedded_file_has_names_for_every_decade_and_both_sexes) {
  const Texts& parsed = texts();
  EXPECT_EQ(parsed.place.district_code, "330106");
  EXPECT_TRUE(parsed.place.street.ends_with("街道"));
  EXPECT_FALSE(parsed.community_names.empty());
  EXPECT_FALSE(parsed.surnames.empty());
  for (int era = 0; era < era_count; ++era) {
    EXPECT_FALSE(parsed.male_names[era].empty()) << era;
    EXPECT_FALSE(parsed.female_names[era].empty()) << era;
  }
  // Registered residents mostly carry the district's own residence code.
  ASSERT_FALSE(parsed.local_regions.empty());
  EXPECT_EQ(parsed.local_regions.front().value, parsed.place.district_code);
  EXPECT_FALSE(parsed.migrant_regions.empty());
  EXPECT_FALSE(parsed.mobile_prefixes.empty());
  EXPECT_FALSE(parsed.skills.empty());
  EXPECT_FALSE(parsed.retired_skills.empty());
}

TEST(RegistryDemoTexts, a_malformed_file_fails_naming_the_mistake) {
  const std::string head =
      R"({"place": {"city": "杭州市", "district": "西湖区", "street": "北山街道",
          "district_code": "330106"}, "community_names": ["幸福里"], "surnames": [["王", 1]],
          "given_names": {"male": {"born_before_1960": ["a"], "born_1960s_70s": ["a"],
          "born_1980s_90s": ["a"], "born_2000_on": ["a"]}, "female": {"born_before_1960": ["a"],
          "born_1960s_70s": ["a"], "born_1980s_90s": ["a"], "born_2000_on": ["a"]}},
          "mobile_prefixes": ["138"], "skills": [["书法", 1]], "retired_skills": [["书法", 1]],
          "migrant_regions": [["341202", 1]], "local_regions": )";
  EXPECT_NO_THROW(parse_texts(head + R"([["330106", 600]]})"));
  const std::pair<const char*, const char*> cases[] = {
      {R"([["33010", 600]]})", "data/demo/registry.json: local_regions[0][0]: expected 6 digits"},
      {R"([["330106"]]})", "data/demo/registry.json: local_regions[0]: expected a [value, weight]"},
      {R"([["330106", 0]]})",
       "data/demo/registry.json: local_regions[0][1]: expected a number from 1 to 100000"},
      {R"([]})", "data/demo/registry.json: local_regions: expected a non-empty array"},
  };
  for (const auto& [rest, expected] : cases) {
    try {
      parse_texts(head + rest);
      ADD_FAILURE() << "no error for " << rest;
    } catch (const std::runtime_error& error) {
      EXPECT_EQ(std::string(error.what()).rfind(expected, 0), 0u) << error.what();
    }
  }
}

}  // namespace
}  // namespace gz::registry::demo
