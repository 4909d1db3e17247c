// The assistant's use cases; see assistant.hpp.
#include "modules/assistant/assistant.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/text.hpp"
#include "modules/assistant/permissions.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/requests.hpp"
#include "storage/transact.hpp"

namespace gz::assistant {
namespace {

Result<void> check_community(storage::Connection& db, std::int64_t community_id) {
  if (!registry::community_exists(db, community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  return {};
}

// A member of the community (or an admin); others do not learn that it exists.
Result<void> check_member(storage::Connection& db, const Actor& actor, std::int64_t community_id) {
  if (!actor.belongs_to(community_id)) {
    return not_found("no community " + std::to_string(community_id));
  }
  return check_community(db, community_id);
}

// Control characters other than tab and line breaks are refused: PostgreSQL cannot store
// NUL in text, and nobody types the others.
bool has_control_characters(const std::string& value) {
  return std::any_of(value.begin(), value.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
  });
}

Result<void> check_length(const std::string& value, const char* field, std::size_t min_chars,
                          std::size_t max_chars) {
  std::size_t length = text::utf8_length(text::trim(value));
  if (!text::is_valid_utf8(value) || has_control_characters(value) || length < min_chars ||
      length > max_chars) {
    return bad_request("invalid_field", std::string(field) + " must be " +
                                            std::to_string(min_chars) + "-" +
                                            std::to_string(max_chars) + " characters");
  }
  return {};
}

constexpr const char* kEntryColumns =
    "SELECT id, community_id, question, answer, keywords, source, source_ref, published, "
    "created_at, updated_at FROM assistant_entries ";

Entry entry_from(const storage::Row& row) {
  return {row.integer(0), row.integer(1), row.text(2),         row.text(3), row.text(4),
          row.text(5),    row.text(6),    row.integer(7) != 0, row.text(8), row.text(9)};
}

std::optional<Entry> load_entry(storage::Connection& db, std::int64_t entry_id) {
  auto row = db.query_one(std::string(kEntryColumns) + "WHERE id = ?", {entry_id});
  if (!row) return std::nullopt;
  return entry_from(*row);
}

Result<void> check_entry(const Entry& entry) {
  GZ_TRY(check_length(entry.question, "question", 1, 200));
  GZ_TRY(check_length(entry.answer, "answer", 1, 4000));
  GZ_TRY(check_length(entry.keywords, "keywords", 0, 500));
  GZ_TRY(check_length(entry.source_ref, "source_ref", 0, 300));
  if (std::none_of(std::begin(kSources), std::end(kSources),
                   [&](const char* source) { return entry.source == source; })) {
    return bad_request("invalid_field", "source must be faq, notice or policy");
  }
  return {};
}

std::string entry_search_text(const Entry& entry) {
  return search_text({entry.id, entry.question, entry.answer, entry.keywords});
}

boost::json::object entry_change(const Entry& entry) {
  return {{"question", entry.question},   {"keywords", entry.keywords},
          {"source", entry.source},       {"source_ref", entry.source_ref},
          {"published", entry.published}, {"answer_chars", text::utf8_length(entry.answer)}};
}

void apply(Entry& entry, const EntryInput& input) {
  if (input.question) entry.question = text::trim(*input.question);
  if (input.answer) entry.answer = text::trim(*input.answer);
  if (input.keywords) entry.keywords = text::trim(*input.keywords);
  if (input.source) entry.source = *input.source;
  if (input.source_ref) entry.source_ref = text::trim(*input.source_ref);
  if (input.published) entry.published = *input.published;
}

}  // namespace

Result<Entry> create_entry(storage::Connection& db, const Actor& actor, std::int64_t community_id,
                           const EntryInput& input, std::int64_t now_ms) {
  if (!may_write_entries(actor)) return forbidden("only guides, staff and admins write entries");
  GZ_TRY(check_member(db, actor, community_id));
  if (input.published.value_or(false) && !may_publish(actor)) {
    return forbidden("guides write drafts; staff publish them");
  }
  if (!input.question || !input.answer) {
    return bad_request("missing_field", "question and answer are required");
  }
  Entry entry;
  entry.community_id = community_id;
  apply(entry, input);
  GZ_TRY(check_entry(entry));
  entry.created_at = entry.updated_at = format_iso8601(now_ms);
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Entry> {
    entry.id = db.query_one(
                     "INSERT INTO assistant_entries (community_id, question, answer, keywords, "
                     "source, source_ref, published, search_text, created_by_user_id, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                     "RETURNING id",
                     {community_id, entry.question, entry.answer, entry.keywords, entry.source,
                      entry.source_ref, std::int64_t{entry.published ? 1 : 0},
                      entry_search_text(entry), actor.user_id, entry.created_at, entry.updated_at})
                   ->integer(0);
    audit::append(db, actor,
                  {community_id, "assistant.entry.create", "assistant_entry",
                   std::to_string(entry.id), entry_change(entry)});
    return entry;
  });
}

Result<Entry> update_entry(storage::Connection& db, const Actor& actor, std::int64_t entry_id,
                           const EntryInput& input, std::int64_t now_ms) {
  if (!may_write_entries(actor)) return forbidden("only guides, staff and admins write entries");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Entry> {
    auto entry = load_entry(db, entry_id);
    if (!entry || !actor.belongs_to(entry->community_id)) {
      return not_found("no entry " + std::to_string(entry_id));
    }
    if (!may_publish(actor) && (entry->published || input.published.value_or(false))) {
      return forbidden("guides edit drafts only; staff publish and edit published entries");
    }
    apply(*entry, input);
    GZ_TRY(check_entry(*entry));
    entry->updated_at = format_iso8601(now_ms);
    db.execute(
        "UPDATE assistant_entries SET question = ?, answer = ?, keywords = ?, source = ?, "
        "source_ref = ?, published = ?, search_text = ?, updated_at = ? WHERE id = ?",
        {entry->question, entry->answer, entry->keywords, entry->source, entry->source_ref,
         std::int64_t{entry->published ? 1 : 0}, entry_search_text(*entry), entry->updated_at,
         entry_id});
    audit::append(db, actor,
                  {entry->community_id, "assistant.entry.update", "assistant_entry",
                   std::to_string(entry_id), entry_change(*entry)});
    return *entry;
  });
}

