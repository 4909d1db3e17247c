// Black-box tests of participatory budgeting on SQLite and PostgreSQL: a pabulib file
// imported through the API gives the official greedy winners through the results route;
// one ballot per household; no ballot outside the voting window; ballot limits hold.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/clock.hpp"
#include "harness.hpp"

namespace gz::test {
namespace {

constexpr const char* kPassword = "pb-pass-42";

// Where the shared pabulib files live (as src/modules/pb/test_data.hpp finds them).
std::string pabulib_file(const std::string& name) {
  if (const char* dir = std::getenv("GONGZHI_PABULIB_DIR"); dir && *dir) {
    return std::string(dir) + "/" + name;
  }
  std::filesystem::path repo = std::filesystem::path(__FILE__).parent_path() / ".." / "..";
  return (repo / ".." / "shared" / "data" / "pabulib" / name).lexically_normal().string();
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A ';'-separated row with CSV quoting.
std::vector<std::string> split_row(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        out.back() += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ';') {
      out.emplace_back();
    } else if (ch != '\r') {
      out.back() += ch;
    }
  }
  return out;
}

// The project ids whose `selected` column is 1: the official outcome written in the file.
std::set<std::string> official_selection(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line) && line.rfind("PROJECTS", 0) != 0) {
  }
  std::getline(in, line);
  auto header = split_row(line);
  std::size_t id_column = 0, selected_column = header.size();
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == "project_id") id_column = i;
    if (header[i] == "selected") selected_column = i;
  }
  while (std::getline(in, line) && line.rfind("VOTES", 0) != 0) {
    auto row = split_row(line);
    if (selected_column < row.size() && row[selected_column] == "1") out.insert(row[id_column]);
  }
  return out;
}

struct Town {
  explicit Town(Backend backend) : world(backend, {}, kPassword) {
    community_id = world.community("预算社区", "PB-1");
    staff = world.community_user("staff", "staff", {community_id});
    guide = world.community_user("guide", "guide", {community_id});
    household_a = world.household(community_id, "A");
    household_b = world.household(community_id, "B");
    // alice and alan share household A: one ballot between them.
    alice = world.resident_user("alice", household_a);
    alan = world.resident_user("alan", household_a);
    bob = world.resident_user("bob", household_b);
  }
  World world;
  std::int64_t community_id = 0;
  std::int64_t household_a = 0, household_b = 0;
  Client staff{0}, guide{0}, alice{0}, alan{0}, bob{0};
};

class PbTest : public BackendTest {
 protected:
  Town& t() { return shared<Town>(GetParam()); }

  std::int64_t election(const std::string& name, std::int64_t opens_offset_ms,
                        std::int64_t closes_offset_ms, std::int64_t budget = 100,
                        std::optional<std::int64_t> max_length = std::nullopt) {
    std::int64_t now = now_epoch_ms();
    boost::json::object body{{"community_id", t().community_id},
                             {"name", name},
                             {"budget", budget},
                             {"rule", "greedy"},
                             {"voting_opens_at", format_iso8601(now + opens_offset_ms)},
                             {"voting_closes_at", format_iso8601(now + closes_offset_ms)}};
    if (max_length) body["max_length"] = *max_length;
    auto response = t().staff.post("/api/v1/pb/elections", body);
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json().at("id").as_int64();
  }
  std::int64_t project(Client& who, std::int64_t election_id, const std::string& name,
                       std::int64_t cost) {
    auto response = who.post("/api/v1/pb/elections/" + std::to_string(election_id) + "/projects",
                             {{"name", name}, {"cost", cost}});
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json().at("id").as_int64();
  }
  HttpResponse vote(Client& who, std::int64_t election_id, boost::json::array projects) {
    return who.post("/api/v1/pb/elections/" + std::to_string(election_id) + "/ballots",
                    {{"projects", std::move(projects)}});
  }
};

constexpr std::int64_t kHour = 3600 * 1000;

