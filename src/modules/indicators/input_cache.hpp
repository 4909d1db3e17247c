// A street's indicators without reading the whole street on every call. Each community's
// IndicatorInput for a period is kept with the sequence numbers of the community's newest
// audit entry and of the newest entry of no community (defaults every community inherits,
// such as which request categories are complaints) when it was gathered; every write is
// audited, so while neither number has moved the kept input is exactly what gathering again
// would give. A call for
// 100 communities then costs 100 index lookups plus the gathering of the communities that
// changed. Kept entries also expire after max_age, a safety net for a write made outside the
// application. One cache per process; several servers each keep their own.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "modules/indicators/indicators.hpp"
#include "storage/database.hpp"

namespace gz::indicators {

// Adds `part` (another community's input of the same period) into `total`.
void add_input(IndicatorInput& total, const IndicatorInput& part);

class InputCache {
 public:
  // Gathers one community's input for a period from the database.
  using Gather =
      std::function<IndicatorInput(storage::Connection&, std::int64_t community_id, const Period&)>;
  InputCache(Gather gather, std::chrono::seconds max_age, std::size_t max_entries = 4096);

  // The inputs of the communities summed: each from the cache when its community has had no
  // audited write since, else gathered now and kept.
  IndicatorInput sum(storage::Connection& db, const std::vector<std::int64_t>& community_ids,
                     const Period& period);

  struct Stats {
    std::uint64_t hits = 0;
    std::uint64_t gathered = 0;
  };
  Stats stats() const;
  void clear();

 private:
  struct Entry {
    std::int64_t audit_seq = 0;
    std::int64_t global_seq = 0;
    std::chrono::steady_clock::time_point gathered_at;
    IndicatorInput input;
  };
  using Key = std::pair<std::int64_t, std::string>;  // community, period label + bounds

  Gather gather_;
  std::chrono::seconds max_age_;
  std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::map<Key, Entry> entries_;
  Stats stats_;
};

}  // namespace gz::indicators