Result<void> delete_entry(storage::Connection& db, const Actor& actor, std::int64_t entry_id) {
  if (!may_publish(actor)) return forbidden("only staff and admins delete entries");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<void> {
    auto entry = load_entry(db, entry_id);
    if (!entry || !actor.belongs_to(entry->community_id)) {
      return not_found("no entry " + std::to_string(entry_id));
    }
    db.execute(
        "UPDATE assistant_unanswered SET resolved_entry_id = NULL WHERE resolved_entry_id = ?",
        {entry_id});
    db.execute("DELETE FROM assistant_entries WHERE id = ?", {entry_id});
    audit::append(db, actor,
                  {entry->community_id, "assistant.entry.delete", "assistant_entry",
                   std::to_string(entry_id), entry_change(*entry)});
    return {};
  });
}

Result<Entry> get_entry(storage::Connection& db, const std::optional<Actor>& actor,
                        std::int64_t entry_id) {
  auto entry = load_entry(db, entry_id);
  if (!entry || (!entry->published && !(actor && may_read_drafts(*actor, entry->community_id)))) {
    return not_found("no entry " + std::to_string(entry_id));
  }
  return *entry;
}

Result<EntryPage> list_entries(storage::Connection& db, const std::optional<Actor>& actor,
                               const EntryFilter& filter) {
  GZ_TRY(check_community(db, filter.community_id));
  bool drafts = filter.include_drafts && actor && may_read_drafts(*actor, filter.community_id);
  std::string where = "WHERE community_id = ?";
  std::vector<storage::Value> params{filter.community_id};
  if (!drafts) where += " AND published = 1";
  if (filter.source) {
    where += " AND source = ?";
    params.push_back(*filter.source);
  }
  EntryPage page;
  page.total = db.query_int("SELECT COUNT(*) FROM assistant_entries " + where, params);
  params.push_back(std::clamp<std::int64_t>(filter.limit, 1, 500));
  params.push_back(std::max<std::int64_t>(filter.offset, 0));
  for (const auto& row :
       db.query(std::string(kEntryColumns) + where + " ORDER BY id LIMIT ? OFFSET ?", params)) {
    page.items.push_back(entry_from(row));
  }
  return page;
}

// ---- Asking.

