#include "modules/timebank/timebank.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/registry/permissions.hpp"
#include "modules/timebank/permissions.hpp"
#include "storage/transact.hpp"

namespace gz::timebank {
namespace {

constexpr const char* kServiceColumns =
    "SELECT id, community_id, provider_resident_id, recipient_resident_id, service_date, minutes, "
    "service_type, note, status, posting_id, created_at, expires_ms FROM timebank_services";

Service service_from(const storage::Row& row) {
  Service service;
  service.id = row.integer(0);
  service.community_id = row.integer(1);
  service.provider_resident_id = row.integer(2);
  service.recipient_resident_id = row.integer(3);
  service.service_date = row.text(4);
  service.minutes = row.integer(5);
  service.service_type = row.text(6);
  service.note = row.opt_text(7);
  service.status = row.text(8);
  service.posting_id = row.opt_integer(9);
  service.created_at = row.text(10);
  service.expires_ms = row.integer(11);
  return service;
}

std::optional<Service> load_service(storage::Connection& db, std::int64_t id) {
  auto row = db.query_one(std::string(kServiceColumns) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return service_from(*row);
}

// The households the service is between, for the permission checks.
ServiceParties parties_of(storage::Connection& db, const Service& service) {
  ServiceParties parties{service.community_id, std::nullopt, std::nullopt};
  for (const auto& row : db.query("SELECT id, household_id FROM residents WHERE id IN (?, ?)",
                                  {service.provider_resident_id, service.recipient_resident_id})) {
    if (row.integer(0) == service.provider_resident_id)
      parties.provider_household_id = row.integer(1);
    if (row.integer(0) == service.recipient_resident_id) {
      parties.recipient_household_id = row.integer(1);
    }
  }
  return parties;
}

// A service record as the actor may read it: its note (people's own words about each other)
// masked for anyone without personal-data rights.
Service shown_to(const Actor& actor, Service service) {
  service.note = pii::text_for(
      registry::permissions::personal_data_reader(actor, service.community_id), service.note);
  return service;
}

// The service types as residents read them (as the web client names them).
std::string service_name_zh(const std::string& type) {
  static const std::pair<const char*, const char*> names[] = {{"companionship", "陪伴聊天"},
                                                              {"shopping", "代购"},
                                                              {"meal_delivery", "送餐"},
                                                              {"cleaning", "打扫"},
                                                              {"escort_to_hospital", "陪同就医"},
                                                              {"tech_help", "手机电脑帮忙"},
                                                              {"tutoring", "辅导功课"},
                                                              {"repair", "小修小补"},
                                                              {"other", "其他"}};
  for (const auto& [key, name] : names) {
    if (type == key) return name;
  }
  return type;
}

// "escort_to_hospital" -> "escort to hospital".
std::string english_words(std::string type) {
  std::replace(type.begin(), type.end(), '_', ' ');
  return type;
}

// Asks the recipient's household to confirm a recorded service, in the caller's transaction.
void ask_to_confirm(storage::Connection& db, const Service& service,
                    const std::string& provider_name, const std::string& recipient_name,
                    std::int64_t recipient_household_id, std::int64_t now_ms) {
  notifications::Event event;
  event.community_id = service.community_id;
  event.kind = "timebank.confirmation_requested";
  event.subject_type = "timebank_service";
  event.subject_id = std::to_string(service.id);
  event.data = {{"provider", pii::mask_name(provider_name)},
                {"resident", pii::mask_name(recipient_name)},
                {"minutes", service.minutes},
                {"service", service_name_zh(service.service_type)},
                {"service_en", english_words(service.service_type)},
                {"date", service.service_date}};
  event.recipients = accounts::household_users(db, recipient_household_id);
  notifications::record(db, event, now_ms);
}

}  // namespace

Result<Service> record_service(storage::Connection& db, const Actor& actor, const NewService& input,
                               std::int64_t now_ms) {
  auto provider = registry::visible_resident(db, actor, input.provider_resident_id);
  if (!provider) return provider.take_error();
  auto recipient =
      db.query_one("SELECT id, community_id, household_id, name FROM residents WHERE id = ?",
                   {input.recipient_resident_id});
  if (!recipient || recipient->integer(1) != provider->community_id) {
    return bad_request("invalid_recipient",
                       "the recipient must be a resident of the same community");
  }
  if (input.provider_resident_id == input.recipient_resident_id) {
    return bad_request("invalid_recipient", "a member cannot serve themselves");
  }
  // One login speaks for the whole household: a service between two of its members would be
  // recorded and confirmed by the same hand, minting time against the floor.
  if (recipient->integer(2) == provider->household_id) {
    return bad_request("same_household",
                       "members of one household do not bank time with each other "
                       "(同一户成员之间的服务不计入时间银行)");
  }
  if (!speaks_for(actor, provider->community_id, provider->household_id)) {
    return forbidden("the provider's household or a guide records a service");
  }
  int year;
  unsigned month, day;
  if (!parse_date(input.service_date, year, month, day) ||
      input.service_date > format_date(now_ms) ||
      input.service_date < format_date(now_ms - kExpiryMs)) {
    return bad_request("invalid_date", "service_date must be YYYY-MM-DD within the last 14 days");
  }
  if (input.minutes <= 0 || input.minutes > 12 * 60) {
    return bad_request("invalid_minutes", "minutes must be 1 to 720");
  }
  bool known_type = false;
  for (const char* type : kServiceTypes) known_type = known_type || input.service_type == type;
  if (!known_type)
    return bad_request("invalid_service_type", "unknown service_type '" + input.service_type + "'");
  std::int64_t minutes = ledger::round_to_quarter_hour(input.minutes);
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Service> {
    std::int64_t id =
        db.query_one(
              "INSERT INTO timebank_services (community_id, provider_resident_id, "
              "recipient_resident_id, service_date, minutes, service_type, note, "
              "status, recorded_by_user_id, created_at, created_ms, expires_ms) VALUES "
              "(?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?) RETURNING id",
              {provider->community_id, provider->id, input.recipient_resident_id,
               input.service_date, minutes, input.service_type, storage::opt_text(input.note),
               actor.user_id, format_iso8601(now_ms), now_ms, now_ms + kExpiryMs})
            ->integer(0);
    audit::append(
        db, actor,
        {provider->community_id, "timebank.record", "timebank_service", std::to_string(id),
         boost::json::object{{"provider", provider->id},
                             {"recipient", input.recipient_resident_id},
                             {"minutes", minutes},
                             {"service_type", input.service_type},
                             {"service_date", input.service_date}}});
    Service service = *load_service(db, id);
    ask_to_confirm(db, service, provider->name, recipient->text(3), recipient->integer(2), now_ms);
    return shown_to(actor, std::move(service));
  });
}

Result<Service> confirm_service(storage::Connection& db, const Actor& actor,
                                std::int64_t service_id, std::int64_t now_ms) {
  auto service = load_service(db, service_id);
  if (!service) return not_found("no time-bank service " + std::to_string(service_id));
  const ServiceParties parties = parties_of(db, *service);
  if (!may_see_service(actor, parties)) {
    return not_found("no time-bank service " + std::to_string(service_id));
  }
  if (!may_answer_service(actor, parties)) {
    return forbidden("the recipient (or a guide for them) confirms");
  }
  if (service->status != "pending") {
    return conflict("not_pending", "this service is " + service->status + ", not pending");
  }
  if (now_ms > service->expires_ms) return conflict("expired", "this record expired unconfirmed");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Service> {
    // Claim the record first, so two confirmations cannot both pay.
    if (db.execute("UPDATE timebank_services SET status = 'confirmed', confirmed_by_user_id = ? "
                   "WHERE id = ? AND status = 'pending'",
                   {actor.user_id, service_id}) != 1) {
      return conflict("not_pending", "this service was confirmed or disputed meanwhile");
    }
    ledger::PostingInput input;
    input.community_id = service->community_id;
    input.kind = ledger::Kind::minutes;
    input.debit_account_id =
        ledger::resident_account(db, service->community_id, ledger::Kind::minutes,
                                 service->recipient_resident_id)
            .id;
    input.credit_account_id =
        ledger::resident_account(db, service->community_id, ledger::Kind::minutes,
                                 service->provider_resident_id)
            .id;
    input.amount = service->minutes;
    input.code = "timebank_service";
    input.reference = "service:" + std::to_string(service_id);
    input.memo = service->service_type + " " + service->service_date;
    input.floor_error_code = "debt_cap_reached";
    auto posting = ledger::post(db, actor, input, now_ms);
    if (!posting) return posting.take_error();
    db.execute("UPDATE timebank_services SET posting_id = ? WHERE id = ?",
               {posting->id, service_id});
    return shown_to(actor, *load_service(db, service_id));
  });
}

