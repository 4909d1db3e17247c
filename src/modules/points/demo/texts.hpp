// The points demo's text (data/demo/points.json, embedded into the binary at build time): the
// topics of meetings, the places of clean-ups, the youth programme's tasks, the titles of
// skill-sharing sessions, what time-bank volunteers note they did and why a record is
// disputed. Parsed once; a malformed file throws (texts_test.cpp fails on it, so a user never
// sees it). Internal to the points demo.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gz::points::demo {

struct Texts {
  std::vector<std::string> meeting_topics;
  std::vector<std::string> cleanup_areas;
  std::vector<std::string> youth_tasks;
  std::map<std::string, std::string, std::less<>> skill_sessions;  // skill → session title
  // Time-bank service type → what the provider notes they did.
  std::map<std::string, std::vector<std::string>, std::less<>> service_notes;
  std::vector<std::string> dispute_reasons;

  // "义务理发" for "理发"; "<skill>分享" for a skill without a title.
  std::string skill_session_title(const std::string& skill) const;
  // The notes of a service type; throws std::runtime_error when the file has none for it.
  const std::vector<std::string>& service_notes_of(std::string_view type) const;
};

// From the JSON text of data/demo/points.json; throws std::runtime_error naming what is
// missing or wrong.
Texts parse_texts(std::string_view json);

// The embedded data/demo/points.json, parsed on first use.
const Texts& texts();

}  // namespace gz::points::demo
