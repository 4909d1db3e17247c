// GenerateDemoParticipation: turns the points demo's sign-in sheets into activities, holds a
// year of deliberation and tenant-representative meetings, schedules upcoming activities and
// plays a year of proposals through seconding, agendas, votes, outcomes and responses. See
// demo.hpp for the story. Bulk rows are written directly in a few transactions (the use cases
// need a resident's own login for sign-ups, seconds and votes, which demo residents lack),
// with the same SQL as the use cases and an audit entry per activity and per proposal; the
// points of the new meetings go through points::post_awards (the award's work; the system
// actor needs no permission check).
#include "modules/participation/demo.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/audit/audit.hpp"
#include "modules/participation/permissions.hpp"
#include "modules/participation/rules.hpp"
#include "modules/points/points.hpp"
#include "storage/transact.hpp"

namespace gz::participation {
namespace {

constexpr int kMonths = 12;
// Proposals per 100 households and year (the indicator's target is more than 5).
constexpr int kProposalsPer100Households = 6;

constexpr std::uint64_t kPlanStream = 0x7061727469630001ULL;      // "partic" 1
constexpr std::uint64_t kProposalStream = 0x7061727469630002ULL;  // "partic" 2

std::uint64_t stream_of(std::uint64_t purpose, std::int64_t community_id) {
  return purpose ^ (static_cast<std::uint64_t>(community_id) << 20);
}

std::int64_t local_day(std::int64_t epoch_ms) {
  return shanghai_day(epoch_ms);
}

std::int64_t at(std::int64_t day, int hour, int minute) {
  return shanghai_time_ms(day, (std::int64_t{hour} * 60 + minute) * 60);
}

std::string iso(std::int64_t ms) {
  return format_iso8601(ms);
}

struct Home {
  std::int64_t id = 0;
  std::int64_t member = 0;  // the household's first registered resident
  std::optional<std::int64_t> building;
  bool tenant = false;
  int weight = 1;  // how readily the household takes part
};

struct SheetRow {
  std::int64_t posting_id = 0;
  std::int64_t resident_id = 0;
  std::int64_t household_id = 0;
  std::int64_t points = 0;
  std::int64_t created_ms = 0;
};

// The award postings of one reference: one sign-in sheet of the points demo.
struct Sheet {
  std::string rule;
  std::string reference;
  std::string memo;
  std::vector<SheetRow> rows;
  std::map<std::int64_t, int> buildings;
};

struct Meeting {
  std::int64_t id = 0;
  std::int64_t starts_ms = 0;
  std::int64_t ends_ms = 0;
  std::vector<std::size_t> homes;  // indices of the households present
};

struct Topic {
  const char* title;
  const char* body;
};
constexpr Topic kTopics[] = {
    {"增设电动车集中充电桩",
     "楼道内私拉电线给电动车充电，存在火灾隐患。建议在各楼栋旁增设集中充电桩。"},
    {"老旧楼栋加装电梯", "本楼老人多，上下楼困难。建议启动加装电梯意见征集，按楼层分摊费用。"},
    {"楼道加装扶手和声控灯", "楼道昏暗、台阶陡，老人夜间上下楼易摔倒，建议加装扶手和声控灯。"},
    {"小区停车位紧张，建议错时共享", "晚间车位不足，建议与周边单位协商夜间错时共享停车位。"},
    {"垃圾分类投放点增设洗手池", "投放后无处洗手，夏季异味大。建议在投放点增设洗手池并定时清洗。"},
    {"儿童游乐设施更新", "现有滑梯生锈开裂，建议更换为适合3-12岁儿童的安全设施并铺设软垫。"},
    {"开设社区长者食堂助餐点", "独居老人做饭不便，建议在活动中心开设助餐点，困难老人减免。"},
    {"暑期托管班延长开放时间", "双职工家庭下班晚，建议暑期托管延长至18:30。"},
    {"健身器材维修与增设", "部分器材损坏多时无人维修，建议定期巡检并增设适老健身器材。"},
    {"楼顶防水维修", "顶层住户雨季漏水严重，建议使用维修基金统一做防水。"},
    {"设立快递集中收发点", "快递堆放在单元门口易丢失，建议设立集中收发点。"},
    {"绿化带改建为共享菜园", "部分绿化带长期荒废，建议改建为居民认领的共享菜园。"},
    {"规范广场舞时间和音量", "晚间广场舞音量过大影响休息，建议约定时间与音量。"},
    {"增设无障碍坡道", "轮椅和婴儿车进出单元门困难，建议增设无障碍坡道。"},
    {"宠物文明饲养公约", "犬只不拴绳、粪便不清理的问题突出，建议制定文明养宠公约。"},
    {"楼栋微信群信息公开", "建议将物业收支、维修进度定期在楼栋群公开。"},
    {"消防通道清障", "消防通道常被占用，建议划线标识并定期清障。"},
    {"增设休息座椅和遮阳棚", "老人在小区散步缺少休息处，建议沿主路增设座椅和遮阳棚。"},
    {"高空抛物监控", "多次发生高空抛物，建议在重点楼栋安装监控。"},
    {"社区图书角", "建议在活动中心设立图书角，居民捐书共享。"},
};

constexpr const char* kStalledTitle = "小区停车难问题：夜间借用周边单位车位";
constexpr const char* kStalledBody =
    "晚间车位严重不足，车辆占用消防通道。建议社区出面协调周边单位夜间开放车位，"
    "费用由使用者分摊。";

constexpr const char* kResponses[] = {
    "已列入下季度微更新计划，社区将公示施工方案与预算，欢迎监督。",
    "已与物业、街道协调，相关工作将于一个月内启动，进展在公告栏更新。",
    "经议事会表决未通过。社区将收集更多意见后，视情况再议。",
    "已转交街道相关科室办理，办理结果将在线上议事厅反馈。",
};

// Runs a step in one write transaction; the steps here cannot fail except by a bug.
template <typename Work>
void in_transaction(storage::Connection& db, Work&& work) {
  auto result = storage::transact(db, storage::TxMode::write, [&]() -> Result<void> {
    work();
    return {};
  });
  if (!result) throw std::runtime_error("participation demo: " + result.error().message);
}

class Generator {
 public:
  Generator(storage::Connection& db, std::int64_t community_id, std::uint64_t seed,
            std::int64_t as_of_ms)
      : db_(db),
        community_id_(community_id),
        as_of_ms_(as_of_ms),
        plan_rng_(seed, stream_of(kPlanStream, community_id)),
        proposal_rng_(seed, stream_of(kProposalStream, community_id)),
        settings_(load_settings(db, community_id)) {}

