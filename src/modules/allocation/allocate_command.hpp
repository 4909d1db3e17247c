// The core of `gongzhi allocate --community ID --quarter 2026Q3 --total N [--unit fen]`:
// plans a quarter as the system (audited like any plan, created_by_user_id 0) with the
// default categories and inputs (plans.hpp) and returns the plan as the API prints it. The
// CLI only passes the option texts and prints the result.
#pragma once

#include <string>

#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::allocation {

// Errors: bad_request "invalid_argument" for a community or total that is not a whole
// number; otherwise those of create_plan.
Result<std::string> run_allocate(storage::Connection& db, const std::string& community_id,
                                 const std::string& quarter, const std::string& total,
                                 const std::string& unit);

}  // namespace gz::allocation
