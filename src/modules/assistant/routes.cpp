// HTTP routes of the assistant: decode → use case → encode. Ask and classify need no login
// (a 24-hour service on the community's public page) but then take community_id from the
// query and are throttled per address; logged-in callers default to their community.
#include "modules/assistant/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/throttle.hpp"
#include "http/json_io.hpp"
#include "modules/assistant/assistant.hpp"
#include "storage/database.hpp"

namespace gz::assistant {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

// 60 questions a minute from one address without a login.
Throttle& public_throttle() {
  static Throttle throttle(60, 60'000);
  return throttle;
}

Result<void> throttle_anonymous(const RequestContext& context) {
  if (context.actor) return {};
  if (!public_throttle().allow(context.request.remote_ip, now_epoch_ms())) {
    return make_error(ErrorKind::too_many_requests, "assistant_throttled",
                      "too many questions from this address; log in or try again in a minute");
  }
  return {};
}

Result<std::int64_t> community_of(const RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.take_error();
  if (*community < 1) return bad_request("invalid_query", "community_id is required");
  return *community;
}

boost::json::object entry_json(const Entry& entry) {
  return {{"id", entry.id},
          {"community_id", entry.community_id},
          {"question", entry.question},
          {"answer", entry.answer},
          {"keywords", entry.keywords},
          {"source", entry.source},
          {"source_ref", entry.source_ref},
          {"published", entry.published},
          {"created_at", entry.created_at},
          {"updated_at", entry.updated_at}};
}

boost::json::array strings(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

boost::json::object unanswered_json(const Unanswered& item) {
  return {{"id", item.id},
          {"community_id", item.community_id},
          {"question", item.question},
          {"times_asked", item.times_asked},
          {"best_score_bp", item.best_score_bp},
          {"first_asked_at", item.first_asked_at},
          {"last_asked_at", item.last_asked_at},
          {"resolved_at", http::json_or_null(item.resolved_at)},
          {"resolved_entry_id", http::json_or_null(item.resolved_entry_id)}};
}

Result<Response> ask_route(RequestContext& context) {
  auto community = community_of(context);
  if (!community) return community.error();
  auto question = context.request.query_param("q");
  if (!question) return bad_request("invalid_query", "q is required");
  if (auto allowed = throttle_anonymous(context); !allowed) {
    return allowed.error();
  }
  auto lease = context.pool.lease();
  std::optional<storage::Pool::Lease> primary;  // the replica reads; the primary logs
  if (context.primary) primary.emplace(context.primary->lease());
  auto result = ask(*lease, context.actor, *community, *question, now_epoch_ms(),
                    primary ? &**primary : nullptr);
  if (!result) return result.error();
  boost::json::array answers;
  for (const auto& answer : result->answers) {
    answers.push_back(boost::json::object{{"entry_id", answer.entry_id},
                                          {"score", static_cast<double>(answer.score_bp) / 10000},
                                          {"score_bp", answer.score_bp},
                                          {"question", answer.question},
                                          {"answer", answer.answer},
                                          {"source", answer.source},
                                          {"source_ref", answer.source_ref},
                                          {"updated_at", answer.updated_at},
                                          {"matched", strings(answer.matched)}});
  }
  return http::json_response(
      200, boost::json::object{{"community_id", result->community_id},
                               {"question", result->question},
                               {"answered", result->answered},
                               {"message", result->message},
                               {"answers", std::move(answers)},
                               {"threshold_bp", result->threshold_bp},
                               {"unanswered_id", http::json_or_null(result->unanswered_id)}});
}

Result<Response> classify_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"text", "community_id"});
  auto text = reader.text("text", Need::required, 2000);
  auto given = reader.integer("community_id", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  std::int64_t community_id = 0;
  if (given) {
    community_id = *given;
  } else {
    auto community = community_of(context);
    if (!community) return community.error();
    community_id = *community;
  }
  if (auto allowed = throttle_anonymous(context); !allowed) {
    return allowed.error();
  }
  auto lease = context.pool.lease();
  auto result = classify(*lease, community_id, *text);
  if (!result) return result.error();
  return http::json_response(
      200, boost::json::object{{"community_id", result->community_id},
                               {"category", result->category},
                               {"category_name", result->category_name},
                               {"priority", result->priority},
                               {"priority_source", result->priority_source},
                               {"priority_note", result->priority_note},
                               {"matched_keywords", strings(result->matched_keywords)},
                               {"urgent_keywords", strings(result->urgent_keywords)},
                               {"confidence", static_cast<double>(result->confidence_bp) / 10000},
                               {"confidence_bp", result->confidence_bp}});
}

Result<EntryInput> entry_input(const boost::json::object& body, bool creating) {
  http::JsonReader reader(body);
  reader.only(
      {"community_id", "question", "answer", "keywords", "source", "source_ref", "published"});
  Need need = creating ? Need::required : Need::optional;
  EntryInput input;
  input.question = reader.text("question", need, 200);
  input.answer = reader.text("answer", need, 4000);
  input.keywords = reader.text("keywords", Need::optional, 500);
  input.source = reader.text("source", Need::optional, 20);
  input.source_ref = reader.text("source_ref", Need::optional, 300);
  input.published = reader.boolean("published", Need::optional);
  reader.integer("community_id", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  return input;
}

Result<Response> create_entry_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  auto input = entry_input(*body, true);
  if (!input) return input.error();
  std::int64_t community_id = 0;
  if (const auto* given = body->if_contains("community_id"); given && given->is_int64()) {
    community_id = given->get_int64();
  } else {
    auto community = community_of(context);
    if (!community) return community.error();
    community_id = *community;
  }
  auto lease = context.pool.lease();
  auto result = create_entry(*lease, context.user(), community_id, *input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, entry_json(*result));
}

Result<Response> update_entry_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  auto input = entry_input(*body, false);
  if (!input) return input.error();
  if (body->contains("community_id")) {
    return bad_request("invalid_field", "an entry stays in its community; create a new one");
  }
  auto lease = context.pool.lease();
  auto result = update_entry(*lease, context.user(), *id, *input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, entry_json(*result));
}

