// GenerateDemoRequests: plans a year of requests for one community in memory, then writes
// them in the order they happened, a few hundred writes per transaction.
//
// Planning, request by request:
//  1. when and what: days are weighted by kind (working day, weekend, holiday, Spring
//     Festival) and categories by month (heating in winter, leaks in the plum-rain and
//     typhoon months, noise in summer); the channel depends on the day (the counter is open
//     on working days only) and the time of day on the channel;
//  2. who and where: a real household (an elderly one for elderly care, a high-rise for a
//     lift), one of its adult members, a description from templates with its building, unit
//     and room; priority from triage() with the stored rules, deadlines from sla.hpp;
//  3. what happened: a chain of workflow steps by the community's staff and guides at
//     working-hour times (emergencies at any hour), most on time and some late, then rating,
//     reopening or closing; everything after as_of is cut off;
//  4. a few cases of the last three weeks are held in each open state, so the queue shows
//     every state (some of them past their deadline);
//  5. the steps are replayed through decide() — a plan the real workflow would refuse is a
//     bug here — and the escalation job is simulated on the resulting timeline.
// Writing follows the commands: the same columns as submit_request, the same event rows
// and notes as transition_request, rate_request and escalate_overdue, and one audit entry
// for each of them. Measured on SQLite (one community of 4,500 households: ~3,000 requests,
// ~17,500 events and as many audit entries): 0.45 s on an idle 2-core box, under 1 s while
// it compiles, so the full per-transition audit is kept rather than a summary per request.
#include "modules/requests/demo.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/random.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/sla.hpp"
#include "modules/requests/store.hpp"
#include "modules/requests/tracking_code.hpp"
#include "modules/requests/triage.hpp"

