#include "modules/pb/pabulib.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "modules/pb/test_data.hpp"

namespace gz::pb {
namespace {

const char* kSmall =
    "META\n"
    "key;value\n"
    "description;A small test\n"
    "num_projects;3\n"
    "num_votes;4\n"
    "budget;100\n"
    "vote_type;approval\n"
    "rule;greedy\n"
    "PROJECTS\n"
    "project_id;cost;votes;name;selected\n"
    "1;60;3;Park;1\n"
    "2;50;2;\"Library; books\";0\n"
    "3;40;1;\"The \"\"Green\"\" corner\";1\n"
    "VOTES\n"
    "voter_id;vote;age\n"
    "a;1,2;34\n"
    "b;1;51\n"
    "c;1,2,3;23\n"
    "d;;19\n";

Election parse_ok(std::string_view text) {
  auto parsed = parse_pb(text);
  EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
  return parsed.ok() ? std::move(parsed.value()) : Election{};
}

std::string parse_error(std::string_view text) {
  auto parsed = parse_pb(text);
  EXPECT_FALSE(parsed.ok());
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.error().code, "invalid_pb_file");
  EXPECT_EQ(parsed.error().kind, ErrorKind::bad_request);
  return parsed.error().message;
}

TEST(Pabulib, reads_meta_projects_and_votes) {
  Election e = parse_ok(kSmall);
  EXPECT_EQ(e.budget, 100);
  EXPECT_EQ(e.amount_decimals, 0);
  EXPECT_EQ(e.vote_type, VoteType::approval);
  EXPECT_EQ(meta_value(e, "rule"), "greedy");
  EXPECT_EQ(meta_value(e, "description"), "A small test");
  ASSERT_EQ(e.projects.size(), 3u);
  EXPECT_EQ(e.projects[1].id, "2");
  EXPECT_EQ(e.projects[1].cost, 50);
  EXPECT_EQ(project_field(e, 1, "name"), "Library; books");
  EXPECT_EQ(project_field(e, 2, "name"), "The \"Green\" corner");
  EXPECT_EQ(project_field(e, 0, "missing"), std::nullopt);
  ASSERT_EQ(e.ballots.size(), 4u);
  EXPECT_EQ(e.ballots[2].projects, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_TRUE(e.ballots[3].projects.empty());
  EXPECT_EQ(e.vote_columns, (std::vector<std::string>{"age"}));
  EXPECT_EQ(e.ballots[1].fields, (std::vector<std::string>{"51"}));
  EXPECT_EQ(official_selection(e), (std::vector<std::size_t>{0, 2}));
  EXPECT_TRUE(e.warnings.empty());
}

TEST(Pabulib, writing_then_reading_gives_the_same_election) {
  Election e = parse_ok(kSmall);
  std::string written = write_pb(e);
  Election again = parse_ok(written);
  EXPECT_EQ(again, e);
  EXPECT_EQ(write_pb(again), written);  // the written form is stable
}

TEST(Pabulib, reads_the_variants_real_files_use) {
  // A byte order mark, CRLF line ends, blanks after ';' (as pabulib's own example writes),
  // the name column before cost, a quoted field spanning two lines, a META value with an
  // unquoted ';', no newline at the end, and num_votes that disagrees with the rows.
  std::string text =
      "\xEF\xBB\xBFMETA\r\n"
      "key; value\r\n"
      "budget; 1000.50\r\n"
      "vote_type; cumulative\r\n"
      "max_sum_points; 10\r\n"
      "comment; #1: one; #2: two\r\n"
      "num_votes; 3\r\n"
      "PROJECTS\r\n"
      "project_id; name; cost; category\r\n"
      "p1; \"Two\nlines\"; 600.25; culture, education\r\n"
      "p2; Plain; 400; sport\r\n"
      "VOTES\r\n"
      "voter_id; vote; points\r\n"
      "v1; p1, p2; 6, 4\r\n"
      "v2; p2; 10";
  Election e = parse_ok(text);
  EXPECT_EQ(e.amount_decimals, 2);
  EXPECT_EQ(e.budget, 100050);
  EXPECT_EQ(e.projects[0].cost, 60025);
  EXPECT_EQ(e.projects[1].cost, 40000);
  EXPECT_EQ(project_field(e, 0, "name"), "Two\nlines");
  EXPECT_EQ(project_field(e, 1, "category"), "sport");
  EXPECT_EQ(meta_value(e, "comment"), "#1: one;#2: two");  // blanks around a ';' go
  EXPECT_EQ(e.vote_type, VoteType::cumulative);
  ASSERT_TRUE(e.has_points);
  EXPECT_EQ(e.ballots[0].points, (std::vector<std::int64_t>{6, 4}));
  EXPECT_EQ(meta_value(e, "budget"), "1000.50");
  EXPECT_EQ(meta_value(e, "num_votes"), "2");
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("num_votes says 3"), std::string::npos);

  Election again = parse_ok(write_pb(e));
  EXPECT_EQ(again, e);
}

TEST(Pabulib, amounts_written_with_zero_decimals_stay_whole) {
  Election e = parse_ok(
      "META\nkey;value\nbudget;500000.00\nvote_type;approval\n"
      "PROJECTS\nproject_id;cost\n1;1200.0\nVOTES\nvoter_id;vote\n1;1\n");
  EXPECT_EQ(e.amount_decimals, 0);
  EXPECT_EQ(e.budget, 500000);
  EXPECT_EQ(e.projects[0].cost, 1200);
  EXPECT_EQ(format_amount(123456, 2), "1234.56");
  EXPECT_EQ(format_amount(5, 3), "0.005");
}

TEST(Pabulib, reads_a_decimal_comma) {
  Election e = parse_ok(
      "META\nkey;value\nbudget;1000\nvote_type;approval\n"
      "PROJECTS\nproject_id;cost\n1;\"12,5\"\nVOTES\nvoter_id;vote\n1;1\n");
  EXPECT_EQ(e.amount_decimals, 1);
  EXPECT_EQ(e.projects[0].cost, 125);
  EXPECT_EQ(e.budget, 10000);
  EXPECT_EQ(parse_ok(write_pb(e)), e);
}

TEST(Pabulib, errors_name_the_line) {
  const std::string head =
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10\n";
  EXPECT_NE(parse_error(head + "VOTES\nvoter_id;vote\nv1;1\nv2;7\n").find("line 11"),
            std::string::npos);
  EXPECT_NE(parse_error(head + "VOTES\nvoter_id;vote\nv1;1\nv2;7\n").find("unknown project \"7\""),
            std::string::npos);
  EXPECT_NE(parse_error("META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;ten\n"
                        "VOTES\nvoter_id;vote\n")
                .find("line 6"),
            std::string::npos);
  EXPECT_NE(parse_error("META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;-5\n"
                        "VOTES\nvoter_id;vote\n")
                .find("not a non-negative amount"),
            std::string::npos);
  EXPECT_NE(parse_error(head + "VOTES\nvoter_id;vote\nv1;1,1\n").find("twice"), std::string::npos);
  EXPECT_NE(parse_error("META\nkey;value\nbudget;100\nvote_type;cumulative\nPROJECTS\n"
                        "project_id;cost\n1;10\n2;20\nVOTES\nvoter_id;vote;points\nv1;1,2;3\n")
                .find("line 11: voter v1 has 2 projects but 1 points"),
            std::string::npos);
  EXPECT_NE(parse_error(head + "VOTES\nvoter_id;vote\nv1;\"1\n").find("line 10"),
            std::string::npos);
  EXPECT_NE(parse_error(head).find("VOTES section is missing"), std::string::npos);
  EXPECT_NE(parse_error("PROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\n")
                .find("META section is missing"),
            std::string::npos);
  EXPECT_NE(parse_error("META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10\n"
                        "VOTES\nvoter_id;vote\n")
                .find("no budget"),
            std::string::npos);
  EXPECT_NE(parse_error("META\nkey;value\nbudget;1\nPROJECTS\nproject_id;price\n1;10\n"
                        "VOTES\nvoter_id;vote\n")
                .find("line 5: PROJECTS has no cost column"),
            std::string::npos);
  EXPECT_NE(parse_error("META\nkey;value\nbudget;1\nvote_type;ranked\nPROJECTS\n").find("line 4"),
            std::string::npos);
  EXPECT_NE(parse_error(head + "VOTES\nvoter_id;vote\nv1;1;extra\n").find("more fields"),
            std::string::npos);
}

TEST(Pabulib, a_voter_seen_twice_is_a_warning) {
  Election e = parse_ok(
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;10\n"
      "VOTES\nvoter_id;vote\nv1;1\nv1;1\n");
  EXPECT_EQ(e.ballots.size(), 2u);
  ASSERT_EQ(e.warnings.size(), 1u);
  EXPECT_NE(e.warnings[0].find("line 11"), std::string::npos);
}

TEST(Pabulib, checks_ballots_against_the_meta_limits) {
  Election e = parse_ok(
      "META\nkey;value\nbudget;100\nvote_type;cumulative\nmax_sum_points;3\nmax_length;2\n"
      "PROJECTS\nproject_id;cost\n1;10\n2;10\n3;10\nVOTES\nvoter_id;vote;points\n");
  EXPECT_TRUE(check_ballot(e, Ballot{"v", {0, 1}, {2, 1}, {}}).ok());
  EXPECT_FALSE(check_ballot(e, Ballot{"v", {0, 1}, {2, 2}, {}}).ok());        // 4 points
  EXPECT_FALSE(check_ballot(e, Ballot{"v", {0, 1, 2}, {1, 1, 1}, {}}).ok());  // 3 projects
  EXPECT_FALSE(check_ballot(e, Ballot{"v", {0, 0}, {1, 1}, {}}).ok());        // twice
  EXPECT_FALSE(check_ballot(e, Ballot{"v", {0}, {}, {}}).ok());               // no points
  EXPECT_FALSE(check_ballot(e, Ballot{"v", {0}, {-1}, {}}).ok());
  EXPECT_FALSE(check_ballot(e, Ballot{"v", {9}, {1}, {}}).ok());
  auto refused = check_ballot(e, Ballot{"v", {0, 1}, {2, 2}, {}});
  EXPECT_EQ(refused.error().code, "invalid_ballot");
}

// Found by fuzz/pabulib_fuzz (UBSan: signed overflow on the last digit of an amount).
TEST(Pabulib, refuses_an_amount_one_past_the_int64_range) {
  const std::string tail = "PROJECTS\nproject_id;cost\n1;1\nVOTES\nvoter_id;vote\n";
  EXPECT_NE(
      parse_error("META\nkey;value\nbudget;9223372036854775809\n" + tail).find("is not an amount"),
      std::string::npos);
  EXPECT_EQ(parse_ok("META\nkey;value\nbudget;9223372036854775807\n" + tail).budget, INT64_MAX);
}

// Found by fuzz/pabulib_fuzz (UBSan: negating INT64_MIN read after a second sign).
TEST(Pabulib, refuses_points_with_two_signs) {
  const std::string head =
      "META\nkey;value\nbudget;1\nvote_type;cumulative\nPROJECTS\nproject_id;cost\n1;1\n"
      "VOTES\nvoter_id;vote;points\n";
  EXPECT_NE(parse_error(head + "1;1;--9223372036854775808\n").find("not a whole number"),
            std::string::npos);
  EXPECT_NE(parse_error(head + "1;1;+-5\n").find("not a whole number"), std::string::npos);
  EXPECT_EQ(parse_ok(head + "1;1;-5\n").ballots[0].points, (std::vector<std::int64_t>{-5}));
}

// Found by fuzz/pabulib_fuzz (UBSan: signed overflow summing a ballot's points).
TEST(Pabulib, refuses_a_ballot_whose_points_add_up_past_the_int64_range) {
  Election e = parse_ok(
      "META\nkey;value\nbudget;1\nvote_type;scoring\nPROJECTS\nproject_id;cost\n1;1\n2;1\n"
      "VOTES\nvoter_id;vote;points\n1;1,2;9223372036854775807,1\n");
  auto refused = check_ballot(e, e.ballots[0]);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, "invalid_ballot");
  EXPECT_FALSE(check_ballot(e, Ballot{"v", {0, 1}, {INT64_MIN, -1}, {}}).ok());
}

