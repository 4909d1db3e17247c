#include "cli/args.hpp"

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
      args.options[name];  // present without a value; callers report it
    }
  }
  return args;
}

}  // namespace gz::cli