namespace gz::requests {
namespace {

constexpr int kHistoryDays = 365;
// Requests per household per year, in thousandths: ≈3,000 for 4,500 households.
constexpr int kRequestsPerThousandHouseholds = 667;
// The window before as_of in which some cases are held open in every state.
constexpr std::int64_t kShowcaseMs = 21 * kDayMs;
// How often the escalation job is taken to have run.
constexpr std::int64_t kJobIntervalMs = 5 * kMinuteMs;
constexpr int kWritesPerTransaction = 400;
// The stream of the seed this module draws from; the registry demo uses streams 0..N.
constexpr std::uint64_t kRequestsStream = 0x7265717565737473ULL;  // "requests"

// Demo randomness: gz::Rng (core/random.hpp), except that this demo asks for ranges that may
// be empty (high <= low): those give `low` and draw nothing.
class Rng : public gz::Rng {
 public:
  using gz::Rng::Rng;
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return high <= low ? low : gz::Rng::between(low, high);
  }
  int between(int low, int high) {
    return static_cast<int>(between(std::int64_t{low}, std::int64_t{high}));
  }
  bool percent(int chance) { return between(0, 99) < chance; }
  bool permille(int chance) { return between(0, 999) < chance; }
  template <typename T>
  const T& of(std::span<const T> items) {
    return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
  }
};

struct Weighted {
  std::string_view value;
  int weight;
};

std::string_view pick(Rng& rng, std::span<const Weighted> table) {
  int total = 0;
  for (const auto& entry : table) total += entry.weight;
  int roll = rng.between(0, total - 1);
  for (const auto& entry : table) {
    if (roll < entry.weight) return entry.value;
    roll -= entry.weight;
  }
  return table.back().value;
}

std::string_view pick(Rng& rng, std::span<const std::string_view> items) {
  return rng.of(items);
}

// ---- Reference data: what residents write, and what staff answer.

// Where the request is about, for the `location` column.
enum class Place { home, unit, building, spot, none };
// Which households the text fits.
enum class Fits { any, not_top_floor, walkup_top_floor, high_rise };

// What a resident writes, what staff answer when it is fixed, and, when such a case can be
// somebody else's business, the note that passes it on.
struct Template {
  std::string_view text;
  std::string_view answer;
  Place place;
  Fits fits = Fits::any;
  int weight = 10;
  std::string_view passed_on = {};
  // Needs money, several parties or a vote (维修基金, 加装电梯, 违建): may drag on for months.
  bool hard = false;
};

// Placeholders: {b} building, {u} unit ("2单元"), {r} room ("301"), {addr} building, unit and
// room, {f} floor, {f1} the floor above, {up} the flat above, {spot} a public place near the
// building, {green} a green space, {dur} how long, {time} since when, {elder} the eldest
// member ("王阿婆").
constexpr Template kGasLeak[] = {
    {"{addr}楼道里闻到很重的燃气味，怀疑管道泄漏，请马上派人来看看！",
     "燃气公司抢修人员已到场，查出楼道立管接口松动，已紧固并复测无泄漏。", Place::unit},
    {"{b}{u}{f}楼走廊有一股煤气味，已经开窗通风，不敢开灯，请尽快处理。",
     "燃气公司检测为邻居家灶具软管老化，已更换，复测正常。", Place::unit},
    {"家里厨房燃气表附近有嘶嘶的声音，燃气味很重，已经关了总阀，人在楼下等。",
     "燃气公司已更换燃气表前阀门，复测无泄漏，已恢复供气。", Place::home},
    {"{spot}的燃气管道好像被施工挖破了，气味很大，请赶紧通知燃气公司。",
     "燃气公司已完成抢修，现场警戒已解除，已责成施工单位整改。", Place::spot},
};
constexpr Template kWaterOutage[] = {
    {"{b}突然停水了，也没看到通知，家里老人孩子都等着用水，什么时候能恢复？",
     "系市政供水管爆裂，水务公司已抢修完毕，恢复供水；已要求物业今后第一时间张贴通知。",
     Place::building},
    {"{addr}从{time}开始停水，问了邻居也一样，请帮忙问问是什么情况。",
     "二次供水泵房水泵故障，物业已修复，恢复供水。", Place::home},
    {"{b}{u}高层水压很低，跟停水差不多，洗澡做饭都成问题。",
     "高区加压泵故障，物业已更换水泵，水压恢复正常。", Place::unit, Fits::high_rise},
    {"{b}一带停水了，{spot}路面上都是水，像是供水管爆了。",
     "水务公司已更换破裂的供水管段，恢复供水，路面积水已清理。", Place::spot},
};
constexpr Template kPowerOutage[] = {
    {"{b}{u}整个单元停电了，楼里有行动不便的老人，请尽快处理。",
     "单元总开关跳闸，电工已修复，恢复供电。", Place::unit},
    {"{addr}家里停电了，问了隔壁也没电，是不是线路出了故障？",
     "经查为楼层分线箱空开跳闸，已复位，恢复供电。", Place::home, Fits::any, 10,
     "经核实为户内线路故障，属住户自行维修范围，已告知可拨打95598或联系物业有偿维修。"},
    {"{time}{b}停电好几次，冰箱里的东西都坏了，请查一下原因。",
     "供电公司已更换老化的电缆接头，供电恢复稳定。", Place::building},
    {"{b}楼道和地下室的灯都停电了，晚上黑漆漆的很危险。",
     "楼道配电箱线路老化，物业已更换，照明恢复。", Place::building},
    {"{b}{u}停电了，电梯也停了，我们住{f}楼，老人下不了楼。",
     "供电公司已抢修恢复供电，电梯恢复运行。", Place::unit, Fits::high_rise},
};
constexpr Template kElderlyUnreachable[] = {
    {"我妈妈一个人住在{addr}，从昨天开始打电话一直联系不上，我在外地赶不回来，麻烦社区去家里看看！",
     "指导员上门，老人因手机没电未接电话，身体无恙，已让老人给女儿回电。", Place::home},
    {"{addr}独居的{elder}{time}都没见出门，敲门无人应答，邻居们很担心。",
     "已联系上老人，老人在女儿家小住，已告知邻居放心。", Place::home},
    {"{b}{u}{r}的{elder}好几天没下楼了，门口的报纸和牛奶都没人拿，电话也联系不上。",
     "与物业、民警一同入户，老人在家摔倒，已送医治疗并通知家属。", Place::home},
};
constexpr Template kSafetyHazard[] = {
    {"{b}{u}楼道里堆满了纸箱和旧家具，万一着火人都跑不出去，请督促清理。",
     "已组织清理楼道堆物，消除消防隐患。", Place::unit},
    {"{b}有人把电动车推进楼道充电，电线从窗户拉下来，太危险了。",
     "已拆除飞线，并告知住户到充电棚充电。", Place::building},
    {"{b}外墙有瓷砖松动，刮风时晃得厉害，下面是小孩玩的地方。",
     "已设置警示围挡，松动的外墙砖已由物业拆除修补。", Place::building},
    {"{b}{u}的消防栓箱是空的，灭火器也过期了。", "已更换过期灭火器并补齐消防器材。", Place::unit},
    {"{spot}的窨井盖缺了一块，晚上看不清，有人差点踩空。", "已更换井盖，消除隐患。", Place::spot},
    {"{spot}的配电箱门一直开着，电线露在外面，小孩经常在旁边玩。",
     "已更换配电箱门锁，外露电线已整理包扎。", Place::spot},
};
constexpr Template kWaterLeak[] = {
    {"楼上{up}漏水，我家卫生间天花板一直在滴水，敲门一直没人开。",
     "已协调楼上住户维修卫生间防水层，不再渗漏。", Place::home, Fits::not_top_floor, 14,
     "属住户之间的户内渗漏，已告知可联系物业有偿维修，或向人民调解委员会申请调解。"},
    {"{addr}住顶楼，一下雨屋顶就漏水，墙面都发霉了，{dur}。",
     "屋面防水已修补，雨后回访无渗漏。",
     Place::home,
     Fits::walkup_top_floor,
     12,
     {},
     true},
    {"{b}{u}楼道里的水管漏水，地上一滩水，老人走路容易滑倒。", "物业已更换破损水管，漏点已处理。",
     Place::unit},
    {"{addr}外墙渗水，卧室墙皮起鼓脱落，梅雨天更严重了。",
     "外墙渗水点已做防水处理，雨后回访正常。",
     Place::home,
     Fits::any,
     10,
     {},
     true},
    {"地下车库顶上一直在滴水，{b}下面那一排车位上都是水渍。",
     "物业已对车库顶板裂缝注浆堵漏，不再滴水。", Place::building, Fits::high_rise},
    {"{addr}厨房下水管接口老化漏水，楼下邻居说他家天花板都湿了。",
     "已协助更换老化的下水管接口，楼下不再渗水。", Place::home, Fits::any, 10,
     "属户内管道问题，由住户自行维修，已告知可联系物业有偿维修。"},
    {"{b}{u}{f}楼的窗户关不严，雨水顺着窗台往屋里渗，{dur}。",
     "已协助更换窗户密封条，雨后不再渗水。", Place::home},
};
constexpr Template kElevator[] = {
    {"{b}{u}的电梯{time}又坏了，停在{f}楼不动，家里有老人，上下楼很困难。",
     "维保单位已更换门机皮带，电梯恢复正常运行。", Place::unit, Fits::high_rise, 12},
    {"{b}{u}的电梯运行时有异响，还会突然抖一下，坐着很害怕，请尽快检修。",
     "维保单位已检修曳引机并调整导轨，电梯运行平稳。", Place::unit, Fits::high_rise, 12},
    {"{b}{u}电梯按钮失灵，按了没反应，要等很久才来。", "电梯已检修完毕，更换了按钮面板。",
     Place::unit, Fits::high_rise},
    {"有人困在电梯里了！{b}{u}的电梯卡在{f}楼和{f1}楼之间，已经按了警铃。",
     "维保人员已到场放人，被困居民安全，电梯检修后恢复运行。", Place::unit, Fits::high_rise, 3},
    {"{b}{u}电梯门关不严，{dur}，里面的年检合格证也过期了。",
     "已督促维保单位调整门系统并完成年检，合格证已更新。", Place::unit, Fits::high_rise},
};
constexpr Template kHeating[] = {
    {"{addr}家里的地暖{dur}都不热，室温只有十几度，老人受不了。",
     "已排查供暖管道，排气后室温恢复正常。", Place::home, Fits::high_rise},
    {"小区集中供暖温度太低，{b}这几栋都说不热，请协调物业查一下。",
     "物业已调高锅炉供水温度，回访居民反映室温正常。", Place::building, Fits::high_rise},
    {"{addr}的暖气管道有异响，半夜咚咚响，影响睡觉。", "已对管道排气并更换松动的管卡，异响消除。",
     Place::home, Fits::high_rise},
    {"社区老年活动室的空调制热坏了，天冷了老人们没法在那里活动。", "活动室空调已维修，制热正常。",
     Place::none, Fits::any, 5},
    {"{b}一楼的公共活动室暖气不热，下午老人下棋都要穿棉袄。", "已更换损坏的暖气阀门，供暖恢复。",
     Place::building, Fits::any, 5},
};
constexpr Template kSanitation[] = {
    {"{spot}的垃圾桶满了没人清运，{dur}，味道很大，招苍蝇。",
     "已清运垃圾并对垃圾房消杀，已要求保洁每日清运两次。", Place::spot, Fits::any, 14},
    {"{b}{u}楼道里有人乱堆垃圾，还有宠物粪便，请物业加强保洁。",
     "物业已清理楼道，并张贴文明养宠提示。", Place::unit},
    {"{b}旁边垃圾分类投放点的厨余垃圾桶破了，汤水流了一地。", "已更换破损垃圾桶，地面已清洗。",
     Place::building},
    {"{b}门口的装修垃圾堆了{dur}，没人清理。", "装修垃圾已清运，并提醒装修户按规定堆放。",
     Place::building},
    {"{spot}的下水道堵了，污水反上来，臭味很重。", "已疏通下水道并冲洗路面。", Place::spot},
    {"{b}附近老鼠很多，晚上垃圾房那边经常看到，请安排灭鼠。", "已安排灭鼠投药，加强垃圾房管理。",
     Place::building},
    {"{spot}有人投喂流浪猫，猫粮和粪便到处都是。",
     "已劝导投喂的居民定点投喂并清理，已联系志愿者协助绝育。", Place::spot},
    {"{b}楼下的化粪池满溢了，整栋楼都闻得到臭味。", "已安排抽粪车清掏化粪池，臭味消除。",
     Place::building},
};
constexpr Template kPublicFacility[] = {
    {"{b}{u}楼道{f}楼的声控灯坏了，{dur}，晚上上下楼看不清。", "已更换声控灯，照明恢复。",
     Place::unit, Fits::any, 16},
    {"健身广场的健身器材坏了一个，螺丝松了，小孩玩很危险。", "损坏的健身器材已维修加固。",
     Place::spot},
    {"{b}{u}的单元门禁坏了，门关不上，陌生人随便进出。", "单元门禁已修复。", Place::unit, Fits::any,
     12},
    {"{spot}的路灯不亮了，晚上散步黑乎乎的。", "已更换路灯灯泡，照明恢复。", Place::spot, Fits::any,
     12},
    {"{green}的休息座椅断了一条腿，老人坐着不安全。", "已更换损坏的座椅。", Place::spot},
    {"{b}的信报箱锈坏了，好几户的箱门都掉了。", "已更换新的信报箱。", Place::building},
    {"{b}{u}的楼梯扶手松动了，老人扶着上楼晃得厉害。", "楼梯扶手已重新加固。", Place::unit},
    {"{spot}人行道的地砖翘起来了，{time}有老人在那里绊倒。", "翘起的地砖已重新铺设。", Place::spot},
};
constexpr Template kParking[] = {
    {"{spot}经常有外来车辆乱停，把消防通道都堵了。", "已在消防通道施划禁停标线，保安加强巡查。",
     Place::spot, Fits::any, 14},
    {"我的车位被别人占了，{dur}，打车主电话也不接，请物业处理。",
     "已联系车主挪车，并提醒其不得占用他人车位。", Place::none},
    {"{b}楼下电动车乱停乱放，轮椅都推不过去。", "已规范电动车停放，划定了停放区域。",
     Place::building, Fits::any, 12},
    {"小区的电动车充电桩太少，晚上排队充电，有人就从楼上拉线充电。",
     "已与物业商定增设二十个充电接口，纳入本年度民生实事项目。",
     Place::none,
     Fits::any,
     10,
     {},
     true},
    {"{spot}有一辆僵尸车停了大半年没动过，占着车位，请清理。",
     "已张贴告知书，车主已将车辆移走。",
     Place::spot,
     Fits::any,
     10,
     {},
     true},
    {"小区门口的道闸识别不了我家的车牌，每次都要等保安开门。", "道闸系统已重新录入车牌。",
     Place::none},
    {"小区门口的马路上乱停车，早上出门车都开不出去。",
     "已联系交警中队，在门口路段加强巡查并施划禁停线。", Place::none, Fits::any, 8,
     "小区外市政道路停车属交警部门管理，已告知拨打12345反映。"},
};
constexpr Template kNoise[] = {
    {"楼上{up}每天晚上十点以后还在跺脚、拖椅子，严重影响休息。",
     "已上门沟通，楼上住户表示会注意，晚上十点后不再发出噪音。", Place::home, Fits::not_top_floor,
     14},
    {"{green}跳广场舞的音响声音太大，晚上九点多还在跳，孩子没法写作业。",
     "已与广场舞队伍协商，音量调低并在晚上八点半前结束。", Place::spot, Fits::any, 14},
    {"{b}{u}有住户在装修，中午和周末也在用电钻，噪音太大了。",
     "已提醒装修户遵守装修时间，中午和周末停止施工。", Place::unit, Fits::any, 12},
    {"{spot}附近的空调外机噪音很大，整夜嗡嗡响。", "已协调住户给外机加装减震垫，噪音明显减小。",
     Place::spot},
    {"{b}楼下的商铺晚上营业到很晚，音乐声吵得睡不着。",
     "已约谈商铺负责人，晚上十点后关闭外放音乐。", Place::building, Fits::any, 10,
     "属商铺经营噪音，由市场监管和城管部门处理，已告知居民拨打12345反映。"},
    {"小区外面的工地夜里还在施工，凌晨一两点还有机器声。", "已联系城管核实，工地夜间施工已停止。",
     Place::none, Fits::any, 10,
     "经核实为小区外工地夜间施工，属城管执法部门职责，已告知居民拨打12345市民服务热线反映。"},
    {"{addr}隔壁养的狗整天叫，白天家里没人时叫得更厉害。",
     "已上门沟通，狗主人表示白天会把狗送去宠物托管。", Place::home},
};
constexpr Template kNeighbourDispute[] = {
    {"楼上{up}空调外机的冷凝水滴到我家窗台上，沟通过几次都不改。", "经调解，楼上已加装冷凝水管。",
     Place::home, Fits::not_top_floor},
    {"{b}{u}对门邻居把鞋柜和杂物堆在公共走廊，说了也不听。", "已协调对门邻居清理楼道杂物。",
     Place::unit},
    {"楼上{up}在阳台上晾衣服不拧干，水滴到我家晒的被子上，希望社区帮忙调解。",
     "已组织双方调解，楼上住户同意拧干后再晾晒。", Place::home, Fits::not_top_floor},
    {"{b}一楼住户在公共绿地上私自开荒种菜，还浇粪肥，味道很大。",
     "已劝导住户清除菜地，恢复绿化。",
     Place::building,
     Fits::any,
     10,
     {},
     true},
    {"邻居在楼道里装了摄像头，正对着我家门口，感觉隐私被侵犯。",
     "经调解，邻居已调整摄像头角度，不再对着他人家门。", Place::home, Fits::any, 10,
     "属民事纠纷，已告知可向街道人民调解委员会申请调解或依法起诉。", true},
};
constexpr Template kPropertyService[] = {
    {"物业{time}晚上没人值班，打了好几次电话都不接，有事找不到人。",
     "已约谈物业项目经理，要求整改并落实24小时值班电话。", Place::none},
    {"{b}楼道保洁{dur}没来打扫了，物业费照收，服务却越来越差。",
     "物业已补充保洁人员，恢复日常保洁。", Place::building},
    {"小区保安对外来人员不登记，随便进出，{b}最近丢了好几辆电动车。",
     "已督促物业落实外来人员登记，并在{b}加装监控。", Place::building},
    {"物业维修收费不透明，换个水龙头收了两百块，也没有收费标准。", "已督促物业公示维修收费标准。",
     Place::none, Fits::any, 10,
     "属业主与物业公司之间的合同事项，建议通过业主委员会与物业公司协商，或拨打12345反映。"},
    {"补办单元门禁卡要收五十元，费用太高，请社区了解一下。",
     "经协调，物业已将门禁卡补办费用降为成本价二十元。", Place::none, Fits::any, 10,
     "属业主与物业公司之间的合同事项，建议通过业主委员会与物业公司协商，或拨打12345反映。"},
    {"物业收了停车费，可地下车库灯不亮、地面积水，也没人管。", "已督促物业修复车库照明并清理积水。",
     Place::none, Fits::high_rise},
};
constexpr Template kGreening[] = {
    {"{b}楼前的大树枝叶伸到{f}楼的窗户边了，挡光还招虫子，请修剪。", "已修剪树枝。",
     Place::building},
    {"{green}的草坪被踩秃了，还有人在上面种菜，请恢复绿化。", "已补种草皮并设置护栏。",
     Place::spot},
    {"{time}刮大风，{green}有棵树歪了，看着快倒了，很危险。", "歪倒的树木已扶正加固。",
     Place::spot},
    {"{b}楼前的树上有个马蜂窝，怕蛰到小孩，请尽快处理。", "已请专业人员摘除马蜂窝。",
     Place::building},
    {"{green}好久没浇水了，花草都枯了。", "已安排浇水并补种花草。", Place::spot},
};
constexpr Template kElderlyService[] = {
    {"{addr}家里老人行动不便，想申请助餐送餐服务，请问怎么办理？",
     "已为老人办理助餐服务，每天中午送餐上门。", Place::home},
    {"家里老人八十多岁一个人住，想申请居家养老上门服务，帮忙洗澡和打扫。",
     "已登记居家养老上门服务，每周两次。", Place::home},
    {"{addr}的老人想装一个紧急呼叫器，听说社区有适老化改造补贴。",
     "已申请适老化改造，紧急呼叫器已安装。", Place::home},
    {"社区老年食堂的菜太咸太油，老人吃了血压高，希望调整一下。",
     "已将意见反馈老年食堂，菜品已调整为少盐少油。", Place::none},
    {"老人腿脚不好需要轮椅，听说可以到社区借用，请问还有吗？", "已借出轮椅一台。", Place::none},
    {"{addr}的老人卫生间想加装扶手，防止滑倒，请问能申请补贴吗？",
     "已申请适老化改造补贴，扶手已安装。", Place::home},
};
constexpr Template kConsultation[] = {
    {"请问今年城乡居民医保什么时候开始缴费？在哪里办理？",
     "已答复：城乡居民医保每年9月至12月集中缴费，可在“浙里办”线上缴纳，也可到社区服务窗口办理。",
     Place::none, Fits::any, 14},
    {"孩子明年上小学，入学登记要准备哪些材料？",
     "已答复：入学登记一般在每年5月，需准备户口簿、房产或租赁证明等材料，以区教育局公告为准。",
     Place::none, Fits::any, 10, "入学政策由区教育局负责，已告知拨打12345咨询。"},
    {"新生儿落户需要哪些材料？在社区能办吗？",
     "已答复：需出生医学证明、父母户口簿和身份证，可在“浙里办”或派出所办理。", Place::none},
    {"想咨询一下高龄津贴怎么申请，老人今年满八十了。",
     "已答复：年满80周岁的户籍老人可申请高龄津贴，已帮老人在社区登记申请。", Place::none},
    {"租房住在小区，想办居住证，需要房东提供什么材料？",
     "已答复：需房屋租赁合同和房东身份证复印件，社区登记后到派出所办理。", Place::none},
    {"请问社区有没有四点半课堂？放学后孩子没人带。",
     "已答复：社区四点半课堂周一至周五开放，已帮助登记报名。", Place::none},
    {"家里有残疾人，想了解一下残疾人两项补贴的申请条件。",
     "已告知残疾人两项补贴的申请条件及所需材料，居民表示清楚。", Place::none},
    {"想开一份居住证明，需要本人到社区来吗？",
     "已答复：本人携带身份证到社区服务窗口即可办理，也可委托家属代办。", Place::none},
    {"请问灵活就业人员的社保在哪里交？", "已答复：可在“浙里办”灵活就业参保缴费模块办理。",
     Place::none, Fits::any, 8, "社保缴费问题属人力社保部门职责，已告知拨打12333咨询。"},
};
constexpr Template kSuggestion[] = {
    {"建议在{green}增加几张休息座椅，老人散步走累了没地方坐。",
     "感谢建议，已纳入下一期楼栋议事会议题。", Place::spot},
    {"建议小区增设电动自行车充电车棚，减少拉线充电的安全隐患。",
     "建议已转物业研究，计划下季度实施。", Place::none},
    {"希望社区多组织一些亲子活动，周末孩子没地方去。", "已采纳，社区将每月组织一次周末亲子活动。",
     Place::none},
    {"建议在{b}旁边增设一个快递柜，现在快递都堆在门口，容易丢。",
     "已与快递公司对接，计划在楼旁增设快递柜。", Place::building},
    {"建议给{b}加装电梯，楼里住了很多老人，上下楼太难了。",
     "已纳入老旧小区加装电梯意愿摸排，将召开楼栋议事会征求意见。",
     Place::building,
     Fits::any,
     10,
     {},
     true},
    {"建议线上议事厅提前到晚上七点半开始，老人睡得早。",
     "已采纳，线上议事厅自下月起提前至晚上七点半开始。", Place::none},
};
constexpr Template kOther[] = {
    {"{spot}的快递驿站门口天天堵着，能不能换个位置？", "已协调驿站规范摆放，门口通道已畅通。",
     Place::spot},
    {"{b}{u}楼道墙上贴满了开锁、通下水道的小广告，请清理。", "已清理小广告并加强巡查。",
     Place::unit},
    {"{b}有一户群租，一套房子住了十几个人，进出很乱。",
     "已会同派出所上门核查，督促房东整改。",
     Place::building,
     Fits::any,
     10,
     {},
     true},
    {"想问一下社区的共享工具间怎么借东西，需要登记吗？",
     "已答复：带身份证到社区登记即可借用，七日内归还。", Place::none},
    {"{spot}有人遛狗不牵绳，还不清理粪便。", "已在小区张贴文明养犬提示，并加强巡查劝导。",
     Place::spot},
};

// Public places near a building, and green spaces.
constexpr std::string_view kSpots[] = {
    "{b}楼下",    "{b}北侧空地", "{b}东侧",    "小区东门",     "小区南门口",
    "小区主干道", "{b}西侧通道", "中心花园旁", "地下车库入口",
};
constexpr std::string_view kGreenSpots[] = {"中心花园", "{b}北侧绿化带", "{b}楼前的绿地",
                                            "健身广场旁边的绿地", "小区南门口的绿化带"};
constexpr std::string_view kDurations[] = {"好几天了", "一个多星期了", "两三天了", "半个多月了",
                                           "从上周开始"};
constexpr std::string_view kSince[] = {"昨天晚上", "今天早上", "这两天", "最近", "前天"};

// What staff write. {dept} is the department, {guide} the guide's name, {code} a tracking code.
constexpr std::string_view kAcceptNotes[] = {
    "已受理，正在联系相关人员处理。", "已收到，指导员会尽快与您联系。",
    "已受理，已电话联系居民了解情况。", "已受理，将按时限办理。", "已登记受理，请保持电话畅通。"};
constexpr std::string_view kUrgentAcceptNotes[] = {"已受理，值班人员正赶往现场。",
                                                   "紧急诉求，已受理并通知相关单位到场处置。",
                                                   "已受理，值班人员已电话联系居民。"};
constexpr std::string_view kAssignDepartmentNotes[] = {
    "转{dept}处理。", "已派单至{dept}，请在时限内办结。", "请{dept}尽快安排人员上门。"};
constexpr std::string_view kAssignGuideNotes[] = {
    "请{guide}指导员上门核实处理。", "由网格指导员{guide}跟进。", "转{guide}指导员处理。"};
constexpr std::string_view kSelfAssignNotes[] = {"由我负责跟进。", "本网格诉求，由我跟进处理。"};
constexpr std::string_view kReassignNotes[] = {"指导员上门核实，确属公共设施问题，转{dept}维修。",
                                               "经现场查看，需要专业维修，转{dept}处理。"};
constexpr std::string_view kStartGuideNotes[] = {"已上门了解情况。", "已约居民上门查看。",
                                                 "已到现场核实情况。"};
constexpr std::string_view kStartDepartmentNotes[] = {
    "{dept}已安排人员到场处理。", "{dept}已派人查看，正在处理。", "{dept}已到现场，正在处理。"};
constexpr std::string_view kComments[] = {
    "已电话联系物业经理，约定明天上午处理。", "需要采购配件，预计延后两天完成。",
    "居民白天不在家，约了周末上门。",         "已拍照留存，报街道备案。",
    "已与居民电话沟通进展，居民表示理解。",   "施工需要等天晴后进行。"};
constexpr std::string_view kCloseNotes[] = {"回访居民无异议，办结。", "满7日无异议，办结归档。",
                                            "电话回访未接通，问题已解决，办结。",
                                            "已解决，办结归档。"};
constexpr std::string_view kCloseAfterReviewNotes[] = {"复查后居民认可处理结果，办结。",
                                                       "二次回访，居民表示问题已解决，办结。"};
constexpr std::string_view kReacceptNotes[] = {"回访不满意，重新受理，已约维修人员复查。",
                                               "居民反映问题未解决，重新受理，安排复查。"};
constexpr std::string_view kResidentReopenNotes[] = {"问题又出现了，请再来看看。",
                                                     "修过以后没两天又坏了。"};
constexpr std::string_view kResidentCancelNotes[] = {
    "问题已经自己解决了，撤销。", "已经恢复了，不用处理了。", "和邻居商量好了，不需要处理了。"};
constexpr std::string_view kStaffCancelNotes[] = {"居民来电表示问题已解决，申请撤销。",
                                                  "居民到窗口说明情况已好转，撤销诉求。"};
constexpr std::string_view kGoodComments[] = {"处理很及时，谢谢社区！", "指导员很负责，点赞。",
                                              "当天就弄好了，非常满意。", "态度很好，问题解决了。"};
constexpr std::string_view kFairComments[] = {
    "解决了，就是等得有点久。", "问题解决了，但物业态度一般。", "勉强可以，希望以后多巡查。"};
constexpr std::string_view kBadComments[] = {
    "问题根本没解决，又坏了。", "敷衍了事，一直没人上门看过。", "拖了这么久，还是没弄好。"};
constexpr std::string_view kFollowUpComments[] = {"电话回访：居民表示满意。",
                                                  "电话回访：居民认可处理结果。"};

// How a category behaves in the demo.
struct Profile {
  std::string_view code;
  int weight_permille;         // share of all requests
  std::array<int, 12> season;  // percent by month, January first
  std::span<const Template> templates;
  std::span<const Weighted> handlers;  // department codes, or "guide"
  bool emergency = false;              // handled round the clock, in hours
  bool answered_directly = false;      // a guide answers it without assigning anyone
  int duplicate_percent = 0;           // chance a report repeats a recent one of the same building
  int passed_on_percent = 0;  // chance a case whose template names another body is passed on
  std::int64_t emergency_fix_minutes = 0;  // the longest an emergency fix takes
};

constexpr Weighted kByProperty[] = {{"property_management", 1}};
constexpr Weighted kByGuide[] = {{"guide", 1}};
constexpr Weighted kOutageHandlers[] = {{"property_management", 4}, {"municipal", 1}};
constexpr Weighted kSafetyHandlers[] = {
    {"guide", 4}, {"property_management", 4}, {"grid_station", 2}};
constexpr Weighted kLeakHandlers[] = {{"property_management", 14}, {"housing", 3}, {"guide", 3}};
constexpr Weighted kSanitationHandlers[] = {
    {"sanitation", 4}, {"property_management", 4}, {"guide", 2}};
constexpr Weighted kFacilityHandlers[] = {
    {"property_management", 14}, {"municipal", 3}, {"guide", 3}};
constexpr Weighted kParkingHandlers[] = {
    {"property_management", 5}, {"grid_station", 2}, {"guide", 3}};
constexpr Weighted kNoiseHandlers[] = {
    {"guide", 6}, {"grid_station", 3}, {"property_management", 1}};
constexpr Weighted kDisputeHandlers[] = {{"guide", 8}, {"grid_station", 2}};
constexpr Weighted kPropertyHandlers[] = {{"guide", 4}, {"property_management", 6}};
constexpr Weighted kGreeningHandlers[] = {{"property_management", 6}, {"municipal", 4}};
constexpr Weighted kElderlyHandlers[] = {{"guide", 6}, {"civil_affairs", 4}};
constexpr Weighted kOtherHandlers[] = {
    {"guide", 5}, {"property_management", 3}, {"grid_station", 2}};

using Season = std::array<int, 12>;
constexpr Season kFlat = {100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100};

// Shares per mille: sanitation, public facilities, parking, noise and leaks are common, the
// red categories rare. Seasons: heating in winter, leaks in the plum rains (June–July) and
// typhoons, noise and power cuts in the summer, greening in spring.
constexpr Profile kProfiles[] = {
    {"gas_leak",
     3,
     {130, 120, 100, 90, 80, 80, 80, 80, 90, 100, 110, 130},
     kGasLeak,
     kByProperty,
     true,
     false,
     20,
     0,
     360},
    {"water_outage",
     9,
     {130, 90, 90, 90, 90, 110, 130, 130, 100, 90, 90, 110},
     kWaterOutage,
     kOutageHandlers,
     true,
     false,
     35,
     0,
     900},
    {"power_outage",
     10,
     {80, 70, 60, 60, 80, 140, 200, 200, 110, 70, 60, 80},
     kPowerOutage,
     kOutageHandlers,
     true,
     false,
     35,
     40,
     480},
    {"elderly_unreachable",
     4,
     {150, 120, 90, 80, 80, 90, 140, 150, 90, 80, 90, 120},
     kElderlyUnreachable,
     kByGuide,
     true,
     false,
     0,
     0,
     180},
    {"safety_hazard",
     22,
     {120, 120, 90, 90, 90, 100, 130, 140, 120, 90, 90, 120},
     kSafetyHazard,
     kSafetyHandlers,
     false,
     false,
     4},
    {"water_leak",
     95,
     {60, 60, 80, 90, 120, 250, 200, 140, 130, 80, 60, 60},
     kWaterLeak,
     kLeakHandlers,
     false,
     false,
     2,
     12},
    {"elevator", 45, kFlat, kElevator, kByProperty, false, false, 12},
    {"heating",
     22,
     {360, 280, 90, 0, 0, 0, 0, 0, 0, 0, 150, 320},
     kHeating,
     kByProperty,
     false,
     false,
     4},
    {"sanitation",
     165,
     {90, 100, 90, 90, 100, 120, 130, 130, 110, 90, 80, 80},
     kSanitation,
     kSanitationHandlers,
     false,
     false,
     4},
    {"public_facility", 140, kFlat, kPublicFacility, kFacilityHandlers, false, false, 4},
    {"parking",
     118,
     {130, 140, 100, 100, 90, 90, 90, 90, 90, 110, 90, 110},
     kParking,
     kParkingHandlers,
     false,
     false,
     2,
     45},
    {"noise",
     100,
     {60, 60, 80, 90, 110, 140, 170, 170, 120, 90, 80, 60},
     kNoise,
     kNoiseHandlers,
     false,
     false,
     2,
     30},
    {"neighbour_dispute", 40, kFlat, kNeighbourDispute, kDisputeHandlers, false, false, 0, 20},
    {"property_service", 65, kFlat, kPropertyService, kPropertyHandlers, false, false, 0, 20},
    {"greening",
     40,
     {50, 50, 140, 140, 140, 100, 130, 130, 130, 80, 60, 50},
     kGreening,
     kGreeningHandlers,
     false,
     false,
     2},
    {"elderly_service",
     40,
     {130, 130, 100, 90, 90, 90, 120, 120, 90, 90, 100, 120},
     kElderlyService,
     kElderlyHandlers},
    {"consultation",
     55,
     {90, 80, 90, 90, 90, 90, 110, 110, 130, 130, 130, 130},
     kConsultation,
     kByGuide,
     false,
     true,
     0,
     30},
    {"suggestion", 28, kFlat, kSuggestion, kByGuide, false, true},
    {"other", 25, kFlat, kOther, kOtherHandlers},
};

// ---- Time in Asia/Shanghai and the community office's hours.

std::int64_t local_ms(std::int64_t day, std::int64_t seconds_of_day) {
  return (day * 86400 + seconds_of_day - kShanghaiOffsetSeconds) * 1000;
}
std::int64_t seconds_of_day(std::int64_t epoch_ms) {
  const std::int64_t seconds = epoch_ms / 1000 + kShanghaiOffsetSeconds;
  return ((seconds % 86400) + 86400) % 86400;
}
int month_of(std::int64_t day) {
  int year = 0;
  unsigned month = 0;
  unsigned day_of_month = 0;
  civil_from_days(day, year, month, day_of_month);
  return static_cast<int>(month);
}

// Office hours of a community (社区): 8:30–12:00 and 13:30–17:30 on working days.
constexpr std::int64_t kOfficePeriods[2][2] = {{8 * 3600 + 1800, 12 * 3600},
                                               {13 * 3600 + 1800, 17 * 3600 + 1800}};

class OfficeHours {
 public:
  explicit OfficeHours(const WorkCalendar& calendar) : calendar_(calendar) {}

