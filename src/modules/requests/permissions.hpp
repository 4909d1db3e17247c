// Who may see and act on requests. The state machine (workflow.hpp) decides transitions by
// role; this unit decides who may see a request at all and who may submit for whom.
#pragma once

#include <cstdint>
#include <optional>

#include "core/actor.hpp"
#include "core/pii.hpp"

namespace gz::requests {
struct Request;
}

namespace gz::requests::permissions {

// Residents: requests they submitted or of their household. Community members otherwise.
bool may_view(const Actor& actor, const Request& request);
bool is_owner(const Actor& actor, const Request& request);
// Staff-entered details: priority, received_at, another household, channel phone/counter.
bool may_submit_on_behalf(const Actor& actor, std::int64_t community_id);
bool may_view_queue(const Actor& actor, std::int64_t community_id);
bool may_view_stats(const Actor& actor, std::int64_t community_id);
// Rating: the owner, or staff recording a phone follow-up.
bool may_rate(const Actor& actor, const Request& request);
// Whether the actor reads a request's personal data and free text as written: the registry's
// one rule (staff and admins of the community), for residents, guides and street users alike.
pii::Reader reader_of(const Actor& actor, const Request& request);

}  // namespace gz::requests::permissions
