// A small command-line parser: `--name value`, `--name=value`, bare flags, positionals.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace gz::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::vector<std::string>> options;
  std::set<std::string> flags;

  std::optional<std::string> get(const std::string& name) const {
    auto found = options.find(name);
    if (found == options.end() || found->second.empty()) return std::nullopt;
    return found->second.back();
  }
  std::vector<std::string> all(const std::string& name) const {
    auto found = options.find(name);
    return found == options.end() ? std::vector<std::string>{} : found->second;
  }
  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
};

// `flag_names` lists options that take no value.
Args parse_args(int argc, char** argv, int first, const std::set<std::string>& flag_names);

}  // namespace gz::cli