  // `at` itself when the office is open then, else the next opening.
  std::int64_t next_open(std::int64_t at) const {
    std::int64_t day = shanghai_day(at);
    std::int64_t second = seconds_of_day(at);
    bool same_day = true;
    for (;;) {
      if (calendar_.is_workday(day)) {
        for (const auto& period : kOfficePeriods) {
          if (second < period[1]) {
            if (same_day && second >= period[0]) return at;
            return local_ms(day, period[0]);
          }
        }
      }
      ++day;
      second = 0;
      same_day = false;
    }
  }

  // `minutes` of office time after `at`.
  std::int64_t add(std::int64_t at, std::int64_t minutes) const {
    std::int64_t t = next_open(at);
    std::int64_t remaining = minutes * kMinuteMs;
    for (;;) {
      const std::int64_t end = period_end(t);
      if (t + remaining < end) return t + remaining;
      remaining -= end - t;
      t = next_open(end);
    }
  }

  // Office minutes in [from, to).
  std::int64_t minutes_between(std::int64_t from, std::int64_t to) const {
    std::int64_t total = 0;
    for (std::int64_t t = next_open(from); t < to; t = next_open(period_end(t))) {
      total += std::min(period_end(t), to) - t;
    }
    return total / kMinuteMs;
  }

  bool is_open(std::int64_t at) const { return next_open(at) == at; }
  const WorkCalendar& calendar() const { return calendar_; }

