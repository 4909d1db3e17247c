// Row recording and its check on SQLite, with a table of the test's own: what a write records,
// how an UPDATE, DELETE or INSERT behind the application's back is named, how tracking
// begins for rows written before it, and appends that join a batch.
#include "modules/audit/row_check.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "modules/audit/audit_log.hpp"
#include "storage/temp_database.hpp"

namespace gz::audit {
namespace {

const Tracked& gadgets() {
  static const Tracked table{"gadgets",
                             "id",
                             "SELECT id, community_id, colour, serial FROM gadgets",
                             {"community_id", "colour", "serial"},
                             {"serial"},
                             {{"tags", "SELECT gadget_id, tag FROM gadget_tags", "gadget_id"}}};
  return table;
}

class RowCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db().execute_script(
        "CREATE TABLE gadgets (id INTEGER PRIMARY KEY, community_id BIGINT, colour TEXT, serial "
        "TEXT); CREATE TABLE gadget_tags (gadget_id BIGINT, tag TEXT)");
  }
  storage::Connection& db() { return temp_.connection(); }

  // The application's way: write, then append naming the row, in one transaction.
  void write(std::int64_t id, const std::string& colour, const std::string& serial) {
    storage::with_transaction(db(), storage::TxMode::write, [&] {
      db().execute(
          "INSERT INTO gadgets (id, community_id, colour, serial) VALUES (?, 1, ?, ?) "
          "ON CONFLICT (id) DO UPDATE SET colour = excluded.colour, serial = "
          "excluded.serial",
          {id, colour, serial});
      append(db(), system_actor(),
             {1,
              "gadget.write",
              "gadget",
              std::to_string(id),
              boost::json::object{},
              {{&gadgets(), id}}});
    });
  }
  RowCheck check() { return verify_rows(db(), {&gadgets()}); }

  storage::TempDatabase temp_;
};

TEST_F(RowCheckTest, rows_written_by_the_application_match) {
  write(1, "red", "S-1");
  write(2, "blue", "S-2");
  write(1, "green", "S-1");
  auto result = check();
  EXPECT_TRUE(result.ok);
  ASSERT_EQ(result.tables.size(), 1u);
  EXPECT_EQ(result.tables[0].rows, 2);
  EXPECT_EQ(result.tables[0].checked, 2);
  EXPECT_TRUE(verify(db()).ok);
}

TEST_F(RowCheckTest, the_entry_holds_the_row_as_it_stood_after_the_write) {
  db().execute("INSERT INTO gadget_tags VALUES (1, 'b'), (1, 'a')");
  write(1, "red", "S-1");
  auto states = db().query_one("SELECT row_states FROM audit_log WHERE seq = 1")->text(0);
  auto parsed = boost::json::parse(states);
  const auto& row = parsed.at("gadgets").at("1");
  EXPECT_EQ(row.at("colour"), "red");
  EXPECT_EQ(row.at("community_id"), "1");
  EXPECT_EQ(row.at("serial").as_string(), digest_value("S-1"));
  EXPECT_EQ(row.at("tags"), (boost::json::array{"a", "b"}));
  EXPECT_EQ(states.find("S-1"), std::string::npos);  // never in clear
}

TEST_F(RowCheckTest, an_update_behind_the_applications_back_is_named_with_its_fields) {
  write(1, "red", "S-1");
  write(2, "blue", "S-2");
  db().execute("UPDATE gadgets SET colour = 'gold', serial = 'S-9' WHERE id = 2");
  auto result = check();
  EXPECT_FALSE(result.ok);
  ASSERT_EQ(result.problems.size(), 1u);
  const auto& problem = result.problems[0];
  EXPECT_EQ(problem.table, "gadgets");
  EXPECT_EQ(problem.id, 2);
  EXPECT_EQ(problem.problem, "changed");
  EXPECT_EQ(problem.seq, 2);
  EXPECT_EQ(problem.fields, (std::vector<std::string>{"colour", "serial"}));
  EXPECT_EQ(problem.message,
            "gadgets 2 differs from what the audit chain recorded (entry 2): colour is \"gold\", "
            "the chain recorded \"blue\"; serial differs");
}

TEST_F(RowCheckTest, a_changed_list_is_named) {
  write(1, "red", "S-1");
  db().execute("INSERT INTO gadget_tags VALUES (1, 'stolen')");
  auto result = check();
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].fields, std::vector<std::string>{"tags"});
}