Result<Service> dispute_service(storage::Connection& db, const Actor& actor,
                                std::int64_t service_id, const std::string& note,
                                std::int64_t now_ms) {
  auto service = load_service(db, service_id);
  if (!service) return not_found("no time-bank service " + std::to_string(service_id));
  const ServiceParties parties = parties_of(db, *service);
  if (!may_see_service(actor, parties)) {
    return not_found("no time-bank service " + std::to_string(service_id));
  }
  if (!may_answer_service(actor, parties)) {
    return forbidden("the recipient (or a guide for them) disputes");
  }
  if (note.empty()) return bad_request("note_required", "say what is wrong with the record");
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Service> {
    if (db.execute("UPDATE timebank_services SET status = 'disputed', note = ? WHERE id = ? AND "
                   "status = 'pending'",
                   {note, service_id}) != 1) {
      return conflict("not_pending", "only a pending record can be disputed");
    }
    audit::append(db, actor,
                  {service->community_id, "timebank.dispute", "timebank_service",
                   std::to_string(service_id), boost::json::object{{"note", note}}});
    return shown_to(actor, *load_service(db, service_id));
  });
}

Result<std::vector<Service>> list_services(storage::Connection& db, const Actor& actor,
                                           std::int64_t community_id,
                                           const std::optional<std::string>& status) {
  if (!is_member(actor, community_id))
    return not_found("no community " + std::to_string(community_id));
  std::string sql = std::string(kServiceColumns) + " WHERE community_id = ?";
  std::vector<storage::Value> params{community_id};
  if (status) {
    sql += " AND status = ?";
    params.emplace_back(*status);
  }
  if (sees_own_household_only(actor)) {
    sql +=
        " AND (provider_resident_id IN (SELECT id FROM residents WHERE household_id = ?) OR "
        "recipient_resident_id IN (SELECT id FROM residents WHERE household_id = ?))";
    params.emplace_back(actor.household_id.value_or(-1));
    params.emplace_back(actor.household_id.value_or(-1));
  }
  sql += " ORDER BY id DESC LIMIT 200";
  std::vector<Service> out;
  for (const auto& row : db.query(sql, params)) out.push_back(shown_to(actor, service_from(row)));
  return out;
}

