// The security review's tampering (MEDIUM-7), reproduced on SQLite and PostgreSQL against data
// written through the API: a user's role raised to admin, a resident's mobile number, a
// spending amount, an objection's answer, a request's status and rating and a property fund
// posting, each changed directly in the database, and a user row inserted there; `gongzhi
// ledger verify` must fail naming each. Then the attack the unkeyed chain cannot see by
// itself: the chain rewritten from the middle and its head updated passes a plain verify, but
// not a verify against a checkpoint saved from GET /api/v1/ledger/checkpoints. Last, a
// database from before row recording: its rows are vouched for at the first start, and
// tracked from then on.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <ctime>
#include <fstream>
#include <functional>
#include <map>
#include <memory>

#include "core/crypto.hpp"
#include "core/json.hpp"
#include "harness.hpp"
#include "storage/database.hpp"
#include "storage/migrate.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "tamper-pass-42";

// This quarter in Asia/Shanghai ("2026Q4"), for the property bills.
std::string current_quarter() {
  std::time_t now = test_now_seconds() + 8 * 3600;
  std::tm parts{};
  gmtime_r(&now, &parts);
  return std::to_string(parts.tm_year + 1900) + "Q" + std::to_string(parts.tm_mon / 3 + 1);
}

// A community with one of everything the review changed, written through the API.
struct Fixture {
  explicit Fixture(Backend backend);
  World world;
  const std::string url{world.url()};
  Client& admin{world.admin()};
  std::int64_t community_id = 0;
  std::int64_t household = 0;
  std::int64_t resident = 0;  // has a mobile number
  std::int64_t resident_user = 0;
  std::int64_t request = 0;  // resolved, rated 2, reopened
  std::int64_t plan = 0;
  std::int64_t objection = 0;  // answered
  std::int64_t spending = 0;
  Client anonymous{world.anonymous()}, staff{0}, street{0}, resident_client{0};
};

