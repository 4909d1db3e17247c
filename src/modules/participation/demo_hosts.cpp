// The demo's 社区主理人; see demo.hpp (generate_demo_hosts).
#include <algorithm>
#include <array>
#include <stdexcept>

#include "core/clock.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/participation/demo.hpp"
#include "modules/participation/hosting.hpp"
#include "modules/transparency/transparency.hpp"

namespace gz::participation {
namespace {

template <typename T>
T must(Result<T> result, const char* step) {
  if (!result) {
    throw std::runtime_error(std::string("hosts demo: ") + step + ": " + result.error().code + " " +
                             result.error().message);
  }
  return std::move(result).value();
}

struct Idea {
  const char* kind;
  const char* title;
  const char* agenda;
  int attendees;
};

constexpr std::array<Idea, 6> kPast{{
    {"skill_sharing", "手机拍照小课堂",
     "教老人用手机拍照、发朋友圈和视频通话，每人一部手机现场练习", 14},
    {"activity", "楼道读书角开张", "在3号楼一层布置读书角，居民捐书换书，约定借阅规则", 22},
    {"skill_sharing", "亲子纸艺手工", "为3-8岁孩子和家长开设纸艺手工，材料由主理人准备", 18},
    {"volunteer", "旧物改造集市", "收集闲置物品改造后义卖，所得捐给社区助老基金", 26},
    {"activity", "夏夜露天电影", "在中心广场放映老电影，青年志愿者负责搬椅子和秩序", 40},
    {"skill_sharing", "防诈骗情景剧排练", "青年居民与老人一起排演防诈骗情景剧，准备社区文艺汇演",
     16},
}};

}  // namespace

DemoHostsSummary generate_demo_hosts(storage::Connection& db, std::int64_t community_id,
                                     std::int64_t as_of_ms, const std::string& password) {
  DemoHostsSummary summary;
  const Actor system = audit::system_actor();
  // A young resident (22-35) of the community hosts: the last household with one (the first
  // buildings' households stay without logins, for the registration story).
  auto row = db.query_one(
      "SELECT r.household_id FROM residents r JOIN households h ON h.id = r.household_id WHERE "
      "h.community_id = ? AND r.birth_date BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM users u "
      "WHERE u.household_id = r.household_id) ORDER BY r.household_id DESC, r.id LIMIT 1",
      {community_id, format_date(months_before(as_of_ms, 35 * 12)),
       format_date(months_before(as_of_ms, 22 * 12))});
  if (!row) return summary;
  std::int64_t household = row->integer(0);
  std::string username =
      std::string("zhuliren") + (community_id == 1 ? "" : "-" + std::to_string(community_id));
  std::int64_t user =
      must(accounts::add_user(
               db, system, {username, Role::resident, {}, household, password, "社区主理人 小林"}),
           "host login");
  summary.logins.push_back(username);
  const Actor host{user, username, Role::resident, household, {community_id}, "社区主理人 小林"};
  Actor staff = system;
  // Attendees: residents of other households, one per household.
  std::vector<std::pair<std::int64_t, std::int64_t>> neighbours;  // resident, household
  for (const auto& found :
       db.query("SELECT MIN(r.id), r.household_id FROM residents r JOIN households h ON h.id = "
                "r.household_id WHERE h.community_id = ? AND r.household_id <> ? GROUP BY "
                "r.household_id ORDER BY r.household_id LIMIT 60",
                {community_id, household})) {
    neighbours.emplace_back(found.integer(0), found.integer(1));
  }
  auto run = [&](const Idea& idea, std::int64_t starts, bool finish,
                 std::optional<std::pair<std::int64_t, std::string>> budget_line,
                 std::int64_t budget) -> std::int64_t {
    std::int64_t proposed_at = starts - 12 * kDayMs;
    HostingInput input{community_id,         idea.kind, idea.title, idea.agenda, starts,
                       starts + 2 * kHourMs, 40,        budget};
    auto activity = must(propose_hosting(db, host, input, proposed_at), "hosting proposal");
    HostingDecision decision{"approve", "欢迎青年居民主理，注意场地安全", std::nullopt,
                             std::nullopt, 0};
    if (budget_line) {
      // What the line has left (planned, what partners gave it, less what it spent), so the
      // budget fits at whatever date the demo ends: at most a third of it, in whole yuan.
      std::int64_t room = 0;
      for (const auto& line : transparency::progress_of(db, budget_line->first).lines) {
        if (line.category != budget_line->second) continue;
        room = line.planned - line.spent +
               transparency::received_for_line(db, budget_line->first, line.category);
      }
      std::int64_t fits = std::min(budget, room / 3 / 100 * 100);
      if (fits > 0) {
        decision.plan_id = budget_line->first;
        decision.category = budget_line->second;
        decision.budget_fen = fits;
        ++summary.funded;
      }
    }
    must(decide_hosting(db, staff, activity.id, decision, proposed_at + 2 * kDayMs), "decision");
    ++summary.hosted;
    int count = std::min<int>(idea.attendees, static_cast<int>(neighbours.size()));
    std::vector<std::int64_t> present;
    for (int i = 0; i < count; ++i) {
      const auto& [resident, home] =
          neighbours[static_cast<std::size_t>((i * 7 + summary.hosted * 11) % neighbours.size())];
      Actor neighbour{0, "", Role::resident, home, {community_id}, ""};
      auto signed_up =
          sign_up(db, neighbour, activity.id, resident, proposed_at + 3 * kDayMs + i * kHourMs);
      if (signed_up) present.push_back(resident);
    }
    if (!finish) return activity.id;
    CheckinInput sheet;
    sheet.resident_ids = present;
    must(check_in(db, host, activity.id, sheet, starts + 10 * kMinuteMs), "host check-in");
    must(record_minutes(db, host, activity.id,
                        std::string("到场") + std::to_string(present.size()) +
                            "人，活动顺利完成，居民建议下次继续举办",
                        starts + 3 * kHourMs),
         "minutes");
    return activity.id;
  };
  // Through the year: every other month, on a Saturday morning.
  for (std::size_t i = 0; i < kPast.size(); ++i) {
    std::int64_t day = shanghai_day(as_of_ms) - 330 + static_cast<std::int64_t>(i) * 55;
    std::int64_t starts = shanghai_time_ms(day, 9 * 3600 + 30 * 60);
    if (starts + 3 * kHourMs > as_of_ms - 14 * kDayMs) break;
    run(kPast[i], starts, true, std::nullopt, 0);
  }
  // This quarter's executing services plan funds the next ones from its culture line.
  std::optional<std::pair<std::int64_t, std::string>> line;
  if (auto notices = transparency::public_notices(db, community_id, as_of_ms)) {
    for (const auto& notice : *notices) {
      if (notice.status.stage == transparency::Stage::executing && notice.status.unit == "fen") {
        line = std::make_pair(notice.status.plan_id, std::string("culture_sports"));
        break;
      }
    }
  }
  std::int64_t today = shanghai_day(as_of_ms);
  run({"skill_sharing", "邻里包饺子教学", "青年居民教独居老人和新市民包饺子，大家一起吃饺子", 24},
      shanghai_time_ms(today - 10, 9 * 3600 + 30 * 60), true, line, 60000);
  run({"activity", "社区新年音乐会", "青年乐队与社区合唱团联合演出，邀请全体居民参加", 0},
      shanghai_time_ms(today + 6, 19 * 3600), false, line, 150000);
  // One awaiting staff's decision.
  HostingInput pending{community_id,
                       "volunteer",
                       "寒假学生作业辅导",
                       "大学生志愿者为双职工家庭的小学生辅导寒假作业，每周两次",
                       shanghai_time_ms(today + 20, 14 * 3600),
                       shanghai_time_ms(today + 20, 16 * 3600),
                       15,
                       20000};
  must(propose_hosting(db, host, pending, as_of_ms - 2 * kDayMs), "pending proposal");
  return summary;
}

}  // namespace gz::participation