namespace {

// Published entries of the community containing any of the terms. The trigram index serves
// terms of three characters or more (FTS5 MATCH on SQLite; on PostgreSQL the GIN trigram
// index serves the LIKE patterns); two-character terms (most Chinese words) are matched by
// LIKE within the community. Together they return every entry sharing a feature with the
// question, which is what makes the ranking's document frequencies exact.
std::set<std::int64_t> candidate_ids(storage::Connection& db, std::int64_t community_id,
                                     const std::vector<std::string>& terms) {
  constexpr std::size_t kTermsPerQuery = 40;
  constexpr std::int64_t kCandidatesMax = 2000;
  std::set<std::int64_t> ids;
  if (db.dialect() == storage::Dialect::sqlite) {
    auto expression = fts5_match_expression(terms);
    if (!expression.empty()) {
      for (const auto& row :
           db.query("SELECT rowid FROM assistant_entries_fts WHERE assistant_entries_fts MATCH ? "
                    "AND community_id = ? LIMIT ?",
                    {expression, community_id, kCandidatesMax})) {
        ids.insert(row.integer(0));
      }
    }
  }
  std::vector<std::string> like_terms;
  for (const auto& term : terms) {
    // On SQLite the index found the terms of three characters or more already.
    if (db.dialect() == storage::Dialect::sqlite && text::utf8_length(term) >= 3) continue;
    like_terms.push_back(term);
  }
  for (std::size_t from = 0; from < like_terms.size(); from += kTermsPerQuery) {
    std::string sql =
        "SELECT id FROM assistant_entries WHERE community_id = ? AND published = 1 AND (";
    std::vector<storage::Value> params{community_id};
    for (std::size_t i = from; i < std::min(like_terms.size(), from + kTermsPerQuery); ++i) {
      if (i > from) sql += " OR ";
      sql += "search_text LIKE ? ESCAPE '\\'";
      params.push_back(like_pattern(like_terms[i]));
    }
    sql += ") LIMIT ?";
    params.push_back(kCandidatesMax);
    for (const auto& row : db.query(sql, params)) ids.insert(row.integer(0));
  }
  return ids;
}

std::vector<Document> load_documents(storage::Connection& db, std::int64_t community_id,
                                     const std::set<std::int64_t>& ids) {
  std::vector<Document> out;
  std::vector<std::int64_t> list(ids.begin(), ids.end());
  constexpr std::size_t kBatch = 200;
  for (std::size_t from = 0; from < list.size(); from += kBatch) {
    std::string sql =
        "SELECT id, question, answer, keywords FROM assistant_entries WHERE community_id = ? AND "
        "published = 1 AND id IN (";
    std::vector<storage::Value> params{community_id};
    for (std::size_t i = from; i < std::min(list.size(), from + kBatch); ++i) {
      sql += i > from ? ", ?" : "?";
      params.push_back(list[i]);
    }
    sql += ")";
    for (const auto& row : db.query(sql, params)) {
      out.push_back({row.integer(0), row.text(1), row.text(2), row.text(3)});
    }
  }
  return out;
}

// The wording key of the unanswered log: letters, digits and CJK only, so "垃圾几点收？" and
// "垃圾几点收" count as one question.
std::string wording_key(const std::string& question) {
  auto normalized = normalize(question);
  std::string compact;
  for (char c : normalized) {
    auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte)) compact += c;
  }
  // Full-width punctuation is multi-byte; strip the common marks.
  for (std::string mark : {"，", "。", "？", "！", "、", "：", "；", "“", "”", "（", "）", "…"}) {
    for (auto at = compact.find(mark); at != std::string::npos; at = compact.find(mark)) {
      compact.erase(at, mark.size());
    }
  }
  return compact.empty() ? normalized : compact;
}

std::int64_t log_unanswered(storage::Connection& db, const std::optional<Actor>& actor,
                            std::int64_t community_id, const std::string& question,
                            std::int64_t best_score_bp, std::int64_t now_ms) {
  std::string key = wording_key(question);
  std::string now = format_iso8601(now_ms);
  std::int64_t id = 0;
  auto result = storage::transact(db, storage::TxMode::write, [&]() -> Result<std::int64_t> {
    auto inserted = db.query_one(
        "INSERT INTO assistant_unanswered (community_id, question, normalized, times_asked, "
        "best_score_bp, first_asked_at, last_asked_at) VALUES (?, ?, ?, 1, ?, ?, ?) "
        "ON CONFLICT (community_id, normalized) DO NOTHING RETURNING id",
        {community_id, question, key, best_score_bp, now, now});
    if (inserted) {
      // Once per wording: repeats only count, so a busy question does not flood the chain.
      audit::append(
          db, actor.value_or(audit::system_actor()),
          {community_id, "assistant.unanswered", "assistant_unanswered",
           std::to_string(inserted->integer(0)),
           boost::json::object{{"question", question}, {"best_score_bp", best_score_bp}}});
      return inserted->integer(0);
    }
    // Asked again: count it, and reopen it if staff had marked it handled.
    db.execute(
        "UPDATE assistant_unanswered SET times_asked = times_asked + 1, last_asked_at = ?, "
        "best_score_bp = ?, resolved_at = NULL, resolved_entry_id = NULL, "
        "resolved_by_user_id = NULL WHERE community_id = ? AND normalized = ?",
        {now, best_score_bp, community_id, key});
    return db.query_int(
        "SELECT id FROM assistant_unanswered WHERE community_id = ? AND normalized = ?",
        {community_id, key});
  });
  if (result) id = *result;
  return id;
}

}  // namespace

