// Black-box tests of the points bank and the time bank on SQLite and PostgreSQL: awards pay
// once, redemptions never oversell under concurrency, corrections reverse, balances rebuild
// from postings, and an edited posting row is caught by `ledger verify`.
#include <gtest/gtest.h>

#include <cctype>

#include <atomic>
#include <mutex>
#include <thread>

#include "core/clock.hpp"
#include "harness.hpp"
#include "storage/database.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "ledger-pass-42";

struct Bank {
  explicit Bank(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("积分社区", "L-1");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    household_a = world.household(community_id, "A");
    household_b = world.household(community_id, "B");
    a1 = world.resident(household_a, "李阿姨", "female", "1950-05-05");
    a2 = world.resident(household_a, "李叔叔", "male", "1950-05-05");
    b1 = world.resident(household_b, "周伯伯", "male", "1950-05-05");
    std::int64_t crowd_household = world.household(community_id, "CROWD");
    poor = world.resident(crowd_household, "贫困户", "female", "1950-05-05");
    for (int i = 0; i < 20; ++i) {
      crowd.push_back(
          world.resident(crowd_household, "居民" + std::to_string(i), "male", "1950-05-05"));
    }
    alice = world.resident_user("alice", household_a);
    bob = world.resident_user("bob", household_b);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t household_a = 0, household_b = 0;
  std::int64_t a1 = 0, a2 = 0, b1 = 0, poor = 0;
  std::vector<std::int64_t> crowd;  // residents for the concurrency tests
  Client staff{0}, guide{0}, alice{0}, bob{0};
};

class Ledger : public BackendTest {
 protected:
  Bank& b() { return shared<Bank>(GetParam()); }
  std::int64_t balance(std::int64_t resident) {
    return b()
        .staff.get("/api/v1/points/accounts/" + std::to_string(resident))
        .json()
        .at("balance")
        .as_int64();
  }
  std::int64_t minutes(std::int64_t resident) {
    return b()
        .staff.get("/api/v1/timebank/accounts/" + std::to_string(resident))
        .json()
        .at("balance")
        .as_int64();
  }
  HttpResponse award(std::int64_t resident, const std::string& rule, std::int64_t quantity,
                     const std::string& reference,
                     const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return b().guide.post("/api/v1/points/awards",
                          {{"resident_id", resident},
                           {"rule", rule},
                           {"quantity", quantity},
                           {"reference", reference}},
                          headers);
  }
  std::int64_t item(const std::string& name, std::int64_t price, std::optional<std::int64_t> stock,
                    std::optional<std::int64_t> limit = std::nullopt) {
    boost::json::object body{{"community_id", b().community_id},
                             {"name", name},
                             {"category", "canteen_voucher"},
                             {"price_points", price}};
    if (stock) body["stock"] = *stock;
    if (limit) {
      body["limit_per_resident"] = *limit;
      body["limit_period"] = "month";
    }
    auto response = b().staff.post("/api/v1/points/catalog", body);
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json().at("id").as_int64();
  }
};

TEST_P(Ledger, AnAwardPaysOnceForAReferenceEvenWhenRetried) {
  std::int64_t before = balance(b().a1);
  auto first = award(b().a1, "meeting", 1, "meeting:retry", {{"Idempotency-Key", "award-retry-1"}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json().at("points").as_int64(), 10);
  auto replay =
      award(b().a1, "meeting", 1, "meeting:retry", {{"Idempotency-Key", "award-retry-1"}});
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.json().at("id"), first.json().at("id"));
  auto again = award(b().a1, "meeting", 1, "meeting:retry");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.error_code(), "duplicate_award");
  auto reused = b().guide.post("/api/v1/points/awards",
                               {{"resident_id", b().a1},
                                {"rule", "meeting"},
                                {"quantity", 1},
                                {"reference", "meeting:other"}},
                               {{"Idempotency-Key", "award-retry-1"}});
  EXPECT_EQ(reused.error_code(), "idempotency_key_reused");
  EXPECT_EQ(balance(b().a1), before + 10);
}

TEST_P(Ledger, RulesPayFromTheSeedCase) {
  std::int64_t before = balance(b().a2);
  EXPECT_EQ(award(b().a2, "volunteer", 45, "activity:clean-up").json().at("points").as_int64(), 3);
  EXPECT_EQ(award(b().a2, "skill_share", 1, "session:calligraphy").json().at("points").as_int64(),
            15);
  EXPECT_EQ(award(b().a2, "volunteer", 10, "activity:short").error_code(), "too_little");
  EXPECT_EQ(award(b().a2, "dancing", 1, "x").error_code(), "unknown_rule");
  EXPECT_EQ(balance(b().a2), before + 18);
}

