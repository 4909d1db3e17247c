// The web application's built files (web/dist), served by the binary: long-lived caching for
// fingerprinted assets, no-cache for index.html, a strict Content-Security-Policy, and the
// single-page-app fallback to index.html for paths that are neither files nor API routes; a
// file's brotli or gzip sibling (NAME.br, NAME.gz, made by the web build) when the client's
// Accept-Encoding takes it.
#pragma once

#include <filesystem>
#include <optional>

#include "http/message.hpp"

namespace gz::http {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'";

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  // A response for GET of a file (or the app shell); nullopt for API-looking paths and
  // when nothing fits, so the caller answers 404 as usual.
  std::optional<Response> serve(const Request& request) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  std::optional<Response> file_response(const Request& request, const std::filesystem::path& file,
                                        bool is_shell) const;
  std::filesystem::path root_;
};

}  // namespace gz::http
