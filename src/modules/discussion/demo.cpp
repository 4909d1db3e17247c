// The demo's discussions: the demo's residents comment on the year's proposals and on some
// notices, staff and guides answer them in replies, neighbours flag one comment that carried a
// phone number and staff hide it with a reason, through the real use cases.
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/announcements/announcements.hpp"
#include "modules/discussion/discussion.hpp"
#include "modules/participation/participation.hpp"

namespace gz::discussion {
namespace {

constexpr const char* kProposalViews[] = {
    "支持！楼下老人多，这个很需要。", "建议先在一个楼栋试点，效果好再推广。",
    "费用能不能公开一下明细？",       "同意，但要注意晚上噪音，别影响休息。",
    "我家可以出力，周末有空来帮忙。", "这个事情议了好几次了，希望这次能定下来。",
};
constexpr const char* kNoticeViews[] = {
    "停水时间能不能改到工作日白天？家里有老人。",
    "收到，谢谢提醒。",
    "活动需要报名吗？",
    "希望下次提前两天通知。",
};
constexpr const char* kAnswers[] = {
    "感谢建议，已记录，会在下次议事会上讨论。",
    "明细会在方案公示时一并公开，请留意公告。",
    "已转告物业，尽量安排在白天。",
    "不用报名，直接来就可以。",
};

}  // namespace

std::int64_t demo_discussion(storage::Connection& db, std::int64_t community_id,
                             std::int64_t as_of_ms) {
  std::vector<Actor> residents;
  for (std::int64_t id : accounts::community_users(db, community_id, {Role::resident})) {
    if (auto actor = accounts::load_actor(db, id); actor && actor->household_id) {
      residents.push_back(*actor);
    }
  }
  auto staff_ids = accounts::community_users(db, community_id, {Role::staff});
  if (residents.size() < 2 || staff_ids.empty()) return 0;
  auto staff = accounts::load_actor(db, staff_ids.front());
  if (!staff) return 0;
  Rng rng(0xD15CULL, static_cast<std::uint64_t>(community_id));
  auto someone = [&]() -> const Actor& {
    return residents[static_cast<std::size_t>(
        rng.between(std::int64_t{0}, static_cast<std::int64_t>(residents.size()) - 1))];
  };
  std::int64_t written = 0;
  auto discuss = [&](const std::string& type, std::int64_t id, std::int64_t from_ms,
                     const char* const* views, std::size_t count) {
    int comments = rng.between(1, 3);
    std::int64_t at = from_ms;
    for (int i = 0; i < comments; ++i) {
      at += rng.between(std::int64_t{2}, std::int64_t{30}) * kHourMs;
      if (at >= as_of_ms) return;
      NewComment input{type, id, std::nullopt,
                       views[rng.between(std::int64_t{0}, static_cast<std::int64_t>(count) - 1)]};
      auto posted = post_comment(db, someone(), input, at);
      if (!posted) continue;
      ++written;
      if (rng.percent(60) && at + 5 * kHourMs < as_of_ms) {
        NewComment answer{type, id, posted->id,
                          kAnswers[rng.between(0, static_cast<int>(std::size(kAnswers)) - 1)]};
        if (post_comment(db, *staff, answer, at + rng.between(1, 5) * kHourMs)) ++written;
      }
    }
  };
  for (const auto& proposal : participation::submitted_proposals(db, community_id)) {
    if (proposal.state == "withdrawn") continue;
    discuss("proposal", proposal.id, proposal.created_ms, kProposalViews,
            std::size(kProposalViews));
  }
  announcements::Filter filter;
  filter.community_id = community_id;
  filter.include_past = true;
  filter.limit = 200;
  if (auto notices = announcements::list(db, *staff, filter, as_of_ms)) {
    for (const auto& notice : *notices) {
      if (notice.kind == "policy" || !rng.percent(40)) continue;
      discuss("announcement", notice.id, notice.published_ms, kNoticeViews,
              std::size(kNoticeViews));
    }
  }
  // One comment that gave a neighbour's phone number: flagged, then hidden by staff.
  auto proposals = participation::submitted_proposals(db, community_id);
  if (!proposals.empty()) {
    const auto& target = proposals.back();
    std::int64_t at = std::max(target.created_ms + kDayMs, as_of_ms - 3 * kDayMs);
    NewComment leak{"proposal", target.id, std::nullopt,
                    "有问题直接打3号楼老李电话13800001234，他管这个。"};
    auto posted = post_comment(db, residents.front(), leak, at);
    if (posted) {
      ++written;
      (void)flag(db, residents.back(), posted->id, "privacy", "公开了别人的电话", at + kHourMs);
      (void)moderate(db, *staff, posted->id, Moderation::hide, "含有他人电话号码，已隐藏",
                     at + 3 * kHourMs);
    }
  }
  return written;
}

}  // namespace gz::discussion
