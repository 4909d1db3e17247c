#include "processes.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "storage/database.hpp"

extern char** environ;

namespace gz::test {
namespace {

// Reads GONGZHI_NOW (and GONGZHI_FREEZE_CLOCK) once, before any test runs: the test process
// then keeps the same clock as the servers it starts, which read the same variables.
const bool kClockSet = [] {
  // The servers a test starts may be given --now (a test process is the only place where
  // that is allowed without --demo).
  setenv("GONGZHI_TEST_CLOCK", "1", 1);
  const char* now = std::getenv("GONGZHI_NOW");
  if (now == nullptr || *now == '\0') return false;
  auto instant = parse_iso8601(now);
  if (!instant) throw std::runtime_error("GONGZHI_NOW: " + instant.error().message);
  const char* freeze = std::getenv("GONGZHI_FREEZE_CLOCK");
  bool frozen = freeze != nullptr && std::string_view(freeze) == "1";
  set_clock(*instant, frozen ? ClockPace::frozen : ClockPace::advancing);
  return true;
}();

std::string random_suffix() {
  static std::mt19937_64 rng(std::random_device{}());
  std::ostringstream out;
  out << std::hex << rng();
  return out.str();
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to port " + std::to_string(port));
  }
  timeval timeout{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

}  // namespace

boost::json::value HttpResponse::json() const {
  return boost::json::parse(body);
}

std::string HttpResponse::error_code() const {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec || !value.is_object()) return "";
  auto* error = value.as_object().if_contains("error");
  if (!error || !error->is_object()) return "";
  auto* code = error->as_object().if_contains("code");
  return code && code->is_string() ? std::string(code->get_string()) : "";
}

std::string send_raw(int port, const std::string& bytes) {
  int fd = connect_loopback(port);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (413); read what it said
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string reply;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return reply;
}

HttpResponse send_http(int port, const HttpRequest& request) {
  std::string bytes =
      request.method + " " + request.target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
      "Connection: close\r\nContent-Length: " + std::to_string(request.body.size()) + "\r\n";
  for (const auto& [name, value] : request.headers) bytes += name + ": " + value + "\r\n";
  bytes += "\r\n" + request.body;
  std::string reply = send_raw(port, bytes);
  HttpResponse response;
  std::size_t header_end = reply.find("\r\n\r\n");
  if (header_end == std::string::npos) return response;
  std::istringstream head(reply.substr(0, header_end));
  std::string line;
  std::getline(head, line);
  if (line.size() >= 12) response.status = std::stoi(line.substr(9, 3));
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    response.headers[lower(line.substr(0, colon))] = value;
  }
  response.body = reply.substr(header_end + 4);
  return response;
}

int run_cli(const std::vector<std::string>& args, const std::string& stdin_text,
            std::string* output) {
  std::string command = std::string("'") + GONGZHI_BINARY + "'";
  for (const auto& arg : args) command += " '" + arg + "'";
  std::string input_path = "/tmp/gz_cli_in_" + random_suffix();
  std::ofstream(input_path) << stdin_text;
  command += " < '" + input_path + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  std::string captured;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) captured.append(buffer, n);
  int status = ::pclose(pipe);
  std::remove(input_path.c_str());
  if (output) *output = captured;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::int64_t add_user(const std::string& database_url, const std::string& username,
                      const std::string& role, const std::vector<std::string>& extra_args,
                      const std::string& password) {
  std::vector<std::string> args = {"user",      "add", "--username",       username,
                                   "--role",    role,  "--password-stdin", "--db",
                                   database_url};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  std::string output;
  int code = run_cli(args, password + "\n", &output);
  EXPECT_EQ(code, 0) << output;
  auto at = output.find("(id ");
  return at == std::string::npos ? 0 : std::stoll(output.substr(at + 4));
}

std::string backend_name(Backend backend) {
  return backend == Backend::sqlite ? "sqlite" : "postgresql";
}

bool backend_available(Backend backend) {
  if (backend == Backend::sqlite) return true;
  const char* url = std::getenv("GONGZHI_TEST_PG");
  return url && *url;
}

