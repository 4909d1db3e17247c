// The allocation module's contract: a community's quarterly plans, which split a total (fen,
// or whole units such as day-care places) into pools and categories by policy share and by
// the needs module's demand. Other modules may call:
//   - plans.hpp: create_plan, get_plan, list_plans and plan_fairness (the use cases, with
//     their permission checks), and the plan, pool and fairness types they return
//     (pools.hpp, fairness.hpp);
//   - apportion.hpp: the largest-remainder split of an integer amount, so a module that
//     splits money or units rounds as the plans do.
//   - cofunding.hpp: the co-funding rules by class of need, which the transparency module's
//     funding platform applies to plan lines.
// `gongzhi allocate` and the routes are the allocation module's own or wiring.
#pragma once

#include "modules/allocation/apportion.hpp"
#include "modules/allocation/cofunding.hpp"
#include "modules/allocation/plans.hpp"
