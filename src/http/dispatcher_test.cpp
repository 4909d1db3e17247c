#include "http/dispatcher.hpp"

#include <gtest/gtest.h>

#include "storage/temp_database.hpp"

namespace gz::http {
namespace {

// Which pool a handler was given: the worker pool or a network thread's lane.
struct Seen {
  storage::Pool* pool = nullptr;
};

Route counting_route(const std::string& method, const std::string& pattern, bool quick,
                     Seen& seen) {
  Route route{method,
              pattern,
              Access::open,
              [&seen](RequestContext& context) {
                seen.pool = &context.pool;
                auto lease = context.pool.lease();
                lease->query("SELECT 1");
                return Response{};
              },
              {}};
  route.quick = quick;
  return route;
}

Request get(const std::string& path, const std::string& method = "GET") {
  Request request;
  request.method = method;
  request.path = path;
  request.target = path;
  return request;
}

TEST(Dispatcher, QuickRoutesRunOnTheLaneTheyArriveOn) {
  storage::TempDatabase temp;
  storage::Pool pool(temp.database(), 2);
  Seen quick_seen, slow_seen;
  Router router;
  router.add(counting_route("GET", "/quick", true, quick_seen));
  router.add(counting_route("GET", "/slow", false, slow_seen));
  router.add(counting_route("POST", "/quick", false, slow_seen));
  Dispatcher dispatcher(router, pool, [](storage::Connection&, const std::string&) {
    return std::optional<Actor>();
  });

  // No lanes open: everything goes to the worker pool.
  EXPECT_FALSE(dispatcher.handle_quick(get("/quick"), 0));

  dispatcher.open_lanes(temp.database(), 2);
  auto on_lane_1 = dispatcher.handle_quick(get("/quick"), 1);
  ASSERT_TRUE(on_lane_1);
  EXPECT_EQ(on_lane_1->status, 200);
  storage::Pool* lane_1 = quick_seen.pool;
  EXPECT_NE(lane_1, &pool);
  ASSERT_TRUE(dispatcher.handle_quick(get("/quick"), 0));
  EXPECT_NE(quick_seen.pool, lane_1);  // each network thread its own connections
  EXPECT_NE(quick_seen.pool, &pool);

  // Not quick, another method, an unknown path or a lane that does not exist: the pool's.
  EXPECT_FALSE(dispatcher.handle_quick(get("/slow"), 0));
  EXPECT_FALSE(dispatcher.handle_quick(get("/quick", "POST"), 0));
  EXPECT_FALSE(dispatcher.handle_quick(get("/nothing"), 0));
  EXPECT_FALSE(dispatcher.handle_quick(get("/quick"), 2));
  EXPECT_EQ(slow_seen.pool, nullptr);
  EXPECT_EQ(dispatcher.handle(get("/slow")).status, 200);
  EXPECT_EQ(slow_seen.pool, &pool);
  EXPECT_EQ(dispatcher.handle(get("/quick")).status, 200);
  EXPECT_EQ(quick_seen.pool, &pool);  // handle() itself always uses the worker pool
}

TEST(Dispatcher, AQuickRouteMustOnlyRead) {
  Seen seen;
  Router router;
  EXPECT_THROW(router.add(counting_route("POST", "/write", true, seen)), std::logic_error);
}

}  // namespace
}  // namespace gz::http