Result<Response> delete_entry_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = delete_entry(*lease, context.user(), *id);
  if (!result) return result.error();
  return http::json_response(200, boost::json::object{{"id", *id}, {"deleted", true}});
}

Result<Response> get_entry_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = get_entry(*lease, context.actor, *id);
  if (!result) return result.error();
  return http::json_response(200, entry_json(*result));
}

Result<Response> list_entries_route(RequestContext& context) {
  auto community = community_of(context);
  if (!community) return community.error();
  auto limit = context.int_query("limit");
  if (!limit) return limit.error();
  auto offset = context.int_query("offset");
  if (!offset) return offset.error();
  EntryFilter filter;
  filter.community_id = *community;
  filter.include_drafts = context.request.query_param("drafts").value_or("") == "true";
  filter.source = context.request.query_param("source");
  filter.limit = limit->value_or(100);
  filter.offset = offset->value_or(0);
  auto lease = context.pool.lease();
  auto result = list_entries(*lease, context.actor, filter);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& entry : result->items) items.push_back(entry_json(entry));
  return http::json_response(200, boost::json::object{{"community_id", *community},
                                                      {"total", result->total},
                                                      {"items", std::move(items)}});
}

Result<Response> unanswered_route(RequestContext& context) {
  auto community = community_of(context);
  if (!community) return community.error();
  auto limit = context.int_query("limit");
  if (!limit) return limit.error();
  bool include_resolved = context.request.query_param("resolved").value_or("") == "true";
  auto lease = context.pool.lease();
  auto result =
      list_unanswered(*lease, context.user(), *community, include_resolved, limit->value_or(100));
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& item : *result) items.push_back(unanswered_json(item));
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> resolve_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  std::optional<std::int64_t> entry_id;
  if (!context.request.body.empty()) {
    auto body = http::parse_json_object(context.request);
    if (!body) return body.error();
    http::JsonReader reader(*body);
    reader.only({"entry_id"});
    entry_id = reader.integer("entry_id", Need::optional, 1);
    if (!reader.ok()) return reader.error();
  }
  auto lease = context.pool.lease();
  auto result = resolve_unanswered(*lease, context.user(), *id, entry_id, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, unanswered_json(*result));
}

Result<Response> synonyms_get_route(RequestContext& context) {
  auto community = community_of(context);
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = list_synonyms(*lease, context.user(), *community);
  if (!result) return result.error();
  boost::json::array defaults, own;
  for (const auto& group : result->defaults) defaults.push_back(strings(group));
  for (const auto& group : result->community) {
    own.push_back(boost::json::object{{"id", group.id}, {"terms", strings(group.terms)}});
  }
  return http::json_response(200, boost::json::object{{"community_id", *community},
                                                      {"defaults", std::move(defaults)},
                                                      {"community", std::move(own)}});
}

Result<Response> synonyms_post_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "terms"});
  auto community = reader.integer("community_id", Need::required, 1);
  auto terms = reader.text_list("terms", Need::required, 20);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = add_synonyms(*lease, context.user(), *community, *terms, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, boost::json::object{{"id", result->id},
                                                      {"community_id", *community},
                                                      {"terms", strings(result->terms)}});
}

boost::json::object keyword_json(const KeywordRule& rule) {
  return {{"id", rule.id},
          {"community_id", rule.community_id},
          {"category", rule.rule.category},
          {"keyword", rule.rule.keyword},
          {"weight", rule.rule.weight}};
}

