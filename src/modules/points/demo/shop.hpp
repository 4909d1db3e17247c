// The points demo's shop: the catalogue of ten items the community offers (prices from the
// seed's examples and what the items cost the community; stock where it buys a fixed number;
// the summer childcare place and the Spring Festival bag only in their weeks), added through
// points::add_catalog_item. Which residents want which item is the replay's business
// (replay.cpp). Internal to the points demo.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/calendar.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/points/demo/year.hpp"
#include "storage/database.hpp"

namespace gz::points::demo {

enum class Window { always, summer_holiday, before_spring_festival };

struct ItemSpec {
  const char* name;
  const char* category;
  std::int64_t price_points;
  std::optional<std::int64_t> stock;
  std::optional<std::int64_t> limit;
  const char* limit_period;
  Window window;
};

// The catalogue, in the order items are added; the indices below name its entries.
std::span<const ItemSpec> item_specs();
inline constexpr std::size_t kCanteen = 0, kHaircut = 1, kParking = 2, kTicket = 3, kLaundry = 4,
                             kRice = 5, kRepair = 6, kChildcare = 7, kHealthCheck = 8,
                             kFestivalBag = 9;

struct ShopItem {
  std::int64_t id = 0;
  std::size_t spec = 0;
  std::int64_t price_points = 0;
  std::optional<std::int64_t> stock_remaining;
  std::optional<ledger::LimitPeriod> limit_period;
  std::optional<std::int64_t> limit;
  std::int64_t from_day = 0;
  std::int64_t until_day = 0;  // inclusive
};

// Adds the catalogue for the year of `months`, dated for the windows of this year's summer
// holidays and Spring Festival (an item whose window falls outside the year is left out).
std::vector<ShopItem> stock_the_shop(storage::Connection& db, std::int64_t community_id,
                                     const WorkCalendar& calendar,
                                     const std::vector<Month>& months);

}  // namespace gz::points::demo
