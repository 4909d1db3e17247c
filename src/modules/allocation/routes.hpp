// Registers the allocation routes: plans, their fairness read-out, and co-funding splits.
#pragma once

#include <boost/json/object.hpp>

#include "http/router.hpp"
#include "modules/allocation/plans.hpp"

namespace gz::allocation {
// `carry`: what an earlier plan leaves of its reserve to a new one (plans.hpp), from the module
// that keeps the reserve's spending.
void register_routes(http::Router& router, CarryFinder carry = {});
// A plan as the API and `gongzhi allocate` print it.
boost::json::object plan_json(const StoredPlan& plan);
}  // namespace gz::allocation
