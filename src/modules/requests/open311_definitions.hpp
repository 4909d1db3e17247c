// Open311 service definitions: the extra questions some categories ask. They key on the
// category code, so a community's own version of a category gets the same questions. The
// answers are appended to the description in words, where staff read them and where the
// triage keyword rules see them: "有人困在电梯内" makes an elevator report red, "无人被困"
// does not. Pure data and checks; internal to the requests module's Open311 adapter.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace gz::requests::open311 {

struct AttributeValue {
  const char* key;
  const char* name;
};

enum class Answer { optional, required };

struct Attribute {
  const char* code;
  const char* datatype;  // string, number, datetime, text, singlevaluelist, multivaluelist
  Answer answer;
  const char* datatype_description;
  int order;
  const char* description;
  std::vector<AttributeValue> values;
};

// The questions of a service; nullptr for a service without a definition (metadata false).
const std::vector<Attribute>* attributes_of(const std::string& service_code);

// Checks the answers (attribute code → values, as the form sent them) against the service's
// definition and writes them as lines of text ("电梯内是否有人被困：有人困在电梯内"), in the
// definition's order. 400 for an unknown attribute, a missing required one, or a value its
// datatype refuses.
Result<std::vector<std::string>> answer_lines(
    const std::string& service_code, const std::vector<Attribute>* definition,
    const std::map<std::string, std::vector<std::string>>& answers);

}  // namespace gz::requests::open311
