// Black-box tests of personal data in free text and beside masked ID numbers, on SQLite and
// PostgreSQL (security review 2026-12: HIGH-2, HIGH-3, MEDIUM-4, L2). A staff note with a
// mobile and an ID number — written plainly, with dashes and spaces, in full-width digits —
// reaches the public tracking page, Open311 and the transparency board masked; guides, street
// supervisors and residents read requests and every other record's free text masked while
// staff read it whole; roles without personal-data rights get a birth year, never a birth
// date, beside the masked ID number, in the API and in the CSV export; and adding a resident
// with an ID number that is already registered tells a guide nothing.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "harness.hpp"
#include "storage/database.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "pii-pass-42";
constexpr const char* kCommunityCode = "330106-001";

std::string valid_id(const std::string& first17) {
  return first17 + pii::id_check_character(first17);
}

// The review's example: a resident born 1956-12-18 of the community's own district.
const std::string kHolderId = valid_id("33010619561218674");
// The ID number staff typed into a note.
const std::string kNoteId = valid_id("33010619900101123");
// A number nobody holds yet.
const std::string kFreshId = valid_id("33010619800505432");

// One mobile in four writings and an ID number, as staff type them into notes.
std::string pii_text(const std::string& lead) {
  return lead + " 已电话联系住户张文博 13812345678，身份证" + kNoteId +
         "，明天上门 1号楼1单元301；备用 138-1234-5678、138 1234 5678 或 "
         "１３８１２３４５６７８";
}

// What must never reach a reader without personal-data rights, in any of its writings.
const std::vector<std::string>& raw_forms() {
  static const std::vector<std::string> forms = {
      "13812345678", "138-1234-5678", "138 1234 5678", "１３８１２３４５６７８",
      kNoteId,       "19900101",      kHolderId,       "19561218",
      "1956-12-18"};
  return forms;
}

void expect_nothing_raw(const HttpResponse& response, const std::string& what) {
  EXPECT_TRUE(response.status == 200 || response.status == 201) << what << ": " << response.body;
  for (const auto& form : raw_forms()) {
    EXPECT_EQ(response.body.find(form), std::string::npos) << form << " in " << what;
  }
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string masked_id(const std::string& id) {
  return id.substr(0, 4) + std::string(12, '*') + id.substr(16);
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    for (const std::string* part : {&name, &value}) {
      for (unsigned char c : *part) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
          out += static_cast<char>(c);
        } else {
          out += '%';
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
      }
      if (part == &name) out += '=';
    }
  }
  return out;
}