Result<ledger::Posting> transfer(storage::Connection& db, const Actor& actor,
                                 std::int64_t from_resident_id, std::int64_t to_resident_id,
                                 std::int64_t minutes, std::int64_t now_ms) {
  auto from = registry::visible_resident(db, actor, from_resident_id);
  if (!from) return from.take_error();
  auto to = registry::visible_resident(db, actor, to_resident_id);
  if (!to) return to.take_error();
  if (from->id == to->id) return bad_request("invalid_transfer", "choose two different members");
  if (from->household_id != to->household_id) {
    return bad_request("not_family", "banked time goes only to a member of the same household");
  }
  // Giving away banked time is the family's decision: its own household, or staff on its
  // behalf — not guides, who may record and confirm services but not move savings.
  if (!may_transfer(actor, from->community_id, from->household_id)) {
    return forbidden("the member's household or staff transfer time");
  }
  if (minutes <= 0 || minutes % 15 != 0) {
    return bad_request("invalid_minutes", "minutes must be a positive multiple of 15");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<ledger::Posting> {
    ledger::PostingInput input;
    input.community_id = from->community_id;
    input.kind = ledger::Kind::minutes;
    input.debit_account_id =
        ledger::resident_account(db, from->community_id, ledger::Kind::minutes, from->id).id;
    input.credit_account_id =
        ledger::resident_account(db, to->community_id, ledger::Kind::minutes, to->id).id;
    input.amount = minutes;
    input.code = "timebank_transfer";
    input.memo = "家庭成员转赠 / family transfer";
    input.floor_error_code = "insufficient_minutes";
    input.keep_debit_nonnegative = true;
    return ledger::post(db, actor, input, now_ms);
  });
}

Result<AccountView> account_view(storage::Connection& db, const Actor& actor,
                                 std::int64_t resident_id) {
  auto resident = registry::visible_resident(db, actor, resident_id);
  if (!resident) return resident.take_error();
  auto summary = ledger::resident_account_summary(db, resident->community_id, ledger::Kind::minutes,
                                                  resident_id);
  return AccountView{*resident, summary.account, summary.credited, summary.debited};
}

int expire_services(storage::Connection& db, std::int64_t now_ms) {
  int expired = 0;
  for (const auto& row : db.query(
           "SELECT id, community_id FROM timebank_services WHERE status IN ('pending', 'disputed') "
           "AND expires_ms < ? LIMIT 1000",
           {now_ms})) {
    std::int64_t id = row.integer(0);
    auto done = storage::transact(db, storage::TxMode::write, [&]() -> Result<bool> {
      if (db.execute("UPDATE timebank_services SET status = 'expired' WHERE id = ? AND status IN "
                     "('pending', 'disputed')",
                     {id}) != 1) {
        return false;
      }
      audit::append(db, audit::system_actor(),
                    {row.integer(1), "timebank.expire", "timebank_service", std::to_string(id),
                     boost::json::object{}});
      return true;
    });
    if (done && *done) ++expired;
  }
  return expired;
}

}  // namespace gz::timebank
