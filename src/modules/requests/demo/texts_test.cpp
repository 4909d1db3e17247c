// The requests demo's text file (data/demo/requests.json) parses, covers every category the
// demo files requests in, and uses only the slots the planner fills; a malformed file fails
// here, naming the mistake, rather than at a user's first `gongzhi demo`.
#include "modules/requests/demo/texts.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>

#include "modules/requests/demo/profiles.hpp"

namespace gz::requests::demo {
namespace {

// The {slot} names in `text`.
std::set<std::string> slots_in(const std::string& text) {
  std::set<std::string> slots;
  for (std::size_t open = text.find('{'); open != std::string::npos;
       open = text.find('{', open + 1)) {
    const std::size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    slots.insert(text.substr(open, close - open + 1));
  }
  return slots;
}

// Fails for every slot of `texts` not among `allowed`.
void expect_only(const Phrases& texts, const std::set<std::string>& allowed, const char* where) {
  for (const auto& text : texts) {
    for (const auto& slot : slots_in(text)) {
      EXPECT_TRUE(allowed.contains(slot)) << where << ": " << slot << " in " << text;
    }
  }
}

// What Planner::describe_for and Planner::note_for fill.
const std::set<std::string> kRequestSlots = {"{b}",     "{u}",   "{r}",    "{addr}",
                                             "{f}",     "{f1}",  "{up}",   "{spot}",
                                             "{green}", "{dur}", "{time}", "{elder}"};
const std::set<std::string> kNoteSlots = {"{dept}", "{guide}"};

TEST(DemoTexts, the_embedded_file_has_templates_for_every_category_the_demo_files) {
  const Texts& parsed = texts();
  for (const Profile& profile : profiles()) {
    EXPECT_FALSE(parsed.templates_of(profile.code).empty()) << profile.code;
  }
  for (const auto& [category, templates] : parsed.templates) {
    bool known = false;
    for (const Profile& profile : profiles()) known = known || profile.code == category;
    EXPECT_TRUE(known) << category << " has templates but the demo never files it";
  }
  EXPECT_FALSE(parsed.staff_notes.accept.empty());
  EXPECT_FALSE(parsed.rating_comments.bad.empty());
}

TEST(DemoTexts, templates_and_notes_use_only_the_slots_the_planner_fills) {
  const Texts& parsed = texts();
  for (const auto& [category, templates] : parsed.templates) {
    for (const auto& entry : templates) {
      expect_only({entry.text, entry.answer, entry.passed_on}, kRequestSlots, category.c_str());
    }
  }
  expect_only(parsed.spots, {"{b}"}, "spots");
  expect_only(parsed.green_spots, {"{b}"}, "green_spots");
  expect_only(parsed.durations, {}, "durations");
  expect_only(parsed.since, {}, "since");
  const StaffNotes& notes = parsed.staff_notes;
  for (const Phrases* list :
       {&notes.accept, &notes.urgent_accept, &notes.assign_department, &notes.assign_guide,
        &notes.self_assign, &notes.reassign, &notes.start_guide, &notes.start_department,
        &notes.progress, &notes.close, &notes.close_after_review, &notes.reaccept,
        &notes.resident_reopen, &notes.resident_cancel, &notes.staff_cancel}) {
    expect_only(*list, kNoteSlots, "staff_notes");
  }
  // The file documents exactly the slots there are.
  std::set<std::string> documented;
  for (const auto& [slot, meaning] : parsed.placeholders) documented.insert(slot);
  std::set<std::string> all = kRequestSlots;
  all.insert(kNoteSlots.begin(), kNoteSlots.end());
  EXPECT_EQ(documented, all);
}

TEST(DemoTexts, a_malformed_file_fails_naming_the_mistake) {
  const std::string base =
      R"({"placeholders": {}, "spots": ["a"], "green_spots": ["a"], "durations": ["a"],
          "since": ["a"], "rating_comments": {"good": ["a"], "fair": ["a"], "bad": ["a"],
          "follow_up": ["a"]}, "staff_notes": {"accept": ["a"], "urgent_accept": ["a"],
          "assign_department": ["a"], "assign_guide": ["a"], "self_assign": ["a"],
          "reassign": ["a"], "start_guide": ["a"], "start_department": ["a"],
          "progress": ["a"], "close": ["a"], "close_after_review": ["a"], "reaccept": ["a"],
          "resident_reopen": ["a"], "resident_cancel": ["a"], "staff_cancel": ["a"]},
          "templates": )";
  EXPECT_NO_THROW(
      parse_texts(base + R"({"noise": [{"text": "t", "answer": "a", "place": "spot"}]}})"));
  const std::pair<const char*, const char*> cases[] = {
      {R"({"noise": [{"text": "t", "answer": "a", "place": "roof"}]}})",
       "data/demo/requests.json: templates.noise[0].place: \"roof\" is not"},
      {R"({"noise": [{"text": "t", "answer": "a", "place": "spot", "wieght": 3}]}})",
       "data/demo/requests.json: templates.noise[0]: unknown member \"wieght\""},
      {R"({"noise": [{"text": "t", "place": "spot"}]}})",
       "data/demo/requests.json: templates.noise[0]: missing member \"answer\""},
      {R"({"noise": []}})", "data/demo/requests.json: templates.noise: expected a non-empty"},
      {R"({"noise": [{"text": "t", "answer": "a", "place": "spot"}]})",
       "data/demo/requests.json: not valid JSON"},
  };
  for (const auto& [templates, expected] : cases) {
    try {
      parse_texts(base + templates);
      ADD_FAILURE() << "no error for " << templates;
    } catch (const std::runtime_error& error) {
      EXPECT_EQ(std::string(error.what()).rfind(expected, 0), 0u) << error.what();
    }
  }
}

}  // namespace
}  // namespace gz::requests::demo
