#include "http/server.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>
#include <cstdio>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/random.hpp"
#include "http/access_log.hpp"
#include "http/log.hpp"

namespace gz::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

struct Shared {
  ServerOptions options;
  RequestHandler handler;
  QuickHandler quick;
  asio::thread_pool* workers = nullptr;
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
};

// The Date header's text, formatted once a second per thread.
const std::string& http_date_now() {
  thread_local std::int64_t second = -1;
  thread_local std::string text;
  std::int64_t now_ms = now_epoch_ms();
  if (now_ms / 1000 != second) {
    second = now_ms / 1000;
    text = format_http_date(now_ms);
  }
  return text;
}

// Request ids only tell log lines apart, they guard nothing: a per-thread generator seeded once
// from the OS spares every request a call into the CSPRNG.
std::string new_request_id() {
  thread_local Rng rng(std::stoull(crypto::random_hex(8), nullptr, 16), 0);
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(rng.next()));
  return text;
}

std::string sanitize_request_id(std::string_view candidate) {
  if (candidate.empty() || candidate.size() > 64) return new_request_id();
  for (char c : candidate) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    if (!ok) return new_request_id();
  }
  return std::string(candidate);
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<Shared> shared, unsigned lane)
      : stream_(std::move(socket)), shared_(std::move(shared)), lane_(lane) {}

  void start() { read(shared_->options.idle_timeout); }

 private:
  void read(std::chrono::seconds timeout) {
    head_ = false;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_->options.header_limit_bytes));
    // Beast refuses a declared Content-Length over the limit while it reads the header,
    // before on_header can tell an upload from a JSON body: read the header under the largest
    // limit, then hold the body to its route's (below).
    body_limit_ = std::max({shared_->options.body_limit_bytes, shared_->options.upload_limit_bytes,
                            shared_->options.photo_limit_bytes});
    parser_->body_limit(body_limit_);
    // The first bytes may take up to the idle timeout; the whole request must then arrive
    // within the read timeout (checked again once the header is in).
    stream_.expires_after(first_request_ ? shared_->options.read_timeout : timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    // Spreadsheet imports are larger than any JSON body; only they get the upload limit.
    std::string_view target = parser_->get().target();
    std::string_view path = target.substr(0, target.find('?'));
    // Request photos (…/photos) may be 5 MB; the handler answers 413 past that, so the parser
    // keeps a little slack to let it say so in words.
    constexpr std::string_view kImportSuffix = "/import";
    constexpr std::string_view kPhotosSuffix = "/photos";
    auto ends_with = [&](std::string_view suffix) {
      return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
    };
    body_limit_ = ends_with(kImportSuffix)   ? shared_->options.upload_limit_bytes
                  : ends_with(kPhotosSuffix) ? shared_->options.photo_limit_bytes
                                             : shared_->options.body_limit_bytes;
    // A declared length is checked here; a chunked body against the limit as it arrives.
    if (auto declared = parser_->content_length(); declared && *declared > body_limit_) {
      return on_read_error(bhttp::error::body_limit);
    }
    parser_->body_limit(body_limit_);
    stream_.expires_after(shared_->options.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) {
      return reply_and_close(
          413, "payload_too_large",
          "request body is larger than " + std::to_string(body_limit_) + " bytes");
    }
    if (ec == bhttp::error::header_limit) {
      return reply_and_close(431, "header_too_large", "request header fields are too large");
    }
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
        ec == asio::error::eof) {
      return close();
    }
    if (ec.category() == beast::error_code(bhttp::error::bad_target).category()) {
      return reply_and_close(400, "bad_http_request", "malformed HTTP request: " + ec.message());
    }
    close();
  }

  void on_read(beast::error_code ec, std::size_t) {
    first_request_ = false;
    if (ec) return on_read_error(ec);
    auto& message = parser_->get();
    keep_alive_ = message.keep_alive();
    version_ = message.version();

    Request request;
    request.method = std::string(message.method_string());
    // HEAD is answered like GET without the body (same headers, same Content-Length).
    head_ = message.method() == bhttp::verb::head;
    if (head_) request.method = "GET";
    request.target = std::string(message.target());
    auto header_id = message["X-Request-Id"];
    request.request_id = sanitize_request_id(std::string_view(header_id.data(), header_id.size()));
    request_id_ = request.request_id;
    beast::error_code endpoint_ec;
    auto endpoint = stream_.socket().remote_endpoint(endpoint_ec);
    if (!endpoint_ec) request.remote_ip = endpoint.address().to_string();
    if (!shared_->options.trusted_proxies.empty()) {
      bool from_proxy = false;
      for (const auto& network : shared_->options.trusted_proxies) {
        from_proxy = from_proxy || network_contains(network, request.remote_ip);
      }
      request.secure = from_proxy && message["X-Forwarded-Proto"] == "https";
      auto forwarded = message["X-Forwarded-For"];
      request.remote_ip =
          client_address(request.remote_ip,
                         forwarded.empty() ? std::nullopt
                                           : std::optional<std::string_view>(std::string_view(
                                                 forwarded.data(), forwarded.size())),
                         shared_->options.trusted_proxies);
    }

    auto parsed = boost::urls::parse_origin_form(request.target);
    if (!parsed) {
      return reply_and_close(400, "bad_target", "request target is not a valid path");
    }
    request.path = std::string(parsed->path());
    for (auto param : parsed->params()) {
      request.query.emplace_back(std::string(param.key), std::string(param.value));
    }
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    request.body = std::move(message.body());

    shared_->in_flight.fetch_add(1);
    stream_.expires_never();
    // A quick route is answered right here, on this connection's network thread.
    if (shared_->quick) {
      if (auto response = shared_->quick(request, lane_)) return write(std::move(*response));
    }
    // Other handlers may block on the database: run them on the worker pool, then come back to this
    // connection's io_context to write.
    asio::post(*shared_->workers, [self = shared_from_this(), request = std::move(request)] {
      Response response = self->shared_->handler(request);
      asio::post(self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
        self->write(std::move(response));
      });
    });
  }

  void reply_and_close(int status, const std::string& code, const std::string& message) {
    keep_alive_ = false;
    Response response;
    response.status = status;
    response.body = "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    shared_->in_flight.fetch_add(1);
    if (request_id_.empty()) request_id_ = new_request_id();
    log::write(status >= 500 ? log::Level::error : log::Level::warn, "refused",
               {{"request_id", request_id_}, {"status", status}, {"code", code}});
    write(std::move(response));
  }

  void write(Response response) {
    auto out = std::make_shared<bhttp::response<bhttp::string_body>>();
    out->version(version_);
    out->result(static_cast<unsigned>(response.status));
    out->set(bhttp::field::server, "gongzhi");
    // From the process's clock (core/clock), which a demo or a test may have set: the web
    // counts its countdowns on the server's time from this header, not the browser's.
    out->set(bhttp::field::date, http_date_now());
    out->set(bhttp::field::content_type, response.content_type);
    out->set("X-Request-Id", request_id_);
    out->set("X-Content-Type-Options", "nosniff");
    bool has_cache_control = false;
    for (auto& [name, value] : response.headers) {
      has_cache_control = has_cache_control || name == "Cache-Control";
      out->insert(name, value);
    }
    if (!has_cache_control) out->set(bhttp::field::cache_control, "no-store");
    bool keep = keep_alive_ && !shared_->draining.load();
    out->keep_alive(keep);
    out->body() = std::move(response.body);
    out->prepare_payload();
    stream_.expires_after(shared_->options.write_timeout);
    auto done = [self = shared_from_this(), keep](beast::error_code ec, std::size_t) {
      self->shared_->in_flight.fetch_sub(1);
      if (ec || !keep) return self->close();
      self->request_id_.clear();
      self->read(self->shared_->options.idle_timeout);
    };
    if (head_) {
      auto head = std::make_shared<bhttp::response<bhttp::empty_body>>();
      head->version(out->version());
      head->result(out->result());
      for (const auto& field : *out) head->insert(field.name_string(), field.value());
      head->keep_alive(keep);
      bhttp::async_write(stream_, *head,
                         [head, done](beast::error_code ec, std::size_t n) { done(ec, n); });
      return;
    }
    bhttp::async_write(stream_, *out,
                       [out, done](beast::error_code ec, std::size_t n) { done(ec, n); });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  std::shared_ptr<Shared> shared_;
  unsigned lane_;  // the index of the network thread (io_context) this connection lives on
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::size_t body_limit_ = 0;  // the limit of the request being read, for the 413 message
  bool keep_alive_ = false;
  bool head_ = false;
  bool first_request_ = true;
  unsigned version_ = 11;
  std::string request_id_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(asio::io_context& context, std::vector<std::unique_ptr<asio::io_context>>& contexts,
           tcp::endpoint endpoint, std::shared_ptr<Shared> shared)
      : acceptor_(context), contexts_(contexts), shared_(std::move(shared)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
  }
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  void accept() {
    auto lane = static_cast<unsigned>(next_++ % contexts_.size());
    acceptor_.async_accept(*contexts_[lane], [self = shared_from_this(), lane](beast::error_code ec,
                                                                               tcp::socket socket) {
      if (ec == asio::error::operation_aborted || !self->acceptor_.is_open()) return;
      if (!ec) {
        beast::error_code option_ec;
        socket.set_option(tcp::no_delay(true), option_ec);
        std::make_shared<Session>(std::move(socket), self->shared_, lane)->start();
      }
      self->accept();
    });
  }
  void stop() {
    beast::error_code ec;
    acceptor_.close(ec);
  }

 private:
  tcp::acceptor acceptor_;
  std::vector<std::unique_ptr<asio::io_context>>& contexts_;
  std::shared_ptr<Shared> shared_;
  std::size_t next_ = 0;
};

}  // namespace

