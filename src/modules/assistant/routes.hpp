// Registers the assistant's routes: ask, classify, the knowledge base, the unanswered log and
// the configuration (synonyms, category keywords).
#pragma once

#include "http/router.hpp"

namespace gz::assistant {
void register_routes(http::Router& router);
}  // namespace gz::assistant