struct Fixture {
  explicit Fixture(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("隐私社区", kCommunityCode);
    household_a = world.household(community_id, "1-101");
    household_b = world.household(community_id, "2-201");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    street = world.community_user("street", "street", {community_id});
    resident = world.resident_user("resident", household_a);
    holder_resident = world.resident_with(
        household_a, {{"name", "陈桂英"}, {"id_number", kHolderId}, {"mobile", "13812345678"}});
    resident_a = holder_resident;
    resident_b = world.resident(household_b, "赵强", "male", "1985-04-05");
    api_key = world.open311_key("pii-client", community_id);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t household_a = 0, household_b = 0;
  std::int64_t holder_resident = 0, resident_a = 0, resident_b = 0;
  std::string api_key;
  Client anonymous{world.anonymous()}, staff{0}, guide{0}, street{0}, resident{0};
};

class PiiTest : public BackendTest {
 protected:
  Fixture& w() { return shared<Fixture>(GetParam()); }
  std::string cid() { return std::to_string(w().community_id); }
  std::string household(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/households/" + std::to_string(id) + rest;
  }
  // A request the resident filed in the app; returns {id, tracking code}.
  std::pair<std::int64_t, std::string> resident_request(const std::string& description,
                                                        const std::string& location) {
    auto response = w().resident.post(
        "/api/v1/requests",
        {{"category", "water_leak"}, {"description", description}, {"location", location}});
    EXPECT_EQ(response.status, 201) << response.body;
    if (response.status != 201) return {0, ""};
    return {response.json().at("id").as_int64(),
            std::string(response.json().at("tracking_code").as_string())};
  }
  HttpResponse note(std::int64_t request_id, const std::string& action, const std::string& text) {
    return w().staff.post("/api/v1/requests/" + std::to_string(request_id) + "/transitions",
                          {{"action", action}, {"note", text}});
  }
  // The staff id of a tracking code.
  std::int64_t staff_id_of(const std::string& code) {
    auto list = w().staff.get("/api/v1/requests?page_size=200&community_id=" + cid()).json();
    for (const auto& item : list.at("items").as_array()) {
      if (item.at("tracking_code").as_string() == code) return item.at("id").as_int64();
    }
    ADD_FAILURE() << "no request " << code;
    return 0;
  }
};

// HIGH-2 and L2: the note reaches the tracking page and Open311 masked, in every writing.
TEST_P(PiiTest, StaffNotesReachTheTrackingPageAndOpen311Masked) {
  auto [id, code] = resident_request("厨房水管漏水", "1号楼1单元301");
  ASSERT_FALSE(code.empty());
  ASSERT_EQ(note(id, "accept", pii_text("已受理。")).status, 200);

  auto track = w().anonymous.get("/api/v1/track/" + code);
  expect_nothing_raw(track, "the tracking page");
  std::string timeline = boost::json::serialize(track.json().at("timeline"));
  EXPECT_TRUE(contains(timeline, "138****5678")) << timeline;
  EXPECT_TRUE(contains(timeline, masked_id(kNoteId))) << timeline;
  EXPECT_TRUE(contains(timeline, "1号楼1单元301")) << timeline;  // short numbers stay

  // Open311's public list needs no code: a resident's app request shows the public phrase
  // for its status, never staff's words (names and flats are not recognised by any mask).
  const std::string jurisdiction = std::string("?jurisdiction_id=") + kCommunityCode;
  for (const std::string format : {"json", "xml"}) {
    expect_nothing_raw(w().anonymous.get("/open311/v2/requests." + format + jurisdiction),
                       "Open311 requests." + format);
    expect_nothing_raw(w().anonymous.get("/open311/v2/requests/" + code + "." + format),
                       "Open311 request." + format);
  }
  auto app_view = w().anonymous.get("/open311/v2/requests/" + code + ".json").json().at(0);
  EXPECT_EQ(app_view.at("status_notes").as_string(), "已受理");
  EXPECT_FALSE(contains(boost::json::serialize(app_view), "张文博"));

  // A request filed through Open311 is published: its text and notes, masked.
  auto posted =
      send_http(w().world.port(),
                {"POST",
                 "/open311/v2/requests.json",
                 form_encode({{"api_key", w().api_key},
                              {"service_code", "water_leak"},
                              {"address_string", "幸福路8号 联系138-1234-5678"},
                              {"description", "楼道水管漏水，请回电１３８１２３４５６７８"}}),
                 {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}}});
  ASSERT_EQ(posted.status, 200) << posted.body;
  std::string published_code(posted.json().at(0).at("service_request_id").as_string());
  ASSERT_EQ(note(staff_id_of(published_code), "accept", pii_text("已派人")).status, 200);
  for (const std::string format : {"json", "xml"}) {
    expect_nothing_raw(w().anonymous.get("/open311/v2/requests/" + published_code + "." + format),
                       "published Open311 request." + format);
    expect_nothing_raw(w().anonymous.get("/open311/v2/requests." + format + jurisdiction),
                       "Open311 list with a published request." + format);
  }
  auto published = w().anonymous.get("/open311/v2/requests/" + published_code + ".json").json();
  const auto& item = published.at(0);
  EXPECT_TRUE(contains(std::string(item.at("status_notes").as_string()), "138****5678")) << item;
  EXPECT_TRUE(contains(std::string(item.at("status_notes").as_string()), masked_id(kNoteId)))
      << item;
  EXPECT_TRUE(contains(std::string(item.at("description").as_string()), "138****5678")) << item;
  EXPECT_TRUE(contains(std::string(item.at("address").as_string()), "138****5678")) << item;

