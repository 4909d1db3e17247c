// Comments, flags and moderation (discussion.hpp).
#include "modules/discussion/discussion.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/announcements/announcements.hpp"
#include "modules/audit/audit.hpp"
#include "modules/discussion/permissions.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/participation/participation.hpp"
#include "modules/registry/registry.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/transact.hpp"

namespace gz::discussion {
namespace {

constexpr const char* kColumns =
    "SELECT id, community_id, subject_type, subject_id, parent_id, user_id, household_id, body, "
    "status, hidden_reason, hidden_by_user_id, reviewed_ms, created_ms, (SELECT COUNT(*) FROM "
    "comment_flags f WHERE f.comment_id = comments.id) FROM comments ";

struct Subject {
  std::int64_t community_id = 0;
  std::string title;
  bool open = false;
};

Result<Subject> subject_of(storage::Connection& db, const Actor& actor, const std::string& type,
                           std::int64_t id, std::int64_t now_ms) {
  auto missing = not_found("no " + type + " " + std::to_string(id));
  if (type == "announcement") {
    auto found = announcements::get(db, actor, id);
    if (!found) return found.take_error();
    return Subject{found->community_id, found->title, !found->withdrawn_ms};
  }
  if (type == "proposal") {
    auto found = participation::find_proposal(db, id);
    if (!found || !actor.belongs_to(found->community_id)) return missing;
    // A draft is its household's own until submitted.
    if (found->state == "draft" &&
        !(actor.is(Role::resident) && actor.household_id == found->household_id)) {
      return missing;
    }
    return Subject{found->community_id, found->title,
                   found->state != "draft" && found->state != "withdrawn"};
  }
  if (type == "plan") {
    auto found = transparency::visible_plan(db, actor, id, now_ms);
    if (!found) return found.take_error();
    if (actor.is(Role::resident) && !found->published) return missing;
    return Subject{found->community_id, found->quarter + " 社区资源分配方案",
                   found->stage == transparency::Stage::public_notice && found->objections_open};
  }
  return bad_request("invalid_subject", "subject_type must be proposal, plan or announcement");
}

// Who wrote what, as the reader may see them; names and buildings looked up once.
class Reader {
 public:
  Reader(storage::Connection& db, const Actor& actor, std::int64_t community_id)
      : db_(db),
        actor_(actor),
        official_(!actor.is(Role::resident) && actor.belongs_to(community_id)) {
    auto buildings = registry::list_buildings(db, audit::system_actor(), community_id);
    if (buildings) {
      for (const auto& building : *buildings) building_names_[building.id] = building.name;
    }
  }

  Comment present(const storage::Row& row) {
    Comment comment;
    comment.id = row.integer(0);
    comment.community_id = row.integer(1);
    comment.subject_type = row.text(2);
    comment.subject_id = row.integer(3);
    comment.parent_id = row.opt_integer(4);
    std::int64_t user_id = row.integer(5);
    auto household = row.opt_integer(6);
    comment.status = row.text(8);
    comment.hidden_reason = row.opt_text(9);
    comment.hidden_by_flags = comment.status == "hidden" && row.is_null(10) && row.is_null(11);
    comment.created_ms = row.integer(12);
    comment.mine = actor_.user_id == user_id;
    const auto& author = user(user_id);
    comment.author_role = author.role;
    bool same_household =
        actor_.is(Role::resident) && household && actor_.household_id == household;
    // Residents appear to other residents by a masked name; officials by their name.
    comment.author_name = author.role != "resident" || official_ || same_household
                              ? author.name
                              : pii::mask_name(author.name);
    if (household) {
      if (auto ref = registry::find_household(db_, *household); ref && ref->building_id) {
        auto name = building_names_.find(*ref->building_id);
        if (name != building_names_.end()) comment.author_building = name->second;
      }
    }
    comment.body = comment.status == "visible" || official_ || comment.mine ? row.text(7) : "";
    if (official_) comment.flags = row.integer(13);
    comment.may_flag = gz::discussion::may_flag(actor_, comment.community_id, household) &&
                       comment.status == "visible";
    comment.flagged_by_me =
        db_.query_one("SELECT 1 FROM comment_flags WHERE comment_id = ? AND user_id = ?",
                      {comment.id, actor_.user_id})
            .has_value();
    return comment;
  }

