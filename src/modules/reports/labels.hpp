// The words the report prints for the other modules' keys (indicators, service categories,
// resident groups, priorities, warning kinds, stages), in Chinese or English; an unknown key
// is printed as it is.
#pragma once

#include <string>
#include <string_view>

namespace gz::reports {

enum class Language { zh, en };

std::string indicator_label(std::string_view key, Language language);
// Whether the indicator is a share (shown as a percentage) rather than a count or ratio.
bool indicator_is_share(std::string_view key);
std::string category_label(std::string_view key, Language language);
std::string group_label(std::string_view key, Language language);
std::string priority_label(std::string_view key, Language language);
std::string warning_label(std::string_view kind, Language language);
std::string stage_label(std::string_view stage, Language language);
std::string status_label(std::string_view status, Language language);

}  // namespace gz::reports