Fixture::Fixture(Backend backend) : world(backend, {}, kPassword) {
  community_id = world.community("篡改社区", "TAMPER-1");
  std::string cid = std::to_string(community_id);
  household = world.household(community_id, "1-101");
  resident = world.resident_with(household, {{"name", "钱奶奶"},
                                             {"sex", "female"},
                                             {"birth_date", "1941-02-03"},
                                             {"mobile", "13812345678"}});
  staff = world.community_user("staff", "staff", {community_id});
  street = world.community_user("street", "street", {community_id});
  resident_client = world.resident_user("qian", household);
  resident_user = world.user_id("qian");

  // A request: submitted, accepted, resolved, rated 2 (unsatisfied: reopened).
  request = file_request(resident_client,
                         {{"category", "public_facility"}, {"description", "楼道灯坏了"}})
                .id;
  std::string request_path = "/api/v1/requests/" + std::to_string(request);
  for (const char* action : {"accept", "resolve"}) {
    auto moved = staff.post(request_path + "/transitions", {{"action", action}});
    EXPECT_EQ(moved.status, 200) << action << " " << moved.body;
  }
  auto rated = resident_client.post(request_path + "/rating", {{"score", 2}});
  EXPECT_EQ(rated.status, 200) << rated.body;

  // A plan: public notice, an objection and its answer, through the council to execution,
  // then one spending record.
  plan = make_plan(staff, community_id, "2027Q1", 100000);
  std::string plan_path = "/api/v1/plans/" + std::to_string(plan);
  auto move = [&](Client& who, const char* action) {
    auto moved = who.post(plan_path + "/transitions", {{"action", action}, {"note", "测试"}});
    EXPECT_EQ(moved.status, 200) << action << " " << moved.body;
  };
  move(staff, "publish");
  objection =
      created_id(resident_client.post(plan_path + "/objections", {{"text", "助老名额太少"}}));
  EXPECT_EQ(staff
                .post(plan_path + "/objections/" + std::to_string(objection) + "/answer",
                      {{"answer", "已复核，名额按需求评估分配"}})
                .status,
            200);
  {
    // Seven days pass (the server has no clock to move; plan_execution_test does the same).
    auto database = storage::open_database(url);
    auto connection = database->connect();
    connection->execute(
        "UPDATE plan_lifecycle SET notice_started_ms = notice_started_ms - ? WHERE plan_id = ?",
        {std::int64_t{8} * 24 * 3600 * 1000, plan});
  }
  // One household of one objected: a third-party evaluation first.
  EXPECT_EQ(staff
                .post(plan_path + "/evaluations", {{"kind", "third_party"},
                                                   {"evaluator", "第三方评估中心"},
                                                   {"summary", "依据充分"},
                                                   {"score", 80}})
                .status,
            201);
  move(staff, "open_vote");
  pass_council_and_assessment(staff, plan);
  move(street, "approve");
  spending = created_id(
      staff.post(plan_path + "/spending", {{"category", "elderly_care"},
                                           {"amount", 1000},
                                           {"purpose", "助餐服务"},
                                           {"payee_category", "service_provider"},
                                           {"receipt_ref", "FP-001"},
                                           {"household_ids", boost::json::array{household}}}));

  // Points: an award opens the resident's account (its owner and floor go on record).
  auto award = staff.post("/api/v1/points/awards", {{"resident_id", resident},
                                                    {"rule", "meeting"},
                                                    {"quantity", 1},
                                                    {"reference", "meeting:1"}});
  EXPECT_EQ(award.status, 201) << award.body;

  // The property fund: this quarter's bill, paid (a posting into the trust fund).
  auto fee = staff.put_json("/api/v1/property/settings", {{"community_id", community_id},
                                                          {"base_fee_fen", 20000},
                                                          {"neutral_score", 80},
                                                          {"up_bp_per_point", 25},
                                                          {"down_bp_per_point", 50},
                                                          {"cap_up_bp", 300},
                                                          {"cap_down_bp", 1000}});
  EXPECT_EQ(fee.status, 200) << fee.body;
  auto bills = staff.post("/api/v1/property/bills",
                          {{"community_id", community_id}, {"quarter", current_quarter()}});
  EXPECT_EQ(bills.status, 201) << bills.body;
  auto listed = staff.get("/api/v1/property/bills?community_id=" + cid).json();
  boost::json::array paying;
  for (const auto& bill : listed.at("items").as_array()) paying.push_back(bill.at("id"));
  auto paid = staff.post("/api/v1/property/payments", {{"bill_ids", paying}});
  EXPECT_EQ(paid.status, 201) << paid.body;
}

class LedgerTamper : public BackendTest {
 protected:
  static int verify(const std::string& url, std::string* output,
                    const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"ledger", "verify", "--db", url};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args, "", output);
  }
  static void edit(const std::string& url, const std::function<void(storage::Connection&)>& work) {
    auto database = storage::open_database(url);
    auto connection = database->connect();
    work(*connection);
  }
  static std::string save(const std::string& body) {
    static int counter = 0;
    std::string path = "/tmp/gz_checkpoint_" + std::to_string(::getpid()) + "_" +
                       std::to_string(++counter) + ".json";
    std::ofstream(path) << body;
    return path;
  }
};