 private:
  // The end of the open period that `t` lies in.
  static std::int64_t period_end(std::int64_t t) {
    const std::int64_t second = seconds_of_day(t);
    const std::int64_t end =
        second < kOfficePeriods[0][1] ? kOfficePeriods[0][1] : kOfficePeriods[1][1];
    return local_ms(shanghai_day(t), end);
  }
  const WorkCalendar& calendar_;
};

// ---- The community as loaded from the registry.

struct Person {
  std::int64_t user_id = 0;  // 0: a resident without a login
  std::string username;
  Role role = Role::resident;
  std::string display_name;
};

struct Member {
  std::string name;
  bool male = false;
  int age = 40;
  std::optional<std::string> mobile;
};

struct Household {
  std::int64_t id = 0;
  std::string building;  // "3号楼"
  int unit = 1;
  int room = 101;
  int floor = 1;
  int top_floor = 1;  // of its building
  std::int64_t guide_user_id = 0;
  bool elderly = false;
  bool elderly_alone = false;
  std::vector<Member> members;
  const Person* login = nullptr;  // a resident login of this household, if any

  std::string short_address() const {
    return building + std::to_string(unit) + "单元" + std::to_string(room) + "室";
  }
};

// The digits just before `marker` in `text` ("2单元" → 2); nullopt when there are none.
std::optional<int> number_before(std::string_view text, std::string_view marker,
                                 std::size_t& position) {
  const std::size_t at = text.find(marker, position);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t begin = at;
  while (begin > position && text[begin - 1] >= '0' && text[begin - 1] <= '9') --begin;
  if (begin == at || at - begin > 6) return std::nullopt;
  position = at + marker.size();
  return std::stoi(std::string(text.substr(begin, at - begin)));
}

// Building, unit and room from an address like "幸福里社区3号楼2单元301室".
void read_address(const std::string& address, const std::string& building_name,
                  Household& household) {
  std::size_t position = 0;
  auto building = number_before(address, "号楼", position);
  household.building = building ? std::to_string(*building) + "号楼"
                                : (building_name.empty() ? std::string("1号楼") : building_name);
  if (!building) position = 0;
  auto unit = number_before(address, "单元", position);
  auto room = number_before(address, "室", position);
  household.unit = unit.value_or(1);
  household.room = room.value_or(101);
  household.floor = std::max(1, household.room / 100);
}

std::string first_character(const std::string& text) {
  if (text.empty()) return "";
  const auto lead = static_cast<unsigned char>(text[0]);
  const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return text.substr(0, std::min(length, text.size()));
}

// How staff address a caller: 王女士, 李先生, 陈阿姨, 张大伯.
std::string salutation(const Member& member) {
  const std::string surname = first_character(member.name);
  if (member.age >= 60) return surname + (member.male ? "大伯" : "阿姨");
  return surname + (member.male ? "先生" : "女士");
}

struct Community {
  std::int64_t id = 0;
  std::vector<Household> households;
  std::vector<Person> people;  // staff, guides, street supervisors and resident logins
  std::vector<const Person*> staff;
  std::vector<const Person*> guides;
  std::vector<std::int64_t> street_user_ids;
  std::unordered_map<std::int64_t, const Person*> by_user_id;
  std::map<std::string, std::vector<std::size_t>> by_building;
  std::vector<std::size_t> high_rise;
  std::vector<std::size_t> elderly;
  std::vector<std::size_t> elderly_alone;
  std::vector<const Household*> with_login;
  std::map<std::string, const Category*> categories;
  std::vector<Category> category_rows;
  std::map<std::string, std::string> departments;  // code → name
  std::vector<TriageRule> rules;
};

int age_at(const std::string& birth_date, std::int64_t as_of_ms) {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!parse_date(birth_date, year, month, day)) return 40;
  int as_of_year = 0;
  unsigned as_of_month = 0;
  unsigned as_of_day = 0;
  civil_from_days(shanghai_day(as_of_ms), as_of_year, as_of_month, as_of_day);
  int age = as_of_year - year;
  if (as_of_month < month || (as_of_month == month && as_of_day < day)) --age;
  return age;
}

Community load_community(storage::Connection& db, std::int64_t community_id,
                         std::int64_t as_of_ms) {
  Community community;
  community.id = community_id;
  // People first: households point at them.
  for (const auto& row : db.query(
           "SELECT u.id, u.username, u.role, COALESCE(u.display_name, u.username) FROM users u "
           "JOIN user_communities uc ON uc.user_id = u.id WHERE uc.community_id = ? AND "
           "u.disabled = 0 AND u.role IN ('staff', 'guide', 'street') ORDER BY u.id",
           {community_id})) {
    community.people.push_back(
        {row.integer(0), row.text(1), parse_role(row.text(2)).value_or(Role::staff), row.text(3)});
  }
  std::vector<std::pair<std::int64_t, std::size_t>> logins;  // household → person
  for (const auto& row :
       db.query("SELECT u.id, u.username, COALESCE(u.display_name, u.username), u.household_id "
                "FROM users u JOIN households h ON h.id = u.household_id WHERE u.role = "
                "'resident' AND u.disabled = 0 AND h.community_id = ? ORDER BY u.id",
                {community_id})) {
    logins.emplace_back(row.integer(3), community.people.size());
    community.people.push_back({row.integer(0), row.text(1), Role::resident, row.text(2)});
  }
  for (const auto& person : community.people) {
    community.by_user_id[person.user_id] = &person;
    if (person.role == Role::staff) community.staff.push_back(&person);
    if (person.role == Role::guide) community.guides.push_back(&person);
    if (person.role == Role::street) community.street_user_ids.push_back(person.user_id);
  }

  std::unordered_map<std::int64_t, std::size_t> index;
  for (const auto& row : db.query(
           "SELECT h.id, h.address, COALESCE(h.guide_user_id, 0), COALESCE(b.name, '') FROM "
           "households h LEFT JOIN buildings b ON b.id = h.building_id WHERE h.community_id = ? "
           "ORDER BY h.id",
           {community_id})) {
    Household household;
    household.id = row.integer(0);
    read_address(row.text(1), row.text(3), household);
    household.guide_user_id = row.integer(2);
    index[household.id] = community.households.size();
    community.households.push_back(std::move(household));
  }
  for (const auto& row : db.query(
           "SELECT household_id, value FROM household_labels WHERE community_id = ? AND kind = "
           "'tag' AND value IN ('elderly', 'elderly_alone')",
           {community_id})) {
    auto found = index.find(row.integer(0));
    if (found == index.end()) continue;
    auto& household = community.households[found->second];
    (row.text(1) == "elderly" ? household.elderly : household.elderly_alone) = true;
  }
  for (const auto& row : db.query(
           "SELECT household_id, name, sex, COALESCE(birth_date, ''), mobile FROM residents WHERE "
           "community_id = ? ORDER BY id",
           {community_id})) {
    auto found = index.find(row.integer(0));
    if (found == index.end()) continue;
    Member member{row.text(1), row.text(2) == "male", age_at(row.text(3), as_of_ms),
                  row.opt_text(4)};
    if (member.mobile && !pii::is_valid_mobile(*member.mobile)) member.mobile.reset();
    if (member.mobile) member.mobile = pii::normalize_mobile(*member.mobile);
    community.households[found->second].members.push_back(std::move(member));
  }
  std::map<std::string, int> top_floor;
  for (const auto& household : community.households) {
    int& top = top_floor[household.building];
    top = std::max(top, household.floor);
  }
  for (std::size_t i = 0; i < community.households.size(); ++i) {
    auto& household = community.households[i];
    household.top_floor = top_floor[household.building];
    community.by_building[household.building].push_back(i);
    if (household.top_floor >= 8) community.high_rise.push_back(i);
    if (household.elderly || household.elderly_alone) community.elderly.push_back(i);
    if (household.elderly_alone) community.elderly_alone.push_back(i);
  }
  for (const auto& [household_id, person] : logins) {
    auto found = index.find(household_id);
    if (found == index.end()) continue;
    community.households[found->second].login = &community.people[person];
    community.with_login.push_back(&community.households[found->second]);
  }

  community.category_rows = list_categories(db, community_id);
  for (const auto& category : community.category_rows) {
    community.categories[category.code] = &category;
  }
  for (const auto& department : list_departments(db, community_id)) {
    community.departments.emplace(department.code, department.name_zh);
  }
  community.rules = list_triage_rules(db, community_id);  // as submit_request applies them
  return community;
}

// ---- The plan of one request.

enum class StepKind { transition, rate };

struct Step {
  std::int64_t at_ms = 0;
  StepKind kind = StepKind::transition;
  Action action = Action::comment;
  const Person* actor = nullptr;
  std::optional<std::string> note;
  std::optional<std::int64_t> assignee_user_id;
  std::optional<std::string> assignee_department;
  std::optional<std::size_t> duplicate_of;  // index of the original in the plan
  int score = 0;
  bool on_behalf = false;  // a rating staff recorded from a follow-up call
  std::optional<std::string> rating_comment;
};

struct Escalation {
  std::int64_t at_ms = 0;
  bool response = true;  // else the resolution deadline
  Status status = Status::submitted;
  std::optional<std::int64_t> assignee_user_id;
};

enum class Fate { normal, duplicate, rejected, cancelled, stuck };

struct Planned {
  const Profile* profile = nullptr;
  const Category* category = nullptr;
  const Household* household = nullptr;
  const Member* contact = nullptr;
  const Person* submitter = nullptr;  // the resident, or the staff member or guide entering it
  std::string channel;
  std::string description;
  std::string answer;                    // the note when it is fixed
  std::optional<std::string> passed_on;  // the note when it is somebody else's business
  bool hard = false;                     // may drag on for months
  std::optional<std::string> location;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::int64_t received_ms = 0;
  std::int64_t entered_ms = 0;
  TriageDecision triage;
  std::int64_t response_due_ms = 0;
  std::int64_t resolution_due_ms = 0;
  std::string tracking_code;
  Fate fate = Fate::normal;
  std::optional<std::size_t> duplicate_of;
  std::vector<Step> steps;
  std::vector<Escalation> escalations;
  std::int64_t id = 0;  // once written
};

// The row a plan leads to, found by replaying its steps through the workflow.
struct Outcome {
  Status status = Status::submitted;
  std::optional<std::int64_t> responded_ms;
  std::optional<std::int64_t> resolved_ms;
  std::optional<std::int64_t> closed_ms;
  std::optional<std::int64_t> assignee_user_id;
  std::optional<std::string> assignee_department;
  std::optional<int> rating;
  std::optional<std::string> rating_comment;
  std::optional<std::int64_t> rated_ms;
  std::int64_t version = 1;
  std::int64_t updated_ms = 0;
  std::vector<Status> before;  // the status each step started from
  std::vector<Status> after;   // and led to
};

Outcome replay(const Planned& request) {
  Outcome outcome;
  outcome.updated_ms = request.entered_ms;
  std::int64_t previous_ms = request.entered_ms;
  for (const auto& step : request.steps) {
    if (step.at_ms <= previous_ms) throw std::logic_error("demo plan: steps out of order");
    previous_ms = step.at_ms;
    const Status from = outcome.status;
    Status to = from;
    if (step.kind == StepKind::rate) {
      if ((from != Status::resolved && from != Status::closed) || outcome.rating) {
        throw std::logic_error("demo plan: a rating of an unresolved or rated request");
      }
      to = step.score <= 2 ? Status::reopened : Status::closed;
      outcome.rating = step.score;
      outcome.rating_comment = step.rating_comment;
      outcome.rated_ms = step.at_ms;
      if (to == Status::reopened) {
        outcome.resolved_ms.reset();
        outcome.closed_ms.reset();
      } else if (from == Status::resolved) {
        outcome.closed_ms = step.at_ms;
      }
    } else {
      const TransitionContext context{step.actor->role, step.actor->role == Role::resident,
                                      outcome.resolved_ms, step.at_ms};
      auto decided = decide(from, step.action, context);
      if (!decided) {
        throw std::logic_error("demo plan: " + decided.error().message + " (" +
                               std::string(action_name(step.action)) + " by " +
                               std::string(role_name(step.actor->role)) + ")");
      }
      to = *decided;
      if (counts_as_response(from, step.action) && !outcome.responded_ms) {
        outcome.responded_ms = step.at_ms;
      }
      if (step.action == Action::assign) {
        outcome.assignee_user_id = step.assignee_user_id;
        outcome.assignee_department = step.assignee_department;
      }
      if (step.action == Action::resolve) outcome.resolved_ms = step.at_ms;
      if (step.action == Action::close) outcome.closed_ms = step.at_ms;
      if (step.action == Action::reopen) {
        outcome.resolved_ms.reset();
        outcome.closed_ms.reset();
      }
    }
    outcome.before.push_back(from);
    outcome.after.push_back(to);
    outcome.status = to;
    ++outcome.version;
    outcome.updated_ms = step.at_ms;
  }
  return outcome;
}

// ---- Planning.

class Planner {
 public:
  Planner(const Community& community, const OfficeHours& office, std::uint64_t seed,
          std::int64_t as_of_ms)
      : community_(community),
        office_(office),
        rng_(seed, kRequestsStream ^ static_cast<std::uint64_t>(community.id)),
        as_of_ms_(as_of_ms),
        resident_{0, "", Role::resident, "居民"},
        job_offset_ms_(rng_.between(std::int64_t{0}, kJobIntervalMs - 1000)) {
    // A few households write far more often than the rest, as in every community.
    for (std::size_t i = 0; i < community_.households.size(); ++i) {
      if (rng_.percent(5)) regulars_.push_back(i);
    }
  }