TEST_F(RowCheckTest, a_deleted_row_is_named) {
  write(1, "red", "S-1");
  write(2, "blue", "S-2");
  db().execute("DELETE FROM gadgets WHERE id = 1");
  auto result = check();
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].problem, "deleted");
  EXPECT_EQ(result.problems[0].id, 1);
}

TEST_F(RowCheckTest, a_deletion_the_application_recorded_is_fine) {
  write(1, "red", "S-1");
  storage::with_transaction(db(), storage::TxMode::write, [&] {
    db().execute("DELETE FROM gadgets WHERE id = 1");
    append(db(), system_actor(),
           {1, "gadget.delete", "gadget", "1", boost::json::object{}, {{&gadgets(), 1}}});
  });
  EXPECT_TRUE(check().ok);
  db().execute("INSERT INTO gadgets VALUES (1, 1, 'red', 'S-1')");
  auto result = check();
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_NE(result.problems[0].message.find("recorded its deletion"), std::string::npos);
}

TEST_F(RowCheckTest, rows_from_before_tracking_are_counted_then_vouched_for_once) {
  db().execute("INSERT INTO gadgets VALUES (1, 1, 'red', 'S-1'), (2, 1, 'blue', 'S-2')");
  write(3, "green", "S-3");
  auto before = check();
  EXPECT_TRUE(before.ok);
  EXPECT_EQ(before.tables[0].unrecorded, 2);
  EXPECT_EQ(before.tables[0].tracked_since_seq, 0);

  auto adoption = adopt(db(), {&gadgets()}, Baseline::untracked_tables);
  EXPECT_EQ(adoption.rows, 2);
  EXPECT_EQ(adoption.tables_marked, std::vector<std::string>{"gadgets"});
  auto after = check();
  EXPECT_TRUE(after.ok);
  EXPECT_EQ(after.tables[0].checked, 3);
  EXPECT_EQ(after.tables[0].unrecorded, 0);
  EXPECT_GT(after.tables[0].tracked_since_seq, 0);
  EXPECT_TRUE(verify(db()).ok);

  // Once tracked, a start adopts nothing more: a row slipped in later stays a finding.
  db().execute("INSERT INTO gadgets VALUES (9, 1, 'black', 'S-9')");
  EXPECT_EQ(adopt(db(), {&gadgets()}, Baseline::untracked_tables).rows, 0);
  auto inserted = check();
  EXPECT_FALSE(inserted.ok);
  ASSERT_EQ(inserted.problems.size(), 1u);
  EXPECT_EQ(inserted.problems[0].problem, "unrecorded");
  EXPECT_EQ(inserted.problems[0].id, 9);
}

TEST_F(RowCheckTest, a_demo_baseline_vouches_for_every_unrecorded_row) {
  adopt(db(), {&gadgets()}, Baseline::untracked_tables);  // a server started first
  db().execute("INSERT INTO gadgets VALUES (1, 1, 'red', 'S-1')");
  EXPECT_FALSE(check().ok);
  EXPECT_EQ(adopt(db(), {&gadgets()}, Baseline::every_unrecorded_row).rows, 1);
  EXPECT_TRUE(check().ok);
}

TEST_F(RowCheckTest, appends_inside_a_batch_join_it) {
  storage::with_transaction(db(), storage::TxMode::write, [&] {
    Appender batch(db());
    batch.append(system_actor(), {1, "a", "t", "1", boost::json::object{}});
    // Code the batch calls appends on its own (an account opened on first use).
    append(db(), system_actor(), {1, "b", "t", "2", boost::json::object{}});
    {
      Appender nested(db());
      nested.append(system_actor(), {1, "c", "t", "3", boost::json::object{}});
      nested.finish();  // the outer batch writes the head
    }
    batch.append(system_actor(), {1, "d", "t", "4", boost::json::object{}});
    batch.finish();
  });
  auto result = verify(db());
  EXPECT_TRUE(result.ok) << result.finding.message;
  EXPECT_EQ(result.head.seq, 4);
  // After finish, appends stand alone again.
  storage::with_transaction(db(), storage::TxMode::write, [&] {
    append(db(), system_actor(), {1, "e", "t", "5", boost::json::object{}});
  });
  EXPECT_EQ(verify(db()).head.seq, 5);
}

}  // namespace
}  // namespace gz::audit
