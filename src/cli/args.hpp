// A small command-line parser: `--name value`, `--name=value`, bare flags, positionals; and
// each command's spec, so an unknown option (`serve --prot 9000`) or a stray argument is a
// usage error instead of being ignored.
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

// What one command takes.
struct CommandSpec {
  std::set<std::string> options;  // take a value
  std::set<std::string> flags;    // take none
  std::size_t min_positional = 0;
  std::size_t max_positional = 0;
};

// `flag_names` lists options that take no value.
Args parse_args(int argc, char** argv, int first, const std::set<std::string>& flag_names);

// Why `args` do not fit `spec` (an unknown option, an option without its value, a value given
// to a flag, too few or too many arguments), or nothing when they fit.
std::optional<std::string> check_args(const Args& args, const CommandSpec& spec);

// Fills each option of `spec` the command line left out from the environment: --web-root from
// GONGZHI_WEB_ROOT, a flag from GONGZHI_DEMO=1 (or true/yes), a repeatable option from a
// comma- or space-separated list. `skip` names options read from the environment elsewhere.
void fill_from_environment(Args& args, const CommandSpec& spec, const std::set<std::string>& skip,
                           const std::set<std::string>& repeatable);

// GONGZHI_WEB_ROOT for "web-root".
std::string environment_name(const std::string& option);

}  // namespace gz::cli
