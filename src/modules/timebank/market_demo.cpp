// The demo's marketplace: a year of posts by the members active in the time bank — the younger
// elderly offering company, shopping, phone help and small repairs, the oldest asking for them
// — answered by a neighbour, accepted, and the service recorded from the match and confirmed,
// all through the real use cases by the guide who helps them at the desk. The last weeks' posts
// are still open, some with an answer waiting.
#include <set>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/timebank/timebank.hpp"

namespace gz::timebank {
namespace {

struct Idea {
  const char* kind;
  const char* service_type;
  const char* title;
  const char* details;
  const char* availability;
  std::int64_t minutes;
};

constexpr Idea kIdeas[] = {
    {"offer", "companionship", "陪老人聊天、读报", "退休教师，喜欢下棋聊天，可以上门陪伴",
     "工作日下午", 90},
    {"offer", "shopping", "代买菜、代取快递", "每天早上去菜场，可以顺路帮忙带菜", "每天上午", 45},
    {"offer", "tech_help", "教用智能手机", "教视频通话、挂号、付款，耐心慢慢教", "周末", 60},
    {"offer", "repair", "修理小家电", "会修台灯、电风扇、换水龙头", "周六全天", 60},
    {"offer", "tutoring", "辅导小学作业", "退休前是小学数学老师", "工作日傍晚", 60},
    {"request", "escort_to_hospital", "想找人陪我去医院复查", "腿脚不便，子女在外地，需要有人陪同",
     "下周二上午", 180},
    {"request", "shopping", "腿脚不便，想请人帮忙买菜", "每周两次，买些蔬菜和鸡蛋", "上午", 45},
    {"request", "tech_help", "手机上挂号不会操作", "想学会自己在手机上预约挂号", "随时", 60},
    {"request", "companionship", "想找人聊聊天", "一个人住，白天有点闷", "下午", 90},
    {"request", "repair", "家里水龙头漏水", "厨房水龙头一直滴水", "周末", 45},
};

}  // namespace

std::int64_t demo_market(storage::Connection& db, std::int64_t community_id,
                         std::int64_t as_of_ms) {
  auto guides = accounts::community_users(db, community_id, {Role::guide});
  if (guides.empty()) return 0;
  auto guide = accounts::load_actor(db, guides.front());
  if (!guide) return 0;
  // The members already active in the time bank: who gave and who received.
  std::vector<std::int64_t> givers, receivers;
  std::set<std::int64_t> seen;
  for (const auto& row :
       db.query("SELECT provider_resident_id, recipient_resident_id FROM timebank_services WHERE "
                "community_id = ? ORDER BY id",
                {community_id})) {
    if (seen.insert(row.integer(0)).second) givers.push_back(row.integer(0));
    if (seen.insert(row.integer(1)).second) receivers.push_back(row.integer(1));
  }
  if (givers.size() < 2 || receivers.size() < 2) return 0;
  Rng rng(0x7137ULL, static_cast<std::uint64_t>(community_id));
  auto pick = [&](const std::vector<std::int64_t>& from) {
    return from[static_cast<std::size_t>(
        rng.between(std::int64_t{0}, static_cast<std::int64_t>(from.size()) - 1))];
  };
  std::int64_t written = 0;
  const std::int64_t today = shanghai_day(as_of_ms);
  for (std::int64_t day = today - 350; day < today; day += rng.between(4, 8)) {
    const Idea& idea = kIdeas[rng.between(0, static_cast<int>(std::size(kIdeas)) - 1)];
    bool offer = std::string(idea.kind) == "offer";
    std::int64_t poster = offer ? pick(givers) : pick(receivers);
    std::int64_t answerer = offer ? pick(receivers) : pick(givers);
    std::int64_t posted = shanghai_time_ms(day, rng.between(9 * 3600, 17 * 3600));
    NewPost input{poster,     idea.kind,    idea.service_type,
                  idea.title, idea.details, idea.availability};
    auto post = create_post(db, *guide, input, posted);
    if (!post) continue;
    ++written;
    // The last weeks' posts wait; some already have an answer.
    bool recent = day > today - 21;
    if (recent && rng.percent(50)) continue;
    auto match = respond(db, *guide, post->id, answerer, "我可以帮忙，请联系我",
                         posted + rng.between(std::int64_t{2}, std::int64_t{30}) * kHourMs);
    if (!match || recent) continue;
    std::int64_t accepted = posted + 2 * kDayMs;
    if (!answer_match(db, *guide, match->id, true, accepted)) continue;
    std::int64_t served = accepted + kDayMs;
    auto service = record_from_match(db, *guide, match->id, format_date(served), idea.minutes,
                                     std::nullopt, served + 10 * kHourMs);
    if (service) (void)confirm_service(db, *guide, service->id, served + 30 * kHourMs);
    // An offer stays open for a while, then its poster closes it.
    if (offer) (void)close_post(db, *guide, post->id, served + 2 * kDayMs);
  }
  return written;
}

}  // namespace gz::timebank