unsigned default_worker_threads(const ServerOptions& options) {
  if (options.worker_threads) return options.worker_threads;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max(16u, cores * 8);
}

unsigned io_thread_count(const ServerOptions& options) {
  return options.io_threads ? options.io_threads
                            : std::max(1u, std::thread::hardware_concurrency());
}

void run_server(const ServerOptions& options, RequestHandler handler,
                const std::function<void(std::uint16_t)>& on_listening, QuickHandler quick) {
  unsigned io_threads = io_thread_count(options);
  asio::thread_pool workers(default_worker_threads(options));
  auto shared = std::make_shared<Shared>();
  shared->options = options;
  shared->handler = std::move(handler);
  shared->quick = std::move(quick);
  shared->workers = &workers;

  std::vector<std::unique_ptr<asio::io_context>> contexts;
  for (unsigned i = 0; i < io_threads; ++i)
    contexts.push_back(std::make_unique<asio::io_context>(1));
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (auto& context : contexts) guards.push_back(asio::make_work_guard(*context));

  auto address = asio::ip::make_address(options.host);
  auto listener = std::make_shared<Listener>(*contexts[0], contexts,
                                             tcp::endpoint(address, options.port), shared);
  listener->accept();

  asio::signal_set signals(*contexts[0], SIGINT, SIGTERM);
  asio::steady_timer drain_timer(*contexts[0]);
  auto drain_deadline = std::make_shared<std::chrono::steady_clock::time_point>();
  std::function<void()> poll_drain = [&] {
    if (shared->in_flight.load() == 0 || std::chrono::steady_clock::now() > *drain_deadline) {
      for (auto& guard : guards) guard.reset();
      for (auto& context : contexts) context->stop();
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([&](beast::error_code) { poll_drain(); });
  };
  signals.async_wait([&](beast::error_code ec, int signal_number) {
    if (ec) return;
    log::write(log::Level::info, "draining", {{"signal", signal_number}});
    shared->draining = true;
    listener->stop();
    *drain_deadline = std::chrono::steady_clock::now() + options.drain_timeout;
    poll_drain();
  });

  on_listening(listener->port());
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < io_threads; ++i) threads.emplace_back([&, i] { contexts[i]->run(); });
  contexts[0]->run();
  for (auto& thread : threads) thread.join();
  workers.join();
  log::write(log::Level::info, "stopped", {});
}

}  // namespace gz::http