  // Staff keep the note as written.
  auto staff_view = w().staff.get("/api/v1/requests/" + std::to_string(id)).json();
  EXPECT_EQ(staff_view.at("events").as_array().back().at("note").as_string(), pii_text("已受理。"));
}

// MEDIUM-4: guides, street supervisors and the resident read the case masked; staff whole.
TEST_P(PiiTest, GuidesStreetAndResidentsReadRequestsMaskedAndStaffWhole) {
  const std::string description = pii_text("楼上漏水。");
  const std::string location = "3号楼 138-1234-5678 身份证" + kNoteId;
  auto [id, code] = resident_request(description, location);
  ASSERT_NE(id, 0);
  ASSERT_EQ(note(id, "comment", pii_text("内部备注")).status, 200);
  ASSERT_EQ(note(id, "resolve", "已修好").status, 200);
  auto rated = w().resident.post("/api/v1/requests/" + std::to_string(id) + "/rating",
                                 {{"score", 5}, {"comment", "谢谢，有事打我13812345678"}});
  ASSERT_EQ(rated.status, 200) << rated.body;
  expect_nothing_raw(rated, "the resident's rating answer");

  const std::string one = "/api/v1/requests/" + std::to_string(id);
  const std::string queue = "/api/v1/requests?page_size=200&community_id=" + cid();
  for (auto [client, who] : {std::pair{&w().guide, "guide"}, std::pair{&w().street, "street"},
                             std::pair{&w().resident, "resident"}}) {
    auto view = client->get(one);
    expect_nothing_raw(view, std::string(who) + " GET request");
    auto json = view.json();
    EXPECT_TRUE(contains(std::string(json.at("description").as_string()), "138****5678")) << who;
    EXPECT_TRUE(contains(std::string(json.at("location").as_string()), masked_id(kNoteId))) << who;
    EXPECT_TRUE(contains(std::string(json.at("rating_comment").as_string()), "138****5678")) << who;
    expect_nothing_raw(client->get(std::string(who) == "resident" ? "/api/v1/requests" : queue),
                       std::string(who) + " request list");
  }
  auto staff_view = w().staff.get(one).json();
  EXPECT_EQ(staff_view.at("description").as_string(), description);
  EXPECT_EQ(staff_view.at("location").as_string(), location);
  EXPECT_EQ(staff_view.at("rating_comment").as_string(), "谢谢，有事打我13812345678");
  bool note_whole = false;
  for (const auto& event : staff_view.at("events").as_array()) {
    note_whole = note_whole || (event.at("note").is_string() &&
                                event.at("note").as_string() == pii_text("内部备注"));
  }
  EXPECT_TRUE(note_whole) << staff_view;
}

