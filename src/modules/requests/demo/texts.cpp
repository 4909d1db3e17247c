#include "modules/requests/demo/texts.hpp"

#include <stdexcept>

#include "core/data_file.hpp"

namespace gz::embedded {
// data/demo/requests.json, embedded at build time by cmake/embed_file.cmake.
extern const std::string_view demo_requests_json;
}  // namespace gz::embedded

namespace gz::requests::demo {
namespace {

Place place_of(const DataNode& node) {
  const std::string name = node.text();
  if (name == "home") return Place::home;
  if (name == "unit") return Place::unit;
  if (name == "building") return Place::building;
  if (name == "spot") return Place::spot;
  if (name == "none") return Place::none;
  node.fail("\"" + name + "\" is not home, unit, building, spot or none");
}

Fits fits_of(const DataNode& node) {
  const std::string name = node.text();
  if (name == "any") return Fits::any;
  if (name == "not_top_floor") return Fits::not_top_floor;
  if (name == "walkup_top_floor") return Fits::walkup_top_floor;
  if (name == "high_rise") return Fits::high_rise;
  node.fail("\"" + name + "\" is not any, not_top_floor, walkup_top_floor or high_rise");
}

Template template_of(const DataNode& node) {
  node.only({"text", "answer", "place", "fits", "weight", "passed_on", "hard"});
  Template entry;
  entry.text = node.at("text").text();
  entry.answer = node.at("answer").text();
  entry.place = place_of(node.at("place"));
  if (auto fits = node.find("fits")) entry.fits = fits_of(*fits);
  if (auto weight = node.find("weight")) entry.weight = static_cast<int>(weight->integer(1, 1000));
  if (auto passed_on = node.find("passed_on")) entry.passed_on = passed_on->text();
  if (auto hard = node.find("hard")) entry.hard = hard->boolean();
  return entry;
}

}  // namespace

const std::vector<Template>& Texts::templates_of(std::string_view category) const {
  static const std::vector<Template> kNone;
  auto found = templates.find(category);
  return found == templates.end() ? kNone : found->second;
}

Texts parse_texts(std::string_view json) {
  const DataFile file("data/demo/requests.json", json);
  const DataNode root = file.root();
  root.only({"about", "placeholders", "template_fields", "templates", "spots", "green_spots",
             "durations", "since", "staff_notes", "rating_comments"});
  Texts texts;
  for (const auto& [slot, meaning] : root.at("placeholders").members()) {
    texts.placeholders.emplace(slot, meaning.text());
  }
  for (const auto& [category, list] : root.at("templates").members()) {
    auto& templates = texts.templates[category];
    for (const auto& item : list.items()) templates.push_back(template_of(item));
  }
  texts.spots = root.at("spots").texts();
  texts.green_spots = root.at("green_spots").texts();
  texts.durations = root.at("durations").texts();
  texts.since = root.at("since").texts();

  const DataNode notes = root.at("staff_notes");
  notes.only({"accept", "urgent_accept", "assign_department", "assign_guide", "self_assign",
              "reassign", "start_guide", "start_department", "progress", "close",
              "close_after_review", "reaccept", "resident_reopen", "resident_cancel",
              "staff_cancel"});
  StaffNotes& staff = texts.staff_notes;
  staff.accept = notes.at("accept").texts();
  staff.urgent_accept = notes.at("urgent_accept").texts();
  staff.assign_department = notes.at("assign_department").texts();
  staff.assign_guide = notes.at("assign_guide").texts();
  staff.self_assign = notes.at("self_assign").texts();
  staff.reassign = notes.at("reassign").texts();
  staff.start_guide = notes.at("start_guide").texts();
  staff.start_department = notes.at("start_department").texts();
  staff.progress = notes.at("progress").texts();
  staff.close = notes.at("close").texts();
  staff.close_after_review = notes.at("close_after_review").texts();
  staff.reaccept = notes.at("reaccept").texts();
  staff.resident_reopen = notes.at("resident_reopen").texts();
  staff.resident_cancel = notes.at("resident_cancel").texts();
  staff.staff_cancel = notes.at("staff_cancel").texts();

  const DataNode ratings = root.at("rating_comments");
  ratings.only({"good", "fair", "bad", "follow_up"});
  texts.rating_comments.good = ratings.at("good").texts();
  texts.rating_comments.fair = ratings.at("fair").texts();
  texts.rating_comments.bad = ratings.at("bad").texts();
  texts.rating_comments.follow_up = ratings.at("follow_up").texts();
  return texts;
}

const Texts& texts() {
  static const Texts parsed = parse_texts(embedded::demo_requests_json);
  return parsed;
}

}  // namespace gz::requests::demo