std::vector<SynonymGroup> synonym_groups(storage::Connection& db, std::int64_t community_id) {
  std::vector<SynonymGroup> groups = default_synonyms();
  for (const auto& row :
       db.query("SELECT terms FROM assistant_synonyms WHERE community_id = ? ORDER BY id",
                {community_id})) {
    SynonymGroup group;
    boost::system::error_code ec;
    auto parsed = boost::json::parse(row.text(0), ec);
    if (ec || !parsed.is_array()) continue;
    for (const auto& term : parsed.as_array()) {
      if (term.is_string()) group.emplace_back(term.as_string());
    }
    if (!group.empty()) groups.push_back(std::move(group));
  }
  return groups;
}

Result<AskResult> ask(storage::Connection& db, const std::optional<Actor>& actor,
                      std::int64_t community_id, const std::string& question, std::int64_t now_ms,
                      storage::Connection* log_db) {
  std::string trimmed = text::trim(question);
  if (trimmed.empty() || !text::is_valid_utf8(trimmed) || has_control_characters(trimmed)) {
    return bad_request("invalid_question", "q must be a question of 1-200 characters");
  }
  if (text::utf8_length(trimmed) > kQuestionMaxChars) {
    return bad_request("question_too_long", "q must be at most 200 characters");
  }
  GZ_TRY(check_community(db, community_id));
  AskResult out;
  out.community_id = community_id;
  out.question = trimmed;
  auto groups = synonym_groups(db, community_id);
  auto terms = search_terms(trimmed, groups);
  auto ids = candidate_ids(db, community_id, terms);
  auto documents = load_documents(db, community_id, ids);
  std::int64_t corpus = db.query_int(
      "SELECT COUNT(*) FROM assistant_entries WHERE community_id = ? AND published = 1",
      {community_id});
  auto ranked = rank(trimmed, documents, corpus, groups);
  std::map<std::int64_t, const Document*> by_id;
  for (const auto& document : documents) by_id[document.id] = &document;
  for (const auto& scored : ranked) {
    if (scored.score_bp < kAnswerThresholdBp || out.answers.size() == 3) break;
    auto entry = load_entry(db, scored.id);
    if (!entry) continue;
    out.answers.push_back({entry->id, scored.score_bp, entry->question, entry->answer,
                           entry->source, entry->source_ref, entry->updated_at, scored.matched});
  }
  out.answered = !out.answers.empty();
  if (out.answered) {
    out.message = out.answers.front().answer;
  } else {
    out.message = kDontKnow;
    out.unanswered_id = log_unanswered(log_db ? *log_db : db, actor, community_id, trimmed,
                                       ranked.empty() ? 0 : ranked.front().score_bp, now_ms);
  }
  return out;
}

// ---- The unanswered log.

namespace {

constexpr const char* kUnansweredColumns =
    "SELECT id, community_id, question, times_asked, best_score_bp, first_asked_at, "
    "last_asked_at, resolved_at, resolved_entry_id FROM assistant_unanswered ";

Unanswered unanswered_from(const storage::Row& row) {
  return {row.integer(0), row.integer(1), row.text(2),     row.integer(3),    row.integer(4),
          row.text(5),    row.text(6),    row.opt_text(7), row.opt_integer(8)};
}

}  // namespace

