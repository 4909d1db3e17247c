// Black-box tests of the community assistant on SQLite and PostgreSQL: over a knowledge base
// of 24 entries that staff wrote, Chinese questions phrased differently from the stored ones
// find the right answer with its source; questions it cannot answer say so and land in the
// staff's unanswered log; guides draft and staff publish; edits and deletions reach the index
// at once; hostile queries (FTS5 syntax, SQL, wildcards, overlong) are plain text; classify
// suggests category and priority through the requests module's triage rules, and both the
// synonyms and the category keywords are configurable per community. The no-login throttle
// runs last.
#include <gtest/gtest.h>

#include <map>

#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "assistant-pass-42";

struct Seed {
  const char* question;
  const char* answer;
  const char* keywords;
  const char* source;
};

// 24 entries, as a community's staff would write them.
const Seed kKnowledgeBase[] = {
    {"生活垃圾清运时间", "每天清运两次：早上7:00—9:00、晚上18:30—20:30，请在投放时段内投放。",
     "倒垃圾 几点", "notice"},
    {"垃圾分类怎么分", "分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类，厨余垃圾请破袋投放。",
     "干垃圾 湿垃圾", "policy"},
    {"物业费缴纳标准和方式",
     "住宅物业费每月每平方米1.2元，按季度缴纳，可在物业服务中心或小程序缴纳。", "", "notice"},
    {"小区停车位怎么申请",
     "凭行驶证和房产证或租赁合同到物业服务中心登记申请地面停车位，按顺序轮候。", "", "faq"},
    {"停车收费标准", "地面固定车位每月150元，地下车库每月300元，访客首小时免费。", "", "notice"},
    {"电梯坏了怎么报修", "拨打轿厢内24小时救援电话或物业服务中心电话；有人被困请拨打96333。",
     "电梯故障", "faq"},
    {"最低生活保障怎么申请",
     "家庭人均收入低于低保标准的，由户主持户口簿、身份证和收入证明到社区服务站申请。",
     "低保 困难家庭 救助", "policy"},
    {"低保审批需要多长时间", "受理后10个工作日内入户调查，审批一般30个工作日内办结并公示7天。", "",
     "faq"},
    {"老年食堂在哪里，几点开饭",
     "长者食堂在3号楼一层，午餐11:00—12:30，晚餐17:00—18:00，60岁以上每餐补贴3元。", "助餐",
     "notice"},
    {"暑期托管班怎么报名", "面向6—12岁儿童，7月中旬开班，6月20日前在小程序报名，可用积分兑换名额。",
     "托管", "notice"},
    {"时间银行是什么，怎么参加",
     "为其他老人提供服务，时长存入时间银行，将来可兑换同样时长的服务。到社区服务站登记即可参加。",
     "互助养老", "policy"},
    {"贡献积分怎么获得", "参加议事会每次10分，志愿服务每小时5分，技能分享每次15分。", "", "policy"},
    {"积分可以兑换什么", "可以兑换长者食堂餐券、停车优惠券、暑期托管名额等。", "积分兑换", "faq"},
    {"对公示的分配方案有意见怎么办", "公示期7天内可在小程序或意见箱提出异议，社区逐条公开答复。",
     "异议 反对", "policy"},
    {"12345热线是做什么的", "12345是市民服务热线，24小时受理咨询、求助、投诉和建议。", "", "faq"},
    {"电动自行车在哪里充电", "2号楼和6号楼旁设有集中充电棚，扫码充电每小时0.5元，严禁飞线充电。",
     "", "notice"},
    {"冬季供暖时间", "供暖期为每年11月15日至次年3月15日，室温低于18℃可报修。", "", "notice"},
    {"燃气泄漏怎么办", "关闭燃气总阀，开窗通风，不要开关电器，到室外拨打燃气抢修电话。", "", "faq"},
    {"装修需要办理什么手续", "装修前到物业服务中心登记并签订装修管理协议，周末禁止噪音施工。", "",
     "policy"},
    {"养狗需要办证吗", "需办理养犬登记证并每年年检，犬只须接种狂犬疫苗，遛狗请牵绳。", "",
     "policy"},
    {"社区服务站的办公时间和电话", "周一至周五8:30—17:30办公，周六上午值班，电话010-6000 1234。",
     "", "notice"},
    {"快递柜取件码丢了怎么办", "在快递公司的小程序里重新获取取件码，或到南门驿站人工取件。", "",
     "faq"},
    {"居住证怎么办理", "持身份证和租房合同到社区服务站登记，再到派出所办理居住证。", "", "policy"},
    {"高龄津贴怎么领", "80周岁以上老人满80岁当月到社区服务站登记即可按月领取高龄津贴。", "",
     "policy"},
};

