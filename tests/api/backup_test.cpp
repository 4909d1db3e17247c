// Backup and restore round trip: data written through the API before `gongzhi backup` (taken
// while the server runs) comes back with `gongzhi restore`, data written after it does not,
// and the restored audit chain and ledger verify. SQLite uses the online backup API;
// PostgreSQL uses pg_dump/pg_restore and runs when GONGZHI_TEST_PG is set.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "correct-horse-42";

bool postgres_tools_present() {
  for (const char* path : {"/usr/lib/postgresql/15/bin/pg_dump", "/usr/bin/pg_dump"}) {
    if (::access(path, X_OK) == 0) return true;
  }
  return false;
}

std::string backup_file_for(Backend backend) {
  static int counter = 0;
  return "/tmp/gz_backup_" + std::to_string(::getpid()) + "_" + std::to_string(++counter) +
         (backend == Backend::sqlite ? ".db" : ".dump");
}

// The names of every community the admin of a server on `url` sees.
std::vector<std::string> community_names(const std::string& url) {
  ServerProcess server(url);
  Client admin(server.port());
  EXPECT_EQ(admin.login("admin", kPassword).status, 200);
  auto listed = admin.get("/api/v1/communities");
  EXPECT_EQ(listed.status, 200) << listed.body;
  std::vector<std::string> names;
  auto json = listed.json();
  const auto& items = json.is_array() ? json.as_array() : json.at("items").as_array();
  for (const auto& item : items) names.emplace_back(item.at("name").as_string());
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

class Backup : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    if (GetParam() == Backend::postgresql && !postgres_tools_present()) {
      GTEST_SKIP() << "pg_dump is not installed";
    }
  }
};

TEST_P(Backup, RoundTripKeepsWhatCameBeforeTheBackupAndVerifies) {
  World world(GetParam(), {}, kPassword);
  const std::string url = world.url();
  std::string file = backup_file_for(GetParam());
  std::string output;
  world.community("备份前社区", "B-001");
  // The backup runs while the server is up and holding its connections.
  ASSERT_EQ(run_cli({"backup", file, "--db", url}, "", &output), 0) << output;
  world.community("备份后社区", "B-002");
  world.server().stop();
  ASSERT_FALSE(HasFailure()) << "the fixture failed";

  std::string restored = fresh_database_url(GetParam());
  ASSERT_EQ(run_cli({"restore", file, "--db", restored}, "", &output), 0) << output;
  ASSERT_EQ(run_cli({"ledger", "verify", "--db", restored}, "", &output), 0) << output;
  EXPECT_NE(output.find("\"ok\":true"), std::string::npos) << output;

  auto names = community_names(restored);
  EXPECT_TRUE(contains(names, "备份前社区"));
  EXPECT_FALSE(contains(names, "备份后社区"));

  // A database that holds data is not overwritten by accident.
  EXPECT_NE(run_cli({"restore", file, "--db", url}, "", &output), 0);
  EXPECT_NE(output.find("--force"), std::string::npos) << output;
  EXPECT_TRUE(contains(community_names(url), "备份后社区"));
  std::remove(file.c_str());
}

// By hand, not on a World: the backup is taken before any server has run on the database.
TEST_P(Backup, ForcedRestoreRewindsALiveDatabaseFile) {
  std::string url = fresh_database_url(GetParam());
  std::string output;
  ASSERT_EQ(run_cli({"migrate", "--db", url}, "", &output), 0) << output;
  add_user(url, "admin", "admin", {}, kPassword);
  std::string file = backup_file_for(GetParam());
  ASSERT_EQ(run_cli({"backup", file, "--db", url}, "", &output), 0) << output;
  {
    ServerProcess server(url);
    Client admin(server.port());
    ASSERT_EQ(admin.login("admin", kPassword).status, 200);
    ASSERT_EQ(admin.post("/api/v1/communities", {{"name", "稍后社区"}, {"code", "F-001"}}).status,
              201);
  }
  ASSERT_EQ(run_cli({"restore", file, "--force", "--db", url}, "", &output), 0) << output;
  ASSERT_EQ(run_cli({"ledger", "verify", "--db", url}, "", &output), 0) << output;
  EXPECT_FALSE(contains(community_names(url), "稍后社区"));
  std::remove(file.c_str());
}

TEST(BackupCli, AMissingFileOrDatabaseFailsWithAMessage) {
  std::string output;
  EXPECT_EQ(run_cli({"backup"}, "", &output), 2) << output;
  EXPECT_EQ(run_cli({"backup", "/tmp/gz_never.db", "--db", "sqlite:/tmp/gz_no_such_dir/x.db"}, "",
                    &output),
            1)
      << output;
  EXPECT_EQ(
      run_cli({"restore", "/tmp/gz_no_such_backup.db", "--db", "sqlite:/tmp/gz_r.db"}, "", &output),
      1)
      << output;
  EXPECT_NE(output.find("no backup file"), std::string::npos) << output;
}

GZ_ON_BACKENDS(Backup);

}  // namespace
}  // namespace gz::test