  std::vector<Planned> plan() {
    std::vector<Planned> requests = draw_arrivals();
    assign_login_households(requests);
    for (std::size_t i = 0; i < requests.size(); ++i) describe(requests, i);
    // Entry order is the order rows get their ids.
    std::stable_sort(requests.begin(), requests.end(), [](const Planned& a, const Planned& b) {
      return a.entered_ms < b.entered_ms;
    });
    drop_unentered(requests);
    find_duplicates(requests);
    drop_unentered(requests);
    for (auto& request : requests) {
      plan_steps(request);
      std::erase_if(request.steps, [&](const Step& step) { return step.at_ms > as_of_ms_; });
    }
    hold_open_cases(requests);
    for (auto& request : requests) request.escalations = escalations(request);
    return requests;
  }

 private:
  // The first run of the job (every kJobIntervalMs, from a per-community offset) after `at`.
  std::int64_t job_tick_after(std::int64_t at) const {
    const std::int64_t since = at + 1 - job_offset_ms_;
    const std::int64_t ticks = (since + kJobIntervalMs - 1) / kJobIntervalMs;
    return job_offset_ms_ + ticks * kJobIntervalMs;
  }

  // -- 1. When, what and through which channel.

  std::vector<Planned> draw_arrivals() {
    const std::int64_t from_ms = as_of_ms_ - kHistoryDays * kDayMs;
    const std::int64_t first_day = shanghai_day(from_ms);
    const std::int64_t last_day = shanghai_day(as_of_ms_ - 1);
    const WorkCalendar& calendar = office_.calendar();
    // Days around the Spring Festival holiday are quiet too: many families travel.
    std::vector<std::int64_t> festival_days;
    for (const auto& [day, name] : calendar.holidays()) {
      if (name.find("春节") != std::string::npos) festival_days.push_back(day);
    }
    auto near_festival = [&](std::int64_t day) {
      for (std::int64_t festival : festival_days) {
        if (day >= festival - 7 && day <= festival + 7) return true;
      }
      return false;
    };

    struct Cell {
      std::int64_t day;
      const Profile* profile;
      std::int64_t cumulative;
    };
    std::vector<const Profile*> profiles;
    for (const auto& profile : kProfiles) {
      if (!community_.categories.contains(std::string(profile.code))) continue;
      if (profile.code == "elevator" && community_.high_rise.empty()) continue;
      profiles.push_back(&profile);
    }
    if (profiles.empty()) return {};
    std::vector<Cell> cells;
    std::int64_t total = 0;
    for (std::int64_t day = first_day; day <= last_day; ++day) {
      std::int64_t day_weight = 100;
      auto holiday = calendar.holidays().find(day);
      if (holiday != calendar.holidays().end()) {
        day_weight = holiday->second.find("春节") != std::string::npos ? 35 : 60;
      } else if (!calendar.is_workday(day)) {
        day_weight = 80;
      } else if (near_festival(day)) {
        day_weight = 75;
      }
      const int month = month_of(day);
      for (const Profile* profile : profiles) {
        total += day_weight * profile->weight_permille * profile->season[month - 1];
        cells.push_back({day, profile, total});
      }
    }
    if (total == 0) return {};

    const std::int64_t households = static_cast<std::int64_t>(community_.households.size());
    const std::int64_t count =
        households * kRequestsPerThousandHouseholds * rng_.between(95, 105) / 100'000;
    std::vector<Planned> requests;
    requests.reserve(static_cast<std::size_t>(count));
    for (std::int64_t n = 0; n < count; ++n) {
      const std::int64_t roll = rng_.between(std::int64_t{0}, total - 1);
      const auto cell =
          std::upper_bound(cells.begin(), cells.end(), roll,
                           [](std::int64_t value, const Cell& c) { return value < c.cumulative; });
      Planned request;
      request.profile = cell->profile;
      request.category = community_.categories.at(std::string(cell->profile->code));
      const bool workday = calendar.is_workday(cell->day);
      request.channel = std::string(pick_channel(*cell->profile, workday));
      request.received_ms = received_at(request.channel, cell->day, workday, from_ms);
      requests.push_back(std::move(request));
    }
    // The demo's story is complaints rising two quarters running (the warning, and staff's
    // improvement task answering it). Noise is seasonal, so from some dates the year's draw
    // alone does not tell it: the last complete quarters then get the extra complaints that
    // do (none from the fixed demo date, whose draw rises by itself).
    const Quarter current = Quarter::containing(as_of_ms_);
    std::int64_t before = 0;
    for (int back = 3; back >= 1; --back) {
      const Quarter quarter = current.plus(-back);
      const std::int64_t from_day = shanghai_day(quarter.start_ms());
      const std::int64_t to_day = shanghai_day(quarter.plus(1).start_ms()) - 1;
      auto complaint_in_quarter = [&](std::int64_t day, const Profile& profile) {
        return day >= from_day && day <= to_day &&
               community_.categories.at(std::string(profile.code))->is_complaint;
      };
      std::int64_t count = 0;
      for (const auto& request : requests) {
        if (complaint_in_quarter(shanghai_day(request.received_ms), *request.profile)) ++count;
      }
      const std::int64_t wanted = back == 3 ? 0 : before * 115 / 100 + 5;
      if (count < wanted) {
        std::vector<const Cell*> pool;
        std::vector<std::int64_t> weights;
        std::int64_t previous = 0;
        for (const auto& cell : cells) {
          if (complaint_in_quarter(cell.day, *cell.profile)) {
            pool.push_back(&cell);
            weights.push_back(cell.cumulative - previous);
          }
          previous = cell.cumulative;
        }
        std::int64_t pool_total = 0;
        for (auto& weight : weights) weight = pool_total += weight;
        for (; pool_total > 0 && count < wanted; ++count) {
          const std::int64_t roll = rng_.between(std::int64_t{0}, pool_total - 1);
          const auto at = static_cast<std::size_t>(
              std::upper_bound(weights.begin(), weights.end(), roll) - weights.begin());
          const Cell& cell = *pool[at];
          Planned request;
          request.profile = cell.profile;
          request.category = community_.categories.at(std::string(cell.profile->code));
          const bool workday = calendar.is_workday(cell.day);
          request.channel = std::string(pick_channel(*cell.profile, workday));
          request.received_ms = received_at(request.channel, cell.day, workday, from_ms);
          requests.push_back(std::move(request));
        }
      }
      before = count;
    }
    std::stable_sort(requests.begin(), requests.end(), [](const Planned& a, const Planned& b) {
      return a.received_ms < b.received_ms;
    });
    return requests;
  }

  // app 45%, phone 25%, counter 12%, building corner 10%, web 8% over the year: the counter
  // is closed on days off, so working days carry a little more of it.
  std::string_view pick_channel(const Profile& profile, bool workday) {
    static constexpr Weighted kWorkday[] = {
        {"app", 418}, {"phone", 272}, {"counter", 158}, {"building_corner", 87}, {"web", 65}};
    static constexpr Weighted kDayOff[] = {
        {"app", 550}, {"phone", 180}, {"building_corner", 140}, {"web", 130}};
    // Families far away phone about a parent they cannot reach.
    if (profile.code == "elderly_unreachable" && rng_.percent(60)) return "phone";
    if (profile.emergency && rng_.percent(30)) return "phone";
    return workday ? pick(rng_, kWorkday) : pick(rng_, kDayOff);
  }

  std::int64_t received_at(const std::string& channel, std::int64_t day, bool workday,
                           std::int64_t from_ms) {
    // Hour weights: the app peaks in the evening, the web in office hours.
    static constexpr int kAppHours[24] = {1,  1,  1,  1,  1,  2,  4,  10, 20, 26, 26, 22,
                                          22, 18, 22, 22, 22, 24, 30, 38, 42, 36, 20, 6};
    static constexpr int kWebHours[24] = {1,  1,  1,  1,  1,  1,  2,  6,  20, 30, 30, 24,
                                          16, 22, 30, 30, 26, 18, 14, 16, 16, 12, 6,  2};
    static constexpr int kCornerHours[24] = {0, 0, 0, 0,  0,  0, 0, 0,  0,  10, 12, 4,
                                             0, 0, 8, 10, 10, 4, 0, 20, 24, 6,  0,  0};
    static constexpr int kDutyHours[24] = {1, 1,  1,  1,  1,  1, 2, 6, 10, 12, 12, 10,
                                           8, 10, 12, 12, 10, 8, 8, 8, 6,  4,  2,  1};
    for (int attempt = 0; attempt < 20; ++attempt) {
      std::int64_t second = 0;
      const bool office =
          channel == "counter" || (channel == "phone" && workday && rng_.percent(88));
      if (office) {
        // Minutes of the working day, morning and afternoon.
        std::int64_t minute = rng_.between(0, 449);
        second = minute < 210 ? kOfficePeriods[0][0] + minute * 60
                              : kOfficePeriods[1][0] + (minute - 210) * 60;
      } else {
        const int* hours = channel == "app"     ? kAppHours
                           : channel == "web"   ? kWebHours
                           : channel == "phone" ? kDutyHours
                                                : kCornerHours;
        int sum = 0;
        for (int h = 0; h < 24; ++h) sum += hours[h];
        int roll = rng_.between(0, sum - 1);
        int hour = 0;
        while (roll >= hours[hour]) roll -= hours[hour++];
        second = hour * 3600 + rng_.between(0, 3599);
      }
      const std::int64_t at = local_ms(day, second) + rng_.between(0, 999);
      if (at >= from_ms && at < as_of_ms_) return at;
    }
    return as_of_ms_ - rng_.between(std::int64_t{1}, std::int64_t{6}) * kHourMs;
  }

  // A few of the year's app requests belong to the demo's resident login(s), one of them
  // recent, so that the resident portal has a history to show.
  void assign_login_households(std::vector<Planned>& requests) {
    login_requests_.assign(requests.size(), nullptr);
    for (const Household* household : community_.with_login) {
      std::vector<std::size_t> older;
      std::vector<std::size_t> recent;
      for (std::size_t i = 0; i < requests.size(); ++i) {
        const auto& request = requests[i];
        if (login_requests_[i] || request.channel != "app") continue;
        const std::string_view code = request.profile->code;
        if (code != "public_facility" && code != "sanitation" && code != "parking" &&
            code != "noise" && code != "consultation") {
          continue;
        }
        (request.received_ms >= as_of_ms_ - 10 * kDayMs ? recent : older).push_back(i);
      }
      rng_.shuffle(older);
      rng_.shuffle(recent);
      for (std::size_t k = 0; k < std::min<std::size_t>(4, older.size()); ++k) {
        login_requests_[older[k]] = household;
      }
      if (!recent.empty()) login_requests_[recent.front()] = household;
    }
  }

  // -- 2. Who writes, where, and what.

  const Household& pick_household(const Profile& profile) {
    auto from = [&](const std::vector<std::size_t>& pool) -> const Household* {
      if (pool.empty()) return nullptr;
      return &community_.households[rng_.of(std::span<const std::size_t>(pool))];
    };
    const Household* chosen = nullptr;
    if (profile.code == "elevator" || profile.code == "heating")
      chosen = from(community_.high_rise);
    if (profile.code == "elderly_unreachable") chosen = from(community_.elderly_alone);
    if (profile.code == "elderly_service" || (!chosen && profile.code == "elderly_unreachable")) {
      chosen = from(community_.elderly);
    }
    if (!chosen && rng_.percent(20)) chosen = from(regulars_);
    if (!chosen) {
      chosen = &community_.households[static_cast<std::size_t>(
          rng_.between(std::int64_t{0}, std::int64_t(community_.households.size()) - 1))];
    }
    if (profile.code == "heating" && chosen->top_floor < 8 && !community_.high_rise.empty()) {
      chosen = from(community_.high_rise);
    }
    return *chosen;
  }

  static bool fits(const Template& text, const Household& household) {
    switch (text.fits) {
      case Fits::any:
        return true;
      case Fits::not_top_floor:
        return household.floor < household.top_floor;
      case Fits::walkup_top_floor:
        return household.floor == household.top_floor && household.top_floor < 8;
      case Fits::high_rise:
        return household.top_floor >= 8;
    }
    return true;
  }

  const Template& pick_template(const Profile& profile, const Household& household) {
    int total = 0;
    for (const auto& text : profile.templates) total += fits(text, household) ? text.weight : 0;
    if (total == 0) return profile.templates.front();
    int roll = rng_.between(0, total - 1);
    for (const auto& text : profile.templates) {
      if (!fits(text, household)) continue;
      if (roll < text.weight) return text;
      roll -= text.weight;
    }
    return profile.templates.front();
  }

