// A street's indicators without reading the whole street on every call: each community's
// IndicatorInput for a period is kept (audit/kept.hpp) until the community's next audited
// write, or a default's, so a call for 100 communities costs 100 index lookups plus gathering
// the communities that changed, with the figures exactly as gathering again would give.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

#include "modules/audit/audit.hpp"
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
  InputCache(Gather gather, std::chrono::seconds max_age);

  // The inputs of the communities summed, each kept or gathered now.
  IndicatorInput sum(storage::Connection& db, const std::vector<std::int64_t>& community_ids,
                     const Period& period);

  std::uint64_t hits() const { return kept_.hits(); }

 private:
  Gather gather_;
  audit::Kept<IndicatorInput> kept_;
};

}  // namespace gz::indicators
