// HTTP routes of discussion: decode → use case → encode.
#include "modules/discussion/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/discussion/discussion.hpp"
#include "storage/database.hpp"

namespace gz::discussion {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object comment_json(const Comment& comment) {
  boost::json::array replies;
  for (const auto& reply : comment.replies) replies.push_back(comment_json(reply));
  boost::json::object out{{"id", comment.id},
                          {"subject_type", comment.subject_type},
                          {"subject_id", comment.subject_id},
                          {"parent_id", http::json_or_null(comment.parent_id)},
                          {"author_name", comment.author_name},
                          {"author_building", http::json_or_null(comment.author_building)},
                          {"author_role", comment.author_role},
                          {"mine", comment.mine},
                          {"body", comment.body},
                          {"status", comment.status},
                          {"hidden_reason", http::json_or_null(comment.hidden_reason)},
                          {"hidden_by_flags", comment.hidden_by_flags},
                          {"flagged_by_me", comment.flagged_by_me},
                          {"may_flag", comment.may_flag},
                          {"created_at", format_iso8601(comment.created_ms)},
                          {"replies", std::move(replies)}};
  if (comment.flags) out["flags"] = *comment.flags;
  return out;
}

Result<Response> thread_route(RequestContext& context) {
  auto type = context.request.query_param("subject_type");
  if (!type || type->empty()) return bad_request("invalid_query", "subject_type is required");
  GZ_ASSIGN_OR_RETURN(auto id, context.int_query("subject_id"));
  if (!id || *id < 1) return bad_request("invalid_query", "subject_id is required");
  if (!is_subject_type(*type)) {
    return bad_request("invalid_subject", "subject_type must be proposal, plan or announcement");
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, thread(*lease, context.user(), *type, *id, now_epoch_ms()));
  boost::json::array comments;
  std::int64_t count = 0;
  for (const auto& comment : found.comments) {
    count += 1 + static_cast<std::int64_t>(comment.replies.size());
    comments.push_back(comment_json(comment));
  }
  return http::json_response(200, boost::json::object{{"subject_type", found.subject_type},
                                                      {"subject_id", found.subject_id},
                                                      {"open", found.open},
                                                      {"count", count},
                                                      {"comments", std::move(comments)}});
}

Result<Response> get_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto comment, get_comment(*lease, context.user(), id, now_epoch_ms()));
  return http::json_response(200, comment_json(comment));
}

Result<Response> post_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"subject_type", "subject_id", "parent_id", "body"});
  NewComment input;
  input.subject_type = reader.text("subject_type", Need::required, 20).value_or("");
  input.subject_id = reader.integer("subject_id", Need::required, 1).value_or(0);
  input.parent_id = reader.integer("parent_id", Need::optional, 1);
  input.body = reader.text("body", Need::required, 1000).value_or("");
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto comment, post_comment(*lease, context.user(), input, now_epoch_ms()));
  return http::json_response(201, comment_json(comment));
}

Result<Response> flag_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"reason", "note"});
  auto reason = reader.text("reason", Need::required, 20);
  auto note = reader.text("note", Need::optional, 200);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto comment,
                      flag(*lease, context.user(), id, *reason, note.value_or(""), now_epoch_ms()));
  return http::json_response(200, comment_json(comment));
}

Result<Response> moderate_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"action", "reason"});
  auto action = reader.text("action", Need::required, 10);
  auto reason = reader.text("reason", Need::optional, 200);
  if (!reader.ok()) return reader.error();
  Moderation what = Moderation::keep;
  if (*action == "hide") {
    what = Moderation::hide;
  } else if (*action == "restore") {
    what = Moderation::restore;
  } else if (*action != "keep") {
    return bad_request("invalid_action", "action must be hide, restore or keep");
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto comment, moderate(*lease, context.user(), id, what, reason.value_or(""),
                                             now_epoch_ms()));
  return http::json_response(200, comment_json(comment));
}

Result<Response> queue_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto community, context.community_param());
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto queue,
                      moderation_queue(*lease, context.user(), community, now_epoch_ms()));
  boost::json::array items;
  for (const auto& item : queue) {
    boost::json::array reasons;
    for (const auto& reason : item.reasons) reasons.emplace_back(reason);
    auto out = comment_json(item.comment);
    out["subject_title"] = item.subject_title;
    out["flag_reasons"] = std::move(reasons);
    items.push_back(std::move(out));
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add({"GET",
              "/api/v1/comments",
              Access::login,
              thread_route,
              {"The discussion of a proposal, a plan or an announcement: top-level comments "
               "oldest first, each with its replies",
               "discussion", "members of the community", "", "subject_type, subject_id"}});
  router.add(
      {"POST",
       "/api/v1/comments",
       Access::login,
       post_route,
       {"Comment, or reply to a top-level comment (429 too_many_comments past a "
        "household's pace)",
        "discussion", "resident, guide, staff, admin",
        R"({"subject_type":"proposal","subject_id":7,"body":"建议把健身器材放在3号楼旁边的空地"})",
        ""}});
  router.add({"GET",
              "/api/v1/comments/{id}",
              Access::login,
              get_route,
              {"One comment with its subject (what a notification about it points to)",
               "discussion", "members of the community", "", ""}});
  router.add({"POST",
              "/api/v1/comments/{id}/flags",
              Access::login,
              flag_route,
              {"Flag a comment (three households' flags hide it until staff look)", "discussion",
               "resident", R"({"reason":"abuse","note":"人身攻击"})", ""}});
  router.add({"POST",
              "/api/v1/comments/{id}/moderation",
              Access::login,
              moderate_route,
              {"Hide a comment with a public reason, restore it, or keep a flagged one as it is",
               "discussion", "staff, admin",
               R"({"action":"hide","reason":"含有他人电话号码，已隐藏"})", ""}});
  router.add({"GET",
              "/api/v1/comments/moderation",
              Access::login,
              queue_route,
              {"Flagged comments staff have not reviewed, the most flagged first", "discussion",
               "staff, admin", "", "community_id"}});
}

}  // namespace gz::discussion