  static std::string fill(std::string_view text, const std::map<std::string, std::string>& slots) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
      if (text[i] == '{') {
        const std::size_t end = text.find('}', i);
        if (end != std::string_view::npos) {
          auto slot = slots.find(std::string(text.substr(i + 1, end - i - 1)));
          if (slot != slots.end()) {
            out += slot->second;
            i = end + 1;
            continue;
          }
        }
      }
      out += text[i++];
    }
    return out;
  }

  const Member* pick_contact(const Household& household, bool needs_phone) {
    std::vector<const Member*> adults;
    std::vector<const Member*> with_phone;
    for (const auto& member : household.members) {
      if (member.age < 18) continue;
      adults.push_back(&member);
      if (member.mobile) with_phone.push_back(&member);
    }
    const auto& pool = needs_phone && !with_phone.empty() ? with_phone : adults;
    if (pool.empty()) return household.members.empty() ? nullptr : &household.members.front();
    return rng_.of(std::span<const Member* const>(pool));
  }

  const Person* staff_member() {
    if (community_.staff.empty()) return &fallback_staff_;
    return rng_.of(std::span<const Person* const>(community_.staff));
  }
  const Person* guide_of(const Household& household) {
    auto found = community_.by_user_id.find(household.guide_user_id);
    if (found != community_.by_user_id.end() && found->second->role == Role::guide) {
      return found->second;
    }
    if (community_.guides.empty()) return staff_member();
    return rng_.of(std::span<const Person* const>(community_.guides));
  }

  void describe(std::vector<Planned>& requests, std::size_t i) {
    Planned& request = requests[i];
    const Household* login_household = login_requests_[i];
    const Household& household =
        login_household ? *login_household : pick_household(*request.profile);
    describe_for(request, household, login_household != nullptr);
  }

  void describe_for(Planned& request, const Household& household, bool by_login) {
    request.household = &household;
    const bool needs_phone = request.channel == "phone" || request.channel == "counter";
    request.contact = pick_contact(household, needs_phone);
    const Template& text = pick_template(*request.profile, household);

    std::map<std::string, std::string> slots;
    slots["b"] = household.building;
    slots["u"] = std::to_string(household.unit) + "单元";
    slots["r"] = std::to_string(household.room);
    slots["addr"] = household.short_address();
    slots["f"] = std::to_string(household.floor);
    slots["f1"] = std::to_string(household.floor + 1);
    slots["up"] = std::to_string(household.room + 100);
    slots["dur"] = std::string(pick(rng_, kDurations));
    slots["time"] = std::string(pick(rng_, kSince));
    slots["spot"] = fill(pick(rng_, kSpots), slots);
    slots["green"] = fill(pick(rng_, kGreenSpots), slots);
    const std::string spot =
        text.text.find("{green}") != std::string_view::npos ? slots["green"] : slots["spot"];
    const Member* eldest = nullptr;
    for (const auto& member : household.members) {
      if (!eldest || member.age > eldest->age) eldest = &member;
    }
    slots["elder"] =
        eldest ? first_character(eldest->name) + (eldest->male ? "老伯" : "阿婆") : "老人";
    std::string body = fill(text.text, slots);
    request.answer = fill(text.answer, slots);
    request.hard = text.hard;
    request.passed_on.reset();
    if (!text.passed_on.empty()) request.passed_on = std::string(text.passed_on);

    switch (text.place) {
      case Place::home:
        request.location = household.short_address();
        break;
      case Place::unit:
        request.location = household.building + slots["u"];
        break;
      case Place::building:
        request.location = household.building;
        break;
      case Place::spot:
        request.location = spot;
        break;
      case Place::none:
        break;
    }

    // Staff write down who called, and how to call back.
    const bool family_caller = request.profile->code == "elderly_unreachable";
    std::string prefix;
    if (request.contact && !family_caller) {
      if (request.channel == "phone") prefix = salutation(*request.contact) + "来电称：";
      if (request.channel == "counter") {
        prefix = salutation(*request.contact) + "到社区服务窗口反映：";
      }
      if (request.channel == "building_corner") {
        prefix = household.building + "楼栋议事角，" + salutation(*request.contact) + "反映：";
      }
      if (request.channel == "phone" || request.channel == "counter" ||
          request.channel == "building_corner") {
        request.contact_name = request.contact->name;
      }
      if ((request.channel == "phone" || request.channel == "counter") && request.contact->mobile) {
        request.contact_phone = request.contact->mobile;
      }
    } else if (family_caller && request.channel == "phone") {
      prefix = "家属来电称：";
    } else if (family_caller && request.channel == "building_corner") {
      prefix = household.building + "楼栋议事角，邻居反映：";
    }
    request.description = prefix + body;

    // Who enters it, and when: residents themselves in the app and on the web; staff at the
    // desk or on the phone within minutes; guides type up the building corner's notes in
    // office hours, except an urgent one, which they phone in at once. One typed up only
    // after as_of is left out (drop_unentered).
    const std::int64_t received = request.received_ms;
    const bool by_app = request.channel == "app" || request.channel == "web";
    request.submitter = by_app ? (by_login ? household.login : &resident_)
                        : request.channel == "building_corner" ? guide_of(household)
                                                               : staff_member();
    const bool staff_entry = request.submitter->role != Role::resident;
    request.triage = triage({request.category->default_priority, request.category->name_zh,
                             request.description, std::nullopt, staff_entry},
                            community_.rules);
    if (by_app) {
      request.entered_ms = received;
    } else if (request.channel == "building_corner" && request.triage.priority != Priority::red) {
      request.entered_ms = office_.add(received + 20 * kMinuteMs, rng_.between(10, 150));
    } else if (request.channel == "building_corner") {
      request.entered_ms = received + rng_.between(10, 40) * kMinuteMs;
    } else {
      request.entered_ms = received + rng_.between(request.channel == "phone" ? 1 : 2,
                                                   request.channel == "phone" ? 8 : 15) *
                                          kMinuteMs;
    }
    request.response_due_ms =
        response_due_ms(request.triage.priority, received, office_.calendar());
    request.resolution_due_ms =
        resolution_due_ms(request.triage.priority, request.category->resolution_working_days,
                          received, office_.calendar());
    request.tracking_code = new_code();
  }

  std::string new_code() {
    for (;;) {
      std::string symbols;
      for (std::size_t k = 0; k < kCodeRandomSymbols; ++k) {
        symbols += kCodeAlphabet[static_cast<std::size_t>(
            rng_.between(0, static_cast<int>(kCodeAlphabet.size()) - 1))];
      }
      std::string code = symbols.substr(0, 4) + "-" + symbols.substr(4) + check_symbol(symbols);
      if (codes_.insert(code).second) return code;
    }
  }

  // Requests received before as_of but entered after it are not in the database yet. An
  // original is always entered before its duplicates, so dropping keeps every link.
  void drop_unentered(std::vector<Planned>& requests) const {
    std::vector<std::size_t> new_index(requests.size());
    std::vector<Planned> kept;
    kept.reserve(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
      new_index[i] = kept.size();
      if (requests[i].entered_ms < as_of_ms_) kept.push_back(std::move(requests[i]));
    }
    for (auto& request : kept) {
      if (request.duplicate_of) request.duplicate_of = new_index[*request.duplicate_of];
    }
    requests = std::move(kept);
  }

  // A shared problem (an outage, a broken lift, an overflowing bin) is reported by several
  // households: some reports repeat a recent one of the same category, from a neighbour in
  // the same building, and are merged into the first.
  void find_duplicates(std::vector<Planned>& requests) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      Planned& request = requests[i];
      if (request.profile->duplicate_percent == 0) continue;
      if (request.household->login && request.submitter == request.household->login) continue;
      if (!rng_.percent(request.profile->duplicate_percent)) continue;
      const std::int64_t window = (request.profile->emergency ? 12 : 48) * kHourMs;
      for (std::size_t j = i; j-- > 0;) {
        const Planned& earlier = requests[j];
        if (earlier.entered_ms < request.received_ms - window) break;
        if (earlier.profile != request.profile || earlier.duplicate_of) continue;
        if (earlier.entered_ms >= request.received_ms) continue;
        const auto& neighbours = community_.by_building.at(earlier.household->building);
        const Household& neighbour =
            community_.households[rng_.of(std::span<const std::size_t>(neighbours))];
        describe_for(request, neighbour, false);
        request.duplicate_of = j;
        request.fate = Fate::duplicate;
        break;
      }
    }
  }

  // -- 3. What happened.

  Step& add(Planned& request, std::int64_t at, Action action, const Person* actor,
            std::optional<std::string> note) {
    const std::int64_t previous =
        request.steps.empty() ? request.entered_ms : request.steps.back().at_ms;
    Step step;
    // Seconds and milliseconds as a clock gives them, not round minutes.
    step.at_ms = std::max(at, previous + rng_.between(1, 4) * kMinuteMs) + rng_.between(0, 59'999);
    step.action = action;
    step.actor = actor;
    step.note = std::move(note);
    request.steps.push_back(std::move(step));
    return request.steps.back();
  }

  std::int64_t last(const Planned& request) const {
    return request.steps.empty() ? request.entered_ms : request.steps.back().at_ms;
  }

  std::string note_for(std::span<const std::string_view> notes, std::string_view department = {},
                       std::string_view guide = {}) {
    std::map<std::string, std::string> slots{{"dept", std::string(department)},
                                             {"guide", std::string(guide)}};
    return fill(pick(rng_, notes), slots);
  }

  std::string department_name(const std::string& code) const {
    auto found = community_.departments.find(code);
    return found == community_.departments.end() ? code : found->second;
  }

  bool by_resident(const Planned& request) const {
    return request.channel == "app" || request.channel == "web";
  }
  const Person* resident_of(const Planned& request) const {
    return request.submitter && request.submitter->role == Role::resident ? request.submitter
                                                                          : &resident_;
  }

  // When the case first gets an answer.
  std::int64_t first_response(const Planned& request, bool late) {
    const std::int64_t due = request.response_due_ms;
    const std::int64_t entered = request.entered_ms;
    const bool red = request.triage.priority == Priority::red;
    if (late) {
      if (red) return due + rng_.between(60, 600) * kMinuteMs;
      return office_.add(due + kHourMs, rng_.between(20, 900));
    }
    std::int64_t at = 0;
    if (red) {
      at = entered + rng_.skewed(3, 90) * kMinuteMs;  // the duty officer answers at any hour
    } else if ((request.channel == "phone" || request.channel == "counter") &&
               office_.is_open(entered) && rng_.percent(70)) {
      at = entered + rng_.between(1, 25) * kMinuteMs;  // accepted while the caller waits
    } else if (by_resident(request) && rng_.percent(20) && seconds_of_day(entered) < 21 * 3600) {
      // Guides on the evening shift of the online hall answer from their phones.
      const std::int64_t evening =
          local_ms(shanghai_day(entered), rng_.between(19 * 3600 + 1800, 21 * 3600 + 1800));
      at = std::max(entered + rng_.between(5, 40) * kMinuteMs, evening);
    } else if (!office_.calendar().is_workday(shanghai_day(entered)) &&
               seconds_of_day(entered) >= 9 * 3600 && seconds_of_day(entered) < 17 * 3600 &&
               rng_.percent(35)) {
      at = entered + rng_.between(20, 180) * kMinuteMs;  // the weekend duty officer
    } else {
      const std::int64_t minutes =
          request.triage.priority == Priority::yellow ? rng_.skewed(5, 300) : rng_.skewed(10, 540);
      at = office_.add(entered, minutes);
    }
    if (at > due) at = entered + (due - entered) * rng_.between(20, 80) / 100;
    return at;
  }

  // When the work is done, after starting at `start`.
  std::int64_t resolution_time(const Planned& request, std::int64_t start, bool late) {
    const std::int64_t due = request.resolution_due_ms;
    if (late) return office_.add(std::max(due, start) + kHourMs, rng_.between(60, 2700));
    const std::int64_t available = office_.minutes_between(start, due);
    if (available < 60) return start + rng_.between(20, 50) * kMinuteMs;
    const double u = rng_.unit();
    const double fraction = 0.04 + 0.8 * u * u * std::max(0.3, u);
    const auto minutes =
        std::max<std::int64_t>(20, static_cast<std::int64_t>(available * fraction));
    return office_.add(start, minutes);
  }

  void plan_steps(Planned& request) {
    if (request.fate == Fate::normal) {
      const int roll = rng_.between(0, 999);
      if (roll < 20) {
        request.fate = Fate::cancelled;
      } else if (request.hard && roll < 40 && request.received_ms < as_of_ms_ - 60 * kDayMs) {
        request.fate = Fate::stuck;  // a hard case still open months later
      } else if (request.passed_on && rng_.percent(request.profile->passed_on_percent)) {
        request.fate = Fate::rejected;
      }
    }
    const Priority priority = request.triage.priority;
    const int late_percent = priority == Priority::red ? 2 : priority == Priority::yellow ? 7 : 9;
    const bool late_response = rng_.percent(late_percent);
    const bool late_resolution = rng_.percent(6);
    const std::int64_t respond = first_response(request, late_response);
    const Household& household = *request.household;

    switch (request.fate) {
      case Fate::cancelled: {
        const bool resident_cancels = by_resident(request);
        const Person* actor = resident_cancels ? resident_of(request) : staff_member();
        const std::span<const std::string_view> notes =
            resident_cancels ? std::span<const std::string_view>(kResidentCancelNotes)
                             : std::span<const std::string_view>(kStaffCancelNotes);
        if (rng_.percent(60)) {
          const std::int64_t window =
              std::max<std::int64_t>(respond - request.entered_ms, 20 * kMinuteMs);
          add(request, request.entered_ms + rng_.between(std::int64_t{10} * kMinuteMs, window),
              Action::cancel, actor, note_for(notes));
        } else {
          add(request, respond, Action::accept, staff_member(), note_for(kAcceptNotes));
          add(request, last(request) + rng_.between(30, 1440) * kMinuteMs, Action::cancel, actor,
              note_for(notes));
        }
        return;
      }
      case Fate::duplicate: {
        const Person* actor = rng_.percent(50) ? guide_of(household) : staff_member();
        if (rng_.percent(25)) {
          add(request, respond, Action::accept, actor, note_for(kAcceptNotes));
          add(request, office_.add(last(request), rng_.between(10, 120)), Action::mark_duplicate,
              actor, std::nullopt)
              .duplicate_of = request.duplicate_of;
        } else {
          add(request, respond, Action::mark_duplicate, actor, std::nullopt).duplicate_of =
              request.duplicate_of;
        }
        return;
      }
      case Fate::rejected: {
        const std::string& note = *request.passed_on;
        if (rng_.percent(50)) {
          add(request, respond, Action::accept,
              rng_.percent(50) ? guide_of(household) : staff_member(), note_for(kAcceptNotes));
          add(request, office_.add(last(request), rng_.between(30, 960)), Action::reject,
              staff_member(), note);
        } else {
          add(request, respond, Action::reject, staff_member(), note);
        }
        return;
      }
      case Fate::normal:
      case Fate::stuck:
        break;
    }

    // Who does the work: the household's guide, or a department.
    std::string handler(pick(rng_, request.profile->handlers));
    if (handler != "guide" && !community_.departments.contains(handler)) handler = "guide";
    const Person* guide = guide_of(household);
    const bool by_department = handler != "guide";
    const std::string department = by_department ? department_name(handler) : "";

    auto assign = [&](std::int64_t at, const Person* actor) {
      Step* step = nullptr;
      if (by_department) {
        step =
            &add(request, at, Action::assign, actor, note_for(kAssignDepartmentNotes, department));
        step->assignee_department = handler;
      } else if (actor == guide) {
        step = &add(request, at, Action::assign, actor, note_for(kSelfAssignNotes));
        step->assignee_user_id = guide->user_id;
      } else {
        step = &add(request, at, Action::assign, actor,
                    note_for(kAssignGuideNotes, "", guide->display_name));
        step->assignee_user_id = guide->user_id;
      }
      if (step->assignee_user_id && *step->assignee_user_id == 0) {
        // No guide login: the staff member took it on; record the department instead.
        step->assignee_user_id.reset();
        step->assignee_department = "grid_station";
      }
    };
    const Person* worker = by_department ? staff_member() : guide;
    std::int64_t started = 0;

    if (request.profile->emergency || priority == Priority::red) {
      // Round the clock: accept, dispatch, on site, fixed, in hours.
      const Person* duty = request.profile->code == "elderly_unreachable" ? guide : staff_member();
      add(request, respond, Action::accept, duty, note_for(kUrgentAcceptNotes));
      assign(last(request) + rng_.between(2, 15) * kMinuteMs, duty);
      started = last(request) + rng_.between(5, 40) * kMinuteMs;
      add(request, started, Action::start, worker,
          by_department ? note_for(kStartDepartmentNotes, department) : note_for(kStartGuideNotes));
      if (request.fate == Fate::stuck) return;
      // Emergencies are over in hours; an urgent hazard (a blocked escape route, a loose tile)
      // is made safe at once and fixed within its working days.
      const std::int64_t fixed =
          request.profile->emergency
              ? last(request) + rng_.skewed(20, request.profile->emergency_fix_minutes) * kMinuteMs
              : resolution_time(request, last(request), late_resolution);
      add(request, fixed, Action::resolve, worker, request.answer);
    } else if (request.profile->answered_directly) {
      const Person* actor = rng_.percent(70) ? guide : staff_member();
      add(request, respond, Action::accept, actor, note_for(kAcceptNotes));
      if (request.fate == Fate::stuck) return;
      const std::int64_t answered =
          request.profile->code == "suggestion"
              ? resolution_time(request, last(request), late_resolution)
              : office_.add(last(request), rng_.skewed(10, late_resolution ? 2400 : 480));
      add(request, answered, Action::resolve, actor, request.answer);
    } else {
      if (rng_.percent(60)) {
        const Person* accepter = rng_.percent(40) ? guide : staff_member();
        add(request, respond, Action::accept, accepter, note_for(kAcceptNotes));
        assign(office_.add(last(request), rng_.skewed(5, 180)),
               accepter == guide && !by_department ? guide : staff_member());
      } else {
        assign(respond, staff_member());
      }
      // A guide who went to look sometimes hands the repair on.
      if (!by_department && rng_.percent(6) &&
          community_.departments.contains("property_management")) {
        const std::string property = department_name("property_management");
        add(request, office_.add(last(request), rng_.between(60, 960)), Action::assign,
            staff_member(), note_for(kReassignNotes, property))
            .assignee_department = "property_management";
        worker = staff_member();
      }
      const bool department_now = request.steps.back().assignee_department.has_value();
      started =
          office_.add(last(request), department_now ? rng_.skewed(30, 1200) : rng_.skewed(10, 480));
      add(request, started, Action::start, worker,
          department_now ? note_for(kStartDepartmentNotes,
                                    department_name(*request.steps.back().assignee_department))
                         : note_for(kStartGuideNotes));
      if (request.fate == Fate::stuck) {
        add(request, office_.add(last(request), rng_.between(2000, 9000)), Action::comment, worker,
            std::string("涉及多方协调，正在推进，已报街道。"));
        return;
      }
      const std::int64_t resolved = resolution_time(request, last(request), late_resolution);
      if (rng_.percent(15) && resolved - last(request) > 2 * kHourMs) {
        add(request, last(request) + (resolved - last(request)) * rng_.between(20, 70) / 100,
            Action::comment, worker, note_for(kComments));
      }
      add(request, resolved, Action::resolve, worker, request.answer);
    }
    follow_up(request, worker, late_response || late_resolution);
  }

  // After the resolution: a rating (the resident in the app, or staff calling back), a reopened
  // case now and then, and closing.
  void follow_up(Planned& request, const Person* worker, bool was_late) {
    const std::int64_t resolved = last(request);
    if (rng_.percent(64)) {
      // Per mille of scores 1..5: about 91% satisfied when on time, 73% when late, which
      // makes the year's ~88% (4–5 of all ratings).
      static constexpr int kOnTime[] = {15, 20, 55, 270, 640};
      static constexpr int kLate[] = {50, 70, 150, 330, 400};
      const int* weights = was_late ? kLate : kOnTime;
      int roll = rng_.between(0, 999);
      int score = 1;
      while (roll >= weights[score - 1]) roll -= weights[score++ - 1];
      const bool self = by_resident(request) && rng_.percent(45);
      std::int64_t at = 0;
      if (self) {
        at = resolved + rng_.skewed(60, 3 * 24 * 60) * kMinuteMs;
        const std::int64_t second = seconds_of_day(at);
        if (second < 8 * 3600 || second > 22 * 3600) {
          at = local_ms(shanghai_day(at) + (second > 22 * 3600 ? 1 : 0),
                        rng_.between(8 * 3600, 10 * 3600));
        }
      } else {
        at = office_.add(resolved, rng_.between(60, 1800));
      }
      Step& rate = add(request, at, Action::comment, self ? resident_of(request) : staff_member(),
                       std::nullopt);
      set_rating(rate, score, !self);
      if (score >= 3) return;
      // An unsatisfied rating sends the case back: look again, fix, close.
      add(request, office_.add(last(request), rng_.between(20, 480)), Action::accept,
          staff_member(), note_for(kReacceptNotes));
      add(request, office_.add(last(request), rng_.between(30, 600)), Action::start, worker,
          std::string("已安排复查。"));
      add(request, office_.add(last(request), rng_.between(240, 2400)), Action::resolve, worker,
          "复查处理：" + request.answer);
      add(request, office_.add(last(request), rng_.between(450, 2250)), Action::close,
          staff_member(), note_for(kCloseAfterReviewNotes));
      return;
    }
    if (by_resident(request) && rng_.percent(5)) {
      // The resident reopens within the week: it came back.
      add(request, resolved + rng_.between(120, 5 * 24 * 60) * kMinuteMs, Action::reopen,
          resident_of(request), note_for(kResidentReopenNotes));
      add(request, office_.add(last(request), rng_.between(20, 480)), Action::accept,
          staff_member(), note_for(kAcceptNotes));
      add(request, office_.add(last(request), rng_.between(30, 600)), Action::start, worker,
          std::string("已安排复查。"));
      add(request, office_.add(last(request), rng_.between(240, 2400)), Action::resolve, worker,
          "复查处理：" + request.answer);
    }
    // Closed once the resident's week to object has passed.
    add(request, office_.add(last(request) + 7 * kDayMs, rng_.between(0, 900)), Action::close,
        staff_member(), note_for(kCloseNotes));
  }

  void set_rating(Step& step, int score, bool on_behalf) {
    step.kind = StepKind::rate;
    step.score = score;
    step.on_behalf = on_behalf;
    step.rating_comment.reset();
    if (on_behalf) {
      if (score >= 4 && rng_.percent(40))
        step.rating_comment = std::string(pick(rng_, kFollowUpComments));
    } else if (rng_.percent(55)) {
      using Notes = std::span<const std::string_view>;
      step.rating_comment = std::string(pick(rng_, score >= 4   ? Notes(kGoodComments)
                                                   : score == 3 ? Notes(kFairComments)
                                                                : Notes(kBadComments)));
    }
    if (score <= 2) step.rating_comment = std::string(pick(rng_, kBadComments));
    // The event note is what rate_request writes.
    step.note = "满意度评分 " + std::to_string(score) + "/5" +
                (on_behalf ? "（工作人员电话回访代录）" : "") +
                (score <= 2 ? "，不满意，重新办理" : "");
  }

  // -- 4. Cases of the last weeks held in each open state, so the queue shows all of them.

  void hold_open_cases(std::vector<Planned>& requests) {
    struct Target {
      Status status;
      int minimum;
    };
    static constexpr Target kTargets[] = {{Status::submitted, 4}, {Status::accepted, 3},
                                          {Status::assigned, 5},  {Status::in_progress, 8},
                                          {Status::resolved, 5},  {Status::reopened, 2}};
    const std::int64_t window_start = as_of_ms_ - kShowcaseMs;
    const std::int64_t latest = as_of_ms_ - 2 * kDayMs;
    std::vector<std::size_t> window;
    std::map<Status, int> counts;
    for (std::size_t i = 0; i < requests.size(); ++i) {
      if (requests[i].received_ms < window_start) continue;
      window.push_back(i);
      ++counts[replay(requests[i]).status];
    }
    rng_.shuffle(window);
    for (const auto& target : kTargets) {
      for (std::size_t i : window) {
        if (counts[target.status] >= target.minimum) break;
        Planned& request = requests[i];
        if (request.fate != Fate::normal) continue;
        Outcome outcome = replay(request);
        if (outcome.status != Status::closed) continue;  // only finished cases are held back
        std::optional<std::size_t> keep;                 // steps to keep
        if (target.status == Status::submitted) {
          if (request.received_ms < latest - 5 * kDayMs) keep = 0;
        } else {
          for (std::size_t k = 0; k < request.steps.size(); ++k) {
            if (outcome.after[k] == target.status && request.steps[k].at_ms <= latest &&
                (k + 1 == request.steps.size() || outcome.after[k + 1] != target.status)) {
              keep = k + 1;
              break;
            }
          }
          if (!keep && target.status == Status::reopened) {
            // Turn a satisfied rating into an unsatisfied one.
            for (std::size_t k = 0; k < request.steps.size(); ++k) {
              if (request.steps[k].kind == StepKind::rate && request.steps[k].at_ms <= latest) {
                set_rating(request.steps[k], rng_.between(1, 2), request.steps[k].on_behalf);
                keep = k + 1;
                break;
              }
            }
          }
        }
        if (!keep) continue;
        request.steps.resize(*keep);
        --counts[Status::closed];
        ++counts[target.status];
      }
    }
  }

  // -- 5. The escalation job (督办), run every few minutes up to as_of on this timeline.

  std::vector<Escalation> escalations(const Planned& request) const {
    const Outcome outcome = replay(request);
    struct Segment {
      std::int64_t from;
      Status status;
      std::optional<std::int64_t> assignee;
    };
    std::vector<Segment> segments{{request.entered_ms, Status::submitted, std::nullopt}};
    std::optional<std::int64_t> assignee;
    for (std::size_t k = 0; k < request.steps.size(); ++k) {
      const Step& step = request.steps[k];
      if (step.kind == StepKind::transition && step.action == Action::assign) {
        assignee = step.assignee_user_id;
      }
      segments.push_back({step.at_ms, outcome.after[k], assignee});
    }
    auto segment_at = [&](std::int64_t at) -> const Segment& {
      std::size_t k = 0;
      while (k + 1 < segments.size() && segments[k + 1].from <= at) ++k;
      return segments[k];
    };

    std::vector<Escalation> out;
    // Response: unanswered (submitted or reopened, never responded) when the job runs after
    // the deadline.
    // The job sees a request only once it is entered (a late entry of an old phone call).
    const std::int64_t response_tick =
        job_tick_after(std::max(request.response_due_ms, request.entered_ms));
    if (response_tick <= as_of_ms_ &&
        (!outcome.responded_ms || *outcome.responded_ms > response_tick)) {
      const Segment& segment = segment_at(response_tick);
      if (segment.status == Status::submitted || segment.status == Status::reopened) {
        out.push_back({response_tick, true, segment.status, segment.assignee});
      }
    }
    // Resolution: still open (and so unresolved) when the job runs after the deadline.
    for (std::size_t k = 0; k < segments.size(); ++k) {
      if (!is_open(segments[k].status)) continue;
      const std::int64_t tick =
          job_tick_after(std::max(request.resolution_due_ms, segments[k].from));
      if (tick > as_of_ms_) break;
      if (k + 1 < segments.size() && tick >= segments[k + 1].from) continue;
      out.push_back({tick, false, segments[k].status, segments[k].assignee});
      break;
    }
    std::sort(out.begin(), out.end(), [](const Escalation& a, const Escalation& b) {
      return a.at_ms < b.at_ms || (a.at_ms == b.at_ms && a.response && !b.response);
    });
    return out;
  }

  const Community& community_;
  const OfficeHours& office_;
  Rng rng_;
  std::int64_t as_of_ms_;
  Person resident_;  // a resident without a login
  Person fallback_staff_{0, "system", Role::staff, "社区工作人员"};
  std::int64_t job_offset_ms_;
  std::vector<std::size_t> regulars_;
  std::vector<const Household*> login_requests_;
  std::unordered_set<std::string> codes_;
};

