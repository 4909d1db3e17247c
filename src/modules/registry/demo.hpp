// Deterministic demo data for the registry (一户一档): communities of the same street, each a
// realistic mixed neighbourhood of about 40 buildings (old walk-ups and newer high-rises),
// 4,500 households and 13,000 residents (8,000 registered, 5,000 migrants, 22% aged 60+),
// with tags, needs and skills, five guides sharing the caseload, and a demo login for every
// role. Everything is derived from the seed and the fixed reference date 2026-11-29, never
// from the clock, so the same seed gives the same names, ID numbers, ages and row ids. Every
// row is written through the audit chain with personal data masked. Used by `gongzhi demo`
// (with `--communities N` for load tests) and by tests that need a populated registry.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace gz::registry {

struct DemoOptions {
  int communities = 1;
  std::uint64_t seed = 20261129;
  int households_per_community = 4500;
  std::string password = "gongzhi2026";
  // The demo's "now": its year of history ends here, and ages are counted to this year.
  // The default is the fixed date the modules' own demo tests use (requests::kDemoAsOfMs).
  std::int64_t as_of_ms = 1'795'910'400'000;
};

struct DemoLogin {
  std::string username;
  std::string password;
  std::string role;
  std::string note;
};

struct DemoSummary {
  int communities = 0;
  int buildings = 0;
  int households = 0;
  int residents = 0;
  int registered = 0;
  int migrants = 0;
  int aged_60_plus = 0;
  std::vector<std::int64_t> community_ids;
  std::vector<DemoLogin> logins;
  std::int64_t resident_household_id = 0;  // the demo resident's household
};

// Generates the demo into an empty, migrated database. Same seed → same data (names, ids, ages).
// Throws std::invalid_argument for options out of range and std::runtime_error when the
// database already holds communities or a demo user cannot be created.
DemoSummary generate_demo(storage::Connection& connection, const DemoOptions& options);

}  // namespace gz::registry