TEST(Pabulib, every_real_file_reads_and_round_trips) {
  const char* names[] = {"poland_katowice_2021_osiedle-tysiaclecia.pb",
                         "poland_krakow_2022_pradnik-bialy.pb",
                         "poland_lodz_2020_radogoszcz.pb",
                         "poland_lodz_2022_.pb",
                         "poland_warszawa_2019_bemowo.pb",
                         "poland_warszawa_2023_rembertow.pb",
                         "poland_wieliczka_2023.pb"};
  int read = 0;
  for (const char* name : names) {
    if (!testing::have_pabulib_file(name)) continue;
    auto e = read_pb_file(testing::pabulib_file(name));
    ASSERT_TRUE(e.ok()) << name << ": " << e.error().message;
    EXPECT_TRUE(e->warnings.empty()) << name << ": " << e->warnings.front();
    EXPECT_EQ(meta_int(*e, "num_votes"), static_cast<std::int64_t>(e->ballots.size())) << name;
    auto again = parse_pb(write_pb(*e));
    ASSERT_TRUE(again.ok()) << name << ": " << again.error().message;
    EXPECT_TRUE(again.value() == e.value()) << name;
    ++read;
  }
  if (read == 0) GTEST_SKIP() << "no pabulib files in " << testing::pabulib_dir();
  EXPECT_EQ(read, 7);
}

TEST(Pabulib, reads_the_ordinal_and_cumulative_files) {
  if (!testing::have_pabulib_file("poland_krakow_2022_pradnik-bialy.pb")) GTEST_SKIP();
  auto krakow = read_pb_file(testing::pabulib_file("poland_krakow_2022_pradnik-bialy.pb"));
  ASSERT_TRUE(krakow.ok());
  EXPECT_EQ(krakow->vote_type, VoteType::ordinal);
  EXPECT_EQ(krakow->ballots.size(), 3322u);
  EXPECT_EQ(krakow->ballots[0].points, (std::vector<std::int64_t>{3, 2, 1}));
  auto katowice =
      read_pb_file(testing::pabulib_file("poland_katowice_2021_osiedle-tysiaclecia.pb"));
  ASSERT_TRUE(katowice.ok());
  EXPECT_EQ(katowice->vote_type, VoteType::cumulative);
  EXPECT_EQ(meta_int(*katowice, "max_sum_points"), 3);
  EXPECT_EQ(katowice->vote_columns, (std::vector<std::string>{"sex", "age"}));
}

}  // namespace
}  // namespace gz::pb
