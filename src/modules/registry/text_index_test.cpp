// The household text index against a real SQLite database, through the registry's commands.
#include "modules/registry/text_index.hpp"

#include <gtest/gtest.h>

#include "modules/audit/audit_log.hpp"
#include "modules/registry/registry.hpp"
#include "storage/temp_database.hpp"

namespace gz::registry {
namespace {

class TextIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = audit::system_actor();
    for (const char* code : {"T-1", "T-2"}) {
      auto community =
          create_community(db(), admin_, {std::string("社区") + code, code, {}, "测试街道"});
      ASSERT_TRUE(community.ok());
      communities_.push_back(community->id);
    }
  }
  storage::Connection& db() { return temp_.connection(); }
  std::int64_t household(std::int64_t community_id, const std::string& code,
                         const std::string& address) {
    HouseholdFields fields;
    fields.code = code;
    fields.address = address;
    auto created = create_household(db(), admin_, community_id, fields);
    EXPECT_TRUE(created.ok());
    return created->id;
  }
  void resident(std::int64_t household_id, const std::string& name) {
    ResidentFields fields;
    fields.name = name;
    fields.sex = "female";
    ASSERT_TRUE(add_resident(db(), admin_, household_id, fields).ok());
  }

  storage::TempDatabase temp_;
  Actor admin_;
  std::vector<std::int64_t> communities_;
};

TEST_F(TextIndexTest, FindsByNameCodeOrAddressInTheCommunitiesAsked) {
  auto wang = household(communities_[0], "BS-001", "北山路1号101");
  resident(wang, "王秀英");
  auto li = household(communities_[0], "BS-002", "北山路1号102");
  resident(li, "李建国");
  auto other = household(communities_[1], "NS-001", "南山路9号");
  resident(other, "王建国");
  TextIndex index(std::chrono::minutes(10));
  using Ids = std::vector<std::int64_t>;
  EXPECT_EQ(index.find(db(), communities_, "建国"), (Ids{li, other}));
  EXPECT_EQ(index.find(db(), {communities_[0]}, "建国"), (Ids{li}));
  EXPECT_EQ(index.find(db(), communities_, "秀"), (Ids{wang}));
  EXPECT_EQ(index.find(db(), communities_, "bs-00"), (Ids{wang, li}));  // ASCII without case
  EXPECT_EQ(index.find(db(), communities_, "南山路"), (Ids{other}));
  EXPECT_TRUE(index.find(db(), communities_, "赵").empty());
  EXPECT_TRUE(index.find(db(), communities_, "").empty());
  // No match across two fields: the code's end and the address's start are not one text.
  EXPECT_TRUE(index.find(db(), communities_, "001北山").empty());
}

TEST_F(TextIndexTest, ReadsACommunityAgainOnlyAfterItsNextAuditedWrite) {
  auto first = household(communities_[0], "A-1", "一号楼");
  resident(first, "张三");
  household(communities_[1], "B-1", "二号楼");
  TextIndex index(std::chrono::minutes(10));
  EXPECT_EQ(index.find(db(), communities_, "张三").size(), 1u);
  EXPECT_EQ(index.loads(), 2u);
  index.find(db(), communities_, "楼");
  EXPECT_EQ(index.loads(), 2u);  // both kept

  auto second = household(communities_[0], "A-2", "三号楼");  // audited in community 0
  resident(second, "张三丰");
  EXPECT_EQ(index.find(db(), communities_, "张三").size(), 2u);
  EXPECT_EQ(index.loads(), 3u);  // only the community written to was read again
}

TEST(TextIndex, FoldsAsciiOnly) {
  EXPECT_EQ(fold_ascii("AbC-王Z"), "abc-王z");
}

}  // namespace
}  // namespace gz::registry