Result<Response> keywords_get_route(RequestContext& context) {
  auto community = community_of(context);
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = list_category_keywords(*lease, context.user(), *community);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& rule : *result) items.push_back(keyword_json(rule));
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> keywords_post_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "category", "keyword", "weight"});
  auto community = reader.integer("community_id", Need::required, 1);
  auto category = reader.text("category", Need::required, 40);
  auto keyword = reader.text("keyword", Need::required, 80);
  auto weight = reader.integer("weight", Need::optional, 1, 10);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = add_category_keyword(*lease, context.user(), *community,
                                     {*category, *keyword, static_cast<int>(weight.value_or(1))});
  if (!result) return result.error();
  return http::json_response(201, keyword_json(*result));
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add({"GET",
              "/api/v1/assistant/ask",
              Access::open,
              ask_route,
              {"Ask the community knowledge base (Chinese full-text search with synonyms): the "
               "best 3 answers with score, source and entry id, or 我不知道 and the question is "
               "logged for staff. No login needed (community_id then required; 60 a minute per "
               "address, 429 assistant_throttled)",
               "assistant", "anyone", "", "q,community_id"}});
  router.add({"POST",
              "/api/v1/assistant/classify",
              Access::open,
              classify_route,
              {"Suggest a request's category (configurable keywords) and priority (the requests "
               "module's triage rules) from its free text",
               "assistant", "anyone", R"({"community_id":1,"text":"电梯坏了，老人被困在电梯里"})",
               "community_id"}});
  router.add({"GET",
              "/api/v1/assistant/entries",
              Access::open,
              list_entries_route,
              {"Knowledge-base entries of a community: published ones to anyone; drafts too "
               "(drafts=true) for its guides, staff and admins",
               "assistant", "anyone", "", "community_id,drafts,source,limit,offset"}});
  router.add(
      {"POST",
       "/api/v1/assistant/entries",
       Access::login,
       create_entry_route,
       {"Add a knowledge-base entry (guides: unpublished drafts only)", "assistant",
        "guide, staff, admin",
        R"({"community_id":1,"question":"生活垃圾清运时间","answer":"每天7:00和19:00各清运一次","keywords":"倒垃圾 几点","source":"notice","source_ref":"公告2026-031","published":true})",
        ""}});
  router.add({"GET",
              "/api/v1/assistant/entries/{id}",
              Access::open,
              get_entry_route,
              {"One entry (a draft only to its community's guides, staff and admins)", "assistant",
               "anyone", "", ""}});
  router.add({"PATCH",
              "/api/v1/assistant/entries/{id}",
              Access::login,
              update_entry_route,
              {"Edit, publish or unpublish an entry (guides: drafts only, cannot publish)",
               "assistant", "guide, staff, admin", R"({"published":true})", ""}});
  router.add({"DELETE",
              "/api/v1/assistant/entries/{id}",
              Access::login,
              delete_entry_route,
              {"Delete an entry", "assistant", "staff, admin", "", ""}});
  router.add({"GET",
              "/api/v1/assistant/unanswered",
              Access::login,
              unanswered_route,
              {"Questions the assistant could not answer, most asked first", "assistant",
               "guide, staff, street, admin", "", "community_id,resolved,limit"}});
  router.add({"POST",
              "/api/v1/assistant/unanswered/{id}/resolve",
              Access::login,
              resolve_route,
              {"Mark an unanswered question handled, optionally with the entry now answering it "
               "(409 already_resolved)",
               "assistant", "guide, staff, admin", R"({"entry_id":12})", ""}});
  router.add({"GET",
              "/api/v1/assistant/synonyms",
              Access::login,
              synonyms_get_route,
              {"Synonym groups the assistant uses: the defaults and the community's own",
               "assistant", "members of the community", "", "community_id"}});
  router.add({"POST",
              "/api/v1/assistant/synonyms",
              Access::login,
              synonyms_post_route,
              {"Add a synonym group for the community", "assistant", "staff, admin",
               R"({"community_id":1,"terms":["快递柜","丰巢","智能柜"]})", ""}});
  router.add({"GET",
              "/api/v1/assistant/category-keywords",
              Access::login,
              keywords_get_route,
              {"Keyword rules that suggest a request category (the community's and the "
               "defaults)",
               "assistant", "members of the community", "", "community_id"}});
  router.add(
      {"POST",
       "/api/v1/assistant/category-keywords",
       Access::login,
       keywords_post_route,
       {"Add a keyword rule for a request category (weight 1-10)", "assistant", "staff, admin",
        R"({"community_id":1,"category":"parking","keyword":"地库","weight":2})", ""}});
}

}  // namespace gz::assistant
