#include "http/router.hpp"

#include <gtest/gtest.h>

#include "storage/database.hpp"

namespace gz::http {
namespace {

Route route(const std::string& method, const std::string& pattern) {
  return Route{method, pattern, Access::open, [](RequestContext&) { return Response{}; }, {}};
}

TEST(Router, MatchesParametersAndPrefersLiteralSegments) {
  Router router;
  router.add(route("GET", "/api/v1/households/{id}"));
  router.add(route("GET", "/api/v1/households/export"));
  auto by_id = router.match("GET", "/api/v1/households/42");
  ASSERT_NE(by_id.route, nullptr);
  EXPECT_EQ(by_id.params.at("id"), "42");
  auto literal = router.match("GET", "/api/v1/households/export");
  ASSERT_NE(literal.route, nullptr);
  EXPECT_EQ(literal.route->pattern, "/api/v1/households/export");
}

TEST(Router, ReportsKnownPathWithOtherMethod) {
  Router router;
  router.add(route("GET", "/api/v1/communities"));
  auto match = router.match("DELETE", "/api/v1/communities");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.path_known);
  auto unknown = router.match("GET", "/api/v1/nothing");
  EXPECT_FALSE(unknown.path_known);
}

TEST(Router, IgnoresTrailingAndDoubleSlashes) {
  Router router;
  router.add(route("GET", "/healthz"));
  EXPECT_NE(router.match("GET", "/healthz/").route, nullptr);
  EXPECT_EQ(router.match("GET", "/healthz/extra").route, nullptr);
}

TEST(Router, RefusesDuplicateRoutes) {
  Router router;
  router.add(route("GET", "/a/{x}"));
  EXPECT_THROW(router.add(route("GET", "/a/{y}")), std::logic_error);
}

TEST(RequestContext, IdParamRejectsNonPositiveAndNonNumeric) {
  Request request;
  auto database = storage::open_sqlite(":memory:");
  storage::Pool pool(*database, 1);
  for (const char* bad : {"0", "-1", "abc", "12x", "99999999999999999999"}) {
    RequestContext context{request, {{"id", bad}}, std::nullopt, pool};
    auto id = context.id_param("id");
    ASSERT_FALSE(id.ok()) << bad;
    EXPECT_EQ(id.error().kind, ErrorKind::not_found);
  }
  RequestContext good{request, {{"id", "17"}}, std::nullopt, pool};
  EXPECT_EQ(*good.id_param("id"), 17);
}

}  // namespace
}  // namespace gz::http
