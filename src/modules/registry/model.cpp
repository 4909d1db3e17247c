#include "modules/registry/model.hpp"

#include "core/text.hpp"

namespace gz::registry {

const std::vector<Term>& housing_types() {
  static const std::vector<Term> terms = {
      {"owner", "自有"},  {"tenant", "租住"}, {"public", "公租"},
      {"owner", "自购"},  {"owner", "产权"},  {"tenant", "租赁"},
      {"tenant", "租户"}, {"public", "公房"}, {"public", "廉租"}};
  return terms;
}

const std::vector<Term>& income_bands() {
  static const std::vector<Term> terms = {{"low", "低收入"},      {"lower_middle", "中低收入"},
                                          {"middle", "中等收入"}, {"upper_middle", "中高收入"},
                                          {"high", "高收入"},     {"unknown", "未知"},
                                          {"low", "低"},          {"lower_middle", "中低"},
                                          {"middle", "中等"},     {"upper_middle", "中高"},
                                          {"high", "高"}};
  return terms;
}

const std::vector<Term>& willingness_levels() {
  static const std::vector<Term> terms = {{"high", "积极"},   {"medium", "一般"},  {"low", "较低"},
                                          {"none", "不愿意"}, {"unknown", "未知"}, {"high", "高"},
                                          {"medium", "中"},   {"low", "低"},       {"none", "无"}};
  return terms;
}

const std::vector<Term>& household_tags() {
  static const std::vector<Term> terms = {{"elderly_alone", "独居老人"},
                                          {"elderly", "老年人"},
                                          {"empty_nest", "空巢"},
                                          {"disability", "残疾"},
                                          {"chronic_illness", "慢性病"},
                                          {"low_income", "低收入"},
                                          {"newborn", "新生儿"},
                                          {"minor", "未成年人"},
                                          {"tenant", "租户"},
                                          {"veteran", "优抚对象"},
                                          {"migrant", "流动人口"},
                                          {"disability", "残疾人"},
                                          {"minor", "未成年"}};
  return terms;
}

const std::vector<Term>& service_categories() {
  static const std::vector<Term> terms = {
      {"elderly_care", "养老服务"},       {"childcare", "托育服务"},
      {"disability_service", "助残服务"}, {"low_income_assistance", "困难帮扶"},
      {"culture_sports", "文体活动"},     {"health", "健康服务"},
      {"employment", "就业服务"},         {"legal_aid", "法律援助"},
      {"elderly_care", "养老"},           {"childcare", "托育"}};
  return terms;
}

const std::vector<Term>& relations() {
  static const std::vector<Term> terms = {
      {"self", "户主"},         {"spouse", "配偶"},      {"child", "子女"}, {"parent", "父母"},
      {"grandchild", "孙子女"}, {"sibling", "兄弟姐妹"}, {"other", "其他"}, {"self", "本人"}};
  return terms;
}

const std::vector<Term>& registrations() {
  static const std::vector<Term> terms = {{"registered", "户籍"},
                                          {"migrant", "流动"},
                                          {"registered", "户籍人口"},
                                          {"migrant", "流动人口"}};
  return terms;
}

const std::vector<Term>& sexes() {
  static const std::vector<Term> terms = {{"male", "男"}, {"female", "女"}};
  return terms;
}

std::optional<std::string> find_term(const std::vector<Term>& terms, std::string_view text) {
  std::string wanted = text::to_lower_ascii(text::trim(text));
  for (const Term& term : terms) {
    if (wanted == term.code || wanted == term.label_zh) return std::string(term.code);
  }
  return std::nullopt;
}

std::string label_of(const std::vector<Term>& terms, std::string_view code) {
  for (const Term& term : terms) {
    if (code == term.code) return term.label_zh;
  }
  return std::string(code);
}

}  // namespace gz::registry