// A redemption gives a voucher: the household shows it (code and QR), the guide at the counter
// checks it (the name masked) and hands the item out once; another household cannot read it; a
// corrected redemption's voucher is void.
TEST_P(Ledger, ARedemptionsVoucherIsCheckedAndUsedOnceAtTheCounter) {
  ASSERT_EQ(award(b().a1, "meeting", 1, "meeting:voucher-1").status, 201);
  ASSERT_EQ(award(b().a1, "meeting", 1, "meeting:voucher-2").status, 201);
  std::int64_t haircut = item("理发券（凭证）", 5, std::nullopt);
  auto redeemed = b().alice.post("/api/v1/points/redemptions",
                                 {{"resident_id", b().a1}, {"item_id", haircut}, {"quantity", 1}});
  ASSERT_EQ(redeemed.status, 201) << redeemed.body;
  std::string code(redeemed.json().at("voucher_code").as_string());
  ASSERT_EQ(code.size(), 9u) << code;
  std::string typed = code.substr(0, 4) + code.substr(5);  // as typed, without the dash
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

  auto own = b().alice.get("/api/v1/points/vouchers/" + code);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json().at("state").as_string(), "valid");
  auto qr = b().alice.get("/api/v1/points/vouchers/" + code + "/qr.svg");
  EXPECT_EQ(qr.status, 200);
  EXPECT_NE(qr.body.find("<svg"), std::string::npos);
  EXPECT_EQ(b().bob.get("/api/v1/points/vouchers/" + code).status, 404);
  EXPECT_EQ(b().bob.post("/api/v1/points/vouchers/" + code + "/use", boost::json::object{}).status,
            404);
  EXPECT_EQ(
      b().alice.post("/api/v1/points/vouchers/" + code + "/use", boost::json::object{}).status,
      403);

  auto checked = b().guide.get("/api/v1/points/vouchers/" + typed);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(checked.json().at("item_name").as_string(), "理发券（凭证）");
  EXPECT_NE(checked.json().at("resident_name").as_string().find("*"), std::string::npos);
  auto used = b().guide.post("/api/v1/points/vouchers/" + typed + "/use", boost::json::object{});
  ASSERT_EQ(used.status, 200) << used.body;
  EXPECT_EQ(used.json().at("state").as_string(), "used");
  auto twice = b().guide.post("/api/v1/points/vouchers/" + code + "/use", boost::json::object{});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.error_code(), "voucher_used");
  EXPECT_EQ(b().guide.get("/api/v1/points/vouchers/ABCD-EFG0").status, 404);

  auto listed = b().alice.get("/api/v1/points/accounts/" + std::to_string(b().a1) + "/redemptions");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json().at("items").as_array()[0].at("code").as_string(), code);

  // A redemption corrected by staff: its voucher buys nothing.
  auto second = b().alice.post("/api/v1/points/redemptions",
                               {{"resident_id", b().a1}, {"item_id", haircut}, {"quantity", 1}});
  ASSERT_EQ(second.status, 201) << second.body;
  auto corrected = b().staff.post("/api/v1/points/corrections",
                                  {{"posting_id", second.json().at("posting_id").as_int64()},
                                   {"reason", "居民改主意，退回积分"}});
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  std::string void_code(second.json().at("voucher_code").as_string());
  EXPECT_EQ(b().guide.get("/api/v1/points/vouchers/" + void_code).json().at("state").as_string(),
            "void");
  EXPECT_EQ(b().guide.post("/api/v1/points/vouchers/" + void_code + "/use", boost::json::object{})
                .error_code(),
            "voucher_void");
}

TEST_P(Ledger, ResidentsSeeOnlyTheirHouseholdAndCannotAward) {
  EXPECT_EQ(b().alice.get("/api/v1/points/accounts/" + std::to_string(b().a1)).status, 200);
  EXPECT_EQ(b().alice.get("/api/v1/points/accounts/" + std::to_string(b().a2)).status, 200);
  EXPECT_EQ(b().alice.get("/api/v1/points/accounts/" + std::to_string(b().b1)).status, 404);
  EXPECT_EQ(b().alice.get("/api/v1/points/accounts/" + std::to_string(b().b1) + "/postings").status,
            404);
  auto self_award = b().alice.post(
      "/api/v1/points/awards",
      {{"resident_id", b().a1}, {"rule", "meeting"}, {"quantity", 1}, {"reference", "self"}});
  EXPECT_EQ(self_award.status, 403);
  EXPECT_EQ(b().alice
                .post("/api/v1/points/catalog", {{"community_id", b().community_id},
                                                 {"name", "x"},
                                                 {"category", "other"},
                                                 {"price_points", 1}})
                .status,
            403);
}

