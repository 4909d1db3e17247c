#include "modules/pb/compute.hpp"

#include <algorithm>
#include <cstdio>

namespace gz::pb {
namespace {

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
          out += buffer;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string percent_of(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "-";
  // One decimal, rounded half up, in integers.
  __int128 tenths =
      (static_cast<__int128>(part) * 2000 + whole) / (2 * static_cast<__int128>(whole));
  return std::to_string(static_cast<long long>(tenths / 10)) + "." +
         std::to_string(static_cast<long long>(tenths % 10)) + "%";
}

}  // namespace

std::optional<RuleName> parse_rule_name(std::string_view name) {
  if (name == "greedy" || name == "greedy-threshold") return RuleName::greedy;
  if (name == "greedy-no-skip") return RuleName::greedy_no_skip;
  if (name == "equal-shares" || name == "equalshares" || name == "mes") {
    return RuleName::equal_shares;
  }
  if (name == "equal-shares-add1" || name == "equalshares/add1" || name == "equalshares-add1") {
    return RuleName::equal_shares_add1;
  }
  if (name == "equal-shares-comparison" || name == "equalshares-comparison") {
    return RuleName::equal_shares_comparison;
  }
  if (name == "equal-shares-add1-comparison" || name == "equalshares/add1-comparison") {
    return RuleName::equal_shares_add1_comparison;
  }
  return std::nullopt;
}

std::string_view rule_name(RuleName rule) {
  switch (rule) {
    case RuleName::greedy:
      return "greedy";
    case RuleName::greedy_no_skip:
      return "greedy-no-skip";
    case RuleName::equal_shares:
      return "equal-shares";
    case RuleName::equal_shares_add1:
      return "equal-shares-add1";
    case RuleName::equal_shares_comparison:
      return "equal-shares-comparison";
    case RuleName::equal_shares_add1_comparison:
      return "equal-shares-add1-comparison";
  }
  return "greedy";
}

std::optional<RuleName> rule_from_meta(const Election& election) {
  return parse_rule_name(meta_value(election, "rule"));
}

std::optional<Utility> parse_utility(std::string_view name) {
  if (name == "cost") return Utility::cost;
  if (name == "approval" || name == "cardinality") return Utility::approval;
  return std::nullopt;
}

Result<Outcome> compute(const Election& election, const ComputeRequest& request) {
  if (request.rule == RuleName::greedy) return greedy(election);
  if (request.rule == RuleName::greedy_no_skip) return greedy(election, GreedyVariant::no_skip);
  EqualSharesOptions options;
  options.utility = request.utility;
  const bool add1 = request.rule == RuleName::equal_shares_add1 ||
                    request.rule == RuleName::equal_shares_add1_comparison;
  options.completion = add1 ? Completion::add1 : Completion::none;
  options.comparison_step = request.rule == RuleName::equal_shares_comparison ||
                            request.rule == RuleName::equal_shares_add1_comparison;
  return equal_shares(election, options);
}

std::string format_outcome(const Election& election, const ComputeRequest& request,
                           const Outcome& outcome) {
  std::vector<std::size_t> in_file_order = outcome.selected;
  std::sort(in_file_order.begin(), in_file_order.end());
  const int decimals = election.amount_decimals;
  if (request.format == OutputFormat::json) {
    std::string out = "{\"rule\":" + json_string(rule_name(request.rule)) + ",\"selected\":[";
    for (std::size_t k = 0; k < in_file_order.size(); ++k) {
      if (k > 0) out += ',';
      out += json_string(election.projects[in_file_order[k]].id);
    }
    out += "],\"cost\":" + format_amount(outcome.cost, decimals) + "}\n";
    return out;
  }
  const std::vector<std::int64_t> votes = project_votes(election);
  std::string out;
  out += "rule: " + std::string(rule_name(request.rule));
  const bool greedy_rule =
      request.rule == RuleName::greedy || request.rule == RuleName::greedy_no_skip;
  if (!greedy_rule) {
    out += request.utility == Utility::cost ? " (cost utilities)" : " (approval utilities)";
  }
  out += "\nselected (in the order the rule chose them):\n";
  for (std::size_t project : outcome.selected) {
    const Project& p = election.projects[project];
    out += "  " + p.id + "\t" + format_amount(p.cost, decimals) + "\t" +
           std::to_string(votes[project]) + " votes";
    if (auto name = project_field(election, project, "name"); name && !name->empty()) {
      out += "\t" + std::string(*name);
    }
    out += "\n";
  }
  out += std::to_string(outcome.selected.size()) + " projects, cost " +
         format_amount(outcome.cost, decimals) + " of the budget " +
         format_amount(election.budget, decimals) + " (" +
         percent_of(outcome.cost, election.budget) + ")\n";
  if (!greedy_rule && !election.ballots.empty() && outcome.virtual_budget > 0 &&
      !outcome.replaced_by_greedy) {
    const auto voters = static_cast<std::int64_t>(election.ballots.size());
    out += "each voter's share: " + format_amount(outcome.virtual_budget / voters, decimals);
    if (outcome.virtual_budget % voters != 0) out += " (and a fraction)";
    if (request.rule == RuleName::equal_shares_add1 ||
        request.rule == RuleName::equal_shares_add1_comparison) {
      out += " after " + std::to_string(outcome.add1_steps) + " Add1 steps";
    }
    out += "\n";
  }
  if (outcome.replaced_by_greedy) {
    out += "comparison step: more voters prefer the greedy outcome, which is used\n";
  }
  if (outcome.tie_broken_by_position) {
    out += "note: a tie in cost and votes was broken by the order of the projects in the file\n";
  }
  return out;
}

Result<std::string> compute_pb_file(const std::string& path, const ComputeRequest& request,
                                    bool use_file_rule) {
  auto election = read_pb_file(path);
  if (!election.ok()) return election.take_error();
  ComputeRequest effective = request;
  if (use_file_rule) {
    auto rule = rule_from_meta(election.value());
    if (!rule) {
      return bad_request("unsupported_rule", "the file's rule \"" +
                                                 std::string(meta_value(election.value(), "rule")) +
                                                 "\" is not one this command computes");
    }
    effective.rule = *rule;
  }
  auto outcome = compute(election.value(), effective);
  if (!outcome.ok()) return outcome.take_error();
  return format_outcome(election.value(), effective, outcome.value());
}

}  // namespace gz::pb
