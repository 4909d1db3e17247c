// Retrieval over the demo knowledge base: questions phrased differently from the stored ones
// find the right entry above the threshold, unrelated questions stay under it, short Chinese
// words (two characters, below FTS5's trigram) still count, and the FTS5 expression and LIKE
// patterns built from hostile input stay plain strings.
#include "modules/assistant/retrieval.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "modules/assistant/demo.hpp"

namespace gz::assistant {
namespace {

std::vector<Document> knowledge_base() {
  std::vector<Document> out;
  std::int64_t id = 0;
  for (const auto& entry : demo_knowledge_base()) {
    out.push_back({++id, entry.question, entry.answer, entry.keywords});
  }
  return out;
}

std::string best_question(const std::string& question) {
  auto documents = knowledge_base();
  auto ranked =
      rank(question, documents, static_cast<std::int64_t>(documents.size()), default_synonyms());
  if (ranked.empty() || ranked.front().score_bp < kAnswerThresholdBp) return "";
  return documents[static_cast<std::size_t>(ranked.front().id - 1)].question;
}

std::int64_t best_score(const std::string& question) {
  auto documents = knowledge_base();
  auto ranked =
      rank(question, documents, static_cast<std::int64_t>(documents.size()), default_synonyms());
  return ranked.empty() ? 0 : ranked.front().score_bp;
}

TEST(AssistantRetrieval, ParaphrasedQuestionsFindTheRightEntry) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"垃圾什么时候收", "生活垃圾清运时间"},
      {"管理费怎么交", "物业费缴纳标准和方式"},
      {"升降机坏了找谁", "电梯坏了怎么报修"},
      {"家里困难，怎么吃上低保", "最低生活保障怎么申请"},
      {"老人在哪里吃饭", "老年食堂在哪里，几点开饭"},
      {"积分能换什么东西", "积分可以兑换什么"},
      {"暑假孩子没人带怎么办", "暑期托管班怎么报名"},
      {"车位怎么租", "小区停车位怎么申请"},
      {"公示的方案我不同意", "对公示的分配方案有意见怎么办"},
      {"市民热线是干什么的", "12345热线是做什么的"},
      {"电瓶车去哪充电", "电动自行车在哪里充电"},
      {"家里有很重的煤气味", "燃气泄漏怎么办"},
      {"暖气什么时候来", "冬季供暖时间"},
      {"时间银行怎么加入", "时间银行是什么，怎么参加"},
      {"ＤＩＹ装修要登记吗", "装修需要办理什么手续"},
  };
  for (const auto& [question, expected] : cases) {
    std::printf("[ score ] %s %lld\n", question.c_str(),
                static_cast<long long>(best_score(question)));
    EXPECT_EQ(best_question(question), expected)
        << question << " (best score " << best_score(question) << ")";
  }
}

TEST(AssistantRetrieval, UnrelatedQuestionsStayUnderTheThreshold) {
  for (const char* question :
       {"今天天气怎么样", "护照在哪里办", "社区有没有游泳池", "股票怎么买",
        "how do I renew a passport", "？？？", "的了吗", "怎么申请护照", "附近哪里可以买菜",
        "医院几点关门", "我想换工作", "电脑坏了谁能修", "孩子数学不好怎么办"}) {
    std::printf("[ score ] %s %lld\n", question, static_cast<long long>(best_score(question)));
    EXPECT_LT(best_score(question), kAnswerThresholdBp) << question;
  }
}

TEST(AssistantRetrieval, TwoCharacterWordsAndSynonymsBecomeFeatures) {
  auto found = features("电梯坏了", default_synonyms());
  EXPECT_TRUE(found.count("电梯"));
  EXPECT_TRUE(found.count("~电梯"));
  EXPECT_TRUE(found.count("?维修"));  // 坏了: an intent
  // Function characters split runs: no bigram across 什么.
  auto split = features("垃圾什么时候收", {});
  EXPECT_TRUE(split.count("垃圾"));
  EXPECT_FALSE(split.count("圾什"));
  EXPECT_FALSE(split.count("时候"));
  // Full-width Latin folds to lower-case ASCII words.
  EXPECT_TRUE(features("ＡＰＰ怎么用", {}).count("app"));
  EXPECT_TRUE(features("12345热线", {}).count("12345"));
}

TEST(AssistantRetrieval, ManagementFeeMeetsPropertyFeeOnlyThroughTheSynonymTable) {
  std::vector<Document> documents{{1, "物业费缴纳标准", "每月每平方米1.2元，按季度缴纳", ""},
                                  {2, "停车收费标准", "地面车位每月150元", ""},
                                  {3, "电梯报修", "拨打物业电话", ""}};
  auto without = rank("管理费怎么交", documents, 3, {});
  auto with = rank("管理费怎么交", documents, 3, default_synonyms());
  EXPECT_TRUE(without.empty() || without.front().score_bp < kAnswerThresholdBp);
  ASSERT_FALSE(with.empty());
  EXPECT_EQ(with.front().id, 1);
  EXPECT_GT(with.front().score_bp, 0);
}

TEST(AssistantRetrieval, CommunitySynonymsJoinTheDefaults) {
  std::vector<Document> documents{{1, "快递柜取件码丢了怎么办", "在小程序重新获取取件码", ""},
                                  {2, "电梯报修", "拨打物业电话", ""}};
  auto groups = default_synonyms();
  EXPECT_TRUE(rank("丰巢打不开", documents, 2, groups).empty());
  groups.push_back({"快递柜", "丰巢", "智能柜"});
  auto ranked = rank("丰巢打不开", documents, 2, groups);
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked.front().id, 1);
}

TEST(AssistantRetrieval, ScoresAreBoundedAndOrdered) {
  auto documents = knowledge_base();
  auto ranked = rank("生活垃圾清运时间", documents, 40, default_synonyms());
  ASSERT_GE(ranked.size(), 2u);
  EXPECT_LE(ranked.front().score_bp, 10000);
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    EXPECT_GE(ranked[i - 1].score_bp, ranked[i].score_bp);
  }
  EXPECT_TRUE(rank("", documents, 40, default_synonyms()).empty());
}

TEST(AssistantRetrieval, SearchTermsCoverBigramsAndSynonymPhrases) {
  auto terms = search_terms("垃圾几点收", default_synonyms());
  auto has = [&](const std::string& term) {
    return std::find(terms.begin(), terms.end(), term) != terms.end();
  };
  EXPECT_TRUE(has("垃圾"));
  EXPECT_TRUE(has("生活垃圾"));
  EXPECT_TRUE(has("时间"));   // 几点 is in the time group
  EXPECT_FALSE(has("清运"));  // no term of the collection group is in the text
}

TEST(AssistantRetrieval, Fts5ExpressionQuotesEverythingAndSkipsShortTerms) {
  EXPECT_EQ(fts5_match_expression({"垃圾", "生活垃圾"}), "\"生活垃圾\"");
  EXPECT_EQ(fts5_match_expression({"a\"b OR c*"}), "\"a\"\"b OR c*\"");
  EXPECT_EQ(fts5_match_expression({"ab"}), "");
  EXPECT_EQ(like_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
}

TEST(AssistantRetrieval, InvalidUtf8IsDroppedNotFatal) {
  std::string broken = "电梯\xff\xfe坏了\xe4";
  EXPECT_EQ(normalize(broken), "电梯坏了");
  EXPECT_FALSE(features(broken, default_synonyms()).empty());
}

}  // namespace
}  // namespace gz::assistant
