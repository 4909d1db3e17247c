#include "http/static_files.hpp"

#include "http/compress.hpp"

#include <fstream>
#include <sstream>
#include <string_view>

namespace gz::http {
namespace {

std::string_view content_type(const std::filesystem::path& file) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"}};
  std::string extension = file.extension().string();
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return type;
  }
  return "application/octet-stream";
}

bool is_api_path(std::string_view path) {
  for (std::string_view prefix : {"/api/", "/open311/", "/healthz", "/metrics"}) {
    if (path.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root)
    : root_(std::filesystem::weakly_canonical(std::move(root))) {}

std::optional<Response> StaticFiles::file_response(const Request& request,
                                                   const std::filesystem::path& file,
                                                   bool is_shell) const {
  // A sibling compressed at build time (web/scripts/compress.mjs: NAME.br, NAME.gz) goes out
  // instead when the client takes it: the ECharts chunk is a fifth of its size in brotli.
  std::string accept = request.header("accept-encoding").value_or("");
  std::filesystem::path chosen = file;
  const char* encoding = nullptr;
  bool has_sibling = false;
  for (const char* coding : {"br", "gzip"}) {
    auto sibling = file;
    sibling += coding[0] == 'b' ? ".br" : ".gz";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(sibling, ec)) continue;
    has_sibling = true;
    if (!encoding && accepts_encoding(accept, coding)) {
      chosen = sibling;
      encoding = coding;
    }
  }
  std::ifstream stream(chosen, std::ios::binary);
  if (!stream) return std::nullopt;
  std::ostringstream body;
  body << stream.rdbuf();
  Response response;
  response.content_type = std::string(content_type(file));
  response.body = body.str();
  if (encoding) response.headers.emplace_back("Content-Encoding", encoding);
  if (has_sibling) response.headers.emplace_back("Vary", "Accept-Encoding");
  std::string relative = std::filesystem::relative(file, root_).generic_string();
  bool fingerprinted = relative.rfind("assets/", 0) == 0;
  response.headers.emplace_back("Cache-Control", fingerprinted && !is_shell
                                                     ? "public, max-age=31536000, immutable"
                                                     : "no-cache");
  if (response.content_type.rfind("text/html", 0) == 0) {
    response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
  }
  return response;
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  if (request.method != "GET") return std::nullopt;
  if (is_api_path(request.path)) return std::nullopt;
  std::string relative = request.path;
  while (!relative.empty() && relative.front() == '/') relative.erase(0, 1);
  // No way out of the root: reject parent segments and anything that resolves outside it.
  if (relative.find("..") != std::string::npos || relative.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  std::error_code ec;
  if (!relative.empty()) {
    auto candidate = std::filesystem::weakly_canonical(root_ / relative, ec);
    auto inside = !ec && candidate.string().rfind(root_.string() + "/", 0) == 0;
    if (inside && std::filesystem::is_regular_file(candidate, ec)) {
      return file_response(request, candidate, false);
    }
    // A missing asset is a 404, not the app shell (a stale cached page must notice).
    if (relative.rfind("assets/", 0) == 0 || std::filesystem::path(relative).has_extension()) {
      return std::nullopt;
    }
  }
  return file_response(request, root_ / "index.html", true);
}

}  // namespace gz::http
