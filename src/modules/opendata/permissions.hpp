// Who may read open data: anyone, without a login — it holds nothing that identifies a
// household (opendata.hpp says how). Kept as a unit so the rule is stated where every module
// states its own.
#pragma once

namespace gz::opendata {

constexpr bool may_read_open_data() {
  return true;
}

}  // namespace gz::opendata
