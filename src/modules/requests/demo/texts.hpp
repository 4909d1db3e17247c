// The requests demo's text (data/demo/requests.json, embedded into the binary at build
// time): what residents write for each category, with what staff answer when it is fixed;
// the places, durations and times that fill the templates' slots; staff's notes for each
// workflow step; and residents' rating comments. Parsed once; a malformed file throws
// (texts_test.cpp fails on it, so a user never sees it). Internal to the requests demo.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gz::requests::demo {

// Where the request is about, for the `location` column.
enum class Place { home, unit, building, spot, none };
// Which households the text fits.
enum class Fits { any, not_top_floor, walkup_top_floor, high_rise };

// What a resident writes, what staff answer when it is fixed, and, when such a case can be
// somebody else's business, the note that passes it on. Slots: see "placeholders" in the
// data file.
struct Template {
  std::string text;
  std::string answer;
  Place place = Place::none;
  Fits fits = Fits::any;
  int weight = 10;
  std::string passed_on;  // empty: never passed on
  // Needs money, several parties or a vote (维修基金, 加装电梯, 违建): may drag on for months.
  bool hard = false;
};

using Phrases = std::vector<std::string>;

// What staff write. {dept} is a department's name, {guide} a guide's.
struct StaffNotes {
  Phrases accept;
  Phrases urgent_accept;
  Phrases assign_department;
  Phrases assign_guide;
  Phrases self_assign;
  Phrases reassign;
  Phrases start_guide;
  Phrases start_department;
  Phrases progress;  // comments while the work goes on
  Phrases close;
  Phrases close_after_review;
  Phrases reaccept;
  Phrases resident_reopen;
  Phrases resident_cancel;
  Phrases staff_cancel;
};

// What residents say when they rate; follow_up is staff's note of a rating taken by phone.
struct RatingComments {
  Phrases good;
  Phrases fair;
  Phrases bad;
  Phrases follow_up;
};

struct Texts {
  std::map<std::string, std::vector<Template>, std::less<>> templates;  // by category code
  Phrases spots;                                                        // public places
  Phrases green_spots;
  Phrases durations;
  Phrases since;
  StaffNotes staff_notes;
  RatingComments rating_comments;
  std::map<std::string, std::string, std::less<>> placeholders;  // slot → what fills it

  // The templates of a category; empty when the file has none for it.
  const std::vector<Template>& templates_of(std::string_view category) const;
};

// From the JSON text of data/demo/requests.json; throws std::runtime_error naming what is
// missing or wrong (a field, a type, an unknown place).
Texts parse_texts(std::string_view json);

// The embedded data/demo/requests.json, parsed on first use.
const Texts& texts();

}  // namespace gz::requests::demo
