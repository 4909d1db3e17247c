#include "modules/points/demo/year.hpp"

namespace gz::points::demo {
namespace {

// Share of households with an award in the first and the last month, per mille.
constexpr int kFirstMonthSharePerMille = 280;
constexpr int kLastMonthSharePerMille = 700;

}  // namespace

std::string day_text(std::int64_t day) {
  return format_date(at(day, 12, 0));
}

int day_of_month(std::int64_t day) {
  int year = 0;
  unsigned month = 0;
  unsigned dom = 0;
  civil_from_days(day, year, month, dom);
  return static_cast<int>(dom);
}

std::string hours_text(std::int64_t minutes) {
  std::string text = std::to_string(minutes / 60);
  if (minutes % 60 == 30) text += ".5";
  return text + "小时";
}

std::vector<Month> year_of_months(std::int64_t as_of_ms) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civil_from_days(local_day(as_of_ms), year, month, day);
  std::vector<Month> months;
  for (int i = 0; i < kMonths; ++i) {
    const int back = kMonths - 1 - i;
    int y = year;
    int m = static_cast<int>(month) - back;
    while (m <= 0) {
      m += 12;
      --y;
    }
    Month entry;
    entry.index = i;
    entry.month = static_cast<unsigned>(m);
    entry.first_day = days_from_civil(y, entry.month, 1);
    entry.end_day = m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, entry.month + 1, 1);
    entry.share_per_mille =
        kFirstMonthSharePerMille +
        (kLastMonthSharePerMille - kFirstMonthSharePerMille) * i / (kMonths - 1);
    months.push_back(entry);
  }
  return months;
}

}  // namespace gz::points::demo
