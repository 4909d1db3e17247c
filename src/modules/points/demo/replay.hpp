// Replaying the points demo's year through the real use cases in the order it happened (a
// small discrete-event loop), so postings get ascending ids in date order and every one obeys
// the ledger's rules: the planned award batches (points::award) and corrections
// (points::correct); the points shop, where each day residents holding points visit with a
// chance that grows with their balance and their habits (spenders, savers who wait for the
// dear items, hoarders) and choose among the items they may have (points::redeem); and the
// time bank: records, confirmations, disputes, transfers, the nightly expiry job and family
// transfers (timebank::record_service, confirm_service, dispute_service, transfer,
// expire_services). A use case refusing a planned step is a bug here and throws. Internal to
// the points demo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/calendar.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "modules/points/demo.hpp"
#include "modules/points/demo/awards.hpp"
#include "modules/points/demo/community.hpp"
#include "modules/points/demo/shop.hpp"
#include "storage/database.hpp"

namespace gz::points::demo {

enum class Step {
  award_batch,
  correction,
  shop_day,
  redemption,
  service_record,
  service_outcome,
  transfer,
  expiry_job,
  family_time,
};

struct Event {
  std::int64_t at_ms = 0;
  std::int64_t seq = 0;
  Step step = Step::award_batch;
  std::size_t index = 0;
};
struct Later {
  bool operator()(const Event& a, const Event& b) const {
    return std::tie(a.at_ms, a.seq) > std::tie(b.at_ms, b.seq);
  }
};

struct DoubleEntry {
  std::size_t batch = 0;  // the batch holding the second entry
  std::string original_reference;
  std::int64_t resident_id = 0;
};

enum class Fate { confirm, dispute, lapse };

struct ServicePlan {
  std::size_t provider = 0;  // person indices
  std::size_t recipient = 0;
  std::int64_t service_day = 0;
  std::int64_t minutes = 0;
  std::string type;
  std::string note;
  std::int64_t record_ms = 0;
  Fate fate = Fate::confirm;
  std::int64_t outcome_ms = 0;  // confirm or dispute; 0: none before as_of
  std::int64_t service_id = 0;
  bool recorded = false;
};

struct TransferPlan {
  std::int64_t from_resident_id = 0;
  std::int64_t to_resident_id = 0;
  std::int64_t minutes = 0;
};

struct Habit {
  int chance_percent = 100;           // how often they visit the shop, relative to the average
  bool saver = false;                 // saves for one dear item at a time
  std::optional<std::size_t> target;  // what a saver is saving for, an index into the items
};

class Replay {
 public:
  Replay(storage::Connection& db, const Community& community, const WorkCalendar& calendar,
         std::uint64_t seed, std::int64_t as_of_ms, std::int64_t floor_minutes);

  // Queues a step at `at_ms`; steps at or after as_of never happen.
  void schedule(std::int64_t at_ms, Step step, std::size_t index) {
    if (at_ms >= as_of_ms_) return;
    queue_.push({at_ms, next_seq_++, step, index});
  }

  // Runs every queued step in time order (ties in the order they were queued).
  void run();

  std::vector<Batch> batches;
  std::vector<DoubleEntry> double_entries;
  std::vector<ShopItem> items;
  std::vector<ServicePlan> services;
  std::vector<TransferPlan> transfers;
  std::vector<std::size_t> providers;              // person indices, in joining order
  std::vector<std::int64_t> provider_start_ms;     // when each joined
  std::unordered_map<std::int64_t, Habit> habits;  // by resident id
  std::set<std::int64_t> earners;                  // residents with an award
  DemoPointsSummary summary;

 private:
  [[noreturn]] void fail(const std::string& what, const Error& error);

  // ---- Awards.
  void award_batch(const Event& event);
  void correction(const Event& event);

  // ---- The points shop.
  void shop_day(const Event& event);
  int item_weight(const ShopItem& item, const Person& person, const Home& home) const;
  std::int64_t taken_in_period(std::int64_t resident_id, const ShopItem& item) const;
  bool on_offer(const ShopItem& item, std::int64_t resident_id, std::int64_t today) const;
  bool worth_saving_for(const ShopItem& item, std::int64_t resident_id, std::int64_t today) const;
  std::optional<std::size_t> saver_choice(Habit& habit, const Person& person, const Home& home,
                                          std::int64_t balance, std::int64_t today);
  std::optional<std::size_t> spender_choice(const Person& person, const Home& home,
                                            std::int64_t balance, std::int64_t today);
  void redemption(const Event& event);

  // ---- The time bank.
  std::int64_t& minutes_of(std::size_t person) { return minutes_[community_.people[person].id]; }
  std::int64_t& reserved_of(std::size_t person) { return reserved_[community_.people[person].id]; }
  // What a recipient may still receive without passing the debt cap, pending records counted.
  std::int64_t room_of(std::size_t person) {
    return minutes_of(person) - reserved_of(person) - floor_minutes_;
  }
  bool family_help(std::size_t recipient, std::int64_t needed_minutes);
  void service_record(const Event& event);
  void service_outcome(const Event& event);
  void transfer(const Event& event);
  void expiry_job(const Event& event);
  void family_time(const Event& event);

  storage::Connection& db_;
  const Community& community_;
  const WorkCalendar& calendar_;
  Rng rng_;
  std::int64_t as_of_ms_;
  std::int64_t floor_minutes_;
  Actor system_;
  std::int64_t now_ms_ = 0;
  std::int64_t next_seq_ = 0;
  std::priority_queue<Event, std::vector<Event>, Later> queue_;
  std::map<std::int64_t, std::int64_t> points_;           // by resident id
  std::map<std::int64_t, std::int64_t> minutes_;          // confirmed, by resident id
  std::map<std::int64_t, std::int64_t> reserved_;         // pending records, by recipient id
  std::map<std::size_t, std::int64_t> posting_of_batch_;  // first posting of each batch
  std::vector<std::int64_t> shoppers_;
  std::map<std::int64_t, std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t>>>
      redeemed_;                                              // resident → (item, when, quantity)
  std::vector<std::pair<std::int64_t, std::size_t>> lapses_;  // (expires_ms, service)
};

}  // namespace gz::points::demo
