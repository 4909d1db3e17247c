// What most API tests start from: a World (a fresh database with its migrations, an admin, a
// running server and the admin logged in) with the steps that build a community's registry and
// its users on it; the suite base class that runs on both databases; and the one World (or
// fixture holding one) a suite shares per database. Steps acting as another user are in
// steps.hpp.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "processes.hpp"

namespace gz::test {

// A suite run on SQLite and PostgreSQL (GZ_ON_BACKENDS): skipped on PostgreSQL when
// GONGZHI_TEST_PG is not set.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (!backend_available(GetParam())) GTEST_SKIP() << "GONGZHI_TEST_PG is not set";
  }
};

// Instantiates a BackendTest suite on both databases: Backends/Suite.Test/sqlite and …/postgresql.
#define GZ_ON_BACKENDS(Suite)                                                          \
  INSTANTIATE_TEST_SUITE_P(                                                            \
      Backends, Suite,                                                                 \
      ::testing::Values(::gz::test::Backend::sqlite, ::gz::test::Backend::postgresql), \
      [](const auto& info) { return ::gz::test::backend_name(info.param); })

// The fixture of type T (constructed from the backend) a suite shares on this database: built
// by the first test that asks, kept (and its server running) until the suite's process ends.
template <class T>
T& shared(Backend backend) {
  static std::map<Backend, std::unique_ptr<T>> made;
  auto& slot = made[backend];
  if (!slot) slot = std::make_unique<T>(backend);
  return *slot;
}

// Each step checks its own answer (a failed step fails the test that took it, and returns 0)
// and returns the new id. Registry steps act as the admin.
class World {
 public:
  // `server_args` e.g. {"--job-interval", "1"} or frozen_at(…).
  explicit World(Backend backend, std::vector<std::string> server_args = {},
                 std::string password = "world-pass-42");
  // Another server on the same database (a later instant, other options); logins are redone.
  void restart(std::vector<std::string> server_args);

  const std::string& url() const { return url_; }
  int port() const { return server_->port(); }
  ServerProcess& server() { return *server_; }
  Client& admin() { return admin_; }
  const std::string& password() const { return password_; }
  // A client that has not logged in, and a new session of a user added before.
  Client anonymous() const { return Client(port()); }
  Client login(const std::string& username) const;

  std::int64_t community(const std::string& name, const std::string& code,
                         const std::optional<std::string>& street = std::nullopt);
  std::int64_t building(std::int64_t community_id, const std::string& name);
  // Address "<code>室", an owner's home; `fields` add to those or replace them
  // ({"building_id", …}, {"housing_type", "tenant"}, {"tags", …}).
  std::int64_t household(std::int64_t community_id, const std::string& code,
                         boost::json::object fields = {});
  std::int64_t resident(std::int64_t household_id, const std::string& name,
                        const std::string& sex = "female",
                        const std::string& birth_date = "1950-03-01");
  // A resident with exactly these fields (an ID number instead of sex and birth date, …).
  std::int64_t resident_with(std::int64_t household_id, boost::json::object fields);

  // A user (the command line's `user add`), logged in; `scope` is --community ID or
  // --household ID as the role needs.
  Client user(const std::string& username, const std::string& role,
              const std::vector<std::string>& scope = {});
  // Staff, a guide or a street supervisor of these communities, logged in.
  Client community_user(const std::string& username, const std::string& role,
                        const std::vector<std::int64_t>& community_ids);
  // A resident's login bound to the household, logged in.
  Client resident_user(const std::string& username, std::int64_t household_id);
  // The id of a user added by user(), community_user() or resident_user().
  std::int64_t user_id(const std::string& username) const;
  // An Open311 api_key for the community (the command line's `open311 key add`).
  std::string open311_key(const std::string& name, std::int64_t community_id) const;

  // A meeting of the community that started 10 minutes ago and runs 50 more, with these
  // residents checked in; its id.
  std::int64_t meeting_now(std::int64_t community_id, const boost::json::array& resident_ids);
  // A request of the household filed and resolved, then rated on a phone follow-up when
  // `rating` > 0; its id.
  std::int64_t resolved_request(std::int64_t community_id, std::int64_t household_id,
                                const std::string& category, int rating);

 private:
  std::string url_;
  std::string password_;
  std::unique_ptr<ServerProcess> server_;
  Client admin_{0};
  std::map<std::string, std::int64_t> user_ids_;
};

// "--now 2026-12-31T23:59:00.000+08:00 --freeze-clock": a server whose clock stands there.
std::vector<std::string> frozen_at(std::int64_t epoch_ms);

}  // namespace gz::test
