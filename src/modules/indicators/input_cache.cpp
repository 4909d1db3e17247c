// The street's per-community input cache; see input_cache.hpp.
#include "modules/indicators/input_cache.hpp"

#include "modules/audit/audit_log.hpp"

namespace gz::indicators {

void add_input(IndicatorInput& total, const IndicatorInput& part) {
  total.months = part.months;
  total.households += part.households;
  total.participating_households += part.participating_households;
  total.proposals += part.proposals;
  // Leader growth is measured against the leaders at the start: none anywhere means no data.
  std::int64_t start = total.leaders_at_start.value_or(0) + part.leaders_at_start.value_or(0);
  if (start > 0) total.leaders_at_start = start;
  total.leaders_at_end += part.leaders_at_end;
  total.delivered_units += part.delivered_units;
  total.misallocated_units += part.misallocated_units;
  total.complaint_requests += part.complaint_requests;
  total.requests.insert(total.requests.end(), part.requests.begin(), part.requests.end());
  total.ratings.insert(total.ratings.end(), part.ratings.begin(), part.ratings.end());
  total.planned_fen += part.planned_fen;
  total.spent_fen += part.spent_fen;
  total.contribution_minutes += part.contribution_minutes;
  total.spending_fen += part.spending_fen;
}

InputCache::InputCache(Gather gather, std::chrono::seconds max_age, std::size_t max_entries)
    : gather_(std::move(gather)), max_age_(max_age), max_entries_(max_entries) {}

IndicatorInput InputCache::sum(storage::Connection& db,
                               const std::vector<std::int64_t>& community_ids,
                               const Period& period) {
  std::string period_key =
      period.label + "|" + std::to_string(period.from_ms) + "|" + std::to_string(period.to_ms);
  IndicatorInput total;
  total.months = period.months;
  // The sequence numbers are read before gathering: a write landing in between makes the kept
  // entry look older than it is (gathered again next time), never newer.
  auto seqs = audit::latest_seqs(db, community_ids);
  std::int64_t global_seq = audit::latest_global_seq(db);
  auto now = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < community_ids.size(); ++i) {
    Key key{community_ids[i], period_key};
    {
      std::lock_guard lock(mutex_);
      auto found = entries_.find(key);
      if (found != entries_.end() && found->second.audit_seq == seqs[i] &&
          found->second.global_seq == global_seq && now - found->second.gathered_at < max_age_) {
        add_input(total, found->second.input);
        ++stats_.hits;
        continue;
      }
    }
    IndicatorInput input = gather_(db, community_ids[i], period);
    add_input(total, input);
    std::lock_guard lock(mutex_);
    ++stats_.gathered;
    if (entries_.size() >= max_entries_ && !entries_.contains(key)) {
      entries_.clear();  // bounded: a street of 100 communities × 12 periods fits many times
    }
    entries_[key] = Entry{seqs[i], global_seq, now, std::move(input)};
  }
  return total;
}

InputCache::Stats InputCache::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void InputCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace gz::indicators