TEST_P(LedgerTamper, EveryRowChangedInTheDatabaseIsNamed) {
  auto w = std::make_unique<Fixture>(GetParam());
  std::string output;
  ASSERT_EQ(verify(w->url, &output), 0) << output;
  EXPECT_NE(output.find("audited rows match the audit chain"), std::string::npos) << output;
  auto clean = w->staff.get("/api/v1/ledger/verify").json();
  ASSERT_TRUE(clean.at("ok").as_bool()) << boost::json::serialize(clean);
  EXPECT_TRUE(clean.at("rows").at("ok").as_bool());
  EXPECT_TRUE(clean.at("fund").at("ok").as_bool());

  std::int64_t inserted_user = 0;
  std::int64_t fund_posting = 0;
  edit(w->url, [&](storage::Connection& db) {
    db.execute("UPDATE users SET role = 'admin' WHERE id = ?", {w->resident_user});
    db.execute("UPDATE residents SET mobile = '13900000000' WHERE id = ?", {w->resident});
    db.execute("UPDATE plan_spending SET amount = 100000 WHERE id = ?", {w->spending});
    db.execute("UPDATE plan_objections SET answer = '已解决' WHERE id = ?", {w->objection});
    db.execute("UPDATE requests SET status = 'closed', rating = 5 WHERE id = ?", {w->request});
    // The resident's points account may now run 1000 points into debt.
    db.execute("UPDATE ledger_accounts SET floor = -1000 WHERE resident_id = ?", {w->resident});
    fund_posting = db.query_int("SELECT MIN(id) FROM ledger_postings WHERE kind = 'fen'");
    db.execute("UPDATE ledger_postings SET amount = amount + 100 WHERE id = ?", {fund_posting});
    db.execute("UPDATE ledger_accounts SET balance = balance + 100 WHERE name = 'trust_fund'");
    db.execute("UPDATE ledger_accounts SET balance = balance - 100 WHERE name = 'fee_income'");
    inserted_user = db.query_one(
                          "INSERT INTO users (username, password_hash, role, created_at) VALUES "
                          "('mallory', 'x', 'admin', '2026-12-01T00:00:00.000+08:00') RETURNING id")
                        ->integer(0);
  });
  ASSERT_EQ(verify(w->url, &output), 1) << output;
  auto named = [&](const std::string& text) {
    EXPECT_NE(output.find(text), std::string::npos) << "missing: " << text << "\n" << output;
  };
  named("users " + std::to_string(w->resident_user) +
        " differs from what the audit chain recorded");
  named("role is \"admin\", the chain recorded \"resident\"");
  named("residents " + std::to_string(w->resident) + " differs");
  named("mobile differs");
  named("plan_spending " + std::to_string(w->spending) + " differs");
  named("amount is \"100000\", the chain recorded \"1000\"");
  named("plan_objections " + std::to_string(w->objection) + " differs");
  named("answer differs");
  named("requests " + std::to_string(w->request) + " differs");
  named("rating is \"5\", the chain recorded \"2\"");
  named("status is \"closed\", the chain recorded \"reopened\"");
  named("users " + std::to_string(inserted_user) + " is not in the audit chain");
  named("floor is \"-1000\", the chain recorded \"0\"");
  named("LEDGER BROKEN: fund posting " + std::to_string(fund_posting) +
        " differs from its entry in the audit chain");
  // The mobile numbers themselves never appear.
  EXPECT_EQ(output.find("13900000000"), std::string::npos);
  EXPECT_EQ(output.find("13812345678"), std::string::npos);

  auto verdict = w->staff.get("/api/v1/ledger/verify").json();
  EXPECT_FALSE(verdict.at("ok").as_bool());
  EXPECT_TRUE(verdict.at("chain_ok").as_bool());  // the chain itself was not touched
  EXPECT_FALSE(verdict.at("fund").at("ok").as_bool());
  std::map<std::string, std::vector<std::string>> fields;
  for (const auto& problem : verdict.at("rows").at("problems").as_array()) {
    std::string table(problem.at("table").as_string());
    for (const auto& field : problem.at("fields").as_array()) {
      fields[table].emplace_back(field.as_string());
    }
    if (problem.at("problem").as_string() == "unrecorded") fields[table].emplace_back("(row)");
  }
  EXPECT_EQ(fields["users"], (std::vector<std::string>{"role", "(row)"}));
  EXPECT_EQ(fields["residents"], std::vector<std::string>{"mobile"});
  EXPECT_EQ(fields["plan_spending"], std::vector<std::string>{"amount"});
  EXPECT_EQ(fields["plan_objections"], std::vector<std::string>{"answer"});
  EXPECT_EQ(fields["requests"], (std::vector<std::string>{"rating", "status"}));
  EXPECT_EQ(fields["ledger_accounts"], std::vector<std::string>{"floor"});
  EXPECT_EQ(verdict.at("rows").at("problems_total").as_int64(), 7);
}