std::string encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("问答社区", "Q-1");
    other_id = world.community("隔壁社区", "Q-2");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    other_staff = world.community_user("other_staff", "staff", {other_id});
    resident = world.resident_user("resident", world.household(community_id, "1-101"));
    outsider = world.resident_user("outsider", world.household(other_id, "9-901"));
    for (const auto& seed : kKnowledgeBase) {
      entries[seed.question] =
          created_id(staff.post("/api/v1/assistant/entries", {{"community_id", community_id},
                                                              {"question", seed.question},
                                                              {"answer", seed.answer},
                                                              {"keywords", seed.keywords},
                                                              {"source", seed.source},
                                                              {"source_ref", "测试"},
                                                              {"published", true}}));
    }
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t other_id = 0;
  std::map<std::string, std::int64_t> entries;  // question → id
  Client anonymous{world.anonymous()}, staff{0}, guide{0}, street{0}, resident{0}, outsider{0},
      other_staff{0};
};

class AssistantApi : public BackendTest {
 protected:
  Fixture& f() { return shared<Fixture>(GetParam()); }
  std::string cid() { return std::to_string(f().community_id); }
  HttpResponse ask(const Client& client, const std::string& question) {
    return client.get("/api/v1/assistant/ask?community_id=" + cid() + "&q=" + encode(question));
  }
  HttpResponse send(const Client& client, const char* method, const std::string& target) {
    HttpRequest request{method, target, "", {}};
    if (!client.token().empty()) {
      request.headers.emplace_back("Authorization", "Bearer " + client.token());
    }
    return send_http(f().world.port(), request);
  }
};

TEST_P(AssistantApi, ParaphrasedChineseQuestionsFindTheStoredAnswer) {
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
      {"暖气什么时候来", "冬季供暖时间"},
      {"时间银行怎么加入", "时间银行是什么，怎么参加"},
  };
  int found = 0;
  for (const auto& [question, expected] : cases) {
    // Residents ask logged in; the public asks with the community's id. Same answers.
    auto response = ask(found % 2 ? f().resident : f().anonymous, question);
    ASSERT_EQ(response.status, 200) << question << ": " << response.body;
    auto body = response.json().as_object();
    EXPECT_TRUE(body.at("answered").as_bool()) << question << ": " << response.body;
    const auto& answers = body.at("answers").as_array();
    if (answers.empty()) continue;
    EXPECT_LE(answers.size(), 3u);
    const auto& best = answers.front().as_object();
    EXPECT_EQ(best.at("question").as_string(), expected) << question << ": " << response.body;
    EXPECT_EQ(best.at("entry_id").as_int64(), f().entries[expected]) << question;
    EXPECT_GE(best.at("score_bp").as_int64(), body.at("threshold_bp").as_int64());
    EXPECT_EQ(best.at("source_ref").as_string(), "测试");
    EXPECT_EQ(body.at("message").as_string(), best.at("answer").as_string());
    if (best.at("question").as_string() == expected) ++found;
  }
  EXPECT_EQ(found, static_cast<int>(cases.size()));
  // The source kind comes back with the answer.
  auto notice = ask(f().anonymous, "垃圾几点收走");
  ASSERT_EQ(notice.status, 200) << notice.body;
  EXPECT_EQ(notice.json().at("answers").at(0).at("source").as_string(), "notice");
}