TEST_P(PbTest, AnImportedWarsawElectionGivesTheOfficialGreedyWinners) {
  const std::string path = pabulib_file("poland_warszawa_2023_rembertow.pb");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not there";
  std::string text = read_text(path);
  auto imported = t().staff.post_raw(
      "/api/v1/pb/import?community_id=" + std::to_string(t().community_id), text, "text/plain");
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.json().at("projects").as_int64(), 38);
  EXPECT_EQ(imported.json().at("ballots").as_int64(), 1172);
  auto id = std::to_string(imported.json().at("id").as_int64());

  auto results = t().alice.get("/api/v1/pb/elections/" + id + "/results?rule=greedy");
  ASSERT_EQ(results.status, 200) << results.body;
  auto body = results.json();
  std::set<std::string> selected;
  for (const auto& project : body.at("selected").as_array()) {
    selected.insert(std::string(project.at("project_key").as_string()));
  }
  auto official = official_selection(text);
  ASSERT_FALSE(official.empty());
  EXPECT_EQ(selected, official);
  EXPECT_LE(body.at("cost").as_int64(), body.at("budget").as_int64());

  auto shares = t().staff.get("/api/v1/pb/elections/" + id + "/results?rule=equal-shares-add1");
  ASSERT_EQ(shares.status, 200) << shares.body;
  EXPECT_LE(shares.json().at("cost").as_int64(), 1011308);
  EXPECT_EQ(t().staff.get("/api/v1/pb/elections/" + id + "/results?rule=lottery").status, 400);
  // An imported election is closed: it takes no new ballots.
  EXPECT_EQ(vote(t().bob, std::stoll(id), {}).status, 409);
  // Only staff import.
  EXPECT_EQ(t().guide
                .post_raw("/api/v1/pb/import?community_id=" + std::to_string(t().community_id),
                          text, "text/plain")
                .status,
            403);
}

TEST_P(PbTest, OneBallotPerHouseholdAndGreedyCountsThem) {
  std::int64_t id = election("楼道微更新", -kHour, kHour, 100);
  std::int64_t lift = project(t().alice, id, "加装扶手", 60);
  std::int64_t garden = project(t().staff, id, "口袋花园", 50);
  std::int64_t bench = project(t().bob, id, "长椅", 40);
  auto first = vote(t().alice, id, {lift, bench});
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = vote(t().alice, id, {garden});
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.error_code(), "already_voted");
  auto same_household = vote(t().alan, id, {garden});
  EXPECT_EQ(same_household.status, 409) << same_household.body;
  // The community's list says, to each household, whether it voted (another phone of the
  // household knows before it tries).
  auto voted_at = [&](Client& client) {
    auto listed =
        client.get("/api/v1/pb/elections?community_id=" + std::to_string(t().community_id));
    EXPECT_EQ(listed.status, 200) << listed.body;
    auto body = listed.json();
    for (const auto& item : body.at("items").as_array()) {
      if (item.at("id").as_int64() == id) return !item.at("my_ballot_at").is_null();
    }
    ADD_FAILURE() << "election " << id << " not listed";
    return false;
  };
  EXPECT_TRUE(voted_at(t().alan));
  EXPECT_FALSE(voted_at(t().bob));
  EXPECT_EQ(vote(t().bob, id, {lift, garden}).status, 201);
  EXPECT_TRUE(voted_at(t().bob));
  EXPECT_EQ(vote(t().staff, id, {garden}).status, 403);
  // Projects cannot be added once ballots are in.
  auto late = t().alice.post("/api/v1/pb/elections/" + std::to_string(id) + "/projects",
                             {{"name", "晚到的项目"}, {"cost", 10}});
  EXPECT_EQ(late.status, 409) << late.body;

  // Votes: lift 2, bench 1, garden 1. Greedy: lift (60), then bench (40; garden's tie goes to
  // the lower cost) → 100 used; garden no longer fits.
  auto results = t().bob.get("/api/v1/pb/elections/" + std::to_string(id) + "/results");
  ASSERT_EQ(results.status, 200) << results.body;
  auto body = results.json();
  std::vector<std::int64_t> chosen;
  for (const auto& p : body.at("selection_order").as_array()) chosen.push_back(p.as_int64());
  EXPECT_EQ(chosen, (std::vector<std::int64_t>{lift, bench}));
  EXPECT_EQ(body.at("cost").as_int64(), 100);
}

