// The civic module's pure rules; see rules.hpp.
#include "modules/civic/rules.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/text.hpp"

namespace gz::civic {
namespace {

std::string question_name(std::size_t index, const Question& question) {
  return "question " + std::to_string(index + 1) + " (" + question.prompt + ")";
}

Error answer_error(const std::string& code, std::size_t index, const Question& question,
                   const std::string& what) {
  return bad_request(code, question_name(index, question) + ": " + what);
}

std::optional<std::int64_t> as_integer(const boost::json::value& value) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value.get_uint64());
  }
  return std::nullopt;
}

Result<Answer> check_value(std::size_t index, const Question& question,
                           const boost::json::value& value) {
  Answer answer;
  answer.question_id = question.id;
  const auto options = static_cast<std::int64_t>(question.options.size());
  switch (question.kind) {
    case QuestionKind::single_choice: {
      auto choice = as_integer(value);
      if (!choice || *choice < 0 || *choice >= options) {
        return answer_error("invalid_answer", index, question,
                            "choose one option by its index, 0 to " + std::to_string(options - 1));
      }
      answer.choices.push_back(static_cast<int>(*choice));
      return answer;
    }
    case QuestionKind::multiple_choice: {
      if (!value.is_array() || value.as_array().empty()) {
        return answer_error("invalid_answer", index, question,
                            "choose at least one option: an array of option indexes");
      }
      std::set<std::int64_t> seen;
      for (const auto& item : value.as_array()) {
        auto choice = as_integer(item);
        if (!choice || *choice < 0 || *choice >= options || !seen.insert(*choice).second) {
          return answer_error(
              "invalid_answer", index, question,
              "option indexes must be distinct, 0 to " + std::to_string(options - 1));
        }
      }
      for (auto choice : seen) answer.choices.push_back(static_cast<int>(choice));
      return answer;
    }
    case QuestionKind::scale: {
      auto score = as_integer(value);
      if (!score || *score < kScaleMin || *score > kScaleMax) {
        return answer_error("invalid_answer", index, question, "give a whole number from 1 to 5");
      }
      answer.scale = static_cast<int>(*score);
      return answer;
    }
    case QuestionKind::text: {
      if (!value.is_string()) {
        return answer_error("invalid_answer", index, question, "the answer must be text");
      }
      std::string text = text::trim(std::string(value.get_string()));
      if (!text::is_valid_utf8(text) || text.empty() ||
          text::utf8_length(text) > kMaxTextAnswerChars) {
        return answer_error("invalid_answer", index, question,
                            "the answer must be 1 to 1000 characters of text");
      }
      answer.text = std::move(text);
      return answer;
    }
  }
  return answer_error("invalid_answer", index, question, "unknown question kind");
}

double mean_of(const std::array<std::int64_t, 5>& counts, std::int64_t* answered) {
  std::int64_t total = 0, sum = 0;
  for (int i = 0; i < 5; ++i) {
    total += counts[static_cast<std::size_t>(i)];
    sum += counts[static_cast<std::size_t>(i)] * (i + 1);
  }
  *answered = total;
  return total == 0 ? 0.0 : static_cast<double>(sum) / static_cast<double>(total);
}

std::vector<QuestionTally> count(const std::vector<Question>& questions,
                                 const std::vector<const ResponseFacts*>& responses,
                                 bool with_texts) {
  std::vector<QuestionTally> out;
  std::map<std::int64_t, std::size_t> by_id;
  for (const auto& question : questions) {
    QuestionTally tally;
    tally.question_id = question.id;
    tally.kind = question.kind;
    tally.prompt = question.prompt;
    tally.options = question.options;
    tally.option_counts.assign(question.options.size(), 0);
    by_id[question.id] = out.size();
    out.push_back(std::move(tally));
  }
  for (const auto* response : responses) {
    for (const auto& answer : response->answers) {
      auto found = by_id.find(answer.question_id);
      if (found == by_id.end()) continue;
      auto& tally = out[found->second];
      ++tally.answered;
      switch (tally.kind) {
        case QuestionKind::single_choice:
        case QuestionKind::multiple_choice:
          for (int choice : answer.choices) {
            if (choice >= 0 && static_cast<std::size_t>(choice) < tally.option_counts.size()) {
              ++tally.option_counts[static_cast<std::size_t>(choice)];
            }
          }
          break;
        case QuestionKind::scale:
          if (answer.scale >= kScaleMin && answer.scale <= kScaleMax) {
            ++tally.scale_counts[static_cast<std::size_t>(answer.scale - 1)];
          }
          break;
        case QuestionKind::text:
          if (with_texts) tally.texts.push_back(answer.text);
          break;
      }
    }
  }
  for (auto& tally : out) {
    if (tally.kind != QuestionKind::scale) continue;
    std::int64_t answered = 0;
    double mean = mean_of(tally.scale_counts, &answered);
    if (answered > 0) tally.scale_mean = mean;
  }
  return out;
}