TEST_P(LedgerTamper, AChainRewrittenFromTheMiddlePassesAloneButNotAgainstASavedCheckpoint) {
  auto w = std::make_unique<Fixture>(GetParam());
  // Checkpoints: anyone reads them (the server signed its first at start); only an admin
  // signs one on demand.
  EXPECT_EQ(w->anonymous.post("/api/v1/ledger/checkpoints", boost::json::object{}).status, 401);
  EXPECT_EQ(w->staff.post("/api/v1/ledger/checkpoints", boost::json::object{}).status, 403);
  EXPECT_EQ(w->anonymous.get("/api/v1/ledger/checkpoints?limit=0").error_code(), "invalid_query");
  auto signed_now = w->admin.post("/api/v1/ledger/checkpoints", boost::json::object{});
  ASSERT_EQ(signed_now.status, 201) << signed_now.body;
  auto published = w->anonymous.get("/api/v1/ledger/checkpoints");
  ASSERT_EQ(published.status, 200) << published.body;
  auto list = published.json();
  EXPECT_EQ(list.at("algorithm").as_string(), "Ed25519");
  ASSERT_GE(list.at("checkpoints").as_array().size(), 1u);
  EXPECT_EQ(list.at("public_key"), list.at("checkpoints").as_array()[0].at("public_key"));
  EXPECT_EQ(list.at("checkpoints").as_array()[0].at("seq"), list.at("head").at("seq"));
  // A resident saves the newest checkpoint, as the board offers it.
  auto latest = w->anonymous.get("/api/v1/ledger/checkpoints/latest");
  ASSERT_EQ(latest.status, 200);
  std::int64_t checkpoint_seq = latest.json().at("seq").as_int64();
  EXPECT_EQ(checkpoint_seq, signed_now.json().at("seq").as_int64());
  std::string saved = save(latest.body);
  std::string saved_list = save(published.body);
  // Verify names the keys that signed the stored checkpoints: here the server's only.
  auto verdict = w->admin.get("/api/v1/ledger/verify").json();
  EXPECT_TRUE(verdict.at("checkpoints").at("ok").as_bool());
  EXPECT_EQ(verdict.at("checkpoints").at("public_keys"), boost::json::array{list.at("public_key")});

  // Life goes on; the CLI signs another checkpoint with the server's key.
  ASSERT_EQ(w->resident_client
                .post("/api/v1/requests", {{"category", "noise"}, {"description", "夜间施工"}})
                .status,
            201);
  std::string output;
  ASSERT_EQ(run_cli({"ledger", "checkpoint", "--db", w->url, "--checkpoint-key",
                     checkpoint_key_path(w->url)},
                    "", &output),
            0)
      << output;
  ASSERT_EQ(verify(w->url, &output, {"--checkpoint", saved, "--checkpoint", saved_list}), 0)
      << output;
  EXPECT_NE(output.find("saved checkpoint(s): each is validly signed"), std::string::npos)
      << output;

  // The attacker: rewrite an entry before the checkpoint, recompute every later hash and the
  // head (SHA-256 over the previous hash and the canonical entry: nothing secret), and delete
  // the stored checkpoints that would give it away.
  std::int64_t rewritten = checkpoint_seq - 5;
  ASSERT_GT(rewritten, 1);
  edit(w->url, [&](storage::Connection& db) {
    db.execute("UPDATE audit_log SET change = ? WHERE seq = ?",
               {std::string("{\"note\":\"rewritten\"}"), rewritten});
    std::string previous =
        db.query_one("SELECT hash FROM audit_log WHERE seq = ?", {rewritten - 1})->text(0);
    for (const auto& row :
         db.query("SELECT seq, community_id, at, actor_user_id, actor, action, object_type, "
                  "object_id, change, row_states FROM audit_log WHERE seq >= ? ORDER BY seq",
                  {rewritten})) {
      boost::json::object body{{"seq", row.integer(0)},      {"at", row.text(2)},
                               {"actor", row.text(4)},       {"action", row.text(5)},
                               {"object_type", row.text(6)}, {"object_id", row.text(7)},
                               {"change", row.text(8)}};
      body["community_id"] =
          row.is_null(1) ? boost::json::value(nullptr) : boost::json::value(row.integer(1));
      body["actor_user_id"] =
          row.is_null(3) ? boost::json::value(nullptr) : boost::json::value(row.integer(3));
      if (!row.is_null(9)) body["rows"] = row.text(9);
      std::string hash = crypto::sha256_hex(previous + "\n" + canonical_json(body));
      db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?",
                 {previous, hash, row.integer(0)});
      previous = hash;
    }
    db.execute("UPDATE audit_head SET hash = ? WHERE id = 1", {previous});
  });
  // Forgetting the stored checkpoints: even a plain verify sees them fail.
  ASSERT_EQ(verify(w->url, &output), 1) << output;
  EXPECT_NE(output.find("STORED CHECKPOINT FAILED"), std::string::npos) << output;
  // And the server refuses to sign over the rewritten chain.
  auto refused = w->admin.post("/api/v1/ledger/checkpoints", boost::json::object{});
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.error_code(), "chain_broken");

  edit(w->url, [&](storage::Connection& db) {
    db.execute("DELETE FROM audit_checkpoints WHERE seq >= ?", {rewritten});
  });
  ASSERT_EQ(verify(w->url, &output), 0) << "a plain verify cannot tell:\n" << output;
  EXPECT_EQ(verify(w->url, &output, {"--checkpoint", saved}), 1) << output;
  EXPECT_NE(
      output.find("CHECKPOINT FAILED: the checkpoint at entry " + std::to_string(checkpoint_seq)),
      std::string::npos)
      << output;
  EXPECT_NE(output.find("has another hash now"), std::string::npos) << output;
  EXPECT_EQ(verify(w->url, &output, {"--checkpoint", saved_list}), 1) << output;

  // A forged or damaged checkpoint file fails too; a file that is no checkpoint is misuse.
  auto forged = boost::json::parse(latest.body).as_object();
  forged["seq"] = forged["seq"].as_int64() - 1;
  EXPECT_EQ(verify(w->url, &output, {"--checkpoint", save(boost::json::serialize(forged))}), 1);
  EXPECT_NE(output.find("is not validly signed"), std::string::npos) << output;
  EXPECT_EQ(verify(w->url, &output, {"--checkpoint", save("{\"seq\":1}")}), 2) << output;
  EXPECT_EQ(verify(w->url, &output, {"--checkpoint", "/tmp/no/such/checkpoint.json"}), 2);
}