TEST_P(PbTest, ABallotOutsideTheVotingWindowIsRefused) {
  std::int64_t closed = election("已结束", -2 * kHour, -kHour);
  EXPECT_EQ(vote(t().bob, closed, {}).error_code(), "voting_closed");
  EXPECT_EQ(vote(t().bob, closed, {}).status, 409);
  std::int64_t later = election("未开始", kHour, 2 * kHour);
  std::int64_t p = project(t().staff, later, "路灯", 10);
  auto early = vote(t().bob, later, {p});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.error_code(), "voting_not_open");
}

TEST_P(PbTest, ABallotMustKeepTheElectionsLimits) {
  std::int64_t id = election("限选两项", -kHour, kHour, 100, 2);
  std::int64_t a = project(t().staff, id, "甲", 10);
  std::int64_t b = project(t().staff, id, "乙", 10);
  std::int64_t c = project(t().staff, id, "丙", 10);
  auto too_many = vote(t().bob, id, {a, b, c});
  EXPECT_EQ(too_many.status, 400) << too_many.body;
  EXPECT_EQ(too_many.error_code(), "invalid_ballot");
  auto twice = vote(t().bob, id, {a, a});
  EXPECT_EQ(twice.status, 400) << twice.body;
  auto unknown = vote(t().bob, id, {a, 999999});
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(vote(t().bob, id, {a, b}).status, 201);
}

// The sections of a `.pb` text: META as key → value, PROJECTS and VOTES as rows keyed by
// their header (split_row handles the quoting).
struct PbSections {
  std::map<std::string, std::string> meta;
  std::vector<std::map<std::string, std::string>> projects, votes;
};
PbSections sections(const std::string& text) {
  PbSections out;
  std::istringstream in(text);
  std::string line, section;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line == "META" || line == "PROJECTS" || line == "VOTES") {
      section = line;
      std::getline(in, line);
      header = split_row(line);
      continue;
    }
    if (line.empty()) continue;
    auto row = split_row(line);
    if (section == "META" && row.size() >= 2) out.meta[row[0]] = row[1];
    if (section == "PROJECTS" || section == "VOTES") {
      std::map<std::string, std::string> fields;
      for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) fields[header[i]] = row[i];
      (section == "PROJECTS" ? out.projects : out.votes).push_back(std::move(fields));
    }
  }
  return out;
}

// Each ballot's approved project ids, sorted, as a multiset: what the rules read of VOTES.
std::multiset<std::string> ballot_multiset(const PbSections& file) {
  std::multiset<std::string> out;
  for (const auto& vote : file.votes) {
    std::set<std::string> ids;
    std::stringstream in(vote.at("vote"));
    for (std::string id; std::getline(in, id, ',');) ids.insert(id);
    std::string joined;
    for (const auto& id : ids) joined += id + ",";
    out.insert(joined);
  }
  return out;
}

std::string selected_keys(Client& who, const std::string& election_id, const std::string& rule) {
  auto results = who.get("/api/v1/pb/elections/" + election_id + "/results?rule=" + rule);
  EXPECT_EQ(results.status, 200) << results.body;
  std::string out;
  auto body = results.json();
  for (const auto& p : body.at("selected").as_array()) {
    out += std::string(p.at("project_key").as_string()) + ",";
  }
  return out;
}