std::string dimension_key(const ResponseFacts& response, const std::string& dimension) {
  if (dimension == "age_band") return response.age_band;
  if (dimension == "residence") return response.residence;
  return response.building.empty() ? "unknown" : response.building;
}

}  // namespace

std::string_view kind_name(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::single_choice:
      return "single_choice";
    case QuestionKind::multiple_choice:
      return "multiple_choice";
    case QuestionKind::scale:
      return "scale";
    case QuestionKind::text:
      return "text";
  }
  return "text";
}

std::optional<QuestionKind> parse_kind(std::string_view name) {
  for (auto kind : {QuestionKind::single_choice, QuestionKind::multiple_choice, QuestionKind::scale,
                    QuestionKind::text}) {
    if (kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

Result<void> validate_questions(const std::vector<Question>& questions) {
  if (questions.empty() || questions.size() > kMaxQuestions) {
    return bad_request("invalid_questions", "a survey has 1 to 50 questions");
  }
  for (std::size_t i = 0; i < questions.size(); ++i) {
    const auto& question = questions[i];
    auto fail = [&](const std::string& what) {
      return bad_request("invalid_questions", "question " + std::to_string(i + 1) + ": " + what);
    };
    if (question.prompt.empty() || text::utf8_length(question.prompt) > 300) {
      return fail("the prompt must be 1 to 300 characters");
    }
    bool choice = question.kind == QuestionKind::single_choice ||
                  question.kind == QuestionKind::multiple_choice;
    if (!choice) {
      if (!question.options.empty()) return fail("scale and text questions take no options");
      continue;
    }
    if (question.options.size() < kMinOptions || question.options.size() > kMaxOptions) {
      return fail("a choice question needs 2 to 20 options");
    }
    std::set<std::string> seen;
    for (const auto& option : question.options) {
      if (option.empty() || text::utf8_length(option) > 100) {
        return fail("each option must be 1 to 100 characters");
      }
      if (!seen.insert(option).second) return fail("option '" + option + "' appears twice");
    }
  }
  return {};
}

Result<std::vector<Answer>> validate_answers(const std::vector<Question>& questions,
                                             const boost::json::value& answers) {
  if (!answers.is_array()) {
    return bad_request("invalid_field",
                       "field 'answers' must be an array of {question_id, value} objects");
  }
  std::map<std::int64_t, std::size_t> index_of;
  for (std::size_t i = 0; i < questions.size(); ++i) index_of[questions[i].id] = i;
  std::vector<std::optional<Answer>> given(questions.size());
  for (const auto& item : answers.as_array()) {
    const auto* object = item.if_object();
    const boost::json::value* id_value = object ? object->if_contains("question_id") : nullptr;
    const boost::json::value* value = object ? object->if_contains("value") : nullptr;
    auto id = id_value ? as_integer(*id_value) : std::nullopt;
    if (!object || !id || !value || object->size() != 2) {
      return bad_request("invalid_field",
                         "each answer must be an object {\"question_id\": …, \"value\": …}");
    }
    auto found = index_of.find(*id);
    if (found == index_of.end()) {
      return bad_request("unknown_question",
                         "question_id " + std::to_string(*id) + " is not in this survey");
    }
    std::size_t index = found->second;
    if (given[index]) {
      return answer_error("duplicate_answer", index, questions[index], "answered twice");
    }
    if (value->is_null()) continue;  // an explicit skip of an optional question
    auto answer = check_value(index, questions[index], *value);
    if (!answer) return answer.take_error();
    given[index] = std::move(*answer);
  }
  std::vector<Answer> out;
  for (std::size_t i = 0; i < questions.size(); ++i) {
    if (given[i]) {
      out.push_back(std::move(*given[i]));
    } else if (questions[i].required) {
      return answer_error("missing_answer", i, questions[i], "an answer is required");
    }
  }
  return out;
}

boost::json::value answers_json(const std::vector<Question>& questions,
                                const std::vector<Answer>& answers) {
  std::map<std::int64_t, QuestionKind> kinds;
  for (const auto& question : questions) kinds[question.id] = question.kind;
  boost::json::array out;
  for (const auto& answer : answers) {
    boost::json::value value;
    switch (kinds[answer.question_id]) {
      case QuestionKind::single_choice:
        value = answer.choices.empty() ? 0 : answer.choices.front();
        break;
      case QuestionKind::multiple_choice: {
        boost::json::array choices;
        for (int choice : answer.choices) choices.push_back(choice);
        value = std::move(choices);
        break;
      }
      case QuestionKind::scale:
        value = answer.scale;
        break;
      case QuestionKind::text:
        value = answer.text;
        break;
    }
    out.push_back(boost::json::object{{"question_id", answer.question_id}, {"value", value}});
  }
  return out;
}

bool is_date(const std::string& text) {
  int year = 0;
  unsigned month = 0, day = 0;
  return text.size() == 10 && parse_date(text, year, month, day);
}

std::string age_band(const std::optional<std::string>& birth_date, const std::string& on_date) {
  int birth_year = 0, year = 0;
  unsigned birth_month = 0, birth_day = 0, month = 0, day = 0;
  if (!birth_date || !parse_date(*birth_date, birth_year, birth_month, birth_day) ||
      !parse_date(on_date, year, month, day)) {
    return "unknown";
  }
  int age = year - birth_year;
  if (month < birth_month || (month == birth_month && day < birth_day)) --age;
  if (age < 18) return "unknown";
  if (age < 35) return "18_34";
  if (age < 60) return "35_59";
  return "60_plus";
}

std::string residence_group(std::string_view housing_type, bool tagged_tenant,
                            std::string_view registration) {
  if (housing_type == "tenant" || tagged_tenant || registration == "migrant") {
    return "migrant_tenant";
  }
  return "registered";
}

std::string group_label(std::string_view dimension, std::string_view key) {
  if (dimension == "age_band") {
    if (key == "18_34") return "18–34岁";
    if (key == "35_59") return "35–59岁";
    if (key == "60_plus") return "60岁及以上";
    return "年龄未知";
  }
  if (dimension == "residence") {
    if (key == "registered") return "户籍家庭";
    if (key == "migrant_tenant") return "流动人口/租户家庭";
    return "未知";
  }
  if (key == "unknown") return "未登记楼栋";
  return std::string(key);
}

Tally tally(const std::vector<Question>& questions, const std::vector<ResponseFacts>& responses) {
  Tally out;
  out.respondents = static_cast<std::int64_t>(responses.size());
  std::vector<const ResponseFacts*> all;
  for (const auto& response : responses) all.push_back(&response);
  out.questions = count(questions, all, true);
  for (const std::string dimension : {"age_band", "residence", "building"}) {
    std::map<std::string, std::vector<const ResponseFacts*>> members;
    for (const auto& response : responses) {
      members[dimension_key(response, dimension)].push_back(&response);
    }
    std::vector<GroupTally> groups;
    for (const auto& [key, list] : members) {
      GroupTally group;
      group.dimension = dimension;
      group.key = key;
      group.label = group_label(dimension, key);
      group.respondents = static_cast<std::int64_t>(list.size());
      group.suppressed = group.respondents < kMinGroupRespondents;
      groups.push_back(std::move(group));
    }
    // Complementary suppression: one hidden group alone could be recovered from the total.
    auto hidden = std::count_if(groups.begin(), groups.end(),
                                [](const GroupTally& g) { return g.suppressed; });
    if (hidden == 1 && groups.size() > 1) {
      GroupTally* smallest = nullptr;
      for (auto& group : groups) {
        if (!group.suppressed && (!smallest || group.respondents < smallest->respondents)) {
          smallest = &group;
        }
      }
      if (smallest) smallest->suppressed = true;
    }
    for (auto& group : groups) {
      if (!group.suppressed) group.questions = count(questions, members[group.key], false);
    }
    for (const auto& question : questions) {
      if (question.kind != QuestionKind::scale) continue;
      GroupDifference difference;
      difference.question_id = question.id;
      difference.dimension = dimension;
      std::vector<double> means;
      for (const auto& group : groups) {
        if (group.suppressed) continue;
        for (const auto& tally : group.questions) {
          if (tally.question_id == question.id && tally.scale_mean) {
            means.push_back(*tally.scale_mean);
          }
        }
      }
      difference.groups = static_cast<std::int64_t>(means.size());
      if (!means.empty()) {
        difference.min_mean = *std::min_element(means.begin(), means.end());
        difference.max_mean = *std::max_element(means.begin(), means.end());
      }
      if (means.size() >= 2) {
        double mean = 0;
        for (double m : means) mean += m;
        mean /= static_cast<double>(means.size());
        double variance = 0;
        for (double m : means) variance += (m - mean) * (m - mean);
        variance /= static_cast<double>(means.size());
        if (mean > 0) difference.coefficient = std::sqrt(variance) / mean;
      }
      out.differences.push_back(std::move(difference));
    }
    for (auto& group : groups) out.groups.push_back(std::move(group));
  }
  return out;
}

Result<void> validate_term(const std::string& election_date, const std::string& term_start,
                           const std::string& term_end) {
  if (!is_date(election_date) || !is_date(term_start) || !is_date(term_end)) {
    return bad_request("invalid_term", "election_date, term_start and term_end are YYYY-MM-DD");
  }
  if (election_date > term_start) {
    return bad_request("invalid_term", "the term cannot start before the election");
  }
  if (term_end <= term_start) {
    return bad_request("invalid_term", "term_end must be after term_start");
  }
  int year = 0;
  unsigned month = 0, day = 0;
  parse_date(term_start, year, month, day);
  auto start_days = days_from_civil(year, month, day);
  parse_date(term_end, year, month, day);
  auto end_days = days_from_civil(year, month, day);
  // At least a year less a day, at most five years (plus a day for leap years).
  if (end_days - start_days < 364 || end_days - start_days > 5 * 365 + 2) {
    return bad_request("invalid_term", "a term lasts 1 to 5 years (usually 2 or 3)");
  }
  return {};
}

bool terms_overlap(const std::string& start_a, const std::string& end_a, const std::string& start_b,
                   const std::string& end_b) {
  return start_a <= end_b && start_b <= end_a;
}

bool is_current(const SeatTerm& term, const std::string& on_date) {
  return term.term_start <= on_date && on_date <= term.term_end;
}

Result<std::vector<int>> assign_seats(const std::vector<SeatTerm>& building_terms,
                                      const std::vector<std::int64_t>& elected,
                                      const std::string& term_start, const std::string& term_end) {
  std::set<std::int64_t> distinct(elected.begin(), elected.end());
  if (elected.empty() || elected.size() > static_cast<std::size_t>(kSeatsPerBuilding) ||
      distinct.size() != elected.size()) {
    return bad_request("invalid_elected", "an election elects 1 or 2 different residents");
  }
  std::vector<bool> seat_free(kSeatsPerBuilding + 1, true);
  for (const auto& term : building_terms) {
    if (!terms_overlap(term.term_start, term.term_end, term_start, term_end)) continue;
    if (distinct.count(term.resident_id)) {
      return conflict("already_representative",
                      "resident " + std::to_string(term.resident_id) +
                          " already holds a seat of this building during the new term");
    }
    if (term.seat >= 1 && term.seat <= kSeatsPerBuilding) {
      seat_free[static_cast<std::size_t>(term.seat)] = false;
    }
  }
  std::vector<int> seats;
  for (int seat = 1; seat <= kSeatsPerBuilding && seats.size() < elected.size(); ++seat) {
    if (seat_free[static_cast<std::size_t>(seat)]) seats.push_back(seat);
  }
  if (seats.size() < elected.size()) {
    return conflict("seats_full",
                    "a building has at most 2 tenant representatives at a time; the seats are "
                    "taken during this term");
  }
  return seats;
}

bool is_leader_on(const LeaderSpan& span, const std::string& date) {
  return span.since_on <= date && (!span.until_on || date < *span.until_on);
}

LeaderGrowth leader_growth(const std::vector<LeaderSpan>& spans, const std::string& from,
                           const std::string& to) {
  LeaderGrowth out;
  out.from = from;
  out.to = to;
  for (const auto& span : spans) {
    if (is_leader_on(span, from)) ++out.leaders_at_start;
    if (is_leader_on(span, to)) ++out.leaders_at_end;
    if (span.since_on > from && span.since_on <= to) ++out.joined;
    if (span.until_on && *span.until_on > from && *span.until_on <= to) ++out.left;
  }
  if (out.leaders_at_start > 0) {
    double ratio =
        static_cast<double>(out.leaders_at_end) / static_cast<double>(out.leaders_at_start);
    out.growth_rate = ratio - 1.0;
    int year = 0;
    unsigned month = 0, day = 0;
    if (parse_date(from, year, month, day)) {
      auto from_days = days_from_civil(year, month, day);
      if (parse_date(to, year, month, day)) {
        auto days = days_from_civil(year, month, day) - from_days;
        if (days > 0) {
          out.annual_growth_rate = std::pow(ratio, 365.0 / static_cast<double>(days)) - 1.0;
        }
      }
    }
  }
  return out;
}

}  // namespace gz::civic
