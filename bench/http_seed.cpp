// The fixture of the HTTP benchmark (issue 9, bench/run-http.sh): a fresh SQLite database with
// one community, one household and one staff user made through the normal use cases, then N
// requests bulk-inserted with valid tracking codes, each with its "submit" event, in
// transactions of 20,000 rows. Writes a sample of the tracking codes, one a line, for the
// lookup script, and prints `key=value` lines (community_id, household_id, username, requests)
// for the shell.
//
// The bulk rows carry the same columns submit_request writes, but they bypass the use case on
// purpose: a million submissions through it would take an hour of fsyncs. So the audit chain
// has no entries for them (and `gongzhi ledger verify` would not expect any: the chain covers
// what it holds). This is a read-benchmark fixture, never a database to serve people from.
//
//   build-bench/http_seed --db sqlite:/tmp/x.db --requests 1000000 --codes FILE [--sample N]
//                         [--password PW]
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/sla.hpp"
#include "modules/requests/tracking_code.hpp"
#include "storage/migrate.hpp"

namespace {

using namespace gz;

constexpr std::int64_t kRowsPerTransaction = 20'000;

struct Options {
  std::string url;
  std::int64_t requests = 1'000'000;
  std::string codes_path;
  std::int64_t sample = 10'000;
  std::string password = "gongzhi-bench-2026";
};

int usage(const std::string& message) {
  std::cerr << "http_seed: " << message
            << "\nusage: http_seed --db sqlite:PATH --requests N --codes FILE [--sample N] "
               "[--password PW]\n";
  return 2;
}

template <typename T>
T must(Result<T> result, const char* what) {
  if (!result) {
    std::cerr << "http_seed: " << what << ": " << result.error().code << ": "
              << result.error().message << "\n";
    std::exit(1);
  }
  return std::move(*result);
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (argc % 2 == 0) return usage("every flag takes a value");
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--db") {
      options.url = value;
    } else if (flag == "--requests") {
      options.requests = std::atoll(value.c_str());
    } else if (flag == "--codes") {
      options.codes_path = value;
    } else if (flag == "--sample") {
      options.sample = std::atoll(value.c_str());
    } else if (flag == "--password") {
      options.password = value;
    } else {
      return usage("unknown flag " + flag);
    }
  }
  if (options.url.rfind("sqlite:", 0) != 0) return usage("--db must be sqlite:PATH");
  if (options.requests < 1 || options.sample < 1)
    return usage("--requests and --sample must be > 0");
  if (options.codes_path.empty()) return usage("--codes is required");

  auto started = std::chrono::steady_clock::now();
  auto database = storage::open_database(options.url);
  auto db = database->connect();
  storage::migrate(*db);
  if (db->query_int("SELECT COUNT(*) FROM communities") != 0) {
    return usage("the database is not fresh; give a new file");
  }

  // The cast, through the normal use cases.
  Actor system = audit::system_actor();
  auto community = must(registry::create_community(
                            *db, system, {"基准社区", "HTTP-BENCH", std::nullopt, std::nullopt}),
                        "create community");
  registry::HouseholdFields fields;
  fields.code = "B-101";
  fields.address = "基准路1号1栋101";
  auto household =
      must(registry::create_household(*db, system, community.id, fields), "create household");
  accounts::NewUser staff;
  staff.username = "bench_staff";
  staff.role = Role::staff;
  staff.community_ids = {community.id};
  staff.password = options.password;
  staff.display_name = "基准工作人员";
  std::int64_t staff_id = must(accounts::add_user(*db, system, staff), "add staff user");

  // A fixture, not a record: no fsync per batch, and a page cache big enough for the random
  // inserts into the tracking-code index. The server reopens the file with its own settings.
  db->execute_script("PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");

  // Secondary indexes cost less built once after the load than kept up to date row by row.
  // The unique index on tracking_code (no `sql`: it comes from the column) stays, so a
  // colliding code is still refused.
  std::vector<std::string> deferred_indexes;
  for (const auto& row :
       db->query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                 "sql IS NOT NULL AND tbl_name IN ('requests', 'request_events')")) {
    deferred_indexes.push_back(row.text(1));
    db->execute_script("DROP INDEX " + row.text(0));
  }

  auto category = requests::find_category(*db, community.id, "public_facility");
  if (!category) return usage("no public_facility category after migration");
  auto calendar = requests::current_calendar(*db);
  std::int64_t now_ms = now_epoch_ms();
  std::string now = format_iso8601(now_ms);
  std::int64_t next_id = db->query_int("SELECT COALESCE(MAX(id), 0) FROM requests") + 1;
  const std::string priority = "blue";  // the category's default, no keyword raises it
  const std::string description = "3号楼门口路灯不亮，晚上出入不便，请安排维修。";

  std::mt19937_64 spread(20260930);
  std::vector<std::string> sample;
  sample.reserve(static_cast<std::size_t>(std::min(options.sample, options.requests)));
  std::int64_t sample_every = std::max<std::int64_t>(1, options.requests / options.sample);
  std::int64_t collisions = 0;

  for (std::int64_t done = 0; done < options.requests;) {
    std::int64_t batch = std::min(kRowsPerTransaction, options.requests - done);
    storage::with_transaction(*db, storage::TxMode::write, [&] {
      for (std::int64_t i = 0; i < batch; ++i) {
        std::int64_t id = next_id + done + i;
        // Received some time in the last day: none is overdue yet, so the server's escalation
        // job (every 30 s) has nothing to write while the benchmark measures it.
        std::int64_t received_ms =
            now_ms - static_cast<std::int64_t>(spread() % static_cast<std::uint64_t>(kDayMs));
        std::int64_t response_due =
            requests::response_due_ms(requests::Priority::blue, received_ms, *calendar);
        std::int64_t resolution_due = requests::resolution_due_ms(
            requests::Priority::blue, category->resolution_working_days, received_ms, *calendar);
        std::string received_at = format_iso8601(received_ms);
        std::string code;
        // 31^8 codes: about one collision per million rows is expected; draw again, as
        // submit_request does.
        for (;;) {
          code = requests::new_tracking_code();
          std::int64_t inserted = db->execute(
              "INSERT INTO requests (id, community_id, tracking_code, category, description, "
              "priority, priority_source, triage_note, status, channel, household_id, "
              "submitted_by_user_id, open311_client_id, contact_name, contact_phone, location, "
              "latitude, longitude, received_at, received_ms, response_due_ms, "
              "resolution_due_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, "
              "'submitted', 'phone', ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?, ?, ?, ?, ?, ?) "
              "ON CONFLICT (tracking_code) DO NOTHING",
              {id, community.id, code, category->code, description, priority,
               std::string("category"), household.id, staff_id, received_at, received_ms,
               response_due, resolution_due, now, now});
          if (inserted == 1) break;
          ++collisions;
        }
        db->execute(
            "INSERT INTO request_events (community_id, request_id, at, at_ms, actor_user_id, "
            "actor_role, action, from_status, to_status, note, is_public) VALUES (?, ?, ?, ?, "
            "?, 'staff', 'submit', NULL, 'submitted', NULL, 1)",
            {community.id, id, received_at, received_ms, staff_id});
        if ((done + i) % sample_every == 0 &&
            sample.size() < static_cast<std::size_t>(options.sample)) {
          sample.push_back(code);
        }
      }
    });
    done += batch;
  }
  for (const auto& sql : deferred_indexes) db->execute_script(sql);
  db->execute_script("PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE);");

  std::ofstream codes(options.codes_path);
  for (const auto& code : sample) codes << code << "\n";
  if (!codes) return usage("cannot write " + options.codes_path);

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "community_id=" << community.id << "\nhousehold_id=" << household.id
            << "\nusername=" << staff.username
            << "\nrequests=" << db->query_int("SELECT COUNT(*) FROM requests")
            << "\nevents=" << db->query_int("SELECT COUNT(*) FROM request_events")
            << "\ncollisions=" << collisions << "\nseconds=" << seconds << "\n";
  return 0;
}
