// libFuzzer target: an arbitrary request line ("METHOD TARGET") against a router holding a
// representative set of the application's route patterns: literal and parameter segments,
// literals that overlap parameters, the same path under several methods. The target is
// parsed as the server parses it, matched, and the path parameters read as handlers read
// them. Handlers are dummies: only matching is under test.
#include <boost/url/parse.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/router.hpp"

namespace {

const gz::http::Router& router() {
  static const gz::http::Router* instance = [] {
    auto* built = new gz::http::Router;
    const char* const routes[][2] = {
        {"GET", "/healthz"},
        {"GET", "/metrics"},
        {"GET", "/api/v1/openapi.json"},
        {"POST", "/api/v1/auth/login"},
        {"GET", "/api/v1/me"},
        {"GET", "/api/v1/households"},
        {"POST", "/api/v1/households"},
        {"GET", "/api/v1/households/export"},
        {"POST", "/api/v1/households/import"},
        {"GET", "/api/v1/households/{id}"},
        {"PATCH", "/api/v1/households/{id}"},
        {"DELETE", "/api/v1/households/{id}"},
        {"GET", "/api/v1/households/{id}/residents"},
        {"POST", "/api/v1/requests/{id}/transitions"},
        {"GET", "/api/v1/requests/stats"},
        {"GET", "/api/v1/requests/{id}"},
        {"GET", "/api/v1/track/{code}"},
        {"GET", "/api/v1/points/accounts/{resident_id}/postings"},
        {"GET", "/api/v1/reports/{period}"},
        {"POST", "/api/v1/plans/{id}/objections/{oid}/answer"},
        {"GET", "/api/v1/pb/elections/{id}/results"},
    };
    for (const auto& [method, pattern] : routes) {
      built->add({method,
                  pattern,
                  gz::http::Access::open,
                  [](gz::http::RequestContext&) { return gz::http::Response{}; },
                  {}});
    }
    return built;
  }();
  return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return 0;
  gz::http::Request request;
  request.method = std::string(line.substr(0, space));
  request.target = std::string(line.substr(space + 1));

  // As the server does: a target that is not origin-form is a 400 before routing.
  auto parsed = boost::urls::parse_origin_form(request.target);
  if (!parsed) return 0;
  request.path = std::string(parsed->path());
  for (auto param : parsed->params()) {
    request.query.emplace_back(std::string(param.key), std::string(param.value));
  }

  gz::http::Match match = router().match(request.method, request.path);
  if (!match.route) return 0;
  if (match.route->method != request.method) std::abort();
  // The pool is never touched by the parameter accessors; routing needs no database.
  alignas(std::max_align_t) static unsigned char no_pool[64];
  gz::http::RequestContext context{request, match.params, std::nullopt,
                                   *reinterpret_cast<gz::storage::Pool*>(no_pool)};
  for (const auto& [name, value] : match.params) (void)context.id_param(name);
  (void)context.int_query("page");
  (void)context.community_param();
  return 0;
}