TEST_P(LedgerTamper, RowsFromBeforeRecordingAreVouchedForAtTheFirstStartThenTracked) {
  // A database as an older version left it: schema and rows, no row records, no markers.
  std::string url = fresh_database_url(GetParam());
  std::int64_t old_user = 0;
  edit(url, [&](storage::Connection& db) {
    storage::migrate(db);
    old_user = db.query_one(
                     "INSERT INTO users (username, password_hash, role, created_at) VALUES "
                     "('veteran', 'x', 'staff', '2025-01-01T00:00:00.000+08:00') RETURNING id")
                   ->integer(0);
  });
  std::string output;
  ASSERT_EQ(verify(url, &output), 0) << output;
  EXPECT_NE(output.find("1 row(s) were written before the chain recorded rows"), std::string::npos)
      << output;
  {
    ServerProcess server(url);  // the first start after the upgrade
  }
  ASSERT_EQ(verify(url, &output), 0) << output;
  EXPECT_EQ(output.find("written before the chain recorded rows"), std::string::npos) << output;
  edit(url, [&](storage::Connection& db) {
    db.execute("UPDATE users SET role = 'admin' WHERE id = ?", {old_user});
  });
  ASSERT_EQ(verify(url, &output), 1) << output;
  EXPECT_NE(output.find("role is \"admin\", the chain recorded \"staff\""), std::string::npos)
      << output;
}

GZ_ON_BACKENDS(LedgerTamper);

}  // namespace
}  // namespace gz::test