TEST_P(PbTest, AnExportedElectionReadsBackWithTheSameProjectsBallotsAndResults) {
  const std::string path = pabulib_file("poland_warszawa_2023_rembertow.pb");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is not there";
  std::string original = read_text(path);
  std::string cid = std::to_string(t().community_id);
  auto imported =
      t().staff.post_raw("/api/v1/pb/import?community_id=" + cid, original, "text/plain");
  ASSERT_EQ(imported.status, 201) << imported.body;
  auto id = std::to_string(imported.json().at("id").as_int64());

  auto exported = t().alice.get("/api/v1/pb/elections/" + id + "/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  EXPECT_EQ(exported.headers["content-type"], "text/plain; charset=utf-8");
  EXPECT_NE(exported.headers["content-disposition"].find("attachment"), std::string::npos);
  auto before = sections(original);
  auto after = sections(exported.body);
  EXPECT_EQ(after.meta["num_projects"], "38");
  EXPECT_EQ(after.meta["num_votes"], "1172");
  EXPECT_EQ(after.meta["budget"], before.meta["budget"]);
  ASSERT_EQ(after.projects.size(), before.projects.size());
  for (std::size_t i = 0; i < before.projects.size(); ++i) {
    EXPECT_EQ(after.projects[i]["project_id"], before.projects[i]["project_id"]);
    EXPECT_EQ(after.projects[i]["cost"], before.projects[i]["cost"]);
    EXPECT_EQ(after.projects[i]["votes"], before.projects[i]["votes"]);
    // Imported elections are closed: `selected` is the greedy outcome, as the file's was.
    EXPECT_EQ(after.projects[i]["selected"], before.projects[i]["selected"]);
  }
  EXPECT_EQ(ballot_multiset(after), ballot_multiset(before));
  std::set<std::string> voter_ids;
  for (const auto& vote : after.votes) voter_ids.insert(vote.at("voter_id"));
  EXPECT_EQ(voter_ids.size(), after.votes.size());

  // The pabulib reader of the CLI computes the same winners from the export.
  auto file = std::filesystem::temp_directory_path() / ("gz-export-" + id + ".pb");
  std::ofstream(file, std::ios::binary) << exported.body;
  std::string from_original, from_export;
  EXPECT_EQ(
      run_cli({"pb", "compute", path, "--rule", "equal-shares-add1", "--json"}, "", &from_original),
      0);
  EXPECT_EQ(run_cli({"pb", "compute", file.string(), "--rule", "equal-shares-add1", "--json"}, "",
                    &from_export),
            0)
      << from_export;
  EXPECT_EQ(from_export, from_original);
  std::filesystem::remove(file);

  // Importing the export gives the same results by both rules.
  auto again =
      t().staff.post_raw("/api/v1/pb/import?community_id=" + cid, exported.body, "text/plain");
  ASSERT_EQ(again.status, 201) << again.body;
  auto again_id = std::to_string(again.json().at("id").as_int64());
  for (const char* rule : {"greedy", "equal-shares", "equal-shares-add1"}) {
    EXPECT_EQ(selected_keys(t().staff, again_id, rule), selected_keys(t().staff, id, rule)) << rule;
  }
}

TEST_P(PbTest, AnExportNamesTheCommunityAndNoHousehold) {
  std::int64_t id = election("2026 楼道微更新", -kHour, kHour, 100);
  std::int64_t lift = project(t().staff, id, "加装电梯扶手", 60);
  std::int64_t light = project(t().staff, id, "楼道照明改造; \"二期\"", 40);
  ASSERT_EQ(vote(t().alice, id, {lift, light}).status, 201);
  ASSERT_EQ(vote(t().bob, id, {light}).status, 201);
  auto exported = t().bob.get("/api/v1/pb/elections/" + std::to_string(id) + "/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  auto file = sections(exported.body);
  EXPECT_EQ(file.meta["description"], "2026 楼道微更新");
  EXPECT_EQ(file.meta["country"], "China");
  EXPECT_EQ(file.meta["unit"], "预算社区");
  EXPECT_EQ(file.meta["vote_type"], "approval");
  EXPECT_EQ(file.meta["rule"], "greedy");
  EXPECT_EQ(file.meta["num_projects"], "2");
  EXPECT_EQ(file.meta["num_votes"], "2");
  ASSERT_EQ(file.projects.size(), 2u);
  EXPECT_EQ(file.projects[1]["name"], "楼道照明改造; \"二期\"");
  EXPECT_EQ(file.projects[1]["votes"], "2");
  // Voting is still open: no outcome yet.
  EXPECT_EQ(file.projects[0].count("selected"), 0u);
  EXPECT_EQ(exported.body.find("household"), std::string::npos);
  ASSERT_EQ(file.votes.size(), 2u);
  // Sorted by content, numbered from 1: bob's {light} comes before alice's {lift, light}
  // only through the content, never through who or when.
  EXPECT_EQ(file.votes[0]["voter_id"], "1");
  EXPECT_EQ(file.votes[1]["voter_id"], "2");
  EXPECT_EQ(t().bob.get("/api/v1/pb/elections/999999/export").status, 404);
}

GZ_ON_BACKENDS(PbTest);

}  // namespace
}  // namespace gz::test
