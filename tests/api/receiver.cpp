#include "receiver.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace gz::test {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Reads one request (headers and a Content-Length body); false on a closed connection.
bool read_request(int fd, Received& out) {
  std::string data;
  char buffer[8192];
  std::size_t header_end = std::string::npos;
  while (header_end == std::string::npos) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    data.append(buffer, static_cast<std::size_t>(n));
    header_end = data.find("\r\n\r\n");
  }
  std::string head = data.substr(0, header_end);
  std::size_t line_end = head.find("\r\n");
  std::string request_line = head.substr(0, line_end);
  auto first_space = request_line.find(' ');
  auto second_space = request_line.find(' ', first_space + 1);
  out.method = request_line.substr(0, first_space);
  out.target = request_line.substr(first_space + 1, second_space - first_space - 1);
  std::size_t at = line_end + 2;
  while (at < head.size()) {
    std::size_t end = head.find("\r\n", at);
    if (end == std::string::npos) end = head.size();
    std::string line = head.substr(at, end - at);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      out.headers[lower(line.substr(0, colon))] = value;
    }
    at = end + 2;
  }
  std::size_t length = 0;
  if (auto found = out.headers.find("content-length"); found != out.headers.end()) {
    length = std::stoul(found->second);
  }
  out.body = data.substr(header_end + 4);
  while (out.body.size() < length) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    out.body.append(buffer, static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

Receiver::Receiver(std::vector<int> statuses, bool hang_first)
    : statuses_(std::move(statuses)), hang_first_(hang_first) {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listen_fd_, 64) != 0) {
    throw std::runtime_error("receiver: cannot listen on loopback");
  }
  socklen_t size = sizeof address;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &size);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

Receiver::~Receiver() {
  stopping_ = true;
  release();
  ::shutdown(listen_fd_, SHUT_RDWR);
  ::close(listen_fd_);
  if (thread_.joinable()) thread_.join();
}

std::string Receiver::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

void Receiver::serve() {
  while (!stopping_) {
    pollfd waiting{listen_fd_, POLLIN, 0};
    if (::poll(&waiting, 1, 100) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    Received request;
    if (read_request(fd, request)) {
      std::size_t index = 0;
      {
        std::lock_guard lock(mutex_);
        index = received_.size();
        received_.push_back(request);
      }
      changed_.notify_all();
      if (index == 0 && hang_first_) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return released_ || stopping_.load(); });
      }
      int status = index < statuses_.size() ? statuses_[index] : 200;
      std::string body = status == 200 ? R"({"errcode":0,"errmsg":"ok"})" : R"({"error":"busy"})";
      std::string reply =
          "HTTP/1.1 " + std::to_string(status) +
          " X\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
          "\r\nConnection: close\r\n\r\n" + body;
      ::send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
    }
    ::close(fd);
  }
}

std::vector<Received> Receiver::wait_for(std::size_t count, int seconds) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, std::chrono::seconds(seconds), [&] { return received_.size() >= count; });
  return received_;
}

std::vector<Received> Receiver::received() {
  std::lock_guard lock(mutex_);
  return received_;
}

void Receiver::release() {
  {
    std::lock_guard lock(mutex_);
    released_ = true;
  }
  changed_.notify_all();
}

}  // namespace gz::test