TEST_P(AssistantApi, UnknownQuestionsSayIDontKnowAndReachTheStaffLog) {
  for (int i = 0; i < 2; ++i) {
    auto response =
        ask(i ? f().resident : f().anonymous, i ? "社区有没有游泳池？" : "社区有没有游泳池");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_FALSE(response.json().at("answered").as_bool()) << response.body;
    EXPECT_EQ(response.json().at("message").as_string(), "我不知道，已转给社区工作人员");
    EXPECT_TRUE(response.json().at("answers").as_array().empty());
    EXPECT_TRUE(response.json().at("unanswered_id").is_int64());
  }
  auto listed = f().staff.get("/api/v1/assistant/unanswered?community_id=" + cid());
  ASSERT_EQ(listed.status, 200) << listed.body;
  std::int64_t pool_id = 0;
  auto listed_json = listed.json();
  for (const auto& item : listed_json.at("items").as_array()) {
    if (item.at("question").as_string() == "社区有没有游泳池") {
      pool_id = item.at("id").as_int64();
      EXPECT_EQ(item.at("times_asked").as_int64(), 2);  // one wording, punctuation aside
    }
  }
  ASSERT_GT(pool_id, 0) << listed.body;
  // Residents do not read the log; another community's staff do not know of it.
  EXPECT_EQ(f().resident.get("/api/v1/assistant/unanswered?community_id=" + cid()).status, 403);
  EXPECT_EQ(f().other_staff.get("/api/v1/assistant/unanswered?community_id=" + cid()).status, 404);
  EXPECT_EQ(f().street.get("/api/v1/assistant/unanswered?community_id=" + cid()).status, 200);
  std::string resolve = "/api/v1/assistant/unanswered/" + std::to_string(pool_id) + "/resolve";
  EXPECT_EQ(f().resident.post(resolve, boost::json::object{}).status, 403);
  EXPECT_EQ(f().other_staff.post(resolve, boost::json::object{}).status, 404);
  auto wrong_entry = f().staff.post(resolve, {{"entry_id", 999999}});
  EXPECT_EQ(wrong_entry.status, 400) << wrong_entry.body;
  auto resolved =
      f().guide.post(resolve, {{"entry_id", f().entries["社区服务站的办公时间和电话"]}});
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_TRUE(resolved.json().at("resolved_at").is_string());
  EXPECT_EQ(f().staff.post(resolve, boost::json::object{}).error_code(), "already_resolved");
  // Handled questions leave the open list.
  auto open = f().staff.get("/api/v1/assistant/unanswered?community_id=" + cid());
  auto open_json = open.json();
  for (const auto& item : open_json.at("items").as_array()) {
    EXPECT_NE(item.at("id").as_int64(), pool_id);
  }
  auto all = f().staff.get("/api/v1/assistant/unanswered?community_id=" + cid() + "&resolved=true");
  EXPECT_NE(all.body.find("社区有没有游泳池"), std::string::npos);
}

