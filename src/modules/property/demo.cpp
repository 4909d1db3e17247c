#include "modules/property/demo.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <queue>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/property/revenue.hpp"
#include "modules/property/rules.hpp"
#include "modules/property/trust_fund.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::property {
namespace {

constexpr std::uint64_t kStream = 0x50524f50;    // "PROP"
constexpr std::int64_t kBaseFeeFen = 16000;      // 160 yuan per household per month (no area)
constexpr std::int64_t kFeePerM2Fen = 120;       // 1.2 yuan per ㎡ per month (110 ㎡: 132 yuan)
constexpr std::int64_t kMeanMonthlyFen = 13200;  // what a household pays on average
// The quarters' service as the households saw it: mean scores near these move the next fee
// (74 → −3%, 84 → +1%, 89 → +2.25%, 85 → +1.25% with the default line).
constexpr int kScoreTargets[] = {74, 84, 89, 85};

struct ExpensePlan {
  const char* category;
  const char* payee_category;
  int share_permille;  // of the month's expected fee income
  const char* purpose;
};
constexpr ExpensePlan kExpensePlans[] = {
    {"cleaning", "service_provider", 240, "保洁服务费"},
    {"security", "service_provider", 250, "秩序维护（保安）服务费"},
    {"greening", "service_provider", 70, "绿化养护"},
    {"repairs", "supplier", 100, "公共部位维修养护"},
    {"utilities", "utility", 110, "公共区域水电能耗"},
    {"staff", "property_company", 100, "物业管理人员酬金（信托制固定酬金）"},
    {"insurance", "insurer", 20, "公众责任险"},
};

// "2026-06-01" → "2026年6月1日".
std::string chinese_date(const std::string& date) {
  return date.substr(0, 4) + "年" + std::to_string(std::stoi(date.substr(5, 2))) + "月" +
         std::to_string(std::stoi(date.substr(8, 2))) + "日";
}

template <typename T>
T must(Result<T> result, const char* step) {
  if (!result) {
    throw std::runtime_error(std::string("property demo: ") + step + ": " + result.error().code +
                             " " + result.error().message);
  }
  return std::move(result).value();
}

struct Event {
  std::int64_t at_ms = 0;
  std::int64_t sequence = 0;
  std::function<void(std::int64_t)> run;
  bool operator>(const Event& other) const {
    return at_ms != other.at_ms ? at_ms > other.at_ms : sequence > other.sequence;
  }
};

class Generator {
 public:
  Generator(storage::Connection& db, std::int64_t community_id, std::uint64_t seed,
            std::int64_t as_of_ms, std::string password)
      : db_(db),
        community_id_(community_id),
        rng_(seed, kStream),
        as_of_ms_(as_of_ms),
        password_(std::move(password)) {}

