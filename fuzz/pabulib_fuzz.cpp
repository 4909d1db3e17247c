// libFuzzer target: arbitrary bytes as an uploaded pabulib `.pb` file. A file parse_pb accepts
// is written back with write_pb, which must read back equal (the format's documented
// round trip), and its ballots are checked against the META limits as cast ballots are.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "modules/pb/pabulib.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto election = gz::pb::parse_pb(text);
  if (!election.ok()) return 0;

  (void)gz::pb::official_selection(*election);
  for (std::string_view key : {"min_length", "max_length", "max_sum_points", "num_votes"}) {
    (void)gz::pb::meta_int(*election, key);
  }
  for (std::size_t p = 0; p < election->projects.size(); ++p) {
    (void)gz::pb::project_field(*election, p, "name");
    (void)gz::pb::format_amount(election->projects[p].cost, election->amount_decimals);
  }
  for (const auto& ballot : election->ballots) (void)gz::pb::check_ballot(*election, ballot);

  auto again = gz::pb::parse_pb(gz::pb::write_pb(*election));
  if (!again.ok() || !(*again == *election)) std::abort();
  return 0;
}
