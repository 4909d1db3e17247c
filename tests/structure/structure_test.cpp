// The shape of the code, checked on the source tree (issue 15): modules depend on each other
// without cycles and only through each other's public contract (<module>.hpp), every module
// has a contract and a permissions unit, no source file holds more than 1,000 lines, and time
// is written only in core (no day-length constant, Shanghai offset arithmetic or quarter
// parser in a module).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = fs::path(GONGZHI_SOURCE_DIR) / "src";

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> sources() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(kSource)) {
    auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".cpp" || extension == ".hpp")) {
      out.push_back(entry.path());
    }
  }
  return out;
}

bool is_test(const fs::path& file) {
  return file.stem().string().ends_with("_test");
}

// "requests" for src/modules/requests/..., "" outside the modules.
std::string module_of(const fs::path& file) {
  auto relative = fs::relative(file, kSource / "modules");
  auto first = relative.begin();
  if (first == relative.end() || first->string() == "..") return "";
  return first->string();
}

std::vector<std::string> modules() {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(kSource / "modules")) {
    if (entry.is_directory()) out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// module → the modules its non-test sources include.
std::map<std::string, std::set<std::string>> module_graph() {
  std::map<std::string, std::set<std::string>> graph;
  const std::regex include(R"re(#include\s+"modules/([a-z0-9_]+)/)re");
  for (const auto& file : sources()) {
    std::string from = module_of(file);
    if (from.empty() || is_test(file)) continue;
    graph[from];
    std::string text = read(file);
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) {
      std::string to = (*it)[1];
      if (to != from) graph[from].insert(to);
    }
  }
  return graph;
}

TEST(Structure, ModulesIncludeEachOtherWithoutCycles) {
  auto graph = module_graph();
  std::map<std::string, int> state;  // 0 unseen, 1 on the path, 2 done
  std::vector<std::string> path;
  std::vector<std::string> cycles;
  std::function<void(const std::string&)> visit = [&](const std::string& node) {
    state[node] = 1;
    path.push_back(node);
    for (const auto& next : graph[node]) {
      if (state[next] == 1) {
        std::string cycle;
        auto start = std::find(path.begin(), path.end(), next);
        for (auto it = start; it != path.end(); ++it) cycle += *it + " → ";
        cycles.push_back(cycle + next);
      } else if (state[next] == 0) {
        visit(next);
      }
    }
    path.pop_back();
    state[node] = 2;
  };
  for (const auto& [node, edges] : graph) {
    if (state[node] == 0) visit(node);
  }
  for (const auto& cycle : cycles) ADD_FAILURE() << "include cycle: " << cycle;
}

// What a module may include of another: its contract, its permissions unit, and its demo
// (the demos compose each other's). routes.hpp is wiring, for src/app and src/cli only.
bool may_include(const std::string& module, const std::string& header) {
  return header == module + ".hpp" || header == "permissions.hpp" || header == "demo.hpp";
}

TEST(Structure, EveryModuleHasAContract) {
  for (const auto& module : modules()) {
    EXPECT_TRUE(fs::exists(kSource / "modules" / module / (module + ".hpp")))
        << "modules/" << module << " has no " << module << ".hpp, its contract";
  }
}

// Each include of another module's header, as file:line. Outside src/modules (src/app and
// src/cli wire the modules together) and in tests (*_test.cpp) anything may be included.
TEST(Structure, ModulesCallEachOtherOnlyThroughTheirContracts) {
  const std::regex include(R"re(^\s*#\s*include\s+"modules/([a-z0-9_]+)/([^"]+)")re");
  for (const auto& file : sources()) {
    std::string from = module_of(file);
    if (from.empty() || is_test(file)) continue;
    std::ifstream in(file);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      std::smatch match;
      if (!std::regex_search(line, match, include)) continue;
      std::string to = match[1];
      std::string header = match[2];
      if (to == from || may_include(to, header)) continue;
      std::string where = fs::relative(file, kSource).string() + ":" + std::to_string(number);
      if (header == "routes.hpp") {
        ADD_FAILURE() << where << " includes modules/" << to
                      << "/routes.hpp: routes are wired by src/app and src/cli, not by a module";
      } else {
        ADD_FAILURE() << where << " includes modules/" << to << "/" << header
                      << ", which is inside the " << to << " module; include modules/" << to << "/"
                      << to << ".hpp, its contract, and make it offer what is needed";
      }
    }
  }
}

TEST(Structure, NoSourceFileHoldsMoreThanAThousandLines) {
  for (const auto& file : sources()) {
    std::string text = read(file);
    auto lines = std::count(text.begin(), text.end(), '\n');
    EXPECT_LE(lines, 1000) << fs::relative(file, kSource).string();
  }
}

TEST(Structure, EveryModuleHasAPermissionsUnit) {
  for (const auto& module : modules()) {
    EXPECT_TRUE(fs::exists(kSource / "modules" / module / "permissions.hpp")) << module;
  }
}

TEST(Structure, TimeIsWrittenOnlyInCore) {
  const std::vector<std::pair<std::regex, std::string>> patterns = {
      {std::regex(R"(86'?400'?000)"), "a day in milliseconds"},
      {std::regex(R"(kShanghaiOffsetSeconds)"), "Shanghai offset arithmetic"},
      {std::regex(R"(\[4\]\s*[!=]=\s*'Q')"), "a quarter parser"},
      {std::regex(R"(constexpr std::int64_t k(Day|Hour|Minute)Ms)"), "a day-length constant"},
  };
  for (const auto& file : sources()) {
    if (module_of(file).empty() || is_test(file)) continue;
    std::string text = read(file);
    for (const auto& [pattern, what] : patterns) {
      EXPECT_FALSE(std::regex_search(text, pattern))
          << fs::relative(file, kSource).string() << " writes " << what
          << " of its own (core/clock.hpp has it)";
    }
  }
}

}  // namespace