  DemoParticipationSummary run() {
    load_homes();
    if (homes_.empty()) {
      throw std::invalid_argument("community " + std::to_string(community_id_) +
                                  " has no households with residents");
    }
    if (db_.query_int("SELECT COUNT(*) FROM activities WHERE community_id = ?", {community_id_}) >
        0) {
      throw std::runtime_error("community " + std::to_string(community_id_) +
                               " already has activities");
    }
    in_transaction(db_, [&] {
      audit::Appender appender(db_);
      import_sheets(appender);
      appender.finish();
    });
    hold_meetings();
    in_transaction(db_, [&] {
      audit::Appender appender(db_);
      schedule_upcoming(appender);
      play_proposals(appender);
      appender.finish();
    });
    return summary_;
  }

 private:
  void load_homes() {
    for (const auto& row : db_.query(
             "SELECT h.id, h.building_id, h.housing_type, h.willingness, (SELECT MIN(r.id) FROM "
             "residents r WHERE r.household_id = h.id) FROM households h WHERE h.community_id = "
             "? ORDER BY h.id",
             {community_id_})) {
      if (row.is_null(4)) continue;
      Home home;
      home.id = row.integer(0);
      home.building = row.opt_integer(1);
      home.tenant = row.text(2) == "tenant";
      const std::string& willingness = row.text(3);
      home.weight = willingness == "high"     ? 6
                    : willingness == "medium" ? 3
                    : willingness == "low"    ? 1
                                              : 2;
      home.member = row.integer(4);
      homes_.push_back(home);
    }
  }