  DemoPropertySummary run() {
    if (!registry::community_exists(db_, community_id_)) {
      throw std::invalid_argument("property demo: no community " + std::to_string(community_id_));
    }
    for (const auto& row : db_.query("SELECT id FROM households WHERE community_id = ? ORDER BY id",
                                     {community_id_})) {
      households_.push_back(row.integer(0));
    }
    if (households_.empty()) throw std::invalid_argument("property demo: no households");
    // How reliably each household pays: most always, some usually, a few often late.
    for (std::size_t i = 0; i < households_.size(); ++i) {
      int kind = rng_.between(0, 99);
      pays_percent_[households_[i]] = kind < 60 ? 98 : kind < 90 ? 85 : 60;
    }
    Quarter last = quarter_of(as_of_ms_);
    Quarter first = last;
    for (int i = 0; i < 4; ++i) first = previous_quarter(first);
    const std::int64_t start = quarter_start_ms(first);

    schedule(start - 10 * kDayMs + 10 * kHourMs, [this](std::int64_t now) { set_up(now); });
    schedule(start + 2 * kDayMs + 10 * kHourMs, [this](std::int64_t now) { declare_rules(now); });
    Quarter quarter = first;
    for (int index = 0; compare(quarter, last) <= 0; ++index, quarter = next_quarter(quarter)) {
      const std::int64_t quarter_start = quarter_start_ms(quarter);
      schedule(quarter_start + 9 * kHourMs,
               [this, quarter](std::int64_t now) { bill_quarter(quarter, now); });
      if (index < 4) {
        schedule(quarter_start + 78 * kDayMs + 20 * kHourMs,
                 [this, quarter, index](std::int64_t now) {
                   evaluate(quarter, kScoreTargets[index], now);
                 });
      }
      for (int month = 0; month < 3; ++month) {
        std::int64_t month_start = quarter.day_start_ms(month);
        schedule(month_start + 4 * kDayMs + 15 * kHourMs,
                 [this](std::int64_t now) { revenue("advertising", 1'800'000, 2'600'000, now); });
        schedule(month_start + 9 * kDayMs + 15 * kHourMs,
                 [this](std::int64_t now) { revenue("parking", 3'000'000, 4'000'000, now); });
        schedule(month_start + 24 * kDayMs + 10 * kHourMs,
                 [this](std::int64_t now) { record_expenses(now); });
        schedule(month_start + 26 * kDayMs + 20 * kHourMs,
                 [this](std::int64_t now) { approve_expenses(now); });
      }
    }
    // The advertising rule change and its notice, and a rooftop sign's rent received before
    // the new rule's date but recorded after it (it keeps the old rule).
    // All in the middle month of the quarter two before as_of's (May 2026 for the demo date).
    const Quarter change_quarter = last.plus(-2);
    const std::int64_t published = change_quarter.day_start_ms(1, 20);
    rule_from_ = format_date(change_quarter.day_start_ms(2, 1));
    rule_published_ = format_date(published);
    schedule(published + 10 * kHourMs, [this](std::int64_t now) { change_rule(now); });
    const std::string sign_received = format_date(change_quarter.day_start_ms(1, 28));
    schedule(published + 14 * kDayMs + 11 * kHourMs, [this, sign_received](std::int64_t now) {
      one_revenue("advertising", 480'000, sign_received, "AD-ROOF-" + sign_received.substr(0, 7),
                  now);
    });
    while (!queue_.empty()) {
      Event event = queue_.top();
      queue_.pop();
      if (event.at_ms >= as_of_ms_) continue;
      event.run(event.at_ms);
    }
    summary_.trust_fund_fen = fund_account(db_, community_id_, "trust_fund").balance;
    return summary_;
  }

 private:
  void schedule(std::int64_t at_ms, std::function<void(std::int64_t)> run) {
    queue_.push(Event{at_ms, sequence_++, std::move(run)});
  }

  void set_up(std::int64_t now) {
    Settings settings;
    settings.community_id = community_id_;
    settings.base_fee_fen = kBaseFeeFen;
    settings.fee_per_m2_fen = kFeePerM2Fen;  // by floor area, as the demo FAQ says
    must(set_settings(db_, system_, settings), "settings");
    auto row = db_.query_one(
        "SELECT u.id, u.username, u.household_id, COALESCE(u.display_name, u.username) FROM "
        "users u JOIN households h ON h.id = u.household_id WHERE u.role = 'resident' AND "
        "h.community_id = ? ORDER BY u.id LIMIT 1",
        {community_id_});
    if (!row) {
      // No resident login here: an owner of a household in the middle of the list joins.
      std::int64_t household = households_[households_.size() / 2];
      must(accounts::add_user(db_, system_,
                              {"yeweihui" + std::to_string(community_id_),
                               Role::resident,
                               {},
                               household,
                               "yeweihui-demo-2026",
                               "业委会委员"}),
           "committee login");
      row = db_.query_one(
          "SELECT id, username, household_id, COALESCE(display_name, username) FROM users "
          "WHERE username = ?",
          {"yeweihui" + std::to_string(community_id_)});
    }
    committee_ = Actor{row->integer(0), row->text(1),    Role::resident,
                       row->integer(2), {community_id_}, row->text(3)};
    must(add_committee_member(db_, system_, community_id_, committee_.user_id, now), "committee");
    // Two more owners sit on the committee (it decides by a majority of at least three), with
    // logins of their own: weiyuan2 and weiyuan3 (the first community's names are the README's).
    const char* kNames[] = {"业委会委员 张建国", "业委会委员 王秀英"};
    for (int i = 0; i < 2; ++i) {
      std::string username = "weiyuan" + std::to_string(i + 2) +
                             (community_id_ == 1 ? "" : "-" + std::to_string(community_id_));
      std::int64_t household =
          households_[households_.size() / 3 * static_cast<std::size_t>(i + 1)];
      std::int64_t user =
          must(accounts::add_user(db_, system_,
                                  {username, Role::resident, {}, household, password_, kNames[i]}),
               "committee member login");
      must(add_committee_member(db_, system_, community_id_, user, now), "committee");
      members_.push_back(
          Actor{user, username, Role::resident, household, {community_id_}, kNames[i]});
      summary_.committee_logins.push_back(username);
    }
  }

