#include "modules/points/demo/shop.hpp"

#include <stdexcept>
#include <string>

#include "core/actor.hpp"
#include "modules/audit/audit.hpp"
#include "modules/points/points.hpp"

namespace gz::points::demo {
namespace {

// Prices from the seed's examples and what the items cost the community; stock where the
// community buys a fixed number.
const ItemSpec kItems[] = {
    {"社区食堂餐券（一餐）", "canteen_voucher", 30, std::nullopt, 8, "month", Window::always},
    {"理发券", "service_voucher", 20, std::nullopt, 2, "month", Window::always},
    {"停车优惠券（月租减免50元）", "parking_discount", 50, std::nullopt, 2, "month",
     Window::always},
    {"文化活动门票（社区剧场）", "activity_ticket", 40, 300, 2, "month", Window::always},
    {"洗衣液 2kg", "daily_goods", 60, 400, std::nullopt, nullptr, Window::always},
    {"东北大米 5kg", "daily_goods", 100, 250, std::nullopt, nullptr, Window::always},
    {"家电维修券", "service_voucher", 80, std::nullopt, 2, "quarter", Window::always},
    {"暑期托管名额", "childcare_place", 200, 40, 1, "year", Window::summer_holiday},
    {"体检套餐（社区卫生服务中心）", "service_voucher", 300, 60, 1, "year", Window::always},
    {"春节福袋", "other", 50, 200, 1, "year", Window::before_spring_festival},
};

}  // namespace

std::span<const ItemSpec> item_specs() {
  return kItems;
}

std::vector<ShopItem> stock_the_shop(storage::Connection& db, std::int64_t community_id,
                                     const WorkCalendar& calendar,
                                     const std::vector<Month>& months) {
  const std::int64_t first_day = months.front().first_day;
  const std::int64_t last_day = months.back().end_day - 1;
  std::int64_t festival_day = 0;
  for (const auto& [day, name] : calendar.holidays()) {
    if (name == "春节" && day >= first_day && day <= last_day) {
      festival_day = day;
      break;
    }
  }
  std::int64_t summer_day = 0;  // 1 June of the year
  for (const Month& month : months) {
    if (month.month == 6) summer_day = month.first_day;
  }
  std::vector<ShopItem> items;
  for (std::size_t i = 0; i < item_specs().size(); ++i) {
    const ItemSpec& spec = item_specs()[i];
    CatalogItem item;
    item.community_id = community_id;
    item.name = spec.name;
    item.category = spec.category;
    item.price_points = spec.price_points;
    item.stock_total = spec.stock;
    item.limit_per_resident = spec.limit;
    if (spec.limit_period) item.limit_period = spec.limit_period;
    ShopItem shop;
    shop.spec = i;
    shop.from_day = first_day;
    shop.until_day = last_day;
    if (spec.window == Window::summer_holiday) {
      if (summer_day == 0) continue;
      shop.from_day = summer_day;
      shop.until_day = summer_day + 34;  // registration closes in early July
    } else if (spec.window == Window::before_spring_festival) {
      if (festival_day == 0) continue;
      shop.from_day = festival_day - 21;
      shop.until_day = festival_day - 1;
    }
    if (spec.window != Window::always) {
      item.available_from = day_text(shop.from_day);
      item.available_until = day_text(shop.until_day);
    }
    auto added = add_catalog_item(db, audit::system_actor(), item);
    if (!added) {
      throw std::runtime_error("demo points: catalogue item refused: " + added.error().message);
    }
    shop.id = added->id;
    shop.price_points = added->price_points;
    shop.stock_remaining = added->stock_remaining;
    shop.limit = added->limit_per_resident;
    if (added->limit_period) shop.limit_period = ledger::parse_limit_period(*added->limit_period);
    items.push_back(shop);
  }
  return items;
}

}  // namespace gz::points::demo