std::string fresh_database_url(Backend backend) {
  if (backend == Backend::sqlite) {
    return "sqlite:/tmp/gz_api_" + random_suffix() + ".db";
  }
  std::string admin_url = std::getenv("GONGZHI_TEST_PG");
  std::string name = "gz_api_" + random_suffix();
  auto database = storage::open_postgresql(admin_url);
  auto connection = database->connect();
  connection->execute_script("CREATE DATABASE " + name);
  std::size_t slash = admin_url.rfind('/');
  std::size_t query = admin_url.find('?', slash);
  return admin_url.substr(0, slash + 1) + name +
         (query == std::string::npos ? "" : admin_url.substr(query));
}

std::string checkpoint_key_path(const std::string& database_url) {
  if (database_url.rfind("sqlite:", 0) == 0) return database_url.substr(7) + ".checkpoint.key";
  return "/tmp/gz_key_" + std::to_string(std::hash<std::string>{}(database_url)) + ".key";
}

std::time_t test_now_seconds() {
  return static_cast<std::time_t>(now_epoch_ms() / 1000);
}

ServerProcess::ServerProcess(const std::string& database_url,
                             const std::vector<std::string>& extra_args)
    : database_url_(database_url) {
  log_path_ = "/tmp/gz_server_" + random_suffix() + ".log";
  // make test and make openapi trace what the API suite's servers read and answer (the unit
  // tests' made-up routes must not end up in the OpenAPI document's trace).
  if (const char* trace = std::getenv("GONGZHI_API_SCHEMA_TRACE"); trace && *trace) {
    ::setenv("GONGZHI_SCHEMA_TRACE", trace, 1);
  }
  std::vector<std::string> args = {GONGZHI_BINARY, "serve", "--port", "0", "--db", database_url};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  // A PostgreSQL server's checkpoint key would default to the working directory (the
  // repository): keep it in /tmp instead, one per database, so a restarted server signs with
  // the key it had. A SQLite server keeps its key beside its file in /tmp already.
  if (database_url.rfind("sqlite:", 0) != 0 &&
      std::find(extra_args.begin(), extra_args.end(), "--checkpoint-key") == extra_args.end()) {
    args.push_back("--checkpoint-key");
    args.push_back(checkpoint_key_path(database_url));
  }
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error("cannot start gongzhi");
  }
  posix_spawn_file_actions_destroy(&actions);
  pid_ = pid;
  // Wait for "serving ... at http://127.0.0.1:PORT/".
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream log(log_path_);
    std::string content((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    auto at = content.find("at http://127.0.0.1:");
    if (at != std::string::npos) {
      port_ = std::stoi(content.substr(at + 20));
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("gongzhi serve exited early:\n" + content);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("gongzhi serve did not start in time");
}

std::string ServerProcess::log_text() const {
  std::ifstream log(log_path_);
  return std::string((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
}

int ServerProcess::stop() {
  if (pid_ < 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void ServerProcess::kill_hard() {
  if (pid_ < 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
  std::remove(log_path_.c_str());
}

HttpResponse Client::call(HttpRequest request) const {
  if (!token_.empty()) request.headers.emplace_back("Authorization", "Bearer " + token_);
  return send_http(port_, request);
}

HttpResponse Client::get(const std::string& target) const {
  return call({"GET", target, "", {}});
}

HttpResponse Client::post(const std::string& target, const boost::json::value& body,
                          const std::vector<std::pair<std::string, std::string>>& headers) const {
  HttpRequest request{"POST", target, boost::json::serialize(body), headers};
  request.headers.emplace_back("Content-Type", "application/json");
  return call(request);
}

HttpResponse Client::post_raw(const std::string& target, const std::string& body,
                              const std::string& content_type) const {
  return call({"POST", target, body, {{"Content-Type", content_type}}});
}

HttpResponse Client::patch(const std::string& target, const boost::json::value& body) const {
  return call(
      {"PATCH", target, boost::json::serialize(body), {{"Content-Type", "application/json"}}});
}

HttpResponse Client::put_json(const std::string& target, const boost::json::value& body) const {
  return call(
      {"PUT", target, boost::json::serialize(body), {{"Content-Type", "application/json"}}});
}

HttpResponse Client::del(const std::string& target) const {
  return call({"DELETE", target, "", {}});
}

HttpResponse Client::login(const std::string& username, const std::string& password) {
  auto response = post("/api/v1/auth/login", {{"username", username}, {"password", password}});
  if (response.status == 200) token_ = std::string(response.json().at("token").as_string());
  return response;
}

}  // namespace gz::test
