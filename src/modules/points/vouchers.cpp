// Vouchers of redemptions (points.hpp): checked where the item is handed out and used once.
#include "core/clock.hpp"
#include "core/codes.hpp"
#include "core/pii.hpp"
#include "modules/audit/audit.hpp"
#include "modules/points/permissions.hpp"
#include "modules/points/points.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::points {
namespace {

constexpr const char* kVoucherColumns =
    "SELECT r.id, r.community_id, r.voucher_code, r.item_id, c.name, r.quantity, r.points, "
    "r.resident_id, r.created_at, r.used_at, r.voided_at FROM points_redemptions r JOIN "
    "points_catalog c ON c.id = r.item_id ";

Voucher voucher_from(const storage::Row& row) {
  Voucher voucher;
  voucher.redemption_id = row.integer(0);
  voucher.community_id = row.integer(1);
  voucher.code = row.is_null(2) ? "" : codes::format_readable_code(row.text(2));
  voucher.item_id = row.integer(3);
  voucher.item_name = row.text(4);
  voucher.quantity = row.integer(5);
  voucher.points = row.integer(6);
  voucher.resident_id = row.integer(7);
  voucher.created_at = row.text(8);
  voucher.used_at = row.opt_text(9);
  voucher.void_ = !row.is_null(10);
  return voucher;
}

// Who hands items out: guides and staff of the community, admins.
bool may_hand_out(const Actor& actor, std::int64_t community_id) {
  return may_award(actor, community_id);
}

// The voucher of this code as the actor may see it; 404 otherwise.
Result<Voucher> visible_voucher(storage::Connection& db, const Actor& actor,
                                const std::string& typed_code) {
  std::string code = codes::normalize_readable_code(typed_code);
  auto missing = [&]() {
    return make_error(ErrorKind::not_found, "voucher_not_found",
                      "没有这张兑换凭证，请核对 / no voucher has this code");
  };
  if (code.empty()) return missing();
  auto row = db.query_one(std::string(kVoucherColumns) + "WHERE r.voucher_code = ?", {code});
  if (!row) return missing();
  Voucher voucher = voucher_from(*row);
  auto resident = registry::find_resident(db, voucher.resident_id);
  bool own = actor.is(Role::resident) && resident && actor.household_id &&
             *actor.household_id == resident->household_id;
  if (!own && !may_hand_out(actor, voucher.community_id)) return missing();
  if (resident) voucher.resident_name = own ? resident->name : pii::mask_name(resident->name);
  return voucher;
}

}  // namespace

Result<Voucher> check_voucher(storage::Connection& db, const Actor& actor,
                              const std::string& typed_code) {
  return visible_voucher(db, actor, typed_code);
}

Result<Voucher> use_voucher(storage::Connection& db, const Actor& actor,
                            const std::string& typed_code, std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Voucher> {
    GZ_ASSIGN_OR_RETURN(auto voucher, visible_voucher(db, actor, typed_code));
    if (!may_hand_out(actor, voucher.community_id)) {
      return forbidden("guides and staff hand out what a voucher buys");
    }
    if (voucher.void_) {
      return conflict("voucher_void", "这张凭证已作废（积分已退回） / this voucher is void");
    }
    std::string at = format_iso8601(now_ms);
    if (db.execute("UPDATE points_redemptions SET used_at = ?, used_by_user_id = ? WHERE id = ? "
                   "AND used_at IS NULL AND voided_at IS NULL",
                   {at, actor.user_id, voucher.redemption_id}) != 1) {
      return conflict("voucher_used", "这张凭证已经用过了 / this voucher has been used");
    }
    audit::append(
        db, actor,
        {voucher.community_id, "points.voucher_use", "redemption",
         std::to_string(voucher.redemption_id),
         boost::json::object{{"item_id", voucher.item_id}, {"quantity", voucher.quantity}}});
    voucher.used_at = at;
    return voucher;
  });
}

Result<std::vector<Voucher>> resident_vouchers(storage::Connection& db, const Actor& actor,
                                               std::int64_t resident_id) {
  GZ_ASSIGN_OR_RETURN(auto resident, registry::visible_resident(db, actor, resident_id));
  bool own = actor.is(Role::resident);
  std::vector<Voucher> out;
  for (const auto& row : db.query(
           std::string(kVoucherColumns) + "WHERE r.resident_id = ? ORDER BY r.id DESC LIMIT 200",
           {resident.id})) {
    Voucher voucher = voucher_from(row);
    voucher.resident_name = own ? resident.name : pii::mask_name(resident.name);
    out.push_back(std::move(voucher));
  }
  return out;
}

}  // namespace gz::points
