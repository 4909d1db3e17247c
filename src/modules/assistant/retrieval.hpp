// Retrieval for the community assistant: turns Chinese (and Latin) text into features and
// ranks knowledge-base entries against a question. Pure functions over plain structs; the
// database only supplies candidates (assistant.cpp).
//
// Why not the full-text index alone: FTS5's trigram tokenizer needs three characters per term,
// so "电梯" or "低保" never match through it, and neither FTS5 nor pg_trgm links a paraphrase
// ("垃圾什么时候收") to the stored wording ("生活垃圾清运时间"): they share one bigram. So:
//
//   features  CJK text is split at function characters (的 了 吗 什 么 怎 哪 …) into runs; a run
//             gives its character bigrams (a one-character run gives that character); Latin
//             letters and digits give lower-case words ("12345"). Question-only bigrams (时候,
//             如何, 请问 …) are dropped. Every synonym group found in the text (垃圾 / 生活垃圾 /
//             垃圾清运, 物业费 / 管理费, …) adds one concept feature "~<first term>", so
//             "管理费" and "物业费" meet although they share no bigram. Groups that only say
//             what kind of answer is wanted (时间, 在哪, 申请, 维修, 电话 …) are intents: "?…". In
//             the question, the concept replaces the bigrams its phrase covers (question_features).
//   ranking   BM25 (k1 1.2, b 0.75) over the entry's fields, question and keywords weighted 3,
//             answer 1. Each distinct question feature counts once, with
//             idf = ln(1 + (N − df + 0.5) / (df + 0.5)) over the community's N published
//             entries. The candidates are every published entry sharing a feature with the
//             question, so df is exact; avgdl is the candidates' mean.
//             Topic concepts weigh double in the question, intents single.
//   score     BM25 divided by its ceiling for this question (every feature matched with
//             saturated tf: Σ idf·(k1+1)), so 0 … 1 whatever the question's length. Features
//             of the question that no entry has weigh most (highest idf): a question about
//             something the knowledge base lacks ("护照怎么办") scores low even when it shares
//             a common word (办理) with many entries.
//             An entry that shares only intents with the question is no answer.
//   threshold under kAnswerThresholdBp (basis points of that ceiling) the assistant says it
//             does not know.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gz::assistant {

// Phrases that mean the same thing to residents; configurable per community.
using SynonymGroup = std::vector<std::string>;

// Lower-cases ASCII, folds full-width ASCII (ＡＢＣ１２３) to half width, drops invalid UTF-8.
std::string normalize(std::string_view text);

// The features of a text with their counts.
std::map<std::string, int> features(std::string_view text, const std::vector<SynonymGroup>& groups);

// The features a question is matched by: as features(), but each distinct feature once, and
// a synonym group found in the question replaces the bigrams it covers, including those that
// straddle into it ("暑假孩子没人带" is ~暑假 ~孩子 ~托育, not also 假孩, 子没, 人带, which no
// entry has and which would drown the concepts).
std::map<std::string, int> question_features(std::string_view text,
                                             const std::vector<SynonymGroup>& groups);

// The strings whose presence in an entry's search text makes it a candidate: each feature's
// surface form (a bigram, a character, a word) and every term of each synonym group present.
std::vector<std::string> search_terms(std::string_view question,
                                      const std::vector<SynonymGroup>& groups);

// An FTS5 MATCH expression OR-ing the trigrams of the question's runs and the synonym terms of
// three characters or more, each a quoted string (embedded quotes doubled): no FTS5 syntax of
// the question survives. "" when nothing is long enough.
std::string fts5_match_expression(const std::vector<std::string>& terms);
// A LIKE pattern for `%term%` with \ % _ escaped (use with ESCAPE '\').
std::string like_pattern(std::string_view term);

struct Document {
  std::int64_t id = 0;
  std::string question;
  std::string answer;
  std::string keywords;
};

struct Scored {
  std::int64_t id = 0;
  std::int64_t score_bp = 0;         // 0 … 10000 of the question's ceiling
  std::vector<std::string> matched;  // the question's features the entry has
};

// Calibrated on the demo knowledge base (retrieval_test.cpp): paraphrased questions score
// 0.38 or more, unrelated ones 0.21 or less.
inline constexpr std::int64_t kAnswerThresholdBp = 2700;

// Ranks the candidates (best first, ties by id); `corpus_size` is the number of published
// entries of the community (≥ candidates.size()).
std::vector<Scored> rank(std::string_view question, const std::vector<Document>& candidates,
                         std::int64_t corpus_size, const std::vector<SynonymGroup>& groups);

// The text stored for searching: question, keywords and answer, normalized.
std::string search_text(const Document& document);

// The synonym groups every community starts with.
const std::vector<SynonymGroup>& default_synonyms();

}  // namespace gz::assistant