Result<std::vector<Unanswered>> list_unanswered(storage::Connection& db, const Actor& actor,
                                                std::int64_t community_id, bool include_resolved,
                                                std::int64_t limit) {
  if (!may_read_unanswered(actor)) return forbidden("residents may not read the log");
  GZ_TRY(check_member(db, actor, community_id));
  std::vector<Unanswered> out;
  std::string sql = std::string(kUnansweredColumns) + "WHERE community_id = ?" +
                    (include_resolved ? "" : " AND resolved_at IS NULL") +
                    " ORDER BY CASE WHEN resolved_at IS NULL THEN 0 ELSE 1 END, times_asked "
                    "DESC, id LIMIT ?";
  // Askers without a login type what they like, their phone number included.
  const pii::Reader reader = registry::permissions::personal_data_reader(actor, community_id);
  for (const auto& row : db.query(sql, {community_id, std::clamp<std::int64_t>(limit, 1, 500)})) {
    out.push_back(unanswered_from(row));
    out.back().question = pii::text_for(reader, out.back().question);
  }
  return out;
}

Result<Unanswered> resolve_unanswered(storage::Connection& db, const Actor& actor,
                                      std::int64_t unanswered_id,
                                      std::optional<std::int64_t> entry_id, std::int64_t now_ms) {
  if (!may_resolve_unanswered(actor)) {
    return forbidden("only guides, staff and admins handle unanswered questions");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Unanswered> {
    auto row = db.query_one(std::string(kUnansweredColumns) + "WHERE id = ?", {unanswered_id});
    if (!row || !actor.belongs_to(row->integer(1))) {
      return not_found("no unanswered question " + std::to_string(unanswered_id));
    }
    auto item = unanswered_from(*row);
    if (item.resolved_at) return conflict("already_resolved", "this question is handled already");
    if (entry_id) {
      auto entry = load_entry(db, *entry_id);
      if (!entry || entry->community_id != item.community_id) {
        return bad_request("unknown_entry", "entry_id must be an entry of the same community");
      }
    }
    item.resolved_at = format_iso8601(now_ms);
    item.resolved_entry_id = entry_id;
    db.execute(
        "UPDATE assistant_unanswered SET resolved_at = ?, resolved_entry_id = ?, "
        "resolved_by_user_id = ? WHERE id = ?",
        {*item.resolved_at, storage::opt_int(entry_id), actor.user_id, unanswered_id});
    audit::append(db, actor,
                  {item.community_id, "assistant.unanswered.resolve", "assistant_unanswered",
                   std::to_string(unanswered_id),
                   boost::json::object{{"entry_id", entry_id ? boost::json::value(*entry_id)
                                                             : boost::json::value(nullptr)}}});
    item.question = pii::text_for(
        registry::permissions::personal_data_reader(actor, item.community_id), item.question);
    return item;
  });
}

// ---- Configuration.

Result<Synonyms> list_synonyms(storage::Connection& db, const Actor& actor,
                               std::int64_t community_id) {
  GZ_TRY(check_member(db, actor, community_id));
  Synonyms out;
  out.defaults = default_synonyms();
  for (const auto& row :
       db.query("SELECT id, terms FROM assistant_synonyms WHERE community_id = ? ORDER BY id",
                {community_id})) {
    Synonyms::Own own{row.integer(0), {}};
    boost::system::error_code ec;
    auto parsed = boost::json::parse(row.text(1), ec);
    if (!ec && parsed.is_array()) {
      for (const auto& term : parsed.as_array()) {
        if (term.is_string()) own.terms.emplace_back(term.as_string());
      }
    }
    out.community.push_back(std::move(own));
  }
  return out;
}

Result<Synonyms::Own> add_synonyms(storage::Connection& db, const Actor& actor,
                                   std::int64_t community_id, const std::vector<std::string>& terms,
                                   std::int64_t now_ms) {
  if (!may_publish(actor)) return forbidden("only staff and admins configure the assistant");
  GZ_TRY(check_member(db, actor, community_id));
  if (terms.size() < 2 || terms.size() > 20) {
    return bad_request("invalid_field", "terms must list 2-20 phrases");
  }
  Synonyms::Own own;
  boost::json::array stored;
  for (const auto& term : terms) {
    GZ_TRY(check_length(term, "terms", 1, 20));
    own.terms.push_back(text::trim(term));
    stored.emplace_back(own.terms.back());
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Synonyms::Own> {
    own.id = db.query_one(
                   "INSERT INTO assistant_synonyms (community_id, terms, created_at) VALUES (?, "
                   "?, ?) RETURNING id",
                   {community_id, boost::json::serialize(stored), format_iso8601(now_ms)})
                 ->integer(0);
    audit::append(db, actor,
                  {community_id, "assistant.synonyms.add", "assistant_synonyms",
                   std::to_string(own.id), boost::json::object{{"terms", stored}}});
    return own;
  });
}

