#include "modules/property/rules.hpp"

#include <algorithm>
#include <numeric>

#include "core/clock.hpp"

namespace gz::property {

std::int64_t div_round_half_up(std::int64_t numerator, std::int64_t denominator) {
  if (numerator < 0) return -div_round_half_up(-numerator, denominator);
  return (numerator + denominator / 2) / denominator;
}

Result<void> validate(const AdjustmentParams& params) {
  auto within = [](std::int64_t value, std::int64_t low, std::int64_t high) {
    return value >= low && value <= high;
  };
  if (!within(params.neutral_score, 0, 100)) {
    return bad_request("invalid_adjustment", "neutral_score must be 0-100");
  }
  if (!within(params.up_bp_per_point, 0, 1000) || !within(params.down_bp_per_point, 0, 1000)) {
    return bad_request("invalid_adjustment", "bp per point must be 0-1000");
  }
  if (!within(params.cap_up_bp, 0, kMaxAdjustmentBp) ||
      !within(params.cap_down_bp, 0, kMaxAdjustmentBp)) {
    return bad_request("invalid_adjustment", "the caps must be 0-1000 bp (at most ±10%)");
  }
  return {};
}

std::int64_t adjustment_bp(std::int64_t mean_score_centi, const AdjustmentParams& params) {
  const std::int64_t mean = std::clamp<std::int64_t>(mean_score_centi, 0, 10000);
  const std::int64_t neutral = std::clamp<std::int64_t>(params.neutral_score, 0, 100) * 100;
  const std::int64_t up = std::clamp<std::int64_t>(params.up_bp_per_point, 0, 1000);
  const std::int64_t down = std::clamp<std::int64_t>(params.down_bp_per_point, 0, 1000);
  const std::int64_t cap_up = std::clamp<std::int64_t>(params.cap_up_bp, 0, kMaxAdjustmentBp);
  const std::int64_t cap_down = std::clamp<std::int64_t>(params.cap_down_bp, 0, kMaxAdjustmentBp);
  const std::int64_t delta = mean - neutral;  // hundredths of a point, |delta| ≤ 10000
  const std::int64_t raw =
      delta >= 0 ? div_round_half_up(delta * up, 100) : -div_round_half_up(-delta * down, 100);
  return std::clamp(raw, -cap_down, cap_up);
}

std::int64_t adjusted_fee_fen(std::int64_t base_fee_fen, std::int64_t adjustment) {
  return div_round_half_up(base_fee_fen * (kShareTotalBp + adjustment), kShareTotalBp);
}

std::optional<std::int64_t> mean_centi(std::int64_t sum, std::int64_t count) {
  if (count <= 0) return std::nullopt;
  return div_round_half_up(sum * 100, count);
}

std::int64_t ratio_bp(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? div_round_half_up(part * 10000, whole) : 0;
}

Result<void> validate_shares(const std::vector<std::int64_t>& shares_bp) {
  if (shares_bp.empty() || shares_bp.size() > 20) {
    return bad_request("invalid_shares", "a rule has 1-20 shares");
  }
  std::int64_t total = 0;
  for (auto share : shares_bp) {
    if (share < 1 || share > kShareTotalBp) {
      return bad_request("invalid_shares", "each share is 1-10000 basis points");
    }
    total += share;
  }
  if (total != kShareTotalBp) {
    return bad_request("invalid_shares", "the shares must sum to exactly 10000 basis points, not " +
                                             std::to_string(total));
  }
  return {};
}

std::vector<std::int64_t> split_amount(std::int64_t amount_fen,
                                       const std::vector<std::int64_t>& shares_bp) {
  std::vector<std::int64_t> parts(shares_bp.size(), 0);
  std::vector<std::int64_t> remainders(shares_bp.size(), 0);
  std::int64_t given = 0;
  for (std::size_t i = 0; i < shares_bp.size(); ++i) {
    // amount ≤ 1e11 and bp ≤ 1e4: the product stays far below 2^63.
    parts[i] = amount_fen * shares_bp[i] / kShareTotalBp;
    remainders[i] = amount_fen * shares_bp[i] % kShareTotalBp;
    given += parts[i];
  }
  std::vector<std::size_t> order(shares_bp.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; given < amount_fen && k < order.size(); ++k, ++given) {
    ++parts[order[k]];
  }
  return parts;
}

std::optional<std::int64_t> day_start_ms(const std::string& date) {
  int year = 0;
  unsigned month = 0, day = 0;
  if (!parse_date(date, year, month, day)) return std::nullopt;
  return shanghai_midnight_ms(days_from_civil(year, month, day));
}

std::optional<std::int64_t> rule_in_effect(const std::vector<RuleVersion>& versions,
                                           std::int64_t at_ms) {
  const RuleVersion* best = nullptr;
  for (const auto& version : versions) {
    if (version.effective_ms > at_ms) continue;
    if (!best || version.effective_ms > best->effective_ms ||
        (version.effective_ms == best->effective_ms && version.id > best->id)) {
      best = &version;
    }
  }
  if (!best) return std::nullopt;
  return best->id;
}

bool is_code(std::string_view text) {
  if (text.empty() || text.size() > 40) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace gz::property
