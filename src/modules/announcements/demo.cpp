// The demo's year of notices: a building's water cut every couple of weeks, power work now and
// then, a monthly event, the year's policies, and two standing notices pinned to the top (the
// service centre's hours, the refuse times the assistant quotes as 社区公告〔2026〕12号). They are
// published through the real use case by the community's staff member, so residents' inboxes
// carry them; the demo's resident logins read most of those meant for them.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/announcements/announcements.hpp"
#include "modules/registry/registry.hpp"

namespace gz::announcements {
namespace {

struct Dated {
  const char* kind;
  const char* title;
  const char* body;
};

constexpr Dated kEvents[] = {
    {"event", "新春写春联、送福字活动",
     "社区书法爱好者为居民义写春联，地点：社区活动室，欢迎带孩子一起来。"},
    {"event", "元宵节猜灯谜", "正月十五晚上7点在中心广场猜灯谜、吃汤圆，老人孩子都欢迎。"},
    {"event", "学雷锋志愿服务日",
     "3月5日上午志愿者在广场提供理发、磨刀、量血压、小家电维修等服务。"},
    {"event", "社区义诊进楼栋", "社区卫生服务中心医生下沉义诊，免费测血压血糖，请带好医保卡。"},
    {"event", "端午包粽子", "端午节前在社区食堂一起包粽子，做好的粽子送给独居老人。"},
    {"event", "暑期托管班开班", "暑期托管班7月8日开班，辅导作业、读书、手工，名额有限请尽快报名。"},
    {"event", "消防安全演练", "8月下旬开展高层住宅消防疏散演练，届时请听从楼栋长指挥。"},
    {"event", "中秋邻里联欢会", "中秋节前晚在中心广场举办邻里联欢，欢迎居民报名表演节目。"},
    {"event", "重阳节敬老宴", "重阳节为80岁以上老人举办敬老宴，行动不便的由志愿者上门接送。"},
    {"event", "垃圾分类宣传周", "本周每天上午在各小区出入口开展垃圾分类宣传，答对有奖。"},
    {"event", "反诈宣传讲座", "派出所民警讲解常见养老诈骗手法，请子女提醒家中老人参加。"},
    {"event", "年终社区议事会", "年终议事会讨论明年民生项目，欢迎居民代表和楼栋长参加。"},
};

constexpr Dated kPolicies[] = {
    {"policy", "城乡居民医保集中缴费通知",
     "2027年度城乡居民医保开始缴费，可在手机上缴纳，不会操作的老人可到社区服务中心代办。"},
    {"policy", "电动自行车充电管理规定",
     "严禁电动自行车进楼入户、飞线充电，请到小区集中充电点充电。"},
    {"policy", "老年人助餐补贴政策", "80岁以上老人在社区食堂用餐每餐补贴3元，凭老年卡登记。"},
    {"policy", "高龄津贴申领提醒",
     "年满80周岁的老人可申领高龄津贴，请携带身份证、户口本到社区登记。"},
    {"policy", "临时救助申请办法",
     "因突发情况生活困难的家庭可申请临时救助，社区指导员可上门帮助填写材料。"},
};

}  // namespace

std::int64_t demo_announcements(storage::Connection& db, std::int64_t community_id,
                                std::int64_t as_of_ms) {
  auto staff = accounts::community_users(db, community_id, {Role::staff});
  if (staff.empty()) return 0;
  auto author = accounts::load_actor(db, staff.front());
  if (!author) return 0;
  auto buildings = registry::list_buildings(db, *author, community_id);
  if (!buildings || buildings->empty()) return 0;
  Rng rng(0xA11C0ULL, static_cast<std::uint64_t>(community_id));
  std::int64_t written = 0;
  std::vector<std::int64_t> ids;
  auto put = [&](const NewAnnouncement& input, std::int64_t at_ms) {
    auto published = publish(db, *author, input, at_ms);
    if (published) {
      ++written;
      ids.push_back(published->id);
    }
  };
  const std::int64_t today = shanghai_day(as_of_ms);
  // Standing notices, a year old, pinned.
  for (const Dated& standing :
       {Dated{"notice", "社区服务中心办公时间",
              "工作日8:30-12:00、13:30-17:"
              "30，周六上午值班。急事请拨打社区值班电话或在共治提交诉求。"},
        Dated{"notice", "社区公告〔2026〕12号：生活垃圾清运时间",
              "生活垃圾每天7:00和19:00各清运一次，请在清运前投放；大件垃圾请预约。"}}) {
    NewAnnouncement input;
    input.community_id = community_id;
    input.kind = standing.kind;
    input.title = standing.title;
    input.body = standing.body;
    input.pinned = true;
    put(input, shanghai_time_ms(today - 350 + written, 9 * 3600));
  }
  // Through the year, oldest first.
  std::size_t event = 0, policy = 0;
  for (std::int64_t day = today - 360; day <= today - 1; day += rng.between(4, 9)) {
    NewAnnouncement input;
    input.community_id = community_id;
    int roll = rng.between(0, 99);
    std::int64_t at = shanghai_time_ms(day, rng.between(8 * 3600, 17 * 3600));
    if (roll < 45) {
      const auto& building = (*buildings)[static_cast<std::size_t>(
          rng.between(std::int64_t{0}, static_cast<std::int64_t>(buildings->size()) - 1))];
      std::string when = format_date(shanghai_midnight_ms(day + 2));
      bool water = rng.percent(70);
      input.kind = "outage";
      input.urgent = true;
      input.building_ids = {building.id};
      input.title = building.name + (water ? "停水通知" : "停电检修通知");
      input.body = std::string(water ? "因供水管道维修，" : "因配电设备检修，") + when +
                   (water ? " 8:00至14:00停水，请提前储水，关好水龙头。"
                          : " 9:00至12:00停电，电梯暂停运行，行动不便的居民可联系楼栋长。");
      input.valid_until_ms = shanghai_midnight_ms(day + 3);
    } else if (roll < 80) {
      const Dated& chosen = kEvents[event++ % std::size(kEvents)];
      input.kind = chosen.kind;
      input.title = chosen.title;
      input.body = chosen.body;
      input.valid_until_ms = shanghai_midnight_ms(day + 10);
    } else {
      const Dated& chosen = kPolicies[policy++ % std::size(kPolicies)];
      input.kind = chosen.kind;
      input.title = chosen.title;
      input.body = chosen.body;
    }
    put(input, at);
  }
  // The demo's residents read most of what was meant for them, within a day or two.
  for (std::int64_t user_id : accounts::community_users(db, community_id, {Role::resident})) {
    auto reader = accounts::load_actor(db, user_id);
    if (!reader) continue;
    for (std::int64_t id : ids) {
      auto seen = get(db, *reader, id);
      if (!seen || !rng.percent(80)) continue;
      std::int64_t at = seen->published_ms + rng.between(std::int64_t{10} * 60'000, 2 * kDayMs);
      if (at < as_of_ms) (void)mark_read(db, *reader, id, at);
    }
  }
  return written;
}

}  // namespace gz::announcements
