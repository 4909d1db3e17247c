// The assistant's demo: the demo community's knowledge base (about 40 published entries a
// real 社区 keeps — garbage sorting and collection times, property fee, parking, elevator
// repair, 低保, the elderly canteen, childcare places, the time bank, points, objecting to a
// public notice, the 12345 hotline …, plus two drafts a guide is writing), written through the
// use cases over the year before as_of (so the audit chain holds), a community synonym group,
// and a few questions residents asked that it could not answer (some asked several times,
// one already handled). Deterministic: dates come from gz::Rng (stream 0x41535354).
#pragma once

#include <cstdint>
#include <vector>

#include "modules/assistant/assistant.hpp"
#include "storage/database.hpp"

namespace gz::assistant {

struct DemoEntry {
  const char* question;
  const char* answer;
  const char* keywords;
  const char* source;  // faq | notice | policy
  const char* source_ref;
};

// The demo knowledge base, also used by the ranking tests.
const std::vector<DemoEntry>& demo_knowledge_base();

struct DemoAssistantSummary {
  int entries = 0;
  int published = 0;
  int unanswered = 0;
  int asked = 0;  // questions asked in the demo, answered or not
};

DemoAssistantSummary generate_demo_assistant(storage::Connection& db, std::int64_t community_id,
                                             std::uint64_t seed, std::int64_t as_of_ms);

}  // namespace gz::assistant
