#include "modules/audit/chain.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace gz::audit {
namespace {

std::vector<Entry> make_chain(int count) {
  std::vector<Entry> entries;
  std::string previous = kGenesisHash;
  for (int i = 1; i <= count; ++i) {
    Entry entry;
    entry.seq = i;
    entry.community_id = i % 2 ? std::optional<std::int64_t>(7) : std::nullopt;
    entry.at = "2026-11-29T10:00:0" + std::to_string(i % 10) + ".000+08:00";
    entry.actor_user_id = 3;
    entry.actor = "staff";
    entry.action = "household.update";
    entry.object_type = "household";
    entry.object_id = std::to_string(100 + i);
    entry.change = "{\"size\":" + std::to_string(i) + "}";
    entry.prev_hash = previous;
    entry.hash = compute_hash(entry);
    previous = entry.hash;
    entries.push_back(entry);
  }
  return entries;
}

Finding walk(const std::vector<Entry>& entries, std::int64_t head_seq,
             const std::string& head_hash) {
  Verifier verifier;
  for (const auto& entry : entries) verifier.feed(entry);
  return verifier.finish(head_seq, head_hash);
}

TEST(AuditChain, IntactChainVerifies) {
  auto entries = make_chain(10);
  auto finding = walk(entries, 10, entries.back().hash);
  EXPECT_EQ(finding.problem, Problem::none) << finding.message;
}

TEST(AuditChain, EmptyChainVerifiesAgainstGenesisHead) {
  EXPECT_EQ(walk({}, 0, kGenesisHash).problem, Problem::none);
}

TEST(AuditChain, HashCoversEveryField) {
  auto entries = make_chain(1);
  Entry base = entries[0];
  std::vector<Entry> variants(9, base);
  variants[0].seq = 2;
  variants[1].community_id = 8;
  variants[2].at = "2026-11-29T10:00:09.000+08:00";
  variants[3].actor_user_id = std::nullopt;
  variants[4].actor = "admin";
  variants[5].action = "household.create";
  variants[6].object_type = "resident";
  variants[7].object_id = "999";
  variants[8].change = "{\"size\":2}";
  for (const auto& variant : variants) EXPECT_NE(compute_hash(variant), base.hash);
  Entry relinked = base;
  relinked.prev_hash = std::string(64, '1');
  EXPECT_NE(compute_hash(relinked), base.hash);
}

TEST(AuditChain, NamesTheAlteredEntry) {
  auto entries = make_chain(10);
  entries[4].change = "{\"size\":500}";
  auto finding = walk(entries, 10, entries.back().hash);
  EXPECT_EQ(finding.problem, Problem::altered);
  EXPECT_EQ(finding.seq, 5);
}

TEST(AuditChain, NamesWhereEntriesWereDeleted) {
  auto entries = make_chain(10);
  entries.erase(entries.begin() + 3);  // seq 4
  auto finding = walk(entries, 10, entries.back().hash);
  EXPECT_EQ(finding.problem, Problem::deleted);
  EXPECT_EQ(finding.seq, 5);
}

TEST(AuditChain, DetectsAnInsertedAndRenumberedEntry) {
  auto entries = make_chain(6);
  // A forger inserts a self-consistent entry at 4 and renumbers, but cannot fix the links
  // without rewriting every later hash.
  Entry forged = entries[3];
  forged.change = "{\"forged\":true}";
  forged.hash = compute_hash(forged);
  std::vector<Entry> tampered(entries.begin(), entries.begin() + 3);
  tampered.push_back(forged);
  for (std::size_t i = 3; i < entries.size(); ++i) {
    Entry moved = entries[i];
    moved.seq += 1;
    moved.hash = compute_hash(moved);
    tampered.push_back(moved);
  }
  auto finding = walk(tampered, 7, tampered.back().hash);
  EXPECT_EQ(finding.problem, Problem::inserted);
  EXPECT_EQ(finding.seq, 5);
}

TEST(AuditChain, DetectsDeletedTailThroughTheHead) {
  auto entries = make_chain(8);
  std::string head_hash = entries.back().hash;
  entries.pop_back();
  entries.pop_back();
  auto finding = walk(entries, 8, head_hash);
  EXPECT_EQ(finding.problem, Problem::deleted);
  EXPECT_EQ(finding.seq, 7);
}

TEST(AuditChain, DetectsARewrittenHead) {
  auto entries = make_chain(3);
  auto finding = walk(entries, 3, std::string(64, 'a'));
  EXPECT_EQ(finding.problem, Problem::head_mismatch);
}

TEST(AuditChain, RowStatesAreHashedWhenPresentOnly) {
  auto entries = make_chain(1);
  Entry base = entries[0];
  // An entry without row states hashes as before they existed: old chains still verify.
  Entry empty = base;
  empty.row_states = "";
  EXPECT_EQ(compute_hash(empty), base.hash);
  Entry recorded = base;
  recorded.row_states = R"({"users":{"7":{"role":"resident"}}})";
  std::string with_rows = compute_hash(recorded);
  EXPECT_NE(with_rows, base.hash);
  recorded.row_states = R"({"users":{"7":{"role":"admin"}}})";
  EXPECT_NE(compute_hash(recorded), with_rows);
}

TEST(AuditChain, AWalkResumesFromACheckpoint) {
  auto entries = make_chain(10);
  Verifier verifier(6, entries[5].hash);
  for (std::size_t i = 6; i < entries.size(); ++i) verifier.feed(entries[i]);
  EXPECT_EQ(verifier.finish(10, entries.back().hash).problem, Problem::none);
  EXPECT_EQ(verifier.checked(), 4);
}

TEST(AuditChain, AResumedWalkFailsWhenTheCheckpointsEntryWasRewritten) {
  auto entries = make_chain(10);
  std::string checkpoint_hash = entries[5].hash;
  // Rewritten from entry 4 on, every later hash recomputed, as an attacker with the database
  // would: the chain verifies from its start, not from the checkpoint.
  for (std::size_t i = 3; i < entries.size(); ++i) {
    if (i == 3) entries[i].change = "{\"size\":400}";
    if (i > 0) entries[i].prev_hash = entries[i - 1].hash;
    entries[i].hash = compute_hash(entries[i]);
  }
  EXPECT_EQ(walk(entries, 10, entries.back().hash).problem, Problem::none);
  Verifier verifier(6, checkpoint_hash);
  for (std::size_t i = 6; i < entries.size(); ++i) verifier.feed(entries[i]);
  EXPECT_EQ(verifier.finish(10, entries.back().hash).problem, Problem::inserted);
}

}  // namespace
}  // namespace gz::audit
