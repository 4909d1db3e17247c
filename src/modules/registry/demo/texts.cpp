#include "modules/registry/demo/texts.hpp"

#include "core/data_file.hpp"

namespace gz::embedded {
// data/demo/registry.json, embedded at build time by cmake/embed_file.cmake.
extern const std::string_view demo_registry_json;
}  // namespace gz::embedded

namespace gz::registry::demo {
namespace {

bool all_digits(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// [[value, weight], ...]; `digits` > 0 asks every value to be that many digits.
WeightedTexts weighted(const DataNode& node, std::size_t digits = 0) {
  WeightedTexts out;
  for (const auto& item : node.items()) {
    const auto pair = item.items();
    if (pair.size() != 2) item.fail("expected a [value, weight] pair");
    WeightedText entry{pair[0].text(), static_cast<int>(pair[1].integer(1, 100'000))};
    if (digits > 0 && !all_digits(entry.value, digits)) {
      pair[0].fail("expected " + std::to_string(digits) + " digits");
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::array<std::vector<std::string>, era_count> by_era(const DataNode& node) {
  node.only({"born_before_1960", "born_1960s_70s", "born_1980s_90s", "born_2000_on"});
  return {node.at("born_before_1960").texts(), node.at("born_1960s_70s").texts(),
          node.at("born_1980s_90s").texts(), node.at("born_2000_on").texts()};
}

}  // namespace

Texts parse_texts(std::string_view json) {
  const DataFile file("data/demo/registry.json", json);
  const DataNode root = file.root();
  root.only({"about", "place", "community_names", "surnames", "given_names", "local_regions",
             "migrant_regions", "mobile_prefixes", "skills", "retired_skills"});
  Texts texts;
  const DataNode place = root.at("place");
  place.only({"city", "district", "street", "district_code"});
  texts.place = {place.at("city").text(), place.at("district").text(), place.at("street").text(),
                 place.at("district_code").text()};
  if (!all_digits(texts.place.district_code, 6)) {
    place.at("district_code").fail("expected 6 digits");
  }
  texts.community_names = root.at("community_names").texts();
  texts.surnames = weighted(root.at("surnames"));
  const DataNode given = root.at("given_names");
  given.only({"male", "female"});
  texts.male_names = by_era(given.at("male"));
  texts.female_names = by_era(given.at("female"));
  texts.local_regions = weighted(root.at("local_regions"), 6);
  texts.migrant_regions = weighted(root.at("migrant_regions"), 6);
  texts.mobile_prefixes = root.at("mobile_prefixes").texts();
  for (const auto& item : root.at("mobile_prefixes").items()) {
    if (!all_digits(item.text(), 3)) item.fail("expected 3 digits");
  }
  texts.skills = weighted(root.at("skills"));
  texts.retired_skills = weighted(root.at("retired_skills"));
  return texts;
}

const Texts& texts() {
  static const Texts parsed = parse_texts(embedded::demo_registry_json);
  return parsed;
}

}  // namespace gz::registry::demo
