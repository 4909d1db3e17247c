// Registers the allocation routes: plans, their fairness read-out, and co-funding splits.
#pragma once

#include <boost/json/object.hpp>

#include "http/router.hpp"
#include "modules/allocation/plans.hpp"

namespace gz::allocation {
void register_routes(http::Router& router);
// A plan as the API and `gongzhi allocate` print it.
boost::json::object plan_json(const StoredPlan& plan);
}  // namespace gz::allocation
