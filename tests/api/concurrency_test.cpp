// Transitions under concurrency on SQLite and PostgreSQL: many clients take the same step on
// the same request, plan or objection at once; exactly one wins, the others get 409, and the
// record's history holds the step once (no lost update, no double step).
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>
#include <vector>

#include "harness.hpp"
#include "storage/database.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "concurrency-pass-42";
constexpr int kClients = 16;

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("并发社区", "CC-1");
    household = world.household(community_id, "1-1", {{"address", "1号楼1室"}});
    staff = world.community_user("staff", "staff", {community_id});
    resident = world.resident_user("resident", household);
  }
  World world;
  std::int64_t community_id = 0, household = 0;
  Client staff{0}, resident{0};
};

// Runs `call` from kClients threads released together; returns the statuses.
template <typename Call>
std::map<int, int> race(Call call) {
  std::atomic<bool> go{false};
  std::vector<int> statuses(kClients, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      statuses[static_cast<std::size_t>(i)] = call();
    });
  }
  go = true;
  for (auto& thread : threads) thread.join();
  std::map<int, int> counts;
  for (int status : statuses) ++counts[status];
  return counts;
}

class Concurrency : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  std::int64_t count(const std::string& sql, std::int64_t id) {
    auto database = storage::open_database(w().world.url());
    auto db = database->connect();
    return db->query_int(sql, {id});
  }
};

TEST_P(Concurrency, OneOfManyAcceptsOfARequestWins) {
  auto made = w().staff.post("/api/v1/requests", {{"community_id", w().community_id},
                                                  {"household_id", w().household},
                                                  {"category", "public_facility"},
                                                  {"description", "路灯坏了"}});
  ASSERT_EQ(made.status, 201) << made.body;
  std::int64_t id = made.json().at("id").as_int64();
  std::string path = "/api/v1/requests/" + std::to_string(id) + "/transitions";
  auto counts = race([&] {
    return w().staff.post(path, {{"action", "accept"}, {"note", "受理"}}).status;
  });
  EXPECT_EQ(counts[200], 1);
  EXPECT_EQ(counts[409], kClients - 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM request_events WHERE request_id = ? AND to_status = "
                  "'accepted'",
                  id),
            1);
}

TEST_P(Concurrency, OneOfManyPublishesOfAPlanWinsAndOneAnswerPerObjection) {
  boost::json::array categories{boost::json::object{
      {"category", "elderly_care"}, {"policy_weight", 1}, {"demand_weight", 1}}};
  auto plan = w().staff.post("/api/v1/allocation/plans", {{"community_id", w().community_id},
                                                          {"quarter", "2027Q2"},
                                                          {"total", 10000},
                                                          {"unit", "fen"},
                                                          {"categories", categories}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  std::int64_t id = plan.json().at("id").as_int64();
  std::string base = "/api/v1/plans/" + std::to_string(id);
  auto published = race([&] {
    return w().staff.post(base + "/transitions", {{"action", "publish"}, {"note", "公示"}}).status;
  });
  EXPECT_EQ(published[200], 1);
  EXPECT_EQ(published[409], kClients - 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_events WHERE plan_id = ?", id), 1);

  auto objection = w().resident.post(base + "/objections", {{"text", "请说明测算依据"}});
  ASSERT_EQ(objection.status, 201) << objection.body;
  std::string answer =
      base + "/objections/" + std::to_string(objection.json().at("id").as_int64()) + "/answer";
  auto answered = race([&] { return w().staff.post(answer, {{"answer", "见附件"}}).status; });
  EXPECT_EQ(answered[200], 1);
  EXPECT_EQ(answered[409], kClients - 1);
}

GZ_ON_BACKENDS(Concurrency);

}  // namespace
}  // namespace gz::test
