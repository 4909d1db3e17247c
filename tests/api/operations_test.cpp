// Running Gongzhi as a service (issue 20): every command refuses options and arguments it does
// not take (exit 2 with the usage), `--version` is the build's, every serve option can come
// from a GONGZHI_* variable (the command line wins), and the log is one line per event in text
// (logfmt) or JSON with a level, whatever a client puts in its path.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "harness.hpp"

namespace gz::test {
namespace {

// Sets environment variables for the life of the object (servers inherit them).
class Environment {
 public:
  explicit Environment(std::vector<std::pair<std::string, std::string>> values)
      : values_(std::move(values)) {
    for (const auto& [name, value] : values_) ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~Environment() {
    for (const auto& [name, value] : values_) ::unsetenv(name.c_str());
  }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(Operations, UnknownOptionsAndStrayArgumentsAreUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  for (const auto& c : std::vector<Case>{
           {{"serve", "--prot", "9000"}, "serve: unknown option --prot"},
           {{"serve", "stray"}, "serve: unexpected argument 'stray'"},
           {{"serve", "--demo=yes"}, "serve: --demo takes no value"},
           {{"serve", "--log-format", "xml"}, "--log-format is text or json"},
           {{"demo", "--communities"}, "demo: --communities needs a value"},
           {{"migrate", "--dbb", "sqlite:/tmp/x.db"}, "migrate: unknown option --dbb"},
           {{"backup"}, "backup: too few arguments"},
           {{"pb", "compute", "a.pb", "b.pb"}, "pb: unexpected argument 'b.pb'"},
           {{"version", "now"}, "version: unexpected argument 'now'"},
           {{"serv"}, "unknown command 'serv'"},
       }) {
    std::string output;
    EXPECT_EQ(run_cli(c.args, "", &output), 2) << c.args[0] << " " << output;
    EXPECT_NE(output.find("gongzhi: " + c.says), std::string::npos) << output;
    EXPECT_NE(output.find("Usage:"), std::string::npos);
  }
}

TEST(Operations, TheVersionIsTheBuilds) {
  for (const char* spelling : {"version", "--version"}) {
    std::string output;
    EXPECT_EQ(run_cli({spelling}, "", &output), 0);
    EXPECT_EQ(output, std::string("gongzhi ") + GONGZHI_VERSION + "\n");
  }
  std::string output;
  EXPECT_EQ(run_cli({"serve", "--help"}, "", &output), 0);
  EXPECT_NE(output.find("--log-format text|json"), std::string::npos);
}

TEST(Operations, ServeOptionsComeFromTheEnvironmentAndTheCommandLineWins) {
  std::string url = fresh_database_url(Backend::sqlite);
  {
    Environment environment{{{"GONGZHI_LOG_FORMAT", "json"},
                             {"GONGZHI_TRUSTED_PROXY", "10.0.0.0/8, 127.0.0.1"},
                             {"GONGZHI_JOB_INTERVAL", "5"}}};
    ServerProcess server(url);
    // Loopback is a trusted proxy: the client is the address it names.
    auto response = send_http(server.port(), {"GET",
                                              "/api/v1/x%0A2026-12-07T10:00:00+08:00%20level=info"
                                              "%20status=200",
                                              "",
                                              {{"X-Forwarded-For", "203.0.113.9"}}});
    EXPECT_EQ(response.status, 404);
    ASSERT_EQ(server.stop(), 0);
    bool found = false;
    for (const auto& line : lines_of(server.log_text())) {
      if (line.empty() || line.front() != '{') continue;   // the "serving … at" line
      auto object = boost::json::parse(line).as_object();  // every log line is one object
      EXPECT_TRUE(object.contains("level")) << line;
      EXPECT_TRUE(object.contains("time")) << line;
      if (object.at("event").as_string() != "request") continue;
      found = true;
      EXPECT_EQ(object.at("path").as_string(),
                "/api/v1/x\n2026-12-07T10:00:00+08:00 level=info status=200");
      EXPECT_EQ(object.at("status").as_int64(), 404);
      EXPECT_EQ(object.at("ip").as_string(), "203.0.113.9");
    }
    EXPECT_TRUE(found) << server.log_text();
  }
  {
    Environment environment{{{"GONGZHI_LOG_FORMAT", "json"}}};
    ServerProcess server(url, {"--log-format", "text"});
    EXPECT_EQ(send_http(server.port(), {"GET", "/api/v1/y%0Aforged", "", {}}).status, 404);
    ASSERT_EQ(server.stop(), 0);
    auto text = server.log_text();
    EXPECT_NE(text.find(" level=info event=request "), std::string::npos) << text;
    EXPECT_NE(text.find(" path=\"/api/v1/y\\nforged\" "), std::string::npos) << text;
    for (const auto& line : lines_of(text)) EXPECT_NE(line.rfind("forged", 0), 0u) << line;
  }
  {
    Environment environment{{{"GONGZHI_PORT", "not-a-port"}}};
    std::string output;
    EXPECT_EQ(run_cli({"serve", "--db", url}, "", &output), 2);
    EXPECT_NE(output.find("--port must be 0-65535"), std::string::npos) << output;
  }
}

}  // namespace
}  // namespace gz::test
