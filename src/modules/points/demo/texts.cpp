#include "modules/points/demo/texts.hpp"

#include <stdexcept>

#include "core/data_file.hpp"

namespace gz::embedded {
// data/demo/points.json, embedded at build time by cmake/embed_file.cmake.
extern const std::string_view demo_points_json;
}  // namespace gz::embedded

namespace gz::points::demo {

std::string Texts::skill_session_title(const std::string& skill) const {
  auto found = skill_sessions.find(skill);
  return found != skill_sessions.end() ? found->second : skill + "分享";
}

const std::vector<std::string>& Texts::service_notes_of(std::string_view type) const {
  auto found = service_notes.find(type);
  if (found == service_notes.end()) {
    throw std::runtime_error("data/demo/points.json: service_notes has no \"" + std::string(type) +
                             "\"");
  }
  return found->second;
}

Texts parse_texts(std::string_view json) {
  const DataFile file("data/demo/points.json", json);
  const DataNode root = file.root();
  root.only({"about", "meeting_topics", "cleanup_areas", "youth_tasks", "skill_sessions",
             "service_notes", "dispute_reasons"});
  Texts texts;
  texts.meeting_topics = root.at("meeting_topics").texts();
  texts.cleanup_areas = root.at("cleanup_areas").texts();
  texts.youth_tasks = root.at("youth_tasks").texts();
  for (const auto& [skill, title] : root.at("skill_sessions").members()) {
    texts.skill_sessions.emplace(skill, title.text());
  }
  for (const auto& [type, notes] : root.at("service_notes").members()) {
    texts.service_notes.emplace(type, notes.texts());
  }
  texts.dispute_reasons = root.at("dispute_reasons").texts();
  return texts;
}

const Texts& texts() {
  static const Texts parsed = parse_texts(embedded::demo_points_json);
  return parsed;
}

}  // namespace gz::points::demo