 private:
  struct Author {
    std::string name;
    std::string role;
  };
  const Author& user(std::int64_t user_id) {
    auto found = users_.find(user_id);
    if (found != users_.end()) return found->second;
    Author author;
    if (auto view = accounts::find_user(db_, user_id)) {
      author.name = view->display_name.empty() ? view->username : view->display_name;
      author.role = std::string(role_name(view->role));
    }
    return users_.emplace(user_id, std::move(author)).first->second;
  }

  storage::Connection& db_;
  const Actor& actor_;
  bool official_ = false;
  std::map<std::int64_t, std::string> building_names_;
  std::map<std::int64_t, Author> users_;
};

Result<storage::Row> comment_row(storage::Connection& db, const Actor& actor, std::int64_t id,
                                 std::int64_t now_ms) {
  auto row = db.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  auto missing = not_found("no comment " + std::to_string(id));
  if (!row || !actor.belongs_to(row->integer(1))) return missing;
  // Whoever may not see the subject does not learn of its comments.
  if (!subject_of(db, actor, row->text(2), row->integer(3), now_ms)) return missing;
  return *row;
}

void tell(storage::Connection& db, std::int64_t community_id, const std::string& kind,
          std::int64_t comment_id, std::int64_t user_id, boost::json::object data,
          std::int64_t now_ms) {
  notifications::Event event;
  event.community_id = community_id;
  event.kind = kind;
  event.subject_type = "comment";
  event.subject_id = std::to_string(comment_id);
  event.recipients = {user_id};
  event.data = std::move(data);
  notifications::record(db, event, now_ms);
}

Comment reload(storage::Connection& db, const Actor& actor, std::int64_t id) {
  auto row = db.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  Reader reader(db, actor, row->integer(1));
  return reader.present(*row);
}

}  // namespace

bool is_subject_type(std::string_view type) {
  return type == "proposal" || type == "plan" || type == "announcement";
}

Result<Thread> thread(storage::Connection& db, const Actor& actor, const std::string& subject_type,
                      std::int64_t subject_id, std::int64_t now_ms) {
  GZ_ASSIGN_OR_RETURN(auto subject, subject_of(db, actor, subject_type, subject_id, now_ms));
  Thread out;
  out.subject_type = subject_type;
  out.subject_id = subject_id;
  out.community_id = subject.community_id;
  out.open = subject.open;
  Reader reader(db, actor, subject.community_id);
  std::map<std::int64_t, std::size_t> tops;
  for (const auto& row :
       db.query(std::string(kColumns) + "WHERE subject_type = ? AND subject_id = ? ORDER BY "
                                        "created_ms, id",
                {subject_type, subject_id})) {
    Comment comment = reader.present(row);
    if (!comment.parent_id) {
      tops[comment.id] = out.comments.size();
      out.comments.push_back(std::move(comment));
    } else if (auto parent = tops.find(*comment.parent_id); parent != tops.end()) {
      out.comments[parent->second].replies.push_back(std::move(comment));
    }
  }
  return out;
}

Result<Comment> get_comment(storage::Connection& db, const Actor& actor, std::int64_t id,
                            std::int64_t now_ms) {
  GZ_ASSIGN_OR_RETURN(auto row, comment_row(db, actor, id, now_ms));
  Reader reader(db, actor, row.integer(1));
  return reader.present(row);
}

Result<Comment> post_comment(storage::Connection& db, const Actor& actor, const NewComment& input,
                             std::int64_t now_ms) {
  if (!is_subject_type(input.subject_type)) {
    return bad_request("invalid_subject", "subject_type must be proposal, plan or announcement");
  }
  std::string body = text::trim(input.body);
  if (body.empty() || text::utf8_length(body) > 1000) {
    return bad_request("invalid_field", "body must be 1-1000 characters");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Comment> {
    GZ_ASSIGN_OR_RETURN(auto subject,
                        subject_of(db, actor, input.subject_type, input.subject_id, now_ms));
    if (!may_comment(actor, subject.community_id)) {
      return forbidden("residents with a household and the community's officials comment");
    }
    if (!subject.open)
      return conflict("closed", "this " + input.subject_type + " takes no comments now");
    std::optional<std::int64_t> parent_author;
    if (input.parent_id) {
      auto parent = db.query_one(
          "SELECT subject_type, subject_id, parent_id, user_id FROM comments WHERE id = ?",
          {*input.parent_id});
      if (!parent) return not_found("no comment " + std::to_string(*input.parent_id));
      if (parent->text(0) != input.subject_type || parent->integer(1) != input.subject_id) {
        return bad_request("invalid_parent", "the comment answered is of another subject");
      }
      if (!parent->is_null(2)) {
        return bad_request("not_top_level", "replies answer a top-level comment");
      }
      parent_author = parent->integer(3);
    }
    // A household's (an official's own) pace: 5 in ten minutes, 20 a day.
    std::optional<std::int64_t> household =
        actor.is(Role::resident) ? actor.household_id : std::nullopt;
    std::string who = household ? "household_id = ?" : "user_id = ?";
    std::int64_t whose = household ? *household : actor.user_id;
    auto since = [&](std::int64_t ms) {
      return db.query_int("SELECT COUNT(*) FROM comments WHERE " + who + " AND created_ms > ?",
                          {whose, now_ms - ms});
    };
    if (since(10 * kMinuteMs) >= kBurstLimit || since(kDayMs) >= kDailyLimit) {
      return make_error(ErrorKind::too_many_requests, "too_many_comments",
                        "at most 5 comments in ten minutes and 20 a day per household");
    }
    std::int64_t id =
        db.query_one(
              "INSERT INTO comments (community_id, subject_type, subject_id, parent_id, user_id, "
              "household_id, body, status, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, 'visible', "
              "?) RETURNING id",
              {subject.community_id, input.subject_type, input.subject_id,
               storage::opt_int(input.parent_id), actor.user_id, storage::opt_int(household), body,
               now_ms})
            ->integer(0);
    audit::append(
        db, actor,
        {subject.community_id, "comment.create", "comment", std::to_string(id),
         boost::json::object{{"subject_type", input.subject_type},
                             {"subject_id", input.subject_id},
                             {"parent_id", input.parent_id ? boost::json::value(*input.parent_id)
                                                           : boost::json::value(nullptr)}}});
    if (parent_author && *parent_author != actor.user_id) {
      tell(db, subject.community_id, "comment.replied", id, *parent_author,
           {{"title", subject.title}}, now_ms);
    }
    return reload(db, actor, id);
  });
}

Result<Comment> flag(storage::Connection& db, const Actor& actor, std::int64_t comment_id,
                     const std::string& reason, const std::string& note, std::int64_t now_ms) {
  static const char* kReasons[] = {"spam", "abuse", "privacy", "off_topic", "other"};
  if (std::none_of(std::begin(kReasons), std::end(kReasons),
                   [&](const char* known) { return reason == known; })) {
    return bad_request("invalid_reason", "reason must be spam, abuse, privacy, off_topic or other");
  }
  std::string why = text::trim(note);
  if (text::utf8_length(why) > 200) return bad_request("invalid_field", "note is at most 200");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Comment> {
    GZ_ASSIGN_OR_RETURN(auto row, comment_row(db, actor, comment_id, now_ms));
    std::int64_t community = row.integer(1);
    if (!may_flag(actor, community, row.opt_integer(6))) {
      return forbidden("residents flag other households' comments");
    }
    if (db.query_one("SELECT 1 FROM comment_flags WHERE comment_id = ? AND user_id = ?",
                     {comment_id, actor.user_id})) {
      return conflict("already_flagged", "you have flagged this comment");
    }
    db.execute(
        "INSERT INTO comment_flags (comment_id, user_id, household_id, reason, note, created_ms) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {comment_id, actor.user_id, storage::opt_int(actor.household_id), reason, why, now_ms});
    audit::append(db, actor,
                  {community, "comment.flag", "comment", std::to_string(comment_id),
                   boost::json::object{{"reason", reason}}});
    // Enough households: hidden until staff look (not again once staff restored it).
    std::int64_t households =
        db.query_int("SELECT COUNT(DISTINCT household_id) FROM comment_flags WHERE comment_id = ?",
                     {comment_id});
    if (households >= kFlagsToHide && row.text(8) == "visible" && row.is_null(11)) {
      db.execute(
          "UPDATE comments SET status = 'hidden', hidden_reason = ?, hidden_ms = ? WHERE id = ?",
          {std::string("多位居民举报，等待社区工作人员审核"), now_ms, comment_id});
    }
    return reload(db, actor, comment_id);
  });
}

Result<Comment> moderate(storage::Connection& db, const Actor& actor, std::int64_t comment_id,
                         Moderation action, const std::string& reason, std::int64_t now_ms) {
  const bool hide = action == Moderation::hide;
  std::string why = text::trim(reason);
  if (hide && (why.empty() || text::utf8_length(why) > 200)) {
    return bad_request("invalid_field", "a public reason of 1-200 characters is required to hide");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Comment> {
    GZ_ASSIGN_OR_RETURN(auto row, comment_row(db, actor, comment_id, now_ms));
    std::int64_t community = row.integer(1);
    if (!may_moderate(actor, community)) return forbidden("staff moderate comments");
    bool hidden_by_staff = row.text(8) == "hidden" && !row.is_null(10);
    if (hide && hidden_by_staff) return conflict("already_hidden", "the comment is hidden");
    if (action == Moderation::restore && row.text(8) != "hidden") {
      return conflict("not_hidden", "the comment is visible");
    }
    if (action == Moderation::keep && row.text(8) != "visible") {
      return conflict("not_visible", "the comment is hidden: restore it instead");
    }
    if (action == Moderation::keep) {
      db.execute("UPDATE comments SET reviewed_ms = ? WHERE id = ?", {now_ms, comment_id});
    } else if (hide) {
      db.execute(
          "UPDATE comments SET status = 'hidden', hidden_reason = ?, hidden_by_user_id = ?, "
          "hidden_ms = ?, reviewed_ms = ? WHERE id = ?",
          {why, actor.user_id, now_ms, now_ms, comment_id});
    } else {
      db.execute(
          "UPDATE comments SET status = 'visible', hidden_reason = NULL, hidden_by_user_id = "
          "NULL, hidden_ms = NULL, reviewed_ms = ? WHERE id = ?",
          {now_ms, comment_id});
    }
    audit::append(db, actor,
                  {community,
                   action == Moderation::hide      ? "comment.hide"
                   : action == Moderation::restore ? "comment.restore"
                                                   : "comment.keep",
                   "comment", std::to_string(comment_id), boost::json::object{{"reason", why}}});
    if (hide) {
      tell(db, community, "comment.hidden", comment_id, row.integer(5), {{"reason", why}}, now_ms);
    }
    return reload(db, actor, comment_id);
  });
}

Result<std::vector<QueueItem>> moderation_queue(storage::Connection& db, const Actor& actor,
                                                std::int64_t community_id, std::int64_t now_ms) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_moderate(actor, community_id)) return forbidden("staff moderate comments");
  Reader reader(db, actor, community_id);
  std::vector<QueueItem> out;
  for (const auto& row : db.query(
           std::string(kColumns) +
               "WHERE community_id = ? AND reviewed_ms IS NULL AND EXISTS (SELECT 1 FROM "
               "comment_flags f WHERE f.comment_id = comments.id) ORDER BY (SELECT COUNT(*) FROM "
               "comment_flags f WHERE f.comment_id = comments.id) DESC, id LIMIT 200",
           {community_id})) {
    QueueItem item;
    item.comment = reader.present(row);
    auto subject =
        subject_of(db, actor, item.comment.subject_type, item.comment.subject_id, now_ms);
    if (subject) item.subject_title = subject->title;
    for (const auto& flag :
         db.query("SELECT reason FROM comment_flags WHERE comment_id = ? ORDER BY created_ms",
                  {item.comment.id})) {
      item.reasons.push_back(flag.text(0));
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace gz::discussion
