// The referral rows behind transition_request's refer / accept_referral / return_referral
// (requests.hpp): inside the requests module only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/requests/requests.hpp"

namespace gz::requests::referrals {

struct Open {
  std::int64_t id = 0;
  std::string status;  // pending | accepted
};
// The case's referral still waiting for or held by the street.
std::optional<Open> open_referral(storage::Connection& db, std::int64_t request_id);
Referral state_for(const Actor& actor, const std::optional<Open>& open);

// "北山街道" (the community's street, or "街道" when it has none) or the department's name;
// nullopt for an unknown department.
std::optional<std::string> receiver_name(storage::Connection& db, std::int64_t community_id,
                                         const std::string& level,
                                         const std::optional<std::string>& department);

// What a transition to `to` by `action` does to the case's referrals, in its transaction:
// `refer` opens one (to `level`, or a department); the street's answer is recorded on the open
// one; resolving the case closes it as resolved, ending it otherwise as withdrawn.
void follow(storage::Connection& db, std::int64_t request_id, std::int64_t community_id,
            Action action, Status to, const std::optional<Open>& open, const std::string& level,
            const std::optional<std::string>& department, const std::optional<std::string>& note,
            std::int64_t actor_user_id, std::int64_t now_ms);

std::vector<ReferralView> of_request(storage::Connection& db, const Request& request);

}  // namespace gz::requests::referrals
