// The checkpoint's pure parts (message, signature, files people save), then the database half
// on SQLite: signing refuses a rewritten chain, and a saved checkpoint catches one.
#include "modules/audit/checkpoint.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "modules/audit/audit_log.hpp"
#include "storage/temp_database.hpp"

namespace gz::audit {
namespace {

const std::string kHash(64, 'a');

TEST(Checkpoint, the_signed_message_is_the_format_line_and_canonical_json) {
  EXPECT_EQ(checkpoint_message(42, kHash, "2026-12-06T10:00:00.000+08:00"),
            "gongzhi-checkpoint-v1\n{\"hash\":\"" + kHash +
                "\",\"seq\":42,\"time\":\"2026-12-06T10:00:00.000+08:00\"}");
}

TEST(Checkpoint, a_signed_checkpoint_verifies_and_any_change_breaks_it) {
  auto key = crypto::SigningKey::generate();
  auto checkpoint = sign_checkpoint(key, 42, kHash, "2026-12-06T10:00:00.000+08:00");
  EXPECT_EQ(checkpoint.public_key, key.public_key_hex());
  EXPECT_TRUE(signature_valid(checkpoint));
  auto later = checkpoint;
  later.seq = 43;
  EXPECT_FALSE(signature_valid(later));
  auto rehashed = checkpoint;
  rehashed.hash = std::string(64, 'b');
  EXPECT_FALSE(signature_valid(rehashed));
  auto redated = checkpoint;
  redated.time = "2026-12-07T10:00:00.000+08:00";
  EXPECT_FALSE(signature_valid(redated));
  auto other_key = checkpoint;
  other_key.public_key = crypto::SigningKey::generate().public_key_hex();
  EXPECT_FALSE(signature_valid(other_key));
}

TEST(Checkpoint, a_published_checkpoint_parses_back) {
  auto key = crypto::SigningKey::generate();
  auto checkpoint = sign_checkpoint(key, 7, kHash, "2026-12-06T10:00:00.000+08:00");
  auto json = checkpoint_json(checkpoint);
  EXPECT_EQ(json.at("format"), kCheckpointFormat);
  EXPECT_EQ(json.at("algorithm"), "Ed25519");
  for (const std::string& text :
       {boost::json::serialize(json),
        boost::json::serialize(boost::json::object{
            {"public_key", key.public_key_hex()}, {"checkpoints", boost::json::array{json, json}}}),
        boost::json::serialize(boost::json::array{json})}) {
    auto parsed = parse_checkpoints(text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    ASSERT_FALSE(parsed->empty());
    EXPECT_EQ(parsed->front().seq, 7);
    EXPECT_EQ(parsed->front().signature, checkpoint.signature);
    EXPECT_TRUE(signature_valid(parsed->front()));
  }
}

TEST(Checkpoint, a_malformed_file_is_named) {
  EXPECT_EQ(parse_checkpoints("{").error().code, "invalid_checkpoint");
  EXPECT_EQ(parse_checkpoints("[]").error().code, "invalid_checkpoint");
  EXPECT_EQ(parse_checkpoints(R"({"checkpoints":[]})").error().code, "invalid_checkpoint");
  auto key = crypto::SigningKey::generate();
  auto json = checkpoint_json(sign_checkpoint(key, 7, kHash, "t"));
  auto broken = json;
  broken["seq"] = "7";
  EXPECT_NE(parse_checkpoints(boost::json::serialize(broken)).error().message.find("seq"),
            std::string::npos);
  broken = json;
  broken["signature"] = "abc";
  EXPECT_NE(parse_checkpoints(boost::json::serialize(broken)).error().message.find("signature"),
            std::string::npos);
  broken = json;
  broken["format"] = "other";
  EXPECT_FALSE(parse_checkpoints(boost::json::serialize(broken)).ok());
}

// --- with a database ------------------------------------------------------------------------

void append_entries(storage::Connection& db, int count) {
  storage::with_transaction(db, storage::TxMode::write, [&] {
    Appender appender(db);
    for (int i = 0; i < count; ++i) {
      appender.append(system_actor(),
                      {1, "test.write", "thing", std::to_string(i), boost::json::object{{"n", i}}});
    }
    appender.finish();
  });
}

// What an attacker with the database does: change an entry, recompute every hash after it
// and the head, so the chain verifies again.
void rewrite_from(storage::Connection& db, std::int64_t seq) {
  db.execute("UPDATE audit_log SET change = '{\"n\":\"forged\"}' WHERE seq = ?", {seq});
  std::string previous =
      db.query_one("SELECT hash FROM audit_log WHERE seq = ?", {seq - 1})->text(0);
  for (const auto& row : db.query(
           "SELECT seq, community_id, at, actor_user_id, actor, action, object_type, object_id, "
           "change, row_states FROM audit_log WHERE seq >= ? ORDER BY seq",
           {seq})) {
    Entry entry;
    entry.seq = row.integer(0);
    entry.community_id = row.opt_integer(1);
    entry.at = row.text(2);
    entry.actor_user_id = row.opt_integer(3);
    entry.actor = row.text(4);
    entry.action = row.text(5);
    entry.object_type = row.text(6);
    entry.object_id = row.text(7);
    entry.change = row.text(8);
    entry.row_states = row.opt_text(9).value_or("");
    entry.prev_hash = previous;
    entry.hash = compute_hash(entry);
    db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
               {entry.prev_hash, entry.hash, entry.seq});
    previous = entry.hash;
  }
  db.execute("UPDATE audit_head SET hash = ? WHERE id = 1", {previous});
}

TEST(CheckpointStore, an_empty_chain_has_nothing_to_sign) {
  storage::TempDatabase temp;
  auto key = crypto::SigningKey::generate();
  EXPECT_EQ(make_checkpoint(temp.connection(), key, 1000).error().code, "empty_chain");
}

TEST(CheckpointStore, signs_the_head_and_checks_out) {
  storage::TempDatabase temp;
  auto& db = temp.connection();
  auto key = crypto::SigningKey::generate();
  append_entries(db, 5);
  auto made = make_checkpoint(db, key, 1000);
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(made->seq, 5);
  EXPECT_EQ(made->hash, head(db).hash);
  EXPECT_TRUE(signature_valid(*made));
  EXPECT_EQ(latest_checkpoint(db)->signature, made->signature);
  append_entries(db, 3);
  auto stored = check_stored_checkpoints(db);
  EXPECT_TRUE(stored.ok);
  EXPECT_EQ(stored.checked, 1);
}

TEST(CheckpointStore, is_due_when_the_newest_is_an_hour_old) {
  storage::TempDatabase temp;
  auto& db = temp.connection();
  auto key = crypto::SigningKey::generate();
  const std::int64_t start = 1'800'000'000'000;
  EXPECT_FALSE(checkpoint_if_due(db, key, start)->has_value());  // nothing to sign yet
  append_entries(db, 2);
  auto first = checkpoint_if_due(db, key, start);
  ASSERT_TRUE(first->has_value());
  EXPECT_EQ((*first)->seq, 2);
  append_entries(db, 1);
  EXPECT_FALSE(checkpoint_if_due(db, key, start + kCheckpointEveryMs - 1)->has_value());
  auto second = checkpoint_if_due(db, key, start + kCheckpointEveryMs);
  ASSERT_TRUE(second->has_value());
  EXPECT_EQ((*second)->seq, 3);
  // The chain did not move: an hour later the same head is signed again, with its time.
  auto third = checkpoint_if_due(db, key, start + 2 * kCheckpointEveryMs);
  ASSERT_TRUE(third->has_value());
  EXPECT_EQ((*third)->seq, 3);
  EXPECT_NE((*third)->time, (*second)->time);
}

TEST(CheckpointStore, a_saved_checkpoint_catches_a_chain_rewritten_before_it) {
  storage::TempDatabase temp;
  auto& db = temp.connection();
  auto key = crypto::SigningKey::generate();
  append_entries(db, 10);
  auto saved = make_checkpoint(db, key, 1000);
  ASSERT_TRUE(saved.ok());
  append_entries(db, 5);
  rewrite_from(db, 4);
  EXPECT_TRUE(verify(db).ok);  // the unkeyed chain alone cannot tell
  auto check = check_checkpoints(db, {*saved});
  EXPECT_FALSE(check.ok);
  ASSERT_EQ(check.problems.size(), 1u);
  EXPECT_NE(check.problems[0].find("entry 10 has another hash"), std::string::npos)
      << check.problems[0];
  // The server refuses to sign over it.
  auto refused = make_checkpoint(db, key, 2000);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "chain_broken");
}

TEST(CheckpointStore, a_chain_cut_short_fails_the_checkpoint) {
  storage::TempDatabase temp;
  auto& db = temp.connection();
  auto key = crypto::SigningKey::generate();
  append_entries(db, 6);
  auto saved = make_checkpoint(db, key, 1000);
  ASSERT_TRUE(saved.ok());
  db.execute("DELETE FROM audit_log WHERE seq > 3");
  db.execute("UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_log WHERE seq = 3)");
  EXPECT_TRUE(verify(db).ok);
  auto check = check_checkpoints(db, {*saved});
  EXPECT_FALSE(check.ok);
  EXPECT_NE(check.problems[0].find("no longer reaches"), std::string::npos);
}

TEST(CheckpointStore, a_forged_signature_is_named) {
  storage::TempDatabase temp;
  auto& db = temp.connection();
  append_entries(db, 2);
  auto forged = sign_checkpoint(crypto::SigningKey::generate(), 2, head(db).hash, "t");
  forged.signature[0] = forged.signature[0] == '0' ? '1' : '0';
  auto check = check_checkpoints(db, {forged});
  EXPECT_FALSE(check.ok);
  EXPECT_NE(check.problems[0].find("not validly signed"), std::string::npos);
}

}  // namespace
}  // namespace gz::audit
