// The processes an API test talks to: a real `gongzhi serve` on a fresh database (SQLite file
// or a new PostgreSQL database) on a free loopback port, spoken to over HTTP on a plain socket,
// and the `gongzhi` command line. world.hpp builds the usual fixture on these.
#pragma once

#include <boost/json.hpp>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace gz::test {

// The tests' "now": the system clock, or the instant in GONGZHI_NOW when the suite runs at a
// fixed instant (make test-clocks). The servers the harness starts inherit GONGZHI_NOW (with
// GONGZHI_TEST_CLOCK=1 and GONGZHI_FREEZE_CLOCK), so a test and its server read one clock.
std::time_t test_now_seconds();

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  boost::json::value json() const;
  std::string error_code() const;  // error.code of a JSON error body, "" otherwise
};

struct HttpRequest {
  std::string method = "GET";
  std::string target = "/";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

HttpResponse send_http(int port, const HttpRequest& request);
// Sends raw bytes and returns the raw reply (for malformed-request tests).
std::string send_raw(int port, const std::string& bytes);

// Runs the gongzhi binary to completion; returns exit code, captures stdout+stderr.
int run_cli(const std::vector<std::string>& args, const std::string& stdin_text,
            std::string* output);

// `gongzhi user add ... --password-stdin` on a database; returns the new user's id (0 when it
// failed, which also fails the calling test).
std::int64_t add_user(const std::string& database_url, const std::string& username,
                      const std::string& role, const std::vector<std::string>& extra_args,
                      const std::string& password);

enum class Backend { sqlite, postgresql };
std::string backend_name(Backend backend);
bool backend_available(Backend backend);

// A fresh, empty database URL for this backend (a temp file, or a new PostgreSQL database).
std::string fresh_database_url(Backend backend);
// The checkpoint key file of the servers the harness starts on this database (beside a SQLite
// file, in /tmp for PostgreSQL); `gongzhi ledger checkpoint` takes it as --checkpoint-key.
std::string checkpoint_key_path(const std::string& database_url);

class ServerProcess {
 public:
  ServerProcess(const std::string& database_url, const std::vector<std::string>& extra_args = {});
  ~ServerProcess();
  int port() const { return port_; }
  int pid() const { return pid_; }
  // Sends SIGTERM and waits; returns the exit status (or -1).
  int stop();
  // SIGKILL, as a power cut or an OOM kill would: no shutdown code runs.
  void kill_hard();
  const std::string& database_url() const { return database_url_; }
  // What the server has written to standard output and error so far.
  std::string log_text() const;

 private:
  std::string database_url_;
  int pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

// A client bound to one server, carrying a bearer token once logged in.
class Client {
 public:
  explicit Client(int port) : port_(port) {}
  HttpResponse get(const std::string& target) const;
  HttpResponse post(const std::string& target, const boost::json::value& body,
                    const std::vector<std::pair<std::string, std::string>>& headers = {}) const;
  HttpResponse post_raw(const std::string& target, const std::string& body,
                        const std::string& content_type) const;
  HttpResponse patch(const std::string& target, const boost::json::value& body) const;
  HttpResponse put_json(const std::string& target, const boost::json::value& body) const;
  HttpResponse del(const std::string& target) const;
  HttpResponse login(const std::string& username, const std::string& password);
  void set_token(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }

 private:
  HttpResponse call(HttpRequest request) const;
  int port_;
  std::string token_;
};

}  // namespace gz::test