  std::int64_t insert_activity(audit::Appender& appender, Kind kind, Channel channel,
                               std::optional<std::int64_t> building, const std::string& title,
                               const std::string& agenda, std::int64_t starts_ms,
                               std::int64_t ends_ms, std::optional<std::int64_t> capacity,
                               std::optional<std::string> minutes) {
    std::string code = std::to_string(plan_rng_.between(100000, 999999));
    std::int64_t id =
        db_.query_one(
               "INSERT INTO activities (community_id, kind, channel, building_id, title, agenda, "
               "starts_ms, ends_ms, capacity, checkin_code, minutes, minutes_at, "
               "created_by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "RETURNING id",
               {community_id_, std::string(kind_name(kind)), std::string(channel_name(channel)),
                storage::opt_int(building), title, agenda, starts_ms, ends_ms,
                storage::opt_int(capacity), code, storage::opt_text(minutes),
                minutes ? storage::Value{iso(ends_ms + kDayMs)} : storage::null_value(),
                storage::null_value(), iso(std::min(starts_ms - 3 * kDayMs, as_of_ms_))})
            ->integer(0);
    if (channel == Channel::online_hall) {
      // The online hall meets in the community's standing video room.
      db_.execute("UPDATE activities SET video_url = ? WHERE id = ?",
                  {std::string("https://meeting.tencent.com/dm/gongzhi-") +
                       std::to_string(community_id_) + "-" + std::to_string(id),
                   id});
    }
    appender.append(audit::system_actor(),
                    {community_id_, "activity.create", "activity", std::to_string(id),
                     boost::json::object{{"kind", kind_name(kind)},
                                         {"channel", channel_name(channel)},
                                         {"title", title},
                                         {"starts_at", iso(starts_ms)},
                                         {"demo", true}}});
    ++summary_.activities;
    return id;
  }

  void insert_attendance(std::int64_t activity_id, const SheetRow& row) {
    db_.execute(
        "INSERT INTO activity_attendance (activity_id, community_id, resident_id, household_id, "
        "method, posting_id, points, checked_in_ms, checked_in_at) VALUES (?, ?, ?, ?, 'sheet', "
        "?, ?, ?, ?)",
        {activity_id, community_id_, row.resident_id, row.household_id, row.posting_id, row.points,
         row.created_ms, iso(row.created_ms)});
    ++summary_.attendances;
  }