// HIGH-3: a birth year, never a birth date, beside the masked ID number; in exports too.
TEST_P(PiiTest, RolesWithoutPersonalDataRightsGetABirthYearNotABirthDate) {
  for (auto [client, who] : {std::pair{&w().guide, "guide"}, std::pair{&w().street, "street"},
                             std::pair{&w().resident, "resident"}}) {
    for (const std::string path :
         {household(w().household_a), household(w().household_a, "/residents")}) {
      auto view = client->get(path);
      expect_nothing_raw(view, std::string(who) + " " + path);
      auto json = view.json();
      const auto& residents =
          (json.as_object().contains("residents") ? json.at("residents") : json.at("items"))
              .as_array();
      ASSERT_FALSE(residents.empty()) << who;
      const auto& holder = residents.front().as_object();
      EXPECT_FALSE(holder.contains("birth_date")) << who << " " << path << ": " << holder;
      EXPECT_EQ(holder.at("birth_year").as_int64(), 1956) << who;
      EXPECT_EQ(holder.at("id_number").as_string(), masked_id(kHolderId)) << who;
      EXPECT_EQ(holder.at("mobile").as_string(), "138****5678") << who;
    }
  }
  auto staff_view = w().staff.get(household(w().household_a)).json();
  const auto& full = staff_view.at("residents").at(0);
  EXPECT_EQ(full.at("birth_date").as_string(), "1956-12-18");
  EXPECT_EQ(full.at("birth_year").as_int64(), 1956);
  EXPECT_EQ(full.at("id_number").as_string(), kHolderId);

  // The export: a birth-year column in place of the birth date for masked roles.
  const std::string export_path = "/api/v1/households/export?community_id=" + cid();
  for (auto [client, who] : {std::pair{&w().guide, "guide"}, std::pair{&w().street, "street"}}) {
    auto zh = client->get(export_path);
    expect_nothing_raw(zh, std::string(who) + " export");
    EXPECT_TRUE(contains(zh.body, "出生年份")) << who;
    EXPECT_FALSE(contains(zh.body, "出生日期")) << who;
    EXPECT_TRUE(contains(zh.body, masked_id(kHolderId) + ",")) << zh.body;
    EXPECT_TRUE(contains(zh.body, ",1956," + masked_id(kHolderId))) << zh.body;
    auto en = client->get(export_path + "&lang=en");
    expect_nothing_raw(en, std::string(who) + " export (en)");
    EXPECT_TRUE(contains(en.body, "birth_year")) << who;
  }
  auto staff_export = w().staff.get(export_path);
  ASSERT_EQ(staff_export.status, 200);
  EXPECT_TRUE(contains(staff_export.body, "出生日期"));
  EXPECT_TRUE(contains(staff_export.body, "1956-12-18," + kHolderId));
}

// HIGH-3's oracle: a guide adding a resident learns nothing of whether the number is taken.
TEST_P(PiiTest, AddingAResidentDoesNotTellAGuideWhetherAnIdNumberIsRegistered) {
  const std::string path = household(w().household_b, "/residents");
  auto taken = w().guide.post(path, {{"name", "冒名者"}, {"id_number", kHolderId}});
  auto fresh = w().guide.post(path, {{"name", "新住户"}, {"id_number", kFreshId}});
  ASSERT_EQ(taken.status, 201) << taken.body;
  ASSERT_EQ(fresh.status, 201) << fresh.body;
  // The same answer, field for field, each with its own number masked.
  auto taken_json = taken.json().as_object();
  auto fresh_json = fresh.json().as_object();
  std::set<std::string> taken_keys, fresh_keys;
  for (const auto& field : taken_json) taken_keys.insert(std::string(field.key()));
  for (const auto& field : fresh_json) fresh_keys.insert(std::string(field.key()));
  EXPECT_EQ(taken_keys, fresh_keys);
  EXPECT_EQ(taken_json.at("id_number").as_string(), masked_id(kHolderId));
  EXPECT_EQ(fresh_json.at("id_number").as_string(), masked_id(kFreshId));
  EXPECT_EQ(taken_json.at("birth_year").as_int64(), 1956);
  EXPECT_FALSE(taken_json.contains("birth_date"));
  EXPECT_FALSE(taken_json.contains("id_number_dispute"));
  // And so does every later view the guide has.
  auto guide_view = w().guide.get(household(w().household_b));
  expect_nothing_raw(guide_view, "guide household view");
  std::map<std::string, std::string> shown;
  auto guide_json = guide_view.json();
  for (const auto& person : guide_json.at("residents").as_array()) {
    EXPECT_FALSE(person.as_object().contains("id_number_dispute")) << person;
    if (person.at("id_number").is_string()) {
      shown[std::string(person.at("name").as_string())] = person.at("id_number").as_string();
    }
  }
  EXPECT_EQ(shown["冒名者"], masked_id(kHolderId));
  EXPECT_EQ(shown["新住户"], masked_id(kFreshId));

  // Staff may know: their own add is refused, and they see the dispute to settle.
  auto by_staff = w().staff.post(path, {{"name", "再录一次"}, {"id_number", kHolderId}});
  EXPECT_EQ(by_staff.status, 409) << by_staff.body;
  EXPECT_EQ(by_staff.error_code(), "resident_exists");
  auto staff_view = w().staff.get(household(w().household_b)).json();
  bool dispute_seen = false;
  for (const auto& person : staff_view.at("residents").as_array()) {
    if (person.at("name").as_string() == "冒名者") {
      dispute_seen = true;
      EXPECT_TRUE(person.at("id_number").is_null()) << person;
      const auto& dispute = person.at("id_number_dispute");
      EXPECT_EQ(dispute.at("id_number").as_string(), kHolderId);
      EXPECT_EQ(dispute.at("holder_resident_id").as_int64(), w().holder_resident);
      EXPECT_EQ(dispute.at("holder_household_id").as_int64(), w().household_a);
    }
    if (person.at("name").as_string() == "新住户") {
      EXPECT_EQ(person.at("id_number").as_string(), kFreshId);
      EXPECT_FALSE(person.as_object().contains("id_number_dispute"));
    }
  }
  EXPECT_TRUE(dispute_seen) << staff_view;
  // The number stays with the resident who held it: the unique constraint held.
  auto holder_view = w().staff.get(household(w().household_a)).json();
  EXPECT_EQ(holder_view.at("residents").at(0).at("id_number").as_string(), kHolderId);
  auto database = storage::open_database(w().world.url());
  auto connection = database->connect();
  EXPECT_EQ(
      connection->query_int("SELECT COUNT(*) FROM residents WHERE id_number = ?", {kHolderId}), 1);
}

