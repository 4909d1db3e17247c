#include "core/amount.hpp"

#include <string>

namespace gz {

Result<std::int64_t> check_amount(std::int64_t value, std::string_view field, std::int64_t min) {
  if (is_amount(value, min)) return value;
  return bad_request("invalid_amount", "'" + std::string(field) + "' must be a whole number from " +
                                           std::to_string(min) + " to " +
                                           std::to_string(kAmountMax));
}

bool fits_within(std::int64_t amount, std::int64_t total, std::int64_t used) {
  if (amount < 0) return false;
  // total and used are each bounded amounts (or sums of them), so the difference cannot wrap.
  if (used > total) return false;
  return amount <= total - used;
}

std::optional<std::int64_t> add_checked(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return std::nullopt;
  return sum;
}

}  // namespace gz
