// Discussion with moderation, the contract of the discussion module: comments on resident
// proposals, on plans while in public notice, and on announcements, in threads one level deep
// (a reply answers a top-level comment). Residents flag a comment once each; when three
// households have flagged it, it is hidden until staff look. Staff hide or restore a comment
// with a reason that everyone reads where the comment was; the moderation queue holds flagged
// comments not yet reviewed. A household writes at most 20 comments a day and 5 in any ten
// minutes. Residents see other residents as a masked name and building. Permissions in
// permissions.hpp; routes.hpp is wired by src/app.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::discussion {

// proposal | plan | announcement
bool is_subject_type(std::string_view type);

inline constexpr int kFlagsToHide = 3;
inline constexpr std::int64_t kDailyLimit = 20;
inline constexpr std::int64_t kBurstLimit = 5;  // in ten minutes

struct Comment {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string subject_type;
  std::int64_t subject_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string author_name;  // masked for residents reading another household's
  std::optional<std::string> author_building;
  std::string author_role;  // resident, guide, staff, admin
  bool mine = false;
  std::string body;    // "" when hidden, except for officials
  std::string status;  // visible | hidden
  std::optional<std::string> hidden_reason;
  bool hidden_by_flags = false;       // hidden by residents' flags, staff not yet looked
  std::optional<std::int64_t> flags;  // officials only
  bool flagged_by_me = false;
  bool may_flag = false;  // the reader may flag it (a resident, another household's comment)
  std::int64_t created_ms = 0;
  std::vector<Comment> replies;  // top-level comments only, oldest first
};

struct Thread {
  std::string subject_type;
  std::int64_t subject_id = 0;
  std::int64_t community_id = 0;
  bool open = false;              // whether comments are taken now (a plan only while in notice)
  std::vector<Comment> comments;  // top-level, oldest first
};
// 404 for a subject the actor may not see.
Result<Thread> thread(storage::Connection& db, const Actor& actor, const std::string& subject_type,
                      std::int64_t subject_id, std::int64_t now_ms);

// One comment as the thread shows it (to find its subject from a notification); 404 as the
// thread.
Result<Comment> get_comment(storage::Connection& db, const Actor& actor, std::int64_t id,
                            std::int64_t now_ms);

struct NewComment {
  std::string subject_type;
  std::int64_t subject_id = 0;
  std::optional<std::int64_t> parent_id;
  std::string body;  // 1-1000 characters
};
// 403 (may_comment); 404 subject or parent; 400 invalid_subject, invalid_field, not_top_level
// (a reply to a reply), invalid_parent (of another subject); 409 closed (a plan not in
// notice, a draft or withdrawn proposal, a withdrawn announcement); 429 too_many_comments.
// A reply tells the parent's author.
Result<Comment> post_comment(storage::Connection& db, const Actor& actor, const NewComment& input,
                             std::int64_t now_ms);

// reason: spam, abuse, privacy, off_topic, other. 403 (may_flag); 409 already_flagged.
Result<Comment> flag(storage::Connection& db, const Actor& actor, std::int64_t comment_id,
                     const std::string& reason, const std::string& note, std::int64_t now_ms);
// hide (a reason 1-200 characters, public), restore a hidden one, or keep a flagged visible
// one as it is; each marks the comment reviewed (out of the queue). 409 already_hidden,
// not_hidden, not_visible.
enum class Moderation { hide, restore, keep };
Result<Comment> moderate(storage::Connection& db, const Actor& actor, std::int64_t comment_id,
                         Moderation action, const std::string& reason, std::int64_t now_ms);

struct QueueItem {
  Comment comment;
  std::string subject_title;
  std::vector<std::string> reasons;  // of the flags
};
// Flagged comments staff have not reviewed, the most flagged first (staff, admins).
Result<std::vector<QueueItem>> moderation_queue(storage::Connection& db, const Actor& actor,
                                                std::int64_t community_id, std::int64_t now_ms);

// The demo: residents discussing the year's proposals, plans in notice and notices, staff
// answering, a few flags and one hidden comment.
std::int64_t demo_discussion(storage::Connection& db, std::int64_t community_id,
                             std::int64_t as_of_ms);

}  // namespace gz::discussion
