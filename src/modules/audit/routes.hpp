// Registers the audit chain's HTTP routes: the head, and the signed checkpoints (published to
// anyone; signed on demand by an admin when the server holds a checkpoint key).
#pragma once

#include <boost/json/value.hpp>
#include <memory>

#include "core/crypto.hpp"
#include "http/router.hpp"
#include "modules/audit/audit_log.hpp"

namespace gz::audit {
// Without a key the checkpoints are still published; POST answers 503 no_checkpoint_key.
void register_routes(http::Router& router,
                     std::shared_ptr<const crypto::SigningKey> checkpoint_key = nullptr);
boost::json::value verify_result_json(const VerifyResult& result);
}  // namespace gz::audit