// HIGH-2 on the transparency board: objections, answers, history notes, evaluations and
// spending, to anyone; spending to guides and street masked, to staff whole.
TEST_P(PiiTest, TheBoardPublishesEveryTextMasked) {
  ASSERT_EQ(w().staff
                .put_json("/api/v1/transparency/settings?community_id=" + cid(),
                          {{"notice_days", 7}, {"objection_threshold_bp", 10000}})
                .status,
            200);
  boost::json::array categories{
      boost::json::object{
          {"category", "elderly_care"}, {"policy_weight", 60}, {"demand_weight", 50}},
      boost::json::object{{"category", "childcare"}, {"policy_weight", 40}, {"demand_weight", 50}}};
  std::int64_t plan =
      created_id(w().staff.post("/api/v1/allocation/plans", {{"community_id", w().community_id},
                                                             {"quarter", "2031Q1"},
                                                             {"total", 100000},
                                                             {"unit", "fen"},
                                                             {"categories", categories}}));
  const std::string base = "/api/v1/plans/" + std::to_string(plan);
  auto move = [&](Client& who, const char* action, const std::string& text) {
    auto response = who.post(base + "/transitions", {{"action", action}, {"note", text}});
    EXPECT_EQ(response.status, 200) << action << ": " << response.body;
  };
  move(w().staff, "publish", pii_text("公示"));
  auto objection = w().resident.post(base + "/objections", {{"text", pii_text("异议")}});
  ASSERT_EQ(objection.status, 201) << objection.body;
  expect_nothing_raw(objection, "the resident's objection answer");
  ASSERT_EQ(w().staff
                .post(base + "/objections/" + std::to_string(objection.json().at("id").as_int64()) +
                          "/answer",
                      {{"answer", pii_text("答复")}})
                .status,
            200);
  ASSERT_EQ(w().staff
                .post(base + "/evaluations", {{"kind", "third_party"},
                                              {"evaluator", "评估中心 13812345678"},
                                              {"summary", pii_text("评估")},
                                              {"score", 80}})
                .status,
            201);
  {
    auto database = storage::open_database(w().world.url());
    auto connection = database->connect();
    connection->execute(
        "UPDATE plan_lifecycle SET notice_started_ms = notice_started_ms - ? WHERE plan_id = ?",
        {std::int64_t{8} * 24 * 3600 * 1000, plan});
  }
  move(w().staff, "open_vote", "提交议事会");
  pass_council_and_assessment(w().staff, plan);
  move(w().street, "approve", pii_text("同意"));
  auto spent = w().staff.post(base + "/spending", {{"category", "elderly_care"},
                                                   {"amount", 1000},
                                                   {"purpose", pii_text("助餐")},
                                                   {"payee_category", "service_provider"},
                                                   {"receipt_ref", "FP-13812345678"},
                                                   {"household_ids", boost::json::array{}}});
  ASSERT_EQ(spent.status, 201) << spent.body;

  for (const std::string path : {"/api/v1/public/notices?community_id=" + cid(),
                                 "/api/v1/public/plans/" + std::to_string(plan),
                                 "/api/v1/public/plans/" + std::to_string(plan) + "/print",
                                 "/api/community-resources?community_id=" + cid()}) {
    expect_nothing_raw(w().anonymous.get(path), path);
  }
  auto board = w().anonymous.get("/api/v1/public/plans/" + std::to_string(plan)).json();
  EXPECT_TRUE(
      contains(std::string(board.at("history").at(0).at("note").as_string()), "138****5678"));
  EXPECT_TRUE(
      contains(std::string(board.at("feedback").at(0).at("text").as_string()), masked_id(kNoteId)));
  EXPECT_TRUE(
      contains(std::string(board.at("feedback").at(0).at("answer").as_string()), "138****5678"));
  EXPECT_TRUE(
      contains(std::string(board.at("spending").at(0).at("purpose").as_string()), "138****5678"));
  EXPECT_EQ(board.at("spending").at(0).at("receipt_ref").as_string(), "FP-138****5678");

  const std::string spending = base + "/spending";
  expect_nothing_raw(w().guide.get(spending), "guide spending");
  expect_nothing_raw(w().street.get(spending), "street spending");
  auto staff_spending = w().staff.get(spending).json();
  EXPECT_EQ(staff_spending.at("items").at(0).at("purpose").as_string(), pii_text("助餐"));
}