  // The points demo's sheets: corner meetings, online halls, volunteering, skill sharing.
  void import_sheets(audit::Appender& appender) {
    std::map<std::string, std::size_t> by_reference;
    std::vector<Sheet> sheets;
    for (const auto& row : db_.query(
             "SELECT p.id, p.rule, p.reference, p.memo, p.created_ms, a.resident_id, "
             "r.household_id, h.building_id, p.amount FROM ledger_postings p JOIN "
             "ledger_accounts a ON a.id = p.credit_account_id JOIN residents r ON r.id = "
             "a.resident_id JOIN households h ON h.id = r.household_id WHERE p.community_id = ? "
             "AND p.code = 'award' AND p.rule IN ('meeting', 'volunteer', 'skill_share') AND "
             "p.reference IS NOT NULL AND p.reference NOT LIKE 'activity:%' AND NOT EXISTS "
             "(SELECT 1 FROM ledger_postings c WHERE c.corrects_posting_id = p.id) ORDER BY p.id",
             {community_id_})) {
      const std::string& reference = row.text(2);
      auto [found, inserted] = by_reference.emplace(reference, sheets.size());
      if (inserted) {
        Sheet sheet;
        sheet.rule = row.text(1);
        sheet.reference = reference;
        sheet.memo = row.opt_text(3).value_or(reference);
        sheets.push_back(std::move(sheet));
      }
      Sheet& sheet = sheets[found->second];
      // One attendance per resident and activity, like the check-in.
      bool seen = false;
      for (const auto& existing : sheet.rows) seen = seen || existing.resident_id == row.integer(5);
      if (seen) continue;
      sheet.rows.push_back(
          {row.integer(0), row.integer(5), row.integer(6), row.integer(8), row.integer(4)});
      if (!row.is_null(7)) ++sheet.buildings[row.integer(7)];
    }
    for (const auto& sheet : sheets) {
      std::int64_t entered_ms = sheet.rows.front().created_ms;
      for (const auto& row : sheet.rows) entered_ms = std::min(entered_ms, row.created_ms);
      Kind kind = sheet.rule == "meeting"     ? Kind::meeting
                  : sheet.rule == "volunteer" ? Kind::volunteer
                                              : Kind::skill_sharing;
      Channel channel = Channel::community;
      std::optional<std::int64_t> building;
      Window window{entered_ms - 150 * kMinuteMs, entered_ms - 30 * kMinuteMs};
      std::string title = sheet.memo;
      if (kind == Kind::volunteer) {
        // "… · 2小时": the hours are the volunteer's own, not the activity's.
        auto cut = title.rfind(" · ");
        if (cut != std::string::npos && title.ends_with("小时")) title.resize(cut);
        window = {entered_ms - 3 * kHourMs, entered_ms - kHourMs};
      }
      if (kind == Kind::meeting && sheet.reference.find("线上议事厅") != std::string::npos) {
        channel = Channel::online_hall;
        window = online_hall_evening(entered_ms);
        if (window.ends_ms > entered_ms) window = {entered_ms - 2 * kHourMs, entered_ms};
      } else if (kind == Kind::meeting) {
        channel = Channel::building_corner;
        int most = 0;
        for (const auto& [id, count] : sheet.buildings) {
          if (count > most) {
            most = count;
            building = id;
          }
        }
      }
      std::optional<std::string> minutes;
      if (kind == Kind::meeting) {
        minutes = "到会" + std::to_string(sheet.rows.size()) + "人。" + title +
                  "：与会居民充分讨论，" + "意见已汇总报居委会。";
      }
      std::int64_t id = insert_activity(appender, kind, channel, building, title, "",
                                        window.starts_ms, window.ends_ms, std::nullopt, minutes);
      for (const auto& row : sheet.rows) insert_attendance(id, row);
    }
  }

