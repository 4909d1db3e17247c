#include "modules/points/demo/replay.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/points/demo/random.hpp"
#include "modules/points/demo/texts.hpp"
#include "modules/points/demo/year.hpp"
#include "modules/points/points.hpp"
#include "modules/timebank/timebank.hpp"

namespace gz::points::demo {

Replay::Replay(storage::Connection& db, const Community& community, const WorkCalendar& calendar,
               std::uint64_t seed, std::int64_t as_of_ms, std::int64_t floor_minutes)
    : db_(db),
      community_(community),
      calendar_(calendar),
      rng_(seed, stream_of(kReplayStream, community.id)),
      as_of_ms_(as_of_ms),
      floor_minutes_(floor_minutes),
      system_(audit::system_actor()) {}

void Replay::run() {
  while (!queue_.empty()) {
    const Event event = queue_.top();
    queue_.pop();
    switch (event.step) {
      case Step::award_batch:
        award_batch(event);
        break;
      case Step::correction:
        correction(event);
        break;
      case Step::shop_day:
        shop_day(event);
        break;
      case Step::redemption:
        redemption(event);
        break;
      case Step::service_record:
        service_record(event);
        break;
      case Step::service_outcome:
        service_outcome(event);
        break;
      case Step::transfer:
        transfer(event);
        break;
      case Step::expiry_job:
        expiry_job(event);
        break;
      case Step::family_time:
        family_time(event);
        break;
    }
  }
}

void Replay::fail(const std::string& what, const Error& error) {
  throw std::runtime_error("demo points: " + what + " refused at " + format_iso8601(now_ms_) +
                           ": " + error.code + ": " + error.message);
}

void Replay::award_batch(const Event& event) {
  now_ms_ = event.at_ms;
  const Batch& batch = batches[event.index];
  auto postings = post_awards(db_, system_, batch.awards, event.at_ms);
  if (!postings) fail("award batch " + batch.awards.front().reference, postings.error());
  for (std::size_t i = 0; i < postings->size(); ++i) {
    const std::int64_t resident_id = batch.awards[i].resident_id;
    points_[resident_id] += (*postings)[i].amount;
    earners.insert(resident_id);
    ++summary.awards;
    summary.points_awarded += (*postings)[i].amount;
  }
  posting_of_batch_[event.index] = postings->front().id;
}

void Replay::correction(const Event& event) {
  now_ms_ = event.at_ms;
  const DoubleEntry& entry = double_entries[event.index];
  auto posting = posting_of_batch_.find(entry.batch);
  if (posting == posting_of_batch_.end()) return;
  auto corrected =
      correct(db_, system_, posting->second,
              "重复录入：与 " + entry.original_reference + " 为同一次活动，已按纸质签到表核对",
              event.at_ms);
  // The resident may have spent the points meanwhile; then the double entry stands, as it
  // would in real life until they earn again (the ledger refuses to go below zero).
  if (!corrected) return;
  points_[entry.resident_id] -= corrected->amount;
}

// ---- The points shop.

// Each morning: who will redeem something today, and when.
void Replay::shop_day(const Event& event) {
  const std::int64_t day = local_day(event.at_ms);
  const int wday = weekday(day);
  const bool open_all_day = calendar_.is_workday(day);
  const bool open_morning = open_all_day || wday == 5;  // the points shop opens Saturdays
  if (!open_morning) return;
  for (const auto& [resident_id, balance] : points_) {
    if (balance < 20) continue;
    const Habit& habit = habits[resident_id];
    // About 1.7% a day at 100 points, 3% at 300, for an average resident.
    const std::int64_t chance_ppm =
        std::int64_t{habit.chance_percent} * 500 * balance / (balance + 200);
    if (rng_.between(std::int64_t{0}, std::int64_t{999'999}) >= chance_ppm) continue;
    const int minute = open_all_day && rng_.percent(60) ? rng_.between(0, 150) + 9 * 60
                       : open_all_day                   ? rng_.between(0, 180) + 14 * 60
                                                        : rng_.between(0, 150) + 9 * 60;
    const std::size_t slot = shoppers_.size();
    shoppers_.push_back(resident_id);
    schedule(at(day, minute / 60, minute % 60), Step::redemption, slot);
  }
}

int Replay::item_weight(const ShopItem& item, const Person& person, const Home& home) const {
  const int age = person.age;
  switch (item.spec) {
    case kCanteen:
      return age >= 60 ? 60 : 25;
    case kHaircut:
      return age >= 60 ? 30 : 12;
    case kParking:
      return home.has_car && age >= 25 && age <= 70 ? 40 : 0;
    case kTicket:
      return age <= 75 ? 18 : 4;
    case kLaundry:
      return 25;
    case kRice:
      return 22;
    case kRepair:
      return 10;
    case kChildcare:
      return home.has_school_child && age >= 25 && age <= 55 ? 400 : 0;
    case kHealthCheck:
      return age >= 60 ? 45 : age >= 45 ? 25 : 0;
    case kFestivalBag:
      return 80;
    default:
      return 10;
  }
}

std::int64_t Replay::taken_in_period(std::int64_t resident_id, const ShopItem& item) const {
  if (!item.limit_period) return 0;
  const std::int64_t start = ledger::period_start_ms(*item.limit_period, now_ms_);
  std::int64_t taken = 0;
  auto found = redeemed_.find(resident_id);
  if (found == redeemed_.end()) return 0;
  for (const auto& [item_id, when, quantity] : found->second) {
    if (item_id == item.id && when >= start) taken += quantity;
  }
  return taken;
}

// Whether the resident may take the item today, price aside.
bool Replay::on_offer(const ShopItem& item, std::int64_t resident_id, std::int64_t today) const {
  return today >= item.from_day && today <= item.until_day &&
         !(item.stock_remaining && *item.stock_remaining <= 0) &&
         !(item.limit && taken_in_period(resident_id, item) >= *item.limit);
}

// Whether it is still worth saving for: not sold out, not over, not already had.
bool Replay::worth_saving_for(const ShopItem& item, std::int64_t resident_id,
                              std::int64_t today) const {
  return today <= item.until_day && !(item.stock_remaining && *item.stock_remaining <= 0) &&
         !(item.limit && taken_in_period(resident_id, item) >= *item.limit);
}

// Savers pick something dear they want (the summer place, a health check…) and redeem only
// when they can have it; the Spring Festival bag, on offer three weeks a year, is the one
// treat half of them allow themselves.
std::optional<std::size_t> Replay::saver_choice(Habit& habit, const Person& person,
                                                const Home& home, std::int64_t balance,
                                                std::int64_t today) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ShopItem& item = items[i];
    if (item_specs()[item.spec].window == Window::before_spring_festival &&
        item.price_points <= balance && on_offer(item, person.id, today) && rng_.percent(50)) {
      return i;
    }
  }
  if (habit.target && !worth_saving_for(items[*habit.target], person.id, today)) {
    habit.target.reset();
  }
  if (!habit.target) {
    std::vector<int> weights;
    for (const auto& item : items) {
      const bool wanted = item.price_points >= 60 && worth_saving_for(item, person.id, today);
      weights.push_back(
          wanted ? item_weight(item, person, home) * static_cast<int>(item.price_points) / 60 : 0);
    }
    habit.target = pick_weighted(rng_, weights);
  }
  if (!habit.target) return std::nullopt;
  const ShopItem& target = items[*habit.target];
  if (target.price_points > balance || !on_offer(target, person.id, today)) return std::nullopt;
  return std::exchange(habit.target, std::nullopt);
}

// Spenders take something they like among what they can afford today.
std::optional<std::size_t> Replay::spender_choice(const Person& person, const Home& home,
                                                  std::int64_t balance, std::int64_t today) {
  std::vector<int> weights;
  for (const auto& item : items) {
    const bool possible = item.price_points <= balance && on_offer(item, person.id, today);
    weights.push_back(possible ? item_weight(item, person, home) : 0);
  }
  return pick_weighted(rng_, weights);
}

void Replay::redemption(const Event& event) {
  now_ms_ = event.at_ms;
  const std::int64_t resident_id = shoppers_[event.index];
  const std::int64_t balance = points_[resident_id];
  const Person& person = community_.people[community_.person_by_id.at(resident_id)];
  if (person.age < 16) return;  // children's points wait for them
  const Home& home = community_.homes[person.home];
  Habit& habit = habits[resident_id];
  const std::int64_t today = local_day(event.at_ms);
  const auto choice = habit.saver ? saver_choice(habit, person, home, balance, today)
                                  : spender_choice(person, home, balance, today);
  if (!choice) return;
  ShopItem& item = items[*choice];
  std::int64_t quantity = 1;
  if (item.spec == kCanteen && balance >= 90 && rng_.percent(40)) {
    quantity = std::min<std::int64_t>({rng_.between(2, 3), balance / item.price_points,
                                       *item.limit - taken_in_period(resident_id, item)});
  }
  auto redeemed = redeem(db_, system_, resident_id, item.id, quantity, event.at_ms);
  if (!redeemed) return;  // refused in a way the plan did not foresee: they come back later
  points_[resident_id] -= redeemed->points;
  item.stock_remaining = redeemed->stock_remaining;
  redeemed_[resident_id].emplace_back(item.id, event.at_ms, quantity);
  ++summary.redemptions;
}

// ---- The time bank.

// A family member with banked time helps a recipient who is near the cap, just before the
// record that needs it.
bool Replay::family_help(std::size_t recipient, std::int64_t needed_minutes) {
  const Home& home = community_.homes[community_.people[recipient].home];
  for (std::size_t giver : home.members) {
    if (giver == recipient) continue;
    const std::int64_t spare = std::min(minutes_of(giver), room_of(giver));
    const std::int64_t amount = (needed_minutes + 59) / 60 * 60;
    if (spare < amount) continue;
    const std::size_t index = transfers.size();
    transfers.push_back({community_.people[giver].id, community_.people[recipient].id, amount});
    transfer(Event{now_ms_, 0, Step::transfer, index});
    return room_of(recipient) >= needed_minutes;
  }
  return false;
}

void Replay::service_record(const Event& event) {
  now_ms_ = event.at_ms;
  ServicePlan& plan = services[event.index];
  if (room_of(plan.recipient) < plan.minutes &&
      !family_help(plan.recipient, plan.minutes - room_of(plan.recipient))) {
    return;  // at the cap and nobody to help: the provider serves someone else next time
  }
  timebank::NewService input;
  input.provider_resident_id = community_.people[plan.provider].id;
  input.recipient_resident_id = community_.people[plan.recipient].id;
  input.service_date = day_text(plan.service_day);
  input.minutes = plan.minutes;
  input.service_type = plan.type;
  input.note = plan.note;
  auto service = timebank::record_service(db_, system_, input, event.at_ms);
  if (!service) fail("time-bank record", service.error());
  plan.service_id = service->id;
  plan.recorded = true;
  reserved_of(plan.recipient) += plan.minutes;
  ++summary.services;
  if (plan.fate == Fate::lapse) {
    lapses_.emplace_back(service->expires_ms, event.index);
  } else if (plan.outcome_ms != 0) {
    schedule(plan.outcome_ms, Step::service_outcome, event.index);
  }
}

void Replay::service_outcome(const Event& event) {
  now_ms_ = event.at_ms;
  ServicePlan& plan = services[event.index];
  if (plan.fate == Fate::dispute) {
    auto disputed = timebank::dispute_service(db_, system_, plan.service_id,
                                              rng_.pick(texts().dispute_reasons), event.at_ms);
    if (!disputed) fail("time-bank dispute", disputed.error());
    reserved_of(plan.recipient) -= plan.minutes;  // a disputed record never pays
    return;
  }
  auto confirmed = timebank::confirm_service(db_, system_, plan.service_id, event.at_ms);
  if (!confirmed) fail("time-bank confirmation", confirmed.error());
  reserved_of(plan.recipient) -= plan.minutes;
  minutes_of(plan.recipient) -= plan.minutes;
  minutes_of(plan.provider) += plan.minutes;
  summary.minutes_banked += plan.minutes;
}

void Replay::transfer(const Event& event) {
  now_ms_ = event.at_ms;
  const TransferPlan& plan = transfers[event.index];
  const std::size_t giver = community_.person_by_id.at(plan.from_resident_id);
  const std::int64_t spare = std::min(minutes_of(giver), room_of(giver)) / 15 * 15;
  const std::int64_t amount = std::min(plan.minutes, spare);
  if (amount < 15) return;
  auto posting = timebank::transfer(db_, system_, plan.from_resident_id, plan.to_resident_id,
                                    amount, event.at_ms);
  if (!posting) fail("time-bank transfer", posting.error());
  minutes_[plan.from_resident_id] -= amount;
  minutes_[plan.to_resident_id] += amount;
  ++summary.transfers;
}

void Replay::expiry_job(const Event& event) {
  now_ms_ = event.at_ms;
  timebank::expire_services(db_, event.at_ms);
  // Expired records will never pay: free what they held of the recipient's room.
  auto keep = std::remove_if(lapses_.begin(), lapses_.end(), [&](const auto& lapse) {
    if (lapse.first >= event.at_ms) return false;
    const ServicePlan& plan = services[lapse.second];
    reserved_of(plan.recipient) -= plan.minutes;
    return true;
  });
  lapses_.erase(keep, lapses_.end());
}

// Once a month some providers with plenty banked pass time on to their family.
void Replay::family_time(const Event& event) {
  now_ms_ = event.at_ms;
  const std::int64_t day = local_day(event.at_ms);
  for (std::size_t i = 0; i < providers.size(); ++i) {
    if (provider_start_ms[i] > event.at_ms) continue;
    const std::size_t giver = providers[i];
    const std::int64_t spare = std::min(minutes_of(giver), room_of(giver));
    if (spare < 480 || !rng_.percent(20)) continue;
    const Home& home = community_.homes[community_.people[giver].home];
    std::optional<std::size_t> receiver;
    for (std::size_t member : home.members) {
      if (member == giver) continue;
      if (!receiver || community_.people[member].age > community_.people[*receiver].age) {
        receiver = member;
      }
    }
    if (!receiver) continue;
    const std::int64_t amount = rng_.between(spare / 4, spare / 2) / 15 * 15;
    if (amount < 60) continue;
    const std::size_t index = transfers.size();
    transfers.push_back({community_.people[giver].id, community_.people[*receiver].id, amount});
    schedule(at(day + rng_.between(0, 20), rng_.between(10, 19), rng_.between(0, 59)),
             Step::transfer, index);
  }
}

}  // namespace gz::points::demo
