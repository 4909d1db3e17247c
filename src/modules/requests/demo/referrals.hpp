// The demo's referrals (转办), laid over the planned year before it is written: some ordinary
// public-facility, parking and greening cases were referred to the street instead of being
// assigned in the community — most signed for, worked and resolved by the street, some
// returned with a reason and then assigned as planned — and a few cases accepted in the last
// days wait for the street to sign for them on the first run. Only the plans change (the
// steps, checked by replay like every other step); write.cpp writes the referral rows with
// the steps. Uses its own random stream, so the rest of the demo is the same as without it.
#pragma once

#include <cstdint>
#include <vector>

#include "modules/requests/demo/plan.hpp"

namespace gz::requests::demo {

// Returns the requests referred.
int overlay_referrals(std::vector<Planned>& requests, const Community& community,
                      std::uint64_t seed, std::int64_t as_of_ms);

}  // namespace gz::requests::demo