TEST_P(AssistantApi, GuidesDraftStaffPublishAndTheIndexFollowsEveryEdit) {
  std::string cid_text = cid();
  boost::json::object draft{{"community_id", f().community_id},
                            {"question", "社区图书室开放时间"},
                            {"answer", "社区图书室在活动中心三楼，周二至周日9:00—17:00开放。"},
                            {"keywords", "看书 借书 阅览室"},
                            {"source", "notice"}};
  EXPECT_EQ(f().resident.post("/api/v1/assistant/entries", draft).status, 403);
  EXPECT_EQ(f().street.post("/api/v1/assistant/entries", draft).status, 403);
  auto published_by_guide = draft;
  published_by_guide["published"] = true;
  EXPECT_EQ(f().guide.post("/api/v1/assistant/entries", published_by_guide).status, 403);
  auto foreign = draft;
  foreign["community_id"] = f().other_id;
  EXPECT_EQ(f().staff.post("/api/v1/assistant/entries", foreign).status, 404);
  auto created = f().guide.post("/api/v1/assistant/entries", draft);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_FALSE(created.json().at("published").as_bool());
  std::string path =
      "/api/v1/assistant/entries/" + std::to_string(created.json().at("id").as_int64());

  // A draft is not public, and the assistant does not answer from it.
  EXPECT_EQ(f().anonymous.get(path).status, 404);
  EXPECT_EQ(f().resident.get(path).status, 404);
  EXPECT_EQ(f().staff.get(path).status, 200);
  EXPECT_FALSE(ask(f().anonymous, "图书室几点开门").json().at("answered").as_bool());
  auto drafts =
      f().guide.get("/api/v1/assistant/entries?community_id=" + cid_text + "&drafts=true");
  auto public_list =
      f().anonymous.get("/api/v1/assistant/entries?community_id=" + cid_text + "&drafts=true");
  ASSERT_EQ(public_list.status, 200);
  EXPECT_EQ(drafts.json().at("total").as_int64(), public_list.json().at("total").as_int64() + 1);

  // Guides may not publish; another community's staff do not see it; staff publish.
  EXPECT_EQ(f().guide.patch(path, {{"published", true}}).status, 403);
  EXPECT_EQ(f().other_staff.patch(path, {{"published", true}}).status, 404);
  EXPECT_EQ(f().staff.patch(path, {{"source", "rumour"}}).status, 400);
  auto published = f().staff.patch(path, {{"published", true}});
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(f().anonymous.get(path).status, 200);
  auto found = ask(f().anonymous, "图书室几点开门");
  ASSERT_TRUE(found.json().at("answered").as_bool()) << found.body;
  EXPECT_EQ(found.json().at("answers").at(0).at("question").as_string(), "社区图书室开放时间");
  // Published: guides may no longer edit it.
  EXPECT_EQ(f().guide.patch(path, {{"answer", "改"}}).status, 403);

  // An edit reaches the index at once.
  auto edited = f().staff.patch(
      path, {{"question", "社区阅览室开放时间"}, {"answer", "阅览室周二至周日8:30—18:00开放。"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto after_edit = ask(f().resident, "阅览室几点开门");
  ASSERT_TRUE(after_edit.json().at("answered").as_bool()) << after_edit.body;
  EXPECT_EQ(after_edit.json().at("answers").at(0).at("answer").as_string(),
            "阅览室周二至周日8:30—18:00开放。");

  // Deleting: staff only; then the assistant no longer knows.
  EXPECT_EQ(send(f().guide, "DELETE", path).status, 403);
  EXPECT_EQ(send(f().other_staff, "DELETE", path).status, 404);
  EXPECT_EQ(send(f().staff, "DELETE", path).status, 200);
  EXPECT_EQ(f().staff.get(path).status, 404);
  EXPECT_FALSE(ask(f().anonymous, "阅览室几点开门").json().at("answered").as_bool());
}

TEST_P(AssistantApi, HostileAndMalformedQueriesAreAnsweredNeverFailed) {
  for (const char* question :
       {"\"垃圾\" OR *", "NEAR(垃圾 清运)", "垃圾\"", "' OR 1=1 --", "%_\\", "垃圾 AND NOT 电梯",
        "col:垃圾", "^垃圾", "(((", "a", "电", "💩💩💩", "\t \n垃圾\t"}) {
    auto response = ask(f().resident, question);
    EXPECT_EQ(response.status, 200) << question << ": " << response.body;
  }
  EXPECT_EQ(ask(f().resident, std::string(201, 'x')).status, 400);
  EXPECT_EQ(ask(f().resident, "   ").status, 400);
  EXPECT_EQ(f().anonymous.get("/api/v1/assistant/ask?q=abc").status, 400);  // no community
  EXPECT_EQ(f().anonymous.get("/api/v1/assistant/ask?community_id=" + cid()).status, 400);
  EXPECT_EQ(f().anonymous.get("/api/v1/assistant/ask?community_id=x&q=abc").status, 400);
  EXPECT_EQ(f().anonymous.get("/api/v1/assistant/ask?community_id=999999&q=abc").status, 404);
  EXPECT_EQ(f().anonymous.get("/api/v1/assistant/ask?community_id=" + cid() + "&q=%FF%FE").status,
            400);
  // NUL and other control characters are refused, in questions and in entries alike.
  EXPECT_EQ(f().anonymous.get("/api/v1/assistant/ask?community_id=" + cid() + "&q=%00abc").status,
            400);
  EXPECT_EQ(f().staff
                .post("/api/v1/assistant/entries", {{"community_id", f().community_id},
                                                    {"question", std::string("问\0题", 7)},
                                                    {"answer", "答"}})
                .status,
            400);
  EXPECT_EQ(f().anonymous
                .post("/api/v1/assistant/classify",
                      {{"community_id", f().community_id}, {"text", std::string("漏\x01水")}})
                .status,
            400);
  // A percent sign is text, not a wildcard: it matches nothing rather than everything.
  auto wildcard = ask(f().resident, "%");
  ASSERT_EQ(wildcard.status, 200);
  EXPECT_FALSE(wildcard.json().at("answered").as_bool());
}

TEST_P(AssistantApi, ClassifySuggestsCategoryAndPriorityThroughTheTriageRules) {
  auto classify = [&](const Client& client, const std::string& text) {
    return client.post("/api/v1/assistant/classify",
                       {{"community_id", f().community_id}, {"text", text}});
  };
  auto trapped = classify(f().anonymous, "电梯坏了，老人被困在电梯里出不来");
  ASSERT_EQ(trapped.status, 200) << trapped.body;
  EXPECT_EQ(trapped.json().at("category").as_string(), "elevator");
  EXPECT_EQ(trapped.json().at("priority").as_string(), "red");  // triage rule 困在电梯
  EXPECT_EQ(trapped.json().at("priority_source").as_string(), "rule");
  EXPECT_NE(trapped.body.find("困在电梯"), std::string::npos);
  EXPECT_GT(trapped.json().at("confidence").as_double(), 0.5);

  auto rubbish = classify(f().resident, "楼下垃圾好几天没人清运了，很臭");
  ASSERT_EQ(rubbish.status, 200) << rubbish.body;
  EXPECT_EQ(rubbish.json().at("category").as_string(), "sanitation");
  EXPECT_EQ(rubbish.json().at("priority").as_string(), "blue");  // the category's default
  EXPECT_EQ(rubbish.json().at("priority_source").as_string(), "category");

  auto gas = classify(f().resident, "厨房里有很重的煤气味");
  EXPECT_EQ(gas.json().at("category").as_string(), "gas_leak");
  EXPECT_EQ(gas.json().at("priority").as_string(), "red");

  auto vague = classify(f().resident, "想问一下");
  EXPECT_EQ(vague.json().at("category").as_string(), "other");
  EXPECT_EQ(vague.json().at("confidence").as_double(), 0.0);

  // Per community: a keyword for a category, and a triage rule of the requests module.
  auto garage = "地库出口被一辆车堵住了";
  EXPECT_NE(classify(f().staff, garage).json().at("category").as_string(), "parking");
  std::string keywords = "/api/v1/assistant/category-keywords";
  boost::json::object rule{{"community_id", f().community_id},
                           {"category", "parking"},
                           {"keyword", "地库"},
                           {"weight", 5}};
  EXPECT_EQ(f().guide.post(keywords, rule).status, 403);
  auto unknown = rule;
  unknown["category"] = "spaceship";
  EXPECT_EQ(f().staff.post(keywords, unknown).status, 400);
  ASSERT_EQ(f().staff.post(keywords, rule).status, 201);
  EXPECT_EQ(classify(f().staff, garage).json().at("category").as_string(), "parking");
  EXPECT_EQ(classify(f().staff, garage).json().at("priority").as_string(), "blue");
  ASSERT_EQ(f().staff
                .post("/api/v1/requests/triage-rules", {{"community_id", f().community_id},
                                                        {"keyword", "堵住"},
                                                        {"priority", "yellow"},
                                                        {"note", "出口堵塞，按重要处理"}})
                .status,
            201);
  auto blocked = classify(f().staff, garage);
  EXPECT_EQ(blocked.json().at("priority").as_string(), "yellow") << blocked.body;
  EXPECT_EQ(blocked.json().at("priority_note").as_string(), "出口堵塞，按重要处理");
  // Another community keeps the defaults.
  auto elsewhere = f().anonymous.post("/api/v1/assistant/classify",
                                      {{"community_id", f().other_id}, {"text", garage}});
  EXPECT_NE(elsewhere.json().at("category").as_string(), "parking");
  auto listed = f().resident.get(keywords + "?community_id=" + cid());
  ASSERT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find("地库"), std::string::npos);
  EXPECT_EQ(f().outsider.get(keywords + "?community_id=" + cid()).status, 404);

  EXPECT_EQ(classify(f().resident, "").status, 400);
  EXPECT_EQ(f().resident.post("/api/v1/assistant/classify", {{"text", 5}}).status, 400);
  EXPECT_EQ(f().anonymous.post("/api/v1/assistant/classify", {{"text", "漏水"}}).status, 400);
  EXPECT_EQ(
      f().anonymous.post("/api/v1/assistant/classify", {{"community_id", 999999}, {"text", "漏水"}})
          .status,
      404);
}

TEST_P(AssistantApi, CommunitySynonymsTeachTheAssistantLocalWords) {
  EXPECT_FALSE(ask(f().resident, "丰巢打不开").json().at("answered").as_bool());
  boost::json::object group{{"community_id", f().community_id},
                            {"terms", boost::json::array{"快递柜", "丰巢", "智能柜"}}};
  EXPECT_EQ(f().guide.post("/api/v1/assistant/synonyms", group).status, 403);
  EXPECT_EQ(f().staff
                .post("/api/v1/assistant/synonyms", {{"community_id", f().community_id},
                                                     {"terms", boost::json::array{"只有一个"}}})
                .status,
            400);
  auto added = f().staff.post("/api/v1/assistant/synonyms", group);
  ASSERT_EQ(added.status, 201) << added.body;
  auto found = ask(f().resident, "丰巢打不开");
  ASSERT_TRUE(found.json().at("answered").as_bool()) << found.body;
  EXPECT_EQ(found.json().at("answers").at(0).at("question").as_string(), "快递柜取件码丢了怎么办");
  auto listed = f().guide.get("/api/v1/assistant/synonyms?community_id=" + cid());
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json().at("community").as_array().size(), 1u);
  EXPECT_FALSE(listed.json().at("defaults").as_array().empty());
  // The other community is not taught.
  auto other =
      f().anonymous.get("/api/v1/assistant/ask?community_id=" + std::to_string(f().other_id) +
                        "&q=" + encode("丰巢打不开"));
  ASSERT_EQ(other.status, 200);
  EXPECT_FALSE(other.json().at("answered").as_bool());
}

// Last: it spends this server's no-login budget.
TEST_P(AssistantApi, ZzCallersWithoutLoginAreThrottledLoggedInOnesAreNot) {
  int throttled = 0;
  for (int i = 0; i < 70; ++i) {
    auto response = ask(f().anonymous, "垃圾什么时候收");
    if (response.status == 429) {
      ++throttled;
      EXPECT_EQ(response.error_code(), "assistant_throttled");
    } else {
      EXPECT_EQ(response.status, 200);
    }
  }
  EXPECT_GE(throttled, 10);
  EXPECT_EQ(ask(f().resident, "垃圾什么时候收").status, 200);
}

GZ_ON_BACKENDS(AssistantApi);

}  // namespace
}  // namespace gz::test
