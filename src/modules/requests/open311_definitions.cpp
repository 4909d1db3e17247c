#include "modules/requests/open311_definitions.hpp"

#include <string_view>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/requests/open311_spec.hpp"

namespace gz::requests::open311 {
namespace {

constexpr const char* kPickOne = "请选择一项 / pick one";
constexpr const char* kTimeFormat = "ISO 8601 时间，如 2026-11-29T08:00:00+08:00";

const std::map<std::string, std::vector<Attribute>>& service_definitions() {
  static const std::map<std::string, std::vector<Attribute>> definitions = {
      {"gas_leak",
       {{"people_at_risk",
         "singlevaluelist",
         Answer::optional,
         kPickOne,
         1,
         "是否有人员受困/受伤",
         {{"yes", "是"}, {"no", "否"}}},
        {"valve_closed",
         "singlevaluelist",
         Answer::optional,
         kPickOne,
         2,
         "是否已关闭燃气总阀",
         {{"yes", "已关闭"}, {"no", "未关闭"}, {"unknown", "不清楚"}}}}},
      {"water_outage",
       {{"scope",
         "singlevaluelist",
         Answer::required,
         kPickOne,
         1,
         "停水范围",
         {{"household", "本户"}, {"building", "整栋楼"}, {"area", "整个小区或片区"}}},
        {"started_at", "datetime", Answer::optional, kTimeFormat, 2, "大约何时开始停水", {}}}},
      {"power_outage",
       {{"scope",
         "singlevaluelist",
         Answer::required,
         kPickOne,
         1,
         "停电范围",
         {{"household", "本户"}, {"building", "整栋楼"}, {"area", "整个小区或片区"}}},
        {"started_at", "datetime", Answer::optional, kTimeFormat, 2, "大约何时开始停电", {}}}},
      {"elderly_unreachable",
       {{"last_contact",
         "datetime",
         Answer::optional,
         kTimeFormat,
         1,
         "最后一次联系上老人的时间",
         {}},
        {"lives_alone",
         "singlevaluelist",
         Answer::optional,
         kPickOne,
         2,
         "老人是否独居",
         {{"yes", "独居"}, {"no", "与家人同住"}, {"unknown", "不清楚"}}}}},
      {"safety_hazard",
       {{"hazard_type",
         "singlevaluelist",
         Answer::required,
         kPickOne,
         1,
         "隐患类型",
         {{"fire", "消防隐患（通道堵塞、私拉电线等）"},
          {"falling", "高空坠物"},
          {"structure", "房屋或设施结构"},
          {"other", "其他"}}}}},
      {"elevator",
       {{"people_trapped",
         "singlevaluelist",
         Answer::required,
         kPickOne,
         1,
         "电梯内是否有人被困",
         {{"yes", "有人困在电梯内"}, {"no", "无人被困"}}}}},
  };
  return definitions;
}

bool is_list(const Attribute& attribute) {
  return std::string_view(attribute.datatype) == "singlevaluelist" ||
         std::string_view(attribute.datatype) == "multivaluelist";
}

const AttributeValue* find_value(const Attribute& attribute, const std::string& key) {
  for (const auto& value : attribute.values) {
    if (key == value.key) return &value;
  }
  return nullptr;
}

}  // namespace

const std::vector<Attribute>* attributes_of(const std::string& service_code) {
  const auto& definitions = service_definitions();
  auto found = definitions.find(service_code);
  return found == definitions.end() ? nullptr : &found->second;
}

Result<std::vector<std::string>> answer_lines(
    const std::string& service_code, const std::vector<Attribute>* definition,
    const std::map<std::string, std::vector<std::string>>& answers) {
  std::vector<std::string> lines;
  for (const auto& [code, values] : answers) {
    bool known = false;
    if (definition) {
      for (const auto& attribute : *definition) known = known || code == attribute.code;
    }
    if (!known) {
      return bad_request("unknown_attribute",
                         "service_code '" + service_code + "' has no attribute '" + code + "'");
    }
  }
  if (!definition) return lines;
  for (const auto& attribute : *definition) {
    auto found = answers.find(attribute.code);
    std::string name = std::string("attribute[") + attribute.code + "]";
    if (found == answers.end()) {
      if (attribute.answer == Answer::required) {
        return bad_request("missing_attribute",
                           name + " is required (" + attribute.description + ")");
      }
      continue;
    }
    const auto& values = found->second;
    const std::string_view datatype = attribute.datatype;
    if (values.size() > 1 && datatype != "multivaluelist") {
      return bad_request("invalid_attribute", name + " takes one value");
    }
    std::string answer;
    if (is_list(attribute)) {
      for (const auto& key : values) {
        const AttributeValue* value = find_value(attribute, key);
        if (!value) {
          return bad_request("invalid_attribute",
                             name + ": '" + key + "' is not one of its values' keys");
        }
        answer += (answer.empty() ? "" : "、") + std::string(value->name);
      }
    } else if (datatype == "number") {
      if (!parse_number(values[0]))
        return bad_request("invalid_attribute", name + " must be a number");
      answer = values[0];
    } else if (datatype == "datetime") {
      auto parsed = parse_iso8601(values[0]);
      if (!parsed) {
        return bad_request("invalid_attribute",
                           name +
                               " must be an ISO 8601 time with an offset, e.g. "
                               "2026-11-29T08:00:00+08:00");
      }
      answer = w3c_time(*parsed);
    } else {
      const bool one_line = datatype == "string";
      if (one_line && values[0].find_first_of("\r\n") != std::string::npos) {
        return bad_request("invalid_attribute", name + " must be one line");
      }
      if (text::utf8_length(values[0]) > (one_line ? 200u : 1000u)) {
        return bad_request("invalid_attribute", name + " is too long");
      }
      answer = values[0];
    }
    lines.push_back(std::string(attribute.description) + "：" + answer);
  }
  return lines;
}

}  // namespace gz::requests::open311