namespace {

std::vector<KeywordRule> keyword_rules(storage::Connection& db, std::int64_t community_id) {
  std::vector<KeywordRule> out;
  // The community's own rules first: on a tie they win.
  for (const auto& row : db.query(
           "SELECT id, community_id, category, keyword, weight FROM assistant_category_keywords "
           "WHERE community_id IN (0, ?) ORDER BY CASE WHEN community_id = 0 THEN 1 ELSE 0 END, "
           "id",
           {community_id})) {
    out.push_back({row.integer(0),
                   row.integer(1),
                   {row.text(2), row.text(3), static_cast<int>(row.integer(4))}});
  }
  return out;
}

}  // namespace

Result<std::vector<KeywordRule>> list_category_keywords(storage::Connection& db, const Actor& actor,
                                                        std::int64_t community_id) {
  GZ_TRY(check_member(db, actor, community_id));
  return keyword_rules(db, community_id);
}

Result<KeywordRule> add_category_keyword(storage::Connection& db, const Actor& actor,
                                         std::int64_t community_id, const CategoryKeyword& rule) {
  if (!may_publish(actor)) return forbidden("only staff and admins configure the assistant");
  GZ_TRY(check_member(db, actor, community_id));
  GZ_TRY(check_length(rule.keyword, "keyword", 1, 20));
  if (rule.weight < 1 || rule.weight > 10) {
    return bad_request("invalid_field", "weight must be 1-10");
  }
  if (!requests::find_category(db, community_id, rule.category)) {
    return bad_request("unknown_category", "unknown category '" + rule.category +
                                               "' (GET /api/v1/requests/categories lists them)");
  }
  KeywordRule out{0, community_id, {rule.category, text::trim(rule.keyword), rule.weight}};
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<KeywordRule> {
    out.id =
        db.query_one(
              "INSERT INTO assistant_category_keywords (community_id, category, keyword, "
              "weight) VALUES (?, ?, ?, ?) RETURNING id",
              {community_id, out.rule.category, out.rule.keyword, std::int64_t{out.rule.weight}})
            ->integer(0);
    audit::append(db, actor,
                  {community_id, "assistant.category_keyword.add", "assistant_category_keyword",
                   std::to_string(out.id),
                   boost::json::object{{"category", out.rule.category},
                                       {"keyword", out.rule.keyword},
                                       {"weight", out.rule.weight}}});
    return out;
  });
}

Result<Classification> classify(storage::Connection& db, std::int64_t community_id,
                                const std::string& text) {
  GZ_TRY(check_length(text, "text", 1, 2000));
  GZ_TRY(check_community(db, community_id));
  auto categories = requests::list_categories(db, community_id);
  std::set<std::string> active;
  for (const auto& category : categories) active.insert(category.code);
  std::vector<CategoryKeyword> rules;
  for (const auto& rule : keyword_rules(db, community_id)) {
    if (active.count(rule.rule.category)) rules.push_back(rule.rule);
  }
  std::string fallback =
      active.count("other") || categories.empty() ? "other" : categories.back().code;
  auto suggestion = suggest_category(text, rules, fallback);
  Classification out;
  out.community_id = community_id;
  out.category = suggestion.category;
  out.matched_keywords = suggestion.matched;
  out.confidence_bp = suggestion.confidence_bp;
  requests::Category category;
  category.code = suggestion.category;
  category.name_zh = "其他";
  if (auto found = requests::find_category(db, community_id, suggestion.category)) {
    category = *found;
  }
  out.category_name = category.name_zh;
  // The requests module's triage decides the priority, with the community's triage rules,
  // exactly as submitting the request would.
  requests::TriageInput input{category.default_priority, category.name_zh, text, std::nullopt,
                              false};
  auto triage_rules = requests::list_triage_rules(db, community_id);
  auto decision = requests::triage(input, triage_rules);
  out.priority = std::string(requests::priority_name(decision.priority));
  out.priority_source = decision.source;
  out.priority_note = decision.note;
  for (const auto& rule : triage_rules) {
    if (requests::triage(input, {rule}).source == "rule")
      out.urgent_keywords.push_back(rule.keyword);
  }
  return out;
}

}  // namespace gz::assistant
