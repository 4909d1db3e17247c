// The assistant demo on a real SQLite file: about forty published entries and two drafts, all
// in the trigram index; residents' paraphrased questions answered from them; the questions it
// could not answer logged once per wording with their repeats counted (one handled by staff);
// the audit chain holds; the same seed gives the same data; and it is fast.
#include "modules/assistant/demo.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "modules/audit/audit_log.hpp"
#include "modules/registry/demo.hpp"
#include "modules/requests/demo.hpp"
#include "storage/temp_database.hpp"

namespace gz::assistant {
namespace {

struct Generated {
  std::unique_ptr<storage::TempDatabase> database;
  std::int64_t community_id = 0;
  DemoAssistantSummary summary;
  long long milliseconds = 0;
};

Generated generate(std::uint64_t seed) {
  Generated out;
  out.database = std::make_unique<storage::TempDatabase>();
  auto& db = out.database->connection();
  registry::DemoOptions options;
  options.households_per_community = 30;
  options.seed = seed;
  out.community_id = registry::generate_demo(db, options).community_ids.front();
  auto started = std::chrono::steady_clock::now();
  out.summary = generate_demo_assistant(db, out.community_id, seed, requests::kDemoAsOfMs);
  out.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return out;
}

std::string dump(storage::Connection& db, const std::string& sql) {
  std::string out;
  for (const auto& row : db.query(sql)) {
    for (std::size_t i = 0; i < row.size(); ++i) out += row.opt_text(i).value_or("NULL") + "|";
    out += "\n";
  }
  return out;
}

TEST(AssistantDemo, BuildsTheKnowledgeBaseAndTheUnansweredLog) {
  auto generated = generate(registry::DemoOptions{}.seed);
  auto& db = generated.database->connection();
  const auto& s = generated.summary;
  std::printf("[assistant demo] %lld ms: %d entries (%d published), %d asked, %d unanswered\n",
              generated.milliseconds, s.entries, s.published, s.asked, s.unanswered);
  EXPECT_GE(s.published, 40);
  EXPECT_EQ(s.entries, s.published + 2);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM assistant_entries WHERE published = 1"),
            s.published);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM assistant_entries_fts"), s.entries);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM assistant_synonyms"), 1);
  // Every source kind is represented.
  EXPECT_EQ(db.query_int("SELECT COUNT(DISTINCT source) FROM assistant_entries"), 3);

  // The pool question was asked three times, logged once and handled by staff.
  auto pool =
      db.query_one("SELECT times_asked, resolved_at FROM assistant_unanswered WHERE question = ?",
                   {std::string("社区有没有游泳池")});
  ASSERT_TRUE(pool.has_value());
  EXPECT_EQ(pool->integer(0), 3);
  EXPECT_FALSE(pool->is_null(1));
  auto passport =
      db.query_one("SELECT times_asked, resolved_at FROM assistant_unanswered WHERE question = ?",
                   {std::string("护照在哪里办")});
  ASSERT_TRUE(passport.has_value());
  EXPECT_EQ(passport->integer(0), 2);
  EXPECT_TRUE(passport->is_null(1));
  EXPECT_GE(s.unanswered, 2);
  EXPECT_LE(s.unanswered, 5);
  EXPECT_EQ(s.asked, 16);

  // Paraphrases are answered from the demo knowledge base.
  auto answer =
      ask(db, std::nullopt, generated.community_id, "垃圾什么时候收", requests::kDemoAsOfMs);
  ASSERT_TRUE(answer.ok());
  ASSERT_TRUE(answer->answered);
  EXPECT_EQ(answer->answers.front().question, "生活垃圾清运时间");
  EXPECT_EQ(answer->answers.front().source, "notice");

  auto verified = audit::verify(db);
  EXPECT_TRUE(verified.ok);
}

TEST(AssistantDemo, TheSameSeedGivesTheSameData) {
  auto first = generate(7);
  auto second = generate(7);
  const char* entries =
      "SELECT id, question, source, published, created_at FROM assistant_entries ORDER BY id";
  const char* unanswered =
      "SELECT question, times_asked, first_asked_at, last_asked_at, resolved_at FROM "
      "assistant_unanswered ORDER BY id";
  EXPECT_EQ(dump(first.database->connection(), entries),
            dump(second.database->connection(), entries));
  EXPECT_EQ(dump(first.database->connection(), unanswered),
            dump(second.database->connection(), unanswered));
  EXPECT_FALSE(dump(first.database->connection(), unanswered).empty());
}

}  // namespace
}  // namespace gz::assistant
