// The registry demo's names and reference data (data/demo/registry.json, embedded into the
// binary at build time): the street and district of the demo communities, community names,
// surnames and given names by decade of birth, the residence codes of ID numbers, mobile
// prefixes and the skills households offer. Parsed once; a malformed file throws
// (texts_test.cpp fails on it, so a user never sees it). Internal to the registry demo.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace gz::registry::demo {

// A value drawn with probability proportional to its weight.
struct WeightedText {
  std::string value;
  int weight = 1;
};
using WeightedTexts = std::vector<WeightedText>;

// Given names follow fashions, so they are chosen by the decade of birth.
enum Era { born_before_1960, born_1960s_70s, born_1980s_90s, born_2000_on, era_count };

struct Place {
  std::string city;           // 杭州市
  std::string district;       // 西湖区
  std::string street;         // 北山街道
  std::string district_code;  // 330106: the first six digits of a local ID number
};

struct Texts {
  Place place;
  std::vector<std::string> community_names;  // 幸福里: "社区" is added
  WeightedTexts surnames;
  std::array<std::vector<std::string>, era_count> male_names;  // by Era
  std::array<std::vector<std::string>, era_count> female_names;
  WeightedTexts local_regions;  // residence codes of registered residents
  WeightedTexts migrant_regions;
  std::vector<std::string> mobile_prefixes;  // three digits
  WeightedTexts skills;
  WeightedTexts retired_skills;  // what a household of retired people typically offers
};

// From the JSON text of data/demo/registry.json; throws std::runtime_error naming what is
// missing or wrong (also a residence code that is not six digits, or a mobile prefix that is
// not three).
Texts parse_texts(std::string_view json);

// The embedded data/demo/registry.json, parsed on first use.
const Texts& texts();

}  // namespace gz::registry::demo