  void declare_rules(std::int64_t now) {
    RuleInput advertising{
        community_id_,
        "advertising",
        {{"maintenance_fund", 5000}, {"elderly_canteen", 3000}, {"activities", 2000}},
        std::nullopt,
        "电梯及楼宇广告收益分配：50%计入维修基金，30%用于老年食堂，20%用于社区活动。"};
    must(declare_rule(db_, system_, advertising, now), "advertising rule");
    RuleInput parking{
        community_id_,
        "parking",
        {{"trust_fund", 7000}, {"maintenance_fund", 3000}},
        std::nullopt,
        "公共车位停车费收益分配：70%计入物业信托资金（抵减物业费），30%计入维修基金。"};
    must(declare_rule(db_, system_, parking, now + 60'000), "parking rule");
    summary_.rule_versions += 2;
  }

  void change_rule(std::int64_t now) {
    RuleInput change{
        community_id_,
        "advertising",
        {{"maintenance_fund", 4000},
         {"elderly_canteen", 3000},
         {"activities", 2000},
         {"trust_fund", 1000}},
        rule_from_,
        "业主大会表决通过：自" + chinese_date(rule_from_) +
            "起，广告收益40%计入维修基金，30%用于老年食堂，20%用于社区活动，10%计入物业信托资金。"
            "公示期自" +
            chinese_date(rule_published_) + "起。"};
    must(declare_rule(db_, system_, change, now), "advertising rule change");
    ++summary_.rule_versions;
  }

  void bill_quarter(const Quarter& quarter, std::int64_t now) {
    auto fee = must(issue_bills(db_, system_, community_id_, quarter_name(quarter), now), "bills");
    ++summary_.quarters_billed;
    summary_.bills += static_cast<int>(fee.bills);
    // Who pays when: most within the quarter, some late, a few not at all (yet).
    std::map<std::int64_t, std::vector<std::int64_t>> by_week;
    for (const auto& row : db_.query("SELECT id, household_id FROM property_bills WHERE "
                                     "community_id = ? AND quarter = ? ORDER BY id",
                                     {community_id_, fee.quarter})) {
      if (!rng_.percent(pays_percent_[row.integer(1)])) continue;
      by_week[rng_.skewed(0, 17)].push_back(row.integer(0));
    }
    const std::int64_t start = quarter_start_ms(quarter);
    for (auto& [week, bills] : by_week) {
      schedule(start + (week * 7 + 6) * kDayMs + 17 * kHourMs,
               [this, bills = std::move(bills)](std::int64_t at) { pay(bills, at); });
    }
  }

  void pay(const std::vector<std::int64_t>& bills, std::int64_t now) {
    for (std::size_t from = 0; from < bills.size(); from += 1000) {
      std::vector<std::int64_t> batch(
          bills.begin() + static_cast<std::ptrdiff_t>(from),
          bills.begin() + static_cast<std::ptrdiff_t>(std::min(bills.size(), from + 1000)));
      auto result = must(record_payments(db_, system_, batch, std::nullopt, now), "payments");
      summary_.bills_paid += static_cast<int>(result.paid.size());
      ++summary_.payment_batches;
    }
  }

  void evaluate(const Quarter& quarter, int target, std::int64_t now) {
    (void)storage::transact(db_, storage::TxMode::write, [&]() -> Result<Unit> {
      audit::Appender appender(db_);
      std::int64_t at = now;
      for (std::int64_t household : households_) {
        if (!rng_.percent(33)) continue;
        int score = target + rng_.between(-12, 12);
        if (rng_.percent(4)) score = rng_.between(20, 60);  // a few unhappy households
        score = std::clamp(score, 0, 100);
        Actor owner{0, "", Role::resident, household, {community_id_}, ""};
        at += 13'000;
        must(submit_evaluation(db_, owner, quarter_name(quarter), score, at, &appender),
             "evaluation");
        ++summary_.evaluations;
      }
      appender.finish();
      return Unit{};
    });
    // The committee and residents meet on the quarter's service a few days later.
    std::int64_t held = now + 4 * kDayMs;
    if (held <= as_of_ms_) {
      must(record_assessment_meeting(
               db_, system_,
               {community_id_, quarter_name(quarter), held, 3,
                rng_.between(std::int64_t{28}, std::int64_t{64}),
                "业委会3名委员与居民代表逐项评议保洁、安保、绿化与维修；物业公司汇报整改；"
                "对电梯维保响应慢提出限期整改"},
               held + kHourMs),
           "assessment meeting");
      ++summary_.assessment_meetings;
    }
  }

  void record_expenses(std::int64_t now) {
    std::int64_t available = fund_account(db_, community_id_, "trust_fund").balance;
    const std::int64_t month_income =
        static_cast<std::int64_t>(households_.size()) * kMeanMonthlyFen * 9 / 10;
    char receipt[48];
    for (const auto& plan : kExpensePlans) {
      std::int64_t amount = month_income * plan.share_permille / 1000;
      amount = amount * rng_.between(90, 110) / 100;
      amount = std::min(amount, available);
      if (amount <= 0) continue;
      available -= amount;
      std::snprintf(receipt, sizeof receipt, "FP-%s-%04d", format_date(now).substr(0, 7).c_str(),
                    ++receipt_sequence_);
      ExpenseInput input{community_id_, amount,       plan.category,   plan.payee_category,
                         receipt,       plan.purpose, format_date(now)};
      auto expense =
          must(record_expense(db_, system_, input, now + receipt_sequence_ * 60'000), "expense");
      pending_.push_back(expense.id);
      ++summary_.expenses;
    }
  }

  void approve_expenses(std::int64_t now) {
    for (std::int64_t id : pending_) {
      bool reject = rng_.percent(4);
      now += 5 * 60'000;
      // Two of the three members decide it; the demo resident's own vote is left to them.
      for (const Actor& member : members_) {
        auto voted = must(
            decide_expense(db_, member, id, reject ? "reject" : "approve",
                           reject ? "票据不全，退回补充后重新提交" : "票据与合同核对无误", now),
            "expense vote");
        now += 60'000;
        if (voted.status != "pending") break;
      }
    }
    pending_.clear();
  }

  void revenue(const char* source, std::int64_t low, std::int64_t high, std::int64_t now) {
    std::string date = format_date(now);
    one_revenue(source, rng_.between(low, high), date,
                std::string(source == std::string("advertising") ? "AD-" : "PK-") + date, now);
  }

  void one_revenue(const std::string& source, std::int64_t amount, const std::string& received_on,
                   const std::string& receipt_ref, std::int64_t now) {
    IncomeInput input{community_id_, source,
                      amount,        received_on,
                      receipt_ref,   source == "advertising" ? "advertiser" : "parking_users"};
    must(record_income(db_, system_, input, now), "revenue");
    ++summary_.revenue_incomes;
  }

  storage::Connection& db_;
  std::int64_t community_id_;
  Rng rng_;
  std::int64_t as_of_ms_;
  std::string password_;
  std::string rule_from_;       // the advertising rule change: in force from this date
  std::string rule_published_;  // and its notice from this one
  const Actor system_ = audit::system_actor();
  Actor committee_;
  std::vector<Actor> members_;  // the committee's other two members
  std::vector<std::int64_t> households_;
  std::map<std::int64_t, int> pays_percent_;
  std::vector<std::int64_t> pending_;
  int receipt_sequence_ = 0;
  std::int64_t sequence_ = 0;
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> queue_;
  DemoPropertySummary summary_;
};

}  // namespace

DemoPropertySummary generate_demo_property(storage::Connection& db, std::int64_t community_id,
                                           std::uint64_t seed, std::int64_t as_of_ms,
                                           const std::string& password) {
  return Generator(db, community_id, seed, as_of_ms, password).run();
}

}  // namespace gz::property
