// The community assistant's use cases: the knowledge base (entries per community), asking it
// a question (retrieval.hpp does the ranking; here the candidates come from the database's
// index), the log of questions it could not answer, per-community synonyms, and the category
// and priority suggestion for a request's free text (classify.hpp plus the requests module's
// own triage). Every write is audited.
//
// Who may do what (permissions.hpp answers; handlers do not decide):
//   - published entries are public (anyone, no login, with community_id): the assistant is a
//     24-hour service, residents ask from the community's page before they log in;
//   - guides draft: they create unpublished entries and edit entries while unpublished;
//   - staff of the community and admins create, edit, publish and delete;
//   - the unanswered log: guides, staff, street supervisors and admins of the community read
//     it; guides, staff and admins mark questions resolved;
//   - synonyms and category keywords: readable by anyone logged in to the community, added by
//     staff and admins.
// Things of another community are 404 to a member of none of its communities.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/assistant/classify.hpp"
#include "modules/assistant/retrieval.hpp"
#include "storage/database.hpp"

namespace gz::assistant {

inline constexpr const char* kSources[] = {"faq", "notice", "policy"};
inline constexpr const char* kDontKnow = "我不知道，已转给社区工作人员";
inline constexpr std::size_t kQuestionMaxChars = 200;

struct Entry {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string question;
  std::string answer;
  std::string keywords;  // synonyms and keywords, free text ("倒垃圾 垃圾清运 几点")
  std::string source = "faq";
  std::string source_ref;  // a notice number or URL
  bool published = false;
  std::string created_at;
  std::string updated_at;
};

struct EntryInput {
  std::optional<std::string> question;
  std::optional<std::string> answer;
  std::optional<std::string> keywords;
  std::optional<std::string> source;
  std::optional<std::string> source_ref;
  std::optional<bool> published;
};

Result<Entry> create_entry(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                           const EntryInput& input, std::int64_t now_ms);
Result<Entry> update_entry(storage::Connection& db, const Actor& actor, std::int64_t entry_id,
                           const EntryInput& input, std::int64_t now_ms);
Result<void> delete_entry(storage::Connection& db, const Actor& actor, std::int64_t entry_id);
// Published entries to anyone; drafts to guides, staff and admins of the community.
Result<Entry> get_entry(storage::Connection& db, const std::optional<Actor>& actor,
                        std::int64_t entry_id);
struct EntryFilter {
  std::int64_t community_id = 0;
  bool include_drafts = false;  // honoured for guides, staff and admins of the community
  std::optional<std::string> source;
  std::int64_t limit = 100;
  std::int64_t offset = 0;
};
struct EntryPage {
  std::vector<Entry> items;
  std::int64_t total = 0;
};
Result<EntryPage> list_entries(storage::Connection& db, const std::optional<Actor>& actor,
                               const EntryFilter& filter);

struct Answer {
  std::int64_t entry_id = 0;
  std::int64_t score_bp = 0;
  std::string question;
  std::string answer;
  std::string source;
  std::string source_ref;
  std::string updated_at;
  std::vector<std::string> matched;
};
struct AskResult {
  std::int64_t community_id = 0;
  std::string question;
  bool answered = false;
  std::string message;          // the best answer, or kDontKnow
  std::vector<Answer> answers;  // at most 3 above the threshold, best first
  std::int64_t threshold_bp = kAnswerThresholdBp;
  std::optional<std::int64_t> unanswered_id;  // the log entry when not answered
};
// Anyone (the route throttles callers without a login). An unanswered question is logged
// for staff (once per wording; repeats count), into `log_db` when given (the primary, while
// `db` is a read-only replica), else into `db`.
Result<AskResult> ask(storage::Connection& db, const std::optional<Actor>& actor,
                      std::int64_t community_id, const std::string& question, std::int64_t now_ms,
                      storage::Connection* log_db = nullptr);

struct Unanswered {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string question;
  std::int64_t times_asked = 0;
  std::int64_t best_score_bp = 0;
  std::string first_asked_at;
  std::string last_asked_at;
  std::optional<std::string> resolved_at;
  std::optional<std::int64_t> resolved_entry_id;
};
// Open ones first (most asked first), then resolved ones when include_resolved.
Result<std::vector<Unanswered>> list_unanswered(storage::Connection& db, const Actor& actor,
                                                std::int64_t community_id, bool include_resolved,
                                                std::int64_t limit);
// Marks a logged question handled, optionally naming the entry that now answers it (an entry
// of the same community).
Result<Unanswered> resolve_unanswered(storage::Connection& db, const Actor& actor,
                                      std::int64_t unanswered_id,
                                      std::optional<std::int64_t> entry_id, std::int64_t now_ms);

struct Synonyms {
  std::vector<SynonymGroup> defaults;
  struct Own {
    std::int64_t id = 0;
    SynonymGroup terms;
  };
  std::vector<Own> community;
};
Result<Synonyms> list_synonyms(storage::Connection& db, const Actor& actor,
                               std::int64_t community_id);
// 2-20 terms of 1-20 characters each.
Result<Synonyms::Own> add_synonyms(storage::Connection& db, const Actor& actor,
                                   std::int64_t community_id, const std::vector<std::string>& terms,
                                   std::int64_t now_ms);
// The groups ask uses: the defaults, then the community's own.
std::vector<SynonymGroup> synonym_groups(storage::Connection& db, std::int64_t community_id);

struct KeywordRule {
  std::int64_t id = 0;
  std::int64_t community_id = 0;  // 0: a default
  CategoryKeyword rule;
};
Result<std::vector<KeywordRule>> list_category_keywords(storage::Connection& db, const Actor& actor,
                                                        std::int64_t community_id);
// The category must be one of the community's request categories.
Result<KeywordRule> add_category_keyword(storage::Connection& db, const Actor& actor,
                                         std::int64_t community_id, const CategoryKeyword& rule);

struct Classification {
  std::int64_t community_id = 0;
  std::string category;
  std::string category_name;
  std::string priority;         // red | yellow | blue
  std::string priority_source;  // "rule" or "category", as requests::triage decides
  std::string priority_note;
  std::vector<std::string> matched_keywords;  // category keywords found
  std::vector<std::string> urgent_keywords;   // triage rules that alone raise the priority
  std::int64_t confidence_bp = 0;
};
// Anyone (throttled without login). Text of 1-2000 characters.
Result<Classification> classify(storage::Connection& db, std::int64_t community_id,
                                const std::string& text);

}  // namespace gz::assistant
