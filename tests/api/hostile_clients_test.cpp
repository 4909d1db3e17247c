// Slow and hostile clients: hundreds of connections trickling a request header one byte a
// second must not stop the server answering others, and a connection that sends nothing (or
// too little) is closed once the read timeout runs out. Oversized headers (431) and bodies
// (413) are covered by Api.OversizedHeaderIs431 and Api.FiveMegabyteBodyIs413 in
// api_test.cpp. Everything talks to 127.0.0.1 and each test is bounded to a few seconds.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "harness.hpp"

namespace gz::test {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kSlowConnections = 500;
constexpr int kTrickleSeconds = 5;
constexpr int kHealthChecks = 50;

// Raises the soft descriptor limit to what the test needs (the server, spawned afterwards,
// inherits it). Returns false when the hard limit is too low.
bool ensure_descriptors(rlim_t wanted) {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return false;
  if (limit.rlim_cur >= wanted) return true;
  if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted) return false;
  limit.rlim_cur = wanted;
  return ::setrlimit(RLIMIT_NOFILE, &limit) == 0;
}

// A non-blocking loopback connection (the connect may still be in progress); -1 on failure.
int open_nonblocking(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 &&
      errno != EINPROGRESS) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// A blocking loopback connection with a receive timeout.
int open_blocking(int port, int receive_timeout_seconds) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  timeval timeout{receive_timeout_seconds, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

// Waits for the server to close `fd` (recv returns 0 or a reset); returns the seconds it took,
// or a negative number if the receive timeout ran out first.
double seconds_until_closed(int fd, Clock::time_point since) {
  char buffer[4096];
  for (;;) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) continue;  // an error reply before the close is fine
    if (n == 0 || errno == ECONNRESET) {
      return std::chrono::duration<double>(Clock::now() - since).count();
    }
    if (errno == EINTR) continue;
    return -1;
  }
}

TEST(Hostile, FiveHundredSlowHeaderClientsDoNotStopOthersBeingServed) {
  if (!ensure_descriptors(kSlowConnections + 512)) {
    GTEST_SKIP() << "cannot raise the descriptor limit to " << kSlowConnections + 512
                 << "; this test needs " << kSlowConnections << " sockets";
  }
  std::string url = fresh_database_url(Backend::sqlite);
  ServerProcess server(url);

  std::vector<int> slow;
  for (int i = 0; i < kSlowConnections; ++i) {
    int fd = open_nonblocking(server.port());
    if (fd < 0) {
      for (int open_fd : slow) ::close(open_fd);
      GTEST_SKIP() << "could open only " << i << " of " << kSlowConnections << " sockets";
    }
    slow.push_back(fd);
  }

  // One thread trickles a header to every slow connection, one byte each per second.
  const std::string header = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: yes\r\n\r\n";
  std::atomic<long> bytes_trickled{0};
  std::thread trickler([&] {
    auto start = Clock::now();
    for (int second = 0; second < kTrickleSeconds; ++second) {
      for (int fd : slow) {
        if (::send(fd, &header[static_cast<std::size_t>(second)], 1, MSG_NOSIGNAL) == 1) {
          ++bytes_trickled;
        }
      }
      std::this_thread::sleep_until(start + std::chrono::seconds(second + 1));
    }
  });

  // Meanwhile ordinary clients keep being answered quickly.
  double slowest_seconds = 0;
  int answered = 0;
  auto checks_start = Clock::now();
  for (int i = 0; i < kHealthChecks; ++i) {
    auto sent = Clock::now();
    auto response = send_http(server.port(), {"GET", "/healthz", "", {}});
    double seconds = std::chrono::duration<double>(Clock::now() - sent).count();
    slowest_seconds = std::max(slowest_seconds, seconds);
    if (response.status == 200) ++answered;
    EXPECT_LT(seconds, 1.0) << "health check " << i << " took " << seconds << " s";
    std::this_thread::sleep_until(
        checks_start + std::chrono::milliseconds((i + 1) * kTrickleSeconds * 1000 / kHealthChecks));
  }
  trickler.join();
  EXPECT_EQ(answered, kHealthChecks);
  // Most of the trickled bytes reached the server: the slow clients really were connected.
  EXPECT_GT(bytes_trickled.load(), kSlowConnections * kTrickleSeconds * 9 / 10);
  for (int fd : slow) ::close(fd);
  std::cout << "[ slowest ] health check with " << kSlowConnections
            << " slow clients: " << slowest_seconds * 1000 << " ms\n";

  // Still healthy afterwards.
  EXPECT_EQ(send_http(server.port(), {"GET", "/healthz", "", {}}).status, 200);
}

TEST(Hostile, AConnectionThatSendsNothingIsClosedAfterTheReadTimeout) {
  ServerProcess server(fresh_database_url(Backend::sqlite), {"--read-timeout", "2"});
  int fd = open_blocking(server.port(), 10);
  ASSERT_GE(fd, 0);
  double seconds = seconds_until_closed(fd, Clock::now());
  ::close(fd);
  EXPECT_GT(seconds, 1.5) << "closed before the read timeout";
  EXPECT_LT(seconds, 5.0) << "not closed within the read timeout (-1: still open after 10 s)";
}

TEST(Hostile, TricklingAHeaderDoesNotExtendTheReadTimeout) {
  // The read timeout bounds the whole request, so a byte every half second cannot keep a
  // connection open past it (the slowloris attack).
  ServerProcess server(fresh_database_url(Backend::sqlite), {"--read-timeout", "2"});
  int fd = open_blocking(server.port(), 10);
  ASSERT_GE(fd, 0);
  auto start = Clock::now();
  std::atomic<bool> closed{false};
  std::thread trickler([&] {
    const std::string header = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (char byte : header) {
      if (closed || ::send(fd, &byte, 1, MSG_NOSIGNAL) != 1) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
      if (Clock::now() - start > std::chrono::seconds(8)) return;
    }
  });
  double seconds = seconds_until_closed(fd, start);
  closed = true;
  trickler.join();
  ::close(fd);
  EXPECT_GT(seconds, 1.5);
  EXPECT_LT(seconds, 5.0) << "the trickling client kept its connection (-1: open after 10 s)";
}

TEST(Hostile, ReadTimeoutMustBeAPositiveNumberOfSeconds) {
  std::string output;
  EXPECT_EQ(run_cli({"serve", "--port", "0", "--read-timeout", "0", "--db",
                     fresh_database_url(Backend::sqlite)},
                    "", &output),
            2)
      << output;
  EXPECT_NE(output.find("--read-timeout"), std::string::npos) << output;
}

}  // namespace
}  // namespace gz::test