TEST_P(Ledger, TwoHundredConcurrentRedemptionsOfFiftyInStockSellExactlyFifty) {
  std::vector<std::int64_t> residents = b().crowd;
  for (std::size_t i = 0; i < residents.size(); ++i) {
    ASSERT_EQ(award(residents[i], "meeting", 100, "stock-test:" + std::to_string(i)).status, 201);
  }
  std::int64_t id = item("暑期托管名额", 10, 50);
  std::atomic<int> ok{0}, out_of_stock{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 200; ++i) {
    threads.emplace_back([&, i] {
      auto response = b().staff.post(
          "/api/v1/points/redemptions",
          {{"resident_id", residents[i % residents.size()]}, {"item_id", id}, {"quantity", 1}});
      if (response.status == 201) {
        ++ok;
      } else if (response.status == 409 && response.error_code() == "out_of_stock") {
        ++out_of_stock;
      } else {
        ++other;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 50);
  EXPECT_EQ(out_of_stock.load(), 150);
  EXPECT_EQ(other.load(), 0);
  auto catalog =
      b().staff.get("/api/v1/points/catalog?community_id=" + std::to_string(b().community_id))
          .json();
  for (const auto& entry : catalog.at("items").as_array()) {
    if (entry.at("id").as_int64() == id) EXPECT_EQ(entry.at("stock_remaining").as_int64(), 0);
  }
  std::int64_t spent = 0;
  for (auto resident : residents) spent += 1000 - balance(resident);
  EXPECT_EQ(spent, 500);
}

TEST_P(Ledger, ConcurrentRedemptionsNeverOverspendOrPassTheLimit) {
  // 25 points buys two items of 10; five tries at once.
  std::int64_t poor = b().poor;
  ASSERT_EQ(award(poor, "meeting", 1, "poor:meeting").status, 201);
  ASSERT_EQ(award(poor, "skill_share", 1, "poor:skill").status, 201);
  ASSERT_EQ(balance(poor), 25);
  std::int64_t cheap = item("社区食堂餐券", 10, std::nullopt);
  std::atomic<int> ok{0}, insufficient{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&] {
      auto response =
          b().staff.post("/api/v1/points/redemptions", {{"resident_id", poor}, {"item_id", cheap}});
      if (response.status == 201) ++ok;
      if (response.error_code() == "insufficient_points") ++insufficient;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 2);
  EXPECT_EQ(insufficient.load(), 3);
  EXPECT_GE(balance(poor), 0);

  std::int64_t limited = item("停车优惠", 1, std::nullopt, 2);
  std::int64_t rich = b().crowd[1];
  std::atomic<int> granted{0}, limited_out{0};
  threads.clear();
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      auto response = b().staff.post("/api/v1/points/redemptions",
                                     {{"resident_id", rich}, {"item_id", limited}});
      if (response.status == 201) ++granted;
      if (response.error_code() == "limit_reached") ++limited_out;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(granted.load(), 2);
  EXPECT_EQ(limited_out.load(), 4);
}

TEST_P(Ledger, ACorrectionReversesOnceAndBalancesRebuildFromPostings) {
  std::int64_t before = balance(b().b1);
  auto awarded = award(b().b1, "skill_share", 1, "session:mistake");
  ASSERT_EQ(awarded.status, 201);
  std::int64_t posting = awarded.json().at("id").as_int64();
  EXPECT_EQ(
      b().guide.post("/api/v1/points/corrections", {{"posting_id", posting}, {"reason", "录错了"}})
          .status,
      403);
  auto corrected =
      b().staff.post("/api/v1/points/corrections", {{"posting_id", posting}, {"reason", "录错了"}});
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  EXPECT_EQ(corrected.json().at("corrects_posting_id").as_int64(), posting);
  EXPECT_EQ(balance(b().b1), before);
  auto twice =
      b().staff.post("/api/v1/points/corrections", {{"posting_id", posting}, {"reason", "again"}});
  EXPECT_EQ(twice.error_code(), "already_corrected");
  // The balance is the signed sum of the postings.
  ASSERT_EQ(award(b().b1, "meeting", 3, "meeting:rebuild").status, 201);
  auto postings =
      b().bob.get("/api/v1/points/accounts/" + std::to_string(b().b1) + "/postings?limit=500")
          .json();
  std::int64_t sum = 0;
  for (const auto& line : postings.at("items").as_array())
    sum += line.at("signed_amount").as_int64();
  EXPECT_EQ(sum, postings.at("balance").as_int64());
  EXPECT_EQ(sum, balance(b().b1));
}

TEST_P(Ledger, ABatchOfAwardsIsAllOrNothing) {
  boost::json::array awards;
  for (int i = 0; i < 500; ++i) {
    awards.push_back({{"resident_id", b().crowd[i % 20]},
                      {"rule", "meeting"},
                      {"quantity", 1},
                      {"reference", "batch:" + std::to_string(i)}});
  }
  auto response = b().staff.post("/api/v1/points/awards", {{"awards", awards}});
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(response.json().at("postings").as_int64(), 500);
  std::int64_t before = balance(b().crowd[5]);
  awards.push_back({{"resident_id", b().crowd[0]},
                    {"rule", "meeting"},
                    {"quantity", 1},
                    {"reference", "batch:0"}});
  boost::json::array retry;
  retry.push_back({{"resident_id", b().crowd[5]},
                   {"rule", "meeting"},
                   {"quantity", 1},
                   {"reference", "batch:new"}});
  retry.push_back({{"resident_id", b().crowd[0]},
                   {"rule", "meeting"},
                   {"quantity", 1},
                   {"reference", "batch:0"}});
  auto failed = b().staff.post("/api/v1/points/awards", {{"awards", retry}});
  EXPECT_EQ(failed.error_code(), "duplicate_award");
  EXPECT_EQ(balance(b().crowd[5]), before);  // the first award of the failed batch was rolled back
}

TEST_P(Ledger, TheTimeBankMovesMinutesOnlyOnConfirmationWithinTheDebtCap) {
  std::string yesterday = format_date(now_epoch_ms() - 86'400'000);
  auto record = [&](Client& client, std::int64_t provider, std::int64_t recipient,
                    std::int64_t minutes) {
    return client.post("/api/v1/timebank/services", {{"provider_resident_id", provider},
                                                     {"recipient_resident_id", recipient},
                                                     {"service_date", yesterday},
                                                     {"minutes", minutes},
                                                     {"service_type", "companionship"}});
  };
  std::int64_t provider_before = minutes(b().a1), recipient_before = minutes(b().b1);
  auto recorded = record(b().alice, b().a1, b().b1, 88);  // rounds to 90
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(recorded.json().at("minutes").as_int64(), 90);
  EXPECT_EQ(minutes(b().a1), provider_before);  // nothing moves before confirmation
  std::string confirm = "/api/v1/timebank/services/" +
                        std::to_string(recorded.json().at("id").as_int64()) + "/confirm";
  EXPECT_EQ(b().alice.post(confirm, boost::json::object{}).status,
            403);  // the provider cannot confirm
  auto confirmed = b().bob.post(confirm, boost::json::object{});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(minutes(b().a1), provider_before + 90);
  EXPECT_EQ(minutes(b().b1), recipient_before - 90);
  EXPECT_EQ(b().bob.post(confirm, boost::json::object{}).error_code(), "not_pending");
  // Bob may receive up to ten hours before giving any; past that the cap holds.
  std::int64_t room = minutes(b().b1) + 600;
  while (room >= 720) {
    auto big = record(b().guide, b().a2, b().b1, 720);
    ASSERT_EQ(b().guide
                  .post("/api/v1/timebank/services/" +
                            std::to_string(big.json().at("id").as_int64()) + "/confirm",
                        boost::json::object{})
                  .status,
              200);
    room -= 720;
  }
  auto too_much = record(b().guide, b().a2, b().b1, room + 15);
  auto refused =
      b().guide.post("/api/v1/timebank/services/" +
                         std::to_string(too_much.json().at("id").as_int64()) + "/confirm",
                     boost::json::object{});
  EXPECT_EQ(refused.error_code(), "debt_cap_reached");
  EXPECT_GE(minutes(b().b1), -600);
}

TEST_P(Ledger, BankedTimeGoesOnlyToFamilyAndOnlyWhatIsBanked) {
  std::int64_t have = minutes(b().a1);
  ASSERT_GT(have, 0);
  EXPECT_EQ(b().alice
                .post("/api/v1/timebank/transfers",
                      {{"from_resident_id", b().a1}, {"to_resident_id", b().b1}, {"minutes", 15}})
                .status,
            404);  // not visible to Alice: not her family
  EXPECT_EQ(b().staff
                .post("/api/v1/timebank/transfers",
                      {{"from_resident_id", b().a1}, {"to_resident_id", b().b1}, {"minutes", 15}})
                .error_code(),
            "not_family");
  auto given =
      b().alice.post("/api/v1/timebank/transfers",
                     {{"from_resident_id", b().a1}, {"to_resident_id", b().a2}, {"minutes", 15}});
  ASSERT_EQ(given.status, 201) << given.body;
  EXPECT_EQ(minutes(b().a1), have - 15);
  auto beyond = b().alice.post("/api/v1/timebank/transfers", {{"from_resident_id", b().a1},
                                                              {"to_resident_id", b().a2},
                                                              {"minutes", (have / 15 + 2) * 15}});
  EXPECT_EQ(beyond.error_code(), "insufficient_minutes");
}

TEST_P(Ledger, VerifyPassesAndCatchesAnEditedPostingRow) {
  auto verdict = b().staff.get("/api/v1/ledger/verify").json();
  EXPECT_TRUE(verdict.at("ok").as_bool()) << boost::json::serialize(verdict);
  EXPECT_TRUE(verdict.at("balances").at("ok").as_bool());
  std::string output;
  EXPECT_EQ(run_cli({"ledger", "verify", "--db", b().world.url()}, "", &output), 0) << output;
}

// Last for each backend: it tampers with a copy of the data in its own database.
TEST_P(Ledger, EditingOnePostingIsCaught) {
  World world(GetParam(), {}, kPassword);
  const std::string& url = world.url();
  Client& admin = world.admin();
  auto community = world.community("篡改", "T-L");
  auto resident = world.resident(world.household(community, "H"), "王", "male", "1950-05-05");
  std::string output;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(admin
                  .post("/api/v1/points/awards", {{"resident_id", resident},
                                                  {"rule", "meeting"},
                                                  {"quantity", 1},
                                                  {"reference", "m" + std::to_string(i)}})
                  .status,
              201);
  }
  ASSERT_EQ(run_cli({"ledger", "verify", "--db", url}, "", &output), 0) << output;
  {
    auto database = storage::open_database(url);
    auto connection = database->connect();
    auto id = connection->query_int("SELECT MIN(id) FROM ledger_postings");
    // Raise the amount and the balances together, so only the audit copy can tell.
    connection->execute("UPDATE ledger_postings SET amount = 1000 WHERE id = ?", {id});
    connection->execute(
        "UPDATE ledger_accounts SET balance = balance + 990 WHERE owner = 'resident'");
    connection->execute(
        "UPDATE ledger_accounts SET balance = balance - 990 WHERE owner = 'issuance'");
  }
  EXPECT_EQ(run_cli({"ledger", "verify", "--db", url}, "", &output), 1);
  EXPECT_NE(output.find("differs from its entry in the audit chain"), std::string::npos) << output;
  auto verdict = admin.get("/api/v1/ledger/verify").json();
  EXPECT_FALSE(verdict.at("ok").as_bool());
}

TEST_P(Ledger, ACommunitySetsItsOwnRulesAndSettings) {
  auto denied = b().guide.put_json("/api/v1/points/rules", {{"community_id", b().community_id},
                                                            {"rule", "volunteer"},
                                                            {"name_zh", "志愿服务"},
                                                            {"unit", "minute"},
                                                            {"points_per_unit", 6}});
  EXPECT_EQ(denied.status, 403);
  auto set = b().staff.put_json("/api/v1/points/rules", {{"community_id", b().community_id},
                                                         {"rule", "garden"},
                                                         {"name_zh", "共建花园"},
                                                         {"unit", "minute"},
                                                         {"points_per_unit", 6}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(award(b().a2, "garden", 30, "garden:1").json().at("points").as_int64(), 3);
  EXPECT_EQ(b().staff
                .put_json("/api/v1/points/settings",
                          {{"community_id", b().community_id}, {"timebank_floor_minutes", 60}})
                .error_code(),
            "invalid_field");
  auto settings = b().staff.put_json("/api/v1/points/settings", {{"community_id", b().community_id},
                                                                 {"expiry_months", 24},
                                                                 {"timebank_floor_minutes", -600}});
  ASSERT_EQ(settings.status, 200) << settings.body;
  EXPECT_EQ(b().alice.get("/api/v1/points/settings").json().at("expiry_months").as_int64(), 24);
}

GZ_ON_BACKENDS(Ledger);

}  // namespace
}  // namespace gz::test
