#include "cli/args.hpp"

#include <cctype>
#include <cstdlib>

namespace gz::cli {

Args parse_args(int argc, char** argv, int first, const std::set<std::string>& flag_names) {
  Args args;
  for (int i = first; i < argc; ++i) {
    std::string token = argv[i];
    if (token.rfind("--", 0) != 0 || token.size() == 2) {
      args.positional.push_back(token);
      continue;
    }
    std::string name = token.substr(2);
    std::size_t equals = name.find('=');
    if (equals != std::string::npos) {
      args.options[name.substr(0, equals)].push_back(name.substr(equals + 1));
    } else if (flag_names.count(name)) {
      args.flags.insert(name);
    } else if (i + 1 < argc) {
      args.options[name].push_back(argv[++i]);
    } else {
      args.options[name];  // present without a value; check_args reports it
    }
  }
  return args;
}

std::optional<std::string> check_args(const Args& args, const CommandSpec& spec) {
  for (const auto& [name, values] : args.options) {
    if (spec.flags.count(name)) return "--" + name + " takes no value";
    if (!spec.options.count(name)) return "unknown option --" + name;
    if (values.empty()) return "--" + name + " needs a value";
  }
  for (const auto& flag : args.flags) {
    if (!spec.flags.count(flag)) return "unknown option --" + flag;
  }
  if (args.positional.size() < spec.min_positional) return "too few arguments";
  if (args.positional.size() > spec.max_positional) {
    return "unexpected argument '" + args.positional[spec.max_positional] + "'";
  }
  return std::nullopt;
}

std::string environment_name(const std::string& option) {
  std::string name = "GONGZHI_";
  for (char c : option) {
    name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

void fill_from_environment(Args& args, const CommandSpec& spec, const std::set<std::string>& skip,
                           const std::set<std::string>& repeatable) {
  for (const auto& option : spec.options) {
    if (skip.count(option) || args.options.count(option)) continue;
    const char* value = std::getenv(environment_name(option).c_str());
    if (value == nullptr || *value == '\0') continue;
    std::string text = value;
    if (!repeatable.count(option)) {
      args.options[option].push_back(text);
      continue;
    }
    std::string item;
    for (char c : text + ",") {
      if (c == ',' || std::isspace(static_cast<unsigned char>(c))) {
        if (!item.empty()) args.options[option].push_back(item);
        item.clear();
      } else {
        item += c;
      }
    }
  }
  for (const auto& flag : spec.flags) {
    if (skip.count(flag) || args.flags.count(flag)) continue;
    const char* value = std::getenv(environment_name(flag).c_str());
    if (value == nullptr) continue;
    std::string text = value;
    if (text == "1" || text == "true" || text == "yes") args.flags.insert(flag);
  }
}

}  // namespace gz::cli