// ---- Writing, in the order things happened.

constexpr const char* kInsertRequest =
    "INSERT INTO requests (community_id, tracking_code, category, description, priority, "
    "priority_source, triage_note, status, channel, household_id, submitted_by_user_id, "
    "open311_client_id, contact_name, contact_phone, location, latitude, longitude, received_at, "
    "received_ms, response_due_ms, resolution_due_ms, responded_ms, resolved_ms, closed_ms, "
    "assignee_user_id, assignee_department, duplicate_of, overdue_response, overdue_resolution, "
    "rating, rating_comment, rated_ms, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?) ON CONFLICT (tracking_code) DO NOTHING RETURNING id";
constexpr const char* kInsertNotification =
    "INSERT INTO notifications (community_id, user_id, kind, object_type, object_id, message, "
    "created_at) VALUES (?, ?, 'escalation', 'request', ?, ?, ?)";

Actor audit_actor(const Person* person, std::int64_t community_id) {
  if (person == nullptr || person->user_id <= 0) return audit::system_actor();
  Actor actor;
  actor.user_id = person->user_id;
  actor.username = person->username;
  actor.role = person->role;
  actor.community_ids = {community_id};
  actor.display_name = person->display_name;
  return actor;
}

storage::Value opt_int(const std::optional<int>& value) {
  return value ? storage::Value{std::int64_t{*value}} : storage::Value{};
}