  std::vector<std::size_t> pick_homes(std::size_t wanted, Rng& rng,
                                      const std::vector<std::size_t>& pool) {
    std::vector<std::size_t> chosen;
    std::set<std::size_t> taken;
    int total = 0;
    for (std::size_t index : pool) total += homes_[index].weight;
    wanted = std::min(wanted, pool.size());
    for (int guard = 0; chosen.size() < wanted && guard < 100000 && total > 0; ++guard) {
      int roll = rng.between(0, total - 1);
      for (std::size_t index : pool) {
        roll -= homes_[index].weight;
        if (roll < 0) {
          if (taken.insert(index).second) chosen.push_back(index);
          break;
        }
      }
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
  }

  // Creates a past meeting, pays its attendance through points::post_awards and records it.
  Meeting hold(Channel channel, const std::string& title, const std::string& agenda,
               std::int64_t starts_ms, std::int64_t ends_ms, std::vector<std::size_t> present) {
    Meeting meeting{0, starts_ms, ends_ms, std::move(present)};
    in_transaction(db_, [&] {
      audit::Appender appender(db_);
      meeting.id = insert_activity(
          appender, Kind::meeting, channel, std::nullopt, title, agenda, starts_ms, ends_ms,
          std::nullopt,
          "到会" + std::to_string(meeting.homes.size()) + "户。" + agenda + "。会议纪要已公示。");
      appender.finish();
    });
    if (meeting.homes.empty()) return meeting;
    std::vector<points::AwardInput> awards;
    for (std::size_t index : meeting.homes) {
      awards.push_back(
          {homes_[index].member, "meeting", 1, "activity:" + std::to_string(meeting.id), title});
    }
    auto postings =
        points::post_awards(db_, audit::system_actor(), awards, ends_ms + 20 * kMinuteMs);
    if (!postings) {
      throw std::runtime_error("participation demo: award for " + title + ": " +
                               postings.error().message);
    }
    in_transaction(db_, [&] {
      for (std::size_t i = 0; i < meeting.homes.size(); ++i) {
        const Home& home = homes_[meeting.homes[i]];
        const auto& posting = (*postings)[i];
        insert_attendance(meeting.id,
                          {posting.id, home.member, home.id, posting.amount, posting.created_ms});
      }
    });
    return meeting;
  }

  // The monthly deliberation meeting (议事会) and tenant representatives' meeting.
  void hold_meetings() {
    int year = 0;
    unsigned month = 0, day = 0;
    civil_from_days(local_day(as_of_ms_), year, month, day);
    std::vector<std::size_t> everyone(homes_.size());
    for (std::size_t i = 0; i < everyone.size(); ++i) everyone[i] = i;
    // Tenant representatives: one or two tenant households per building, chosen once.
    std::map<std::int64_t, std::vector<std::size_t>> tenants_by_building;
    for (std::size_t i = 0; i < homes_.size(); ++i) {
      if (homes_[i].tenant && homes_[i].building)
        tenants_by_building[*homes_[i].building].push_back(i);
    }
    std::vector<std::size_t> representatives;
    for (auto& [building, tenants] : tenants_by_building) {
      auto chosen = pick_homes(tenants.size() > 20 ? 2 : 1, plan_rng_, tenants);
      representatives.insert(representatives.end(), chosen.begin(), chosen.end());
    }
    for (int back = kMonths - 1; back >= 0; --back) {
      int y = year;
      int m = static_cast<int>(month) - back;
      while (m < 1) {
        m += 12;
        --y;
      }
      const int progress = kMonths - 1 - back;  // 0 in the first month
      // The deliberation meeting: mid-month, 19:00-21:00, attendance growing over the year.
      const std::int64_t meeting_day = days_from_civil(y, static_cast<unsigned>(m), 15);
      const std::int64_t starts = at(meeting_day, 19, 0);
      if (starts + 3 * kHourMs < as_of_ms_) {
        const std::size_t wanted =
            static_cast<std::size_t>(plan_rng_.between(18 + 2 * progress, 32 + 3 * progress));
        meetings_.push_back(hold(Channel::community, std::to_string(m) + "月社区议事会",
                                 "居民提案审议与表决", starts, starts + 2 * kHourMs,
                                 pick_homes(wanted, plan_rng_, everyone)));
      }
      const std::int64_t reps_day = days_from_civil(y, static_cast<unsigned>(m), 8);
      const std::int64_t reps_starts = at(reps_day, 19, 30);
      if (!representatives.empty() && reps_starts + 3 * kHourMs < as_of_ms_) {
        std::vector<std::size_t> present;
        for (std::size_t index : representatives) {
          if (plan_rng_.percent(80)) present.push_back(index);
        }
        hold(Channel::tenant_reps, std::to_string(m) + "月租户代表会",
             "租户诉求汇总：租金、维修与公共设施使用", reps_starts, reps_starts + 90 * kMinuteMs,
             std::move(present));
      }
    }
  }

  // A few activities in the coming two weeks, with sign-ups.
  void schedule_upcoming(audit::Appender& appender) {
    const std::int64_t today = local_day(as_of_ms_);
    std::vector<std::size_t> everyone(homes_.size());
    for (std::size_t i = 0; i < everyone.size(); ++i) everyone[i] = i;
    std::optional<std::int64_t> building = homes_.front().building;
    struct Upcoming {
      Kind kind;
      Channel channel;
      std::optional<std::int64_t> building;
      const char* title;
      const char* agenda;
      Window window;
      std::optional<std::int64_t> capacity;
      int signups;
    };
    Window hall = online_hall_evening(at(today + 3, 12, 0));
    const Upcoming upcoming[] = {
        {Kind::meeting, Channel::online_hall, std::nullopt, "线上议事厅：电动车充电桩选址",
         "充电桩选址方案讨论", hall, std::nullopt, 0},
        {Kind::meeting,
         Channel::building_corner,
         building,
         "楼栋议事角：楼道堆物清理",
         "楼道堆物清理与消防安全",
         {at(today + 4, 15, 0), at(today + 4, 16, 30)},
         40,
         18},
        {Kind::volunteer,
         Channel::community,
         std::nullopt,
         "冬季扫雪志愿服务",
         "主干道与单元门口扫雪",
         {at(today + 6, 8, 0), at(today + 6, 10, 0)},
         20,
         20},
        {Kind::skill_sharing,
         Channel::community,
         std::nullopt,
         "智能手机使用课堂",
         "教老年人使用健康码、移动支付和视频通话",
         {at(today + 9, 14, 30), at(today + 9, 16, 0)},
         30,
         22},
        {Kind::meeting,
         Channel::community,
         std::nullopt,
         "12月社区议事会",
         "居民提案审议与表决",
         {at(today + 16, 19, 0), at(today + 16, 21, 0)},
         120,
         35},
    };
    for (const auto& item : upcoming) {
      std::int64_t id =
          insert_activity(appender, item.kind, item.channel, item.building, item.title, item.agenda,
                          item.window.starts_ms, item.window.ends_ms, item.capacity, std::nullopt);
      for (std::size_t index :
           pick_homes(static_cast<std::size_t>(item.signups), plan_rng_, everyone)) {
        const Home& home = homes_[index];
        db_.execute(
            "INSERT INTO activity_signups (activity_id, community_id, resident_id, household_id, "
            "user_id, created_at) VALUES (?, ?, ?, ?, NULL, ?)",
            {id, community_id_, home.member, home.id,
             iso(as_of_ms_ - plan_rng_.between(1, 72) * kHourMs)});
        ++summary_.signups;
      }
    }
  }

  struct AgendaPlan {
    std::size_t meeting = 0;
    std::string intent;  // passed, rejected, no_quorum, deferred
  };

  // Writes one agenda item (and its votes) and returns the state it leaves the proposal in.
  State put_before(std::int64_t proposal_id, const Meeting& meeting, const std::string& intent,
                   std::int64_t listed_ms) {
    Rng& rng = proposal_rng_;
    const std::int64_t present = static_cast<std::int64_t>(meeting.homes.size());
    std::string motion = intent == "deferred" ? "deferred" : "decided";
    Tally tally{present, 0, 0, 0};
    std::int64_t agenda_id =
        db_.query_one(
               "INSERT INTO proposal_agenda (proposal_id, community_id, activity_id, motion, "
               "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
               {proposal_id, community_id_, meeting.id, motion, iso(listed_ms)})
            ->integer(0);
    State outcome = State::deferred;
    if (intent != "deferred") {
      const int turnout = intent == "no_quorum" ? rng.between(20, 45) : rng.between(60, 95);
      std::vector<std::size_t> voters = meeting.homes;
      for (std::size_t i = voters.size(); i > 1; --i) {
        std::swap(voters[i - 1],
                  voters[static_cast<std::size_t>(rng.between(0, static_cast<int>(i) - 1))]);
      }
      voters.resize(static_cast<std::size_t>(present * turnout / 100));
      const int yes_share = intent == "passed"     ? rng.between(58, 90)
                            : intent == "rejected" ? rng.between(15, 45)
                                                   : rng.between(40, 80);
      for (std::size_t i = 0; i < voters.size(); ++i) {
        std::string choice;
        if (rng.percent(6)) {
          choice = "abstain";
          ++tally.abstain;
        } else if (rng.percent(yes_share)) {
          choice = "yes";
          ++tally.yes;
        } else {
          choice = "no";
          ++tally.no;
        }
        db_.execute(
            "INSERT INTO proposal_votes (agenda_id, community_id, proposal_id, household_id, "
            "user_id, choice, created_at) VALUES (?, ?, ?, ?, NULL, ?, ?)",
            {agenda_id, community_id_, proposal_id, homes_[voters[i]].id, choice,
             iso(meeting.starts_ms + 80 * kMinuteMs + static_cast<std::int64_t>(i) * 1000)});
        ++summary_.votes;
      }
      outcome = decide(tally, settings_);
    }
    db_.execute(
        "UPDATE proposal_agenda SET outcome = ?, present_households = ?, yes_votes = ?, "
        "no_votes = ?, abstentions = ?, decided_at = ? WHERE id = ?",
        {std::string(state_name(outcome)), tally.present_households, tally.yes, tally.no,
         tally.abstain, iso(meeting.ends_ms - 10 * kMinuteMs), agenda_id});
    return outcome;
  }

  void play_proposals(audit::Appender& appender) {
    Rng& rng = proposal_rng_;
    const int count =
        std::max<int>(12, static_cast<int>(homes_.size()) * kProposalsPer100Households / 100);
    const int topics = static_cast<int>(std::size(kTopics));
    for (int k = 0; k <= count; ++k) {
      const bool stalled_topic = k == count;  // the last one is the stalled topic
      const std::size_t proposer =
          static_cast<std::size_t>(rng.between(0, static_cast<int>(homes_.size()) - 1));
      std::string title = stalled_topic ? kStalledTitle : kTopics[rng.between(0, topics - 1)].title;
      std::string body = stalled_topic ? kStalledBody : "";
      if (!stalled_topic) {
        for (const auto& topic : kTopics) {
          if (title == topic.title) body = topic.body;
        }
      }
      std::int64_t created_ms =
          at(local_day(as_of_ms_) - rng.between(1, 350), rng.between(8, 21), rng.between(0, 59));
      if (stalled_topic && meetings_.size() >= 3) {
        created_ms = meetings_[meetings_.size() - 3].starts_ms - 40 * kDayMs;
      }
      const int roll = rng.between(0, 99);
      std::string path = stalled_topic ? "stalled"
                         : roll < 5    ? "draft"
                         : roll < 10   ? "withdrawn"
                         : roll < 62   ? "seconding"
                                       : "eligible";
      // Seconds from other households, days apart.
      std::int64_t wanted_seconds =
          path == "draft" ? 0
          : path == "seconding" || path == "withdrawn"
              ? rng.between(std::int64_t{0}, settings_.seconds_required - 1)
              : settings_.seconds_required + rng.between(0, 8);
      std::vector<std::size_t> pool;
      for (std::size_t i = 0; i < homes_.size(); ++i) {
        if (i != proposer) pool.push_back(i);
      }
      auto seconders = pick_homes(static_cast<std::size_t>(wanted_seconds), rng, pool);
      std::vector<std::int64_t> second_ms;
      std::int64_t when = created_ms;
      for (std::size_t i = 0; i < seconders.size(); ++i) {
        when += rng.between(2, 40) * kHourMs;
        second_ms.push_back(when);
      }
      // Only what happened before as_of.
      while (!second_ms.empty() && second_ms.back() >= as_of_ms_) {
        second_ms.pop_back();
        seconders.pop_back();
      }
      State state = path == "draft" ? State::draft : State::seconding;
      if (path == "withdrawn") state = State::withdrawn;
      std::optional<std::int64_t> eligible_ms;
      if (state == State::seconding &&
          static_cast<std::int64_t>(seconders.size()) >= settings_.seconds_required) {
        state = State::eligible;
        eligible_ms = second_ms[static_cast<std::size_t>(settings_.seconds_required - 1)];
      }
      std::int64_t id = db_.query_one(
                               "INSERT INTO proposals (community_id, household_id, user_id, "
                               "title, body, state, created_at, updated_at) VALUES (?, ?, NULL, "
                               "?, ?, 'draft', ?, ?) RETURNING id",
                               {community_id_, homes_[proposer].id, title, body, iso(created_ms),
                                iso(created_ms)})
                            ->integer(0);
      for (std::size_t i = 0; i < seconders.size(); ++i) {
        db_.execute(
            "INSERT INTO proposal_seconds (proposal_id, community_id, household_id, user_id, "
            "created_at) VALUES (?, ?, ?, NULL, ?)",
            {id, community_id_, homes_[seconders[i]].id, iso(second_ms[i])});
      }
      std::int64_t meetings = 0;
      std::optional<std::int64_t> decided_ms;
      std::optional<std::string> response;
      std::optional<std::string> responded_at;
      std::int64_t updated_ms = second_ms.empty() ? created_ms : second_ms.back();
      if (eligible_ms) {
        std::size_t next = 0;
        while (next < meetings_.size() && meetings_[next].starts_ms < *eligible_ms + kDayMs) ++next;
        if (stalled_topic && meetings_.size() >= 3) next = meetings_.size() - 3;
        while (next < meetings_.size()) {
          const int outcome_roll = rng.between(0, 99);
          std::string intent = stalled_topic       ? "deferred"
                               : outcome_roll < 55 ? "passed"
                               : outcome_roll < 70 ? "rejected"
                               : outcome_roll < 82 ? "no_quorum"
                                                   : "deferred";
          // Nothing else reaches a third meeting: one stalled topic tells the story.
          if (!stalled_topic && meetings == 1 && (intent == "deferred" || intent == "no_quorum")) {
            intent = rng.percent(70) ? "passed" : "rejected";
          }
          const Meeting& meeting = meetings_[next];
          state = put_before(id, meeting, intent, meeting.starts_ms - 5 * kDayMs);
          ++meetings;
          updated_ms = meeting.ends_ms;
          if (state == State::passed || state == State::rejected) {
            decided_ms = meeting.ends_ms - 10 * kMinuteMs;
            const int answer = rng.between(0, 99);
            std::int64_t answered_ms =
                *decided_ms + (answer < 80 ? rng.between(2, 14) : rng.between(16, 30)) * kDayMs;
            if (answer < 92 && answered_ms < as_of_ms_) {
              constexpr int kAgreed[] = {0, 1, 3};  // kResponses[2] answers a rejection
              response = kResponses[state == State::rejected ? 2 : kAgreed[rng.between(0, 2)]];
              responded_at = iso(answered_ms);
              state = State::responded;
              updated_ms = answered_ms;
            }
            break;
          }
          if (!stalled_topic && !rng.percent(70)) break;  // waits for a later meeting
          ++next;
          if (stalled_topic && meetings == 3) break;
        }
      }
      db_.execute(
          "UPDATE proposals SET state = ?, meetings = ?, decided_ms = ?, response = ?, "
          "responded_at = ?, updated_at = ? WHERE id = ?",
          {std::string(state_name(state)), meetings, storage::opt_int(decided_ms),
           storage::opt_text(response), storage::opt_text(responded_at), iso(updated_ms), id});
      if (is_stalled(state, meetings)) ++summary_.stalled;
      appender.append(audit::system_actor(),
                      {community_id_, "proposal.create", "proposal", std::to_string(id),
                       boost::json::object{{"title", title},
                                           {"state", state_name(state)},
                                           {"seconds", static_cast<std::int64_t>(seconders.size())},
                                           {"meetings", meetings},
                                           {"demo", true}}});
      ++summary_.proposals;
    }
  }

  storage::Connection& db_;
  std::int64_t community_id_;
  std::int64_t as_of_ms_;
  Rng plan_rng_;
  Rng proposal_rng_;
  Settings settings_;
  std::vector<Home> homes_;
  std::vector<Meeting> meetings_;
  DemoParticipationSummary summary_;
};

}  // namespace

DemoParticipationSummary generate_demo_participation(storage::Connection& db,
                                                     std::int64_t community_id, std::uint64_t seed,
                                                     std::int64_t as_of_ms) {
  return Generator(db, community_id, seed, as_of_ms).run();
}

}  // namespace gz::participation