// The rest of the free text guides, street supervisors and residents read: unanswered
// questions, improvement tasks and the quarterly report, needs assessments, time-bank notes,
// points memos, proposals and the property fund. Staff read each whole.
TEST_P(PiiTest, OtherRecordsFreeTextReachesRolesWithoutRightsMasked) {
  const std::string text = pii_text("记录");
  const std::int64_t now_ms = test_now_seconds() * 1000;

  // A question asked without a login that the knowledge base cannot answer.
  auto asked = w().anonymous.get("/api/v1/assistant/ask?community_id=" + cid() +
                                 "&q=%E8%AF%B7%E5%9B%9E%E7%94%B5%2013812345678");  // 请回电
  ASSERT_EQ(asked.status, 200) << asked.body;
  const std::string unanswered = "/api/v1/assistant/unanswered?community_id=" + cid();
  expect_nothing_raw(w().guide.get(unanswered), "guide unanswered");
  expect_nothing_raw(w().street.get(unanswered), "street unanswered");
  EXPECT_TRUE(contains(w().staff.get(unanswered).body, "13812345678"));

  // An improvement task with notes, and the quarter's report.
  const std::string quarter = Quarter::containing(now_ms).name();
  auto task =
      w().staff.post("/api/v1/improvements", {{"community_id", w().community_id},
                                              {"indicator", "complaint_rate"},
                                              {"period", quarter},
                                              {"title", "回访13812345678"},
                                              {"due_on", format_date(now_ms + 30 * kDayMs)}});
  ASSERT_EQ(task.status, 201) << task.body;
  auto moved =
      w().staff.patch("/api/v1/improvements/" + std::to_string(task.json().at("id").as_int64()),
                      {{"stage", "do"}, {"note", text}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  const std::string improvements = "/api/v1/improvements?community_id=" + cid();
  expect_nothing_raw(w().guide.get(improvements), "guide improvements");
  expect_nothing_raw(w().street.get(improvements), "street improvements");
  EXPECT_TRUE(contains(w().staff.get(improvements).body, "13812345678"));
  for (const std::string format : {"json", "csv", "html"}) {
    const std::string report =
        "/api/v1/reports/" + quarter + "?community_id=" + cid() + "&format=" + format;
    expect_nothing_raw(w().guide.get(report), "guide report " + format);
    expect_nothing_raw(w().street.get(report), "street report " + format);
  }

  // A guide's needs assessment.
  ASSERT_EQ(w().guide
                .post("/api/v1/needs/assessments", {{"household_id", w().household_a},
                                                    {"dimension", "health"},
                                                    {"score", 80},
                                                    {"reason", text}})
                .status,
            201);
  const std::string needs = household(w().household_a, "/needs");
  expect_nothing_raw(w().street.get(needs), "street needs");
  expect_nothing_raw(w().resident.get(needs), "resident needs");
  EXPECT_TRUE(contains(w().staff.get(needs).body, "13812345678"));

  // A time-bank service recorded by the guide.
  auto service =
      w().guide.post("/api/v1/timebank/services", {{"provider_resident_id", w().resident_b},
                                                   {"recipient_resident_id", w().resident_a},
                                                   {"service_date", format_date(now_ms)},
                                                   {"minutes", 60},
                                                   {"service_type", "companionship"},
                                                   {"note", text}});
  ASSERT_EQ(service.status, 201) << service.body;
  expect_nothing_raw(service, "guide's time-bank answer");
  const std::string services = "/api/v1/timebank/services?community_id=" + cid();
  expect_nothing_raw(w().resident.get(services), "resident time-bank services");
  EXPECT_TRUE(contains(w().staff.get(services).body, "13812345678"));

  // A points award with a memo.
  ASSERT_EQ(w().staff
                .post("/api/v1/points/awards", {{"resident_id", w().resident_a},
                                                {"rule", "meeting"},
                                                {"quantity", 1},
                                                {"reference", "pii-meeting"},
                                                {"memo", "联系人13812345678"}})
                .status,
            201);
  const std::string postings =
      "/api/v1/points/accounts/" + std::to_string(w().resident_a) + "/postings";
  expect_nothing_raw(w().resident.get(postings), "resident postings");
  EXPECT_TRUE(contains(w().staff.get(postings).body, "13812345678"));

  // A resident's proposal.
  ASSERT_EQ(
      w().resident
          .post("/api/v1/proposals", {{"title", "加装电梯"}, {"body", text}, {"submit", true}})
          .status,
      201);
  const std::string proposals = "/api/v1/proposals?community_id=" + cid();
  expect_nothing_raw(w().guide.get(proposals), "guide proposals");
  expect_nothing_raw(w().street.get(proposals), "street proposals");
  EXPECT_TRUE(contains(w().staff.get(proposals).body, "13812345678"));

  // A property expense.
  ASSERT_EQ(w().staff
                .post("/api/v1/property/expenses", {{"community_id", w().community_id},
                                                    {"amount_fen", 35000},
                                                    {"category", "cleaning"},
                                                    {"payee_category", "service_provider"},
                                                    {"receipt_ref", "FP-13812345678"},
                                                    {"purpose", text},
                                                    {"spent_on", format_date(now_ms)}})
                .status,
            201);
  const std::string fund = "/api/v1/property/fund?community_id=" + cid();
  expect_nothing_raw(w().resident.get(fund), "resident fund");
  expect_nothing_raw(w().guide.get(fund), "guide fund");
  EXPECT_TRUE(contains(w().staff.get(fund).body, "13812345678"));
}

GZ_ON_BACKENDS(PiiTest);

}  // namespace
}  // namespace gz::test
