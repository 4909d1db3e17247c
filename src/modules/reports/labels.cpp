// Report labels; see labels.hpp.
#include "modules/reports/labels.hpp"

#include <array>

namespace gz::reports {
namespace {

struct Named {
  std::string_view key;
  const char* zh;
  const char* en;
};

template <std::size_t N>
std::string find(const std::array<Named, N>& names, std::string_view key, Language language) {
  for (const auto& named : names) {
    if (named.key == key) return language == Language::en ? named.en : named.zh;
  }
  return std::string(key);
}

constexpr std::array<Named, 12> kIndicators{{
    {"participation_rate", "居民参与率", "Participation rate"},
    {"proposals_per_100_households", "每百户年提案数", "Proposals per 100 households a year"},
    {"leader_growth_rate", "居民骨干年增长率", "Resident-leader growth a year"},
    {"misallocation_rate", "资源错配率", "Misallocation rate"},
    {"complaint_rate", "投诉率", "Complaint rate"},
    {"satisfaction_difference_coefficient", "群体满意度差异系数",
     "Satisfaction difference across groups"},
    {"resource_utilization", "资源利用率", "Resource utilisation"},
    {"median_resolution_working_days", "办结时长中位数（工作日）",
     "Median resolution time (working days)"},
    {"cost_benefit_ratio", "投入产出比", "Cost-benefit ratio"},
    {"response_rate", "响应率", "Response rate"},
    {"resolution_rate", "解决率", "Resolution rate"},
    {"satisfaction_rate", "满意率", "Satisfaction rate"},
}};

constexpr std::array<std::string_view, 8> kShares{
    "participation_rate",   "leader_growth_rate", "misallocation_rate", "complaint_rate",
    "resource_utilization", "response_rate",      "resolution_rate",    "satisfaction_rate"};

constexpr std::array<Named, 5> kCategories{{
    {"elderly_care", "养老服务", "Elderly care"},
    {"childcare", "托育服务", "Childcare"},
    {"disability_service", "助残服务", "Disability services"},
    {"low_income_assistance", "困难帮扶", "Low-income assistance"},
    {"culture_sports", "文体活动", "Culture and sports"},
}};

constexpr std::array<Named, 6> kGroups{{
    {"disabled", "残疾人家庭", "Households with disability"},
    {"low_income", "低收入家庭", "Low-income households"},
    {"elderly", "老年人家庭", "Elderly households"},
    {"families_with_children", "有孩家庭", "Families with children"},
    {"tenants", "租户", "Tenants"},
    {"others", "其他", "Others"},
}};

constexpr std::array<Named, 3> kPriorities{{
    {"red", "红色（24小时）", "Red (24 hours)"},
    {"yellow", "黄色（3个工作日）", "Yellow (3 working days)"},
    {"blue", "蓝色（7个工作日）", "Blue (7 working days)"},
}};

constexpr std::array<Named, 5> kWarnings{{
    {"participation_falling", "参与度连续下降", "Participation falling"},
    {"complaints_rising", "投诉率上升", "Complaints rising"},
    {"allocation_dispute", "分配争议", "Allocation dispute"},
    {"stalled_topic", "议题久议不决", "Stalled topic"},
    {"platform_fault", "平台故障", "Platform fault"},
}};

constexpr std::array<Named, 12> kStages{{
    {"draft", "草案", "Draft"},
    {"public_notice", "公示中", "Public notice"},
    {"council_vote", "议事会表决", "Council vote"},
    {"professional_assessment", "专业评估", "Professional assessment"},
    {"street_review", "街道审核", "Street review"},
    {"executing", "执行中", "Executing"},
    {"closed", "已结项", "Closed"},
    {"plan", "计划", "Plan"},
    {"do", "执行", "Do"},
    {"check", "检查", "Check"},
    {"act", "处置", "Act"},
    {"open", "未解除", "Open"},
}};

constexpr std::array<Named, 4> kStatuses{{
    {"met", "达标", "Met"},
    {"not_met", "未达标", "Not met"},
    {"no_data", "无数据", "No data"},
    {"resolved", "已解除", "Resolved"},
}};

}  // namespace

std::string indicator_label(std::string_view key, Language language) {
  return find(kIndicators, key, language);
}

bool indicator_is_share(std::string_view key) {
  for (auto share : kShares) {
    if (share == key) return true;
  }
  return false;
}

std::string category_label(std::string_view key, Language language) {
  return find(kCategories, key, language);
}
std::string group_label(std::string_view key, Language language) {
  return find(kGroups, key, language);
}
std::string priority_label(std::string_view key, Language language) {
  return find(kPriorities, key, language);
}
std::string warning_label(std::string_view kind, Language language) {
  return find(kWarnings, kind, language);
}
std::string stage_label(std::string_view stage, Language language) {
  return find(kStages, stage, language);
}
std::string status_label(std::string_view status, Language language) {
  return find(kStatuses, status, language);
}

}  // namespace gz::reports
