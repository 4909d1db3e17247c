// Registry rules against a real SQLite database: permissions, masking, the guide caseload cap.
#include "modules/registry/registry.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include "core/clock.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registry/permissions.hpp"
#include "storage/migrate.hpp"

namespace gz::registry {
namespace {

class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = "/tmp/gz_registry_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    std::remove(path_.c_str());
    database_ = storage::open_sqlite(path_);
    db_ = database_->connect();
    storage::migrate(*db_);
    admin_ = audit::system_actor();
    auto community =
        create_community(*db_, admin_, {"幸福里社区", "T-1", std::nullopt, std::nullopt});
    ASSERT_TRUE(community.ok());
    community_id_ = community->id;
    staff_.user_id = 2;
    staff_.username = "staff";
    staff_.role = Role::staff;
    staff_.community_ids = {community_id_};
  }
  void TearDown() override {
    db_.reset();
    database_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  std::int64_t add_guide(const std::string& name) {
    accounts::NewUser user;
    user.username = name;
    user.role = Role::guide;
    user.community_ids = {community_id_};
    user.password = "guide-password";
    auto id = accounts::add_user(*db_, admin_, user);
    EXPECT_TRUE(id.ok());
    return *id;
  }
  HouseholdFields household(const std::string& code) {
    HouseholdFields fields;
    fields.code = code;
    fields.address = "地址 " + code;
    return fields;
  }

  std::string path_;
  std::unique_ptr<storage::Database> database_;
  std::unique_ptr<storage::Connection> db_;
  Actor admin_;
  Actor staff_;
  std::int64_t community_id_ = 0;
};

TEST_F(RegistryTest, AssigningAGuidePastTheCaseloadCapFails) {
  std::int64_t guide = add_guide("guide_full");
  std::string now = now_iso8601();
  storage::with_transaction(*db_, storage::TxMode::write, [&] {
    for (std::int64_t i = 0; i < kDefaultCaseloadCap; ++i) {
      db_->execute(
          "INSERT INTO households (community_id, code, address, housing_type, guide_user_id, "
          "created_at, updated_at) VALUES (?, ?, 'x', 'owner', ?, ?, ?)",
          {community_id_, "CAP-" + std::to_string(i), guide, now, now});
    }
  });
  HouseholdFields fields = household("CAP-NEW");
  fields.guide_user_id = std::optional<std::int64_t>(guide);
  auto refused = create_household(*db_, staff_, community_id_, fields);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "caseload_full");
  // Nothing half-written.
  EXPECT_EQ(db_->query_int("SELECT COUNT(*) FROM households WHERE code = 'CAP-NEW'"), 0);
  // Another guide with room takes it.
  fields.guide_user_id = std::optional<std::int64_t>(add_guide("guide_free"));
  EXPECT_TRUE(create_household(*db_, staff_, community_id_, fields).ok());
}

TEST_F(RegistryTest, ReassigningTheSameHouseholdDoesNotCountItTwice) {
  std::int64_t guide = add_guide("guide_one");
  HouseholdFields fields = household("H-1");
  fields.guide_user_id = std::optional<std::int64_t>(guide);
  auto created = create_household(*db_, staff_, community_id_, fields);
  ASSERT_TRUE(created.ok());
  HouseholdFields again;
  again.guide_user_id = std::optional<std::int64_t>(guide);
  EXPECT_TRUE(update_household(*db_, staff_, created->id, again).ok());
}

TEST_F(RegistryTest, ResidentFieldsAreValidatedAndDerivedFromTheIdNumber) {
  ResidentFields fields;
  fields.name = "王秀英";
  fields.id_number = "11010519491231002x";
  fields.mobile = "+86 138-1234-5678";
  fields.relation = "户主";
  ASSERT_TRUE(validate_resident(fields).ok());
  EXPECT_EQ(*fields.id_number, "11010519491231002X");
  EXPECT_EQ(*fields.birth_date, "1949-12-31");
  EXPECT_EQ(*fields.sex, "female");
  EXPECT_EQ(*fields.mobile, "13812345678");
  EXPECT_EQ(fields.relation, "self");

  ResidentFields mismatch = fields;
  mismatch.id_number = "11010519491231002X";
  mismatch.birth_date = "1950-01-01";
  EXPECT_EQ(validate_resident(mismatch).error().code, "birth_date_mismatch");

  ResidentFields no_sex;
  no_sex.name = "李四";
  EXPECT_EQ(validate_resident(no_sex).error().code, "missing_field");
}

TEST_F(RegistryTest, UnknownTagsAndNeedsAreRejected) {
  HouseholdFields fields = household("H-2");
  fields.tags = std::vector<std::string>{"elderly_alone", "vip"};
  auto result = create_household(*db_, staff_, community_id_, fields);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_tags");
  fields.tags = std::vector<std::string>{"独居老人"};  // Chinese labels map to codes
  fields.needs = std::vector<std::string>{"养老服务"};
  auto created = create_household(*db_, staff_, community_id_, fields);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->tags, std::vector<std::string>{"elderly_alone"});
  EXPECT_EQ(created->needs, std::vector<std::string>{"elderly_care"});
}

TEST(RegistryPermissions, OnlyStaffAndAdminsOfTheCommunitySeePersonalData) {
  Actor staff{1, "s", Role::staff, std::nullopt, {5}, ""};
  Actor guide{2, "g", Role::guide, std::nullopt, {5}, ""};
  Actor street{3, "st", Role::street, std::nullopt, {5, 6}, ""};
  Actor resident{4, "r", Role::resident, 77, {5}, ""};
  Actor admin{5, "a", Role::admin, std::nullopt, {}, ""};
  EXPECT_TRUE(permissions::may_see_personal_data(staff, 5));
  EXPECT_FALSE(permissions::may_see_personal_data(staff, 6));
  EXPECT_FALSE(permissions::may_see_personal_data(guide, 5));
  EXPECT_FALSE(permissions::may_see_personal_data(street, 5));
  EXPECT_FALSE(permissions::may_see_personal_data(resident, 5));
  EXPECT_TRUE(permissions::may_see_personal_data(admin, 6));
  EXPECT_TRUE(permissions::may_view_household(resident, 5, 77));
  EXPECT_FALSE(permissions::may_view_household(resident, 5, 78));
  EXPECT_TRUE(permissions::may_view_household(street, 6, 1));
  EXPECT_FALSE(permissions::may_edit_household(street, 6, 1));
  EXPECT_TRUE(permissions::may_edit_household_field(resident, "needs"));
  EXPECT_FALSE(permissions::may_edit_household_field(resident, "income_band"));
}

}  // namespace
}  // namespace gz::registry