class Writer {
 public:
  Writer(storage::Connection& db, const Community& community, std::vector<Planned>& requests,
         std::uint64_t seed)
      : db_(db),
        community_(community),
        requests_(requests),
        code_rng_(seed, kRequestsStream ^ 0xC0DEULL ^ static_cast<std::uint64_t>(community.id)) {}

  DemoRequestsSummary write() {
    struct Item {
      std::int64_t at_ms;
      std::size_t request;
      int order;  // within the request: 0 the submission, then steps and escalations
      int kind;   // 0 submit, 1 step, 2 escalation
      std::size_t index;
    };
    std::vector<Item> items;
    for (std::size_t r = 0; r < requests_.size(); ++r) {
      const Planned& request = requests_[r];
      items.push_back({request.entered_ms, r, 0, 0, 0});
      std::size_t s = 0;
      std::size_t e = 0;
      int order = 1;
      while (s < request.steps.size() || e < request.escalations.size()) {
        const bool step_first =
            e == request.escalations.size() ||
            (s < request.steps.size() && request.steps[s].at_ms <= request.escalations[e].at_ms);
        if (step_first) {
          items.push_back({request.steps[s].at_ms, r, order++, 1, s});
          ++s;
        } else {
          items.push_back({request.escalations[e].at_ms, r, order++, 2, e});
          ++e;
        }
      }
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      if (a.at_ms != b.at_ms) return a.at_ms < b.at_ms;
      if (a.request != b.request) return a.request < b.request;
      return a.order < b.order;
    });
    outcomes_.clear();
    for (const auto& request : requests_) outcomes_.push_back(replay(request));

    for (std::size_t begin = 0; begin < items.size(); begin += kWritesPerTransaction) {
      const std::size_t end = std::min(items.size(), begin + kWritesPerTransaction);
      storage::with_transaction(db_, storage::TxMode::write, [&] {
        for (std::size_t i = begin; i < end; ++i) {
          const Item& item = items[i];
          Planned& request = requests_[item.request];
          if (item.kind == 0) submit(request, outcomes_[item.request]);
          if (item.kind == 1) step(request, item.index, outcomes_[item.request]);
          if (item.kind == 2) escalate(request, request.escalations[item.index]);
        }
      });
    }

    DemoRequestsSummary summary;
    for (std::size_t r = 0; r < requests_.size(); ++r) {
      const Outcome& outcome = outcomes_[r];
      ++summary.requests;
      if (is_open(outcome.status)) ++summary.open;
      if (!requests_[r].escalations.empty()) ++summary.overdue;
      if (outcome.rating) ++summary.rated;
      summary.events +=
          1 + static_cast<int>(requests_[r].steps.size() + requests_[r].escalations.size());
    }
    return summary;
  }

 private:
  void submit(Planned& request, const Outcome& outcome) {
    bool overdue_response = false;
    bool overdue_resolution = false;
    for (const auto& escalation : request.escalations) {
      (escalation.response ? overdue_response : overdue_resolution) = true;
    }
    std::optional<std::int64_t> duplicate_of;
    if (request.duplicate_of && outcome.status == Status::duplicate) {
      duplicate_of = requests_[*request.duplicate_of].id;
    }
    const std::int64_t submitted_by =
        request.submitter && request.submitter->user_id > 0 ? request.submitter->user_id : 0;
    for (;;) {
      auto row = db_.query_one(kInsertRequest,
                               {community_.id,
                                request.tracking_code,
                                request.category->code,
                                request.description,
                                std::string(priority_name(request.triage.priority)),
                                request.triage.source,
                                request.triage.note,
                                std::string(status_name(outcome.status)),
                                request.channel,
                                request.household->id,
                                submitted_by ? storage::Value{submitted_by} : storage::Value{},
                                storage::opt_text(request.contact_name),
                                storage::opt_text(request.contact_phone),
                                storage::opt_text(request.location),
                                format_iso8601(request.received_ms),
                                request.received_ms,
                                request.response_due_ms,
                                request.resolution_due_ms,
                                storage::opt_int(outcome.responded_ms),
                                storage::opt_int(outcome.resolved_ms),
                                storage::opt_int(outcome.closed_ms),
                                storage::opt_int(outcome.assignee_user_id),
                                storage::opt_text(outcome.assignee_department),
                                storage::opt_int(duplicate_of),
                                std::int64_t{overdue_response ? 1 : 0},
                                std::int64_t{overdue_resolution ? 1 : 0},
                                opt_int(outcome.rating),
                                storage::opt_text(outcome.rating_comment),
                                storage::opt_int(outcome.rated_ms),
                                outcome.version,
                                format_iso8601(request.entered_ms),
                                format_iso8601(outcome.updated_ms)});
      if (row) {
        request.id = row->integer(0);
        break;
      }
      // Another community drew the same code: draw again (a one in 10^11 event).
      std::string symbols;
      for (std::size_t k = 0; k < kCodeRandomSymbols; ++k) {
        symbols += kCodeAlphabet[static_cast<std::size_t>(
            code_rng_.between(0, static_cast<int>(kCodeAlphabet.size()) - 1))];
      }
      request.tracking_code =
          symbols.substr(0, 4) + "-" + symbols.substr(4) + check_symbol(symbols);
    }
    const Person* submitter = request.submitter;
    const std::string role = std::string(role_name(submitter->role));
    store::insert_event(
        db_, {community_.id, request.id, request.entered_ms,
              submitter->user_id > 0 ? std::optional(submitter->user_id) : std::nullopt, role,
              "submit", std::nullopt, "submitted", request.triage.note, true});
    boost::json::object change{{"tracking_code", request.tracking_code},
                               {"category", request.category->code},
                               {"priority", priority_name(request.triage.priority)},
                               {"priority_source", request.triage.source},
                               {"channel", request.channel},
                               {"received_at", format_iso8601(request.received_ms)}};
    change["household_id"] = request.household->id;
    audit::append(db_, audit_actor(submitter, community_.id),
                  {community_.id, "request.submit", "request", std::to_string(request.id), change});
  }

  void step(const Planned& request, std::size_t index, const Outcome& outcome) {
    const Step& step = request.steps[index];
    const Status from = outcome.before[index];
    const Status to = outcome.after[index];
    const std::optional<std::int64_t> actor_id =
        step.actor->user_id > 0 ? std::optional(step.actor->user_id) : std::nullopt;
    const std::string role(role_name(step.actor->role));
    if (step.kind == StepKind::rate) {
      store::insert_event(
          db_, {community_.id, request.id, step.at_ms, actor_id, role, "rate",
                std::string(status_name(from)), std::string(status_name(to)), step.note, true});
      boost::json::object change{
          {"score", step.score}, {"to", status_name(to)}, {"on_behalf", step.on_behalf}};
      audit::append(db_, audit_actor(step.actor, community_.id),
                    {community_.id, "request.rate", "request", std::to_string(request.id), change});
      return;
    }
    std::optional<std::string> note = step.note;
    std::optional<std::int64_t> duplicate_of;
    if (step.action == Action::mark_duplicate && step.duplicate_of) {
      const Planned& original = requests_[*step.duplicate_of];
      duplicate_of = original.id;
      note = "与诉求 " + original.tracking_code + " 反映的是同一问题，合并办理，进度请查询该编号。";
    }
    const bool is_public = step.action != Action::comment && step.action != Action::set_priority;
    store::insert_event(db_, {community_.id, request.id, step.at_ms, actor_id, role,
                              std::string(action_name(step.action)), std::string(status_name(from)),
                              std::string(status_name(to)), note, is_public});
    boost::json::object change{
        {"action", action_name(step.action)}, {"from", status_name(from)}, {"to", status_name(to)}};
    if (note) change["note"] = *note;
    if (step.assignee_user_id) change["assignee_user_id"] = *step.assignee_user_id;
    if (step.assignee_department) change["assignee_department"] = *step.assignee_department;
    if (duplicate_of) change["duplicate_of"] = *duplicate_of;
    audit::append(db_, audit_actor(step.actor, community_.id),
                  {community_.id, "request." + std::string(action_name(step.action)), "request",
                   std::to_string(request.id), change});
  }

  // As escalate_overdue does it: an event, notices to the street supervisors and the
  // assignee, and an audit entry.
  void escalate(const Planned& request, const Escalation& escalation) {
    const std::string note =
        escalation.response ? "超过响应时限，已启动督办" : "超过办结时限，已启动督办";
    const std::string status(status_name(escalation.status));
    store::insert_event(db_, {community_.id, request.id, escalation.at_ms, std::nullopt, "system",
                              "escalate", status, status, note, true});
    std::vector<std::int64_t> targets = community_.street_user_ids;
    if (escalation.assignee_user_id) targets.push_back(*escalation.assignee_user_id);
    const std::string message = "诉求 " + request.tracking_code + " " + note;
    for (std::int64_t user_id : targets) {
      db_.execute(kInsertNotification, {community_.id, user_id, std::to_string(request.id), message,
                                        format_iso8601(escalation.at_ms)});
    }
    audit::append(
        db_, audit::system_actor(),
        {community_.id, "request.escalate", "request", std::to_string(request.id),
         boost::json::object{{"deadline", escalation.response ? "response" : "resolution"}}});
  }

  storage::Connection& db_;
  const Community& community_;
  std::vector<Planned>& requests_;
  std::vector<Outcome> outcomes_;
  Rng code_rng_;
};

}  // namespace

DemoRequestsSummary generate_demo_requests(storage::Connection& db, std::int64_t community_id,
                                           std::uint64_t seed, std::int64_t as_of_ms) {
  if (!db.query_one("SELECT id FROM communities WHERE id = ?", {community_id})) {
    throw std::invalid_argument("demo: no community " + std::to_string(community_id));
  }
  if (db.query_int("SELECT COUNT(*) FROM requests WHERE community_id = ?", {community_id}) != 0) {
    throw std::runtime_error("demo: community " + std::to_string(community_id) +
                             " already has requests");
  }
  seed_calendar(db);
  const auto calendar = current_calendar(db);
  const Community community = load_community(db, community_id, as_of_ms);
  if (community.households.empty()) return {};
  const OfficeHours office(*calendar);
  Planner planner(community, office, seed, as_of_ms);
  std::vector<Planned> requests = planner.plan();
  Writer writer(db, community, requests, seed);
  return writer.write();
}

}  // namespace gz::requests
