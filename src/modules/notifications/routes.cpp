#include "modules/notifications/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "http/json_io.hpp"
#include "modules/notifications/notifications.hpp"
#include "storage/transact.hpp"

namespace gz::notifications {
namespace {

using http::Access;
using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object contact_json(const Contact& contact) {
  return {{"user_id", contact.user_id},
          {"community_id", contact.community_id},
          {"mobile", contact.mobile ? boost::json::value(pii::mask_mobile(*contact.mobile))
                                    : boost::json::value(nullptr)},
          {"mobile_verified", contact.verified},
          {"language", contact.language}};
}

boost::json::object channel_json(const Channel& channel) {
  boost::json::array events;
  for (const auto& kind : channel.events) events.push_back(boost::json::string(kind));
  return {{"id", channel.id},
          {"community_id", channel.community_id},
          {"building", http::json_or_null(channel.building)},
          {"kind", channel.kind},
          {"name", channel.name},
          {"url", channel.url},
          {"has_secret", channel.has_secret},
          {"events", std::move(events)},
          {"enabled", channel.enabled},
          {"created_at", channel.created_at}};
}

Result<Response> inbox_route(RequestContext& context) {
  auto unread_only = context.request.query_param("unread");
  if (unread_only && *unread_only != "true" && *unread_only != "false") {
    return bad_request("invalid_query", "unread must be true or false");
  }
  GZ_ASSIGN_OR_RETURN(std::int64_t limit, context.limit_param("limit", 100, 500));
  auto lease = context.pool.lease();
  auto result = inbox(*lease, context.user(), unread_only && *unread_only == "true", limit);
  boost::json::array items;
  for (const auto& item : result.items) {
    items.push_back({{"id", item.id},
                     {"kind", item.kind},
                     {"object_type", item.object_type},
                     {"object_id", item.object_id},
                     {"title", item.title},
                     {"message", item.message},
                     {"created_at", item.created_at},
                     {"read_at", http::json_or_null(item.read_at)}});
  }
  return http::json_response(
      200, boost::json::object{{"unread", result.unread}, {"items", std::move(items)}});
}

Result<Response> read_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_TRY(mark_read(*lease, context.user(), id, now_epoch_ms()));
  return http::json_response(200, boost::json::object{{"id", id}, {"read", true}});
}

Result<Response> read_all_route(RequestContext& context) {
  auto lease = context.pool.lease();
  std::int64_t changed = mark_all_read(*lease, context.user(), now_epoch_ms());
  return http::json_response(200, boost::json::object{{"marked", changed}, {"unread", 0}});
}

Result<Response> preferences_route(RequestContext& context) {
  auto lease = context.pool.lease();
  boost::json::array items;
  for (const auto& preference : preferences(*lease, context.user())) {
    items.push_back(
        {{"kind", preference.kind}, {"in_app", preference.in_app}, {"sms", preference.sms}});
  }
  return http::json_response(200, boost::json::object{{"preferences", std::move(items)}});
}

Result<Response> set_preference_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"kind", "in_app", "sms"});
  auto kind = reader.text("kind", Need::required, 60);
  auto in_app = reader.boolean("in_app", Need::required);
  auto sms = reader.boolean("sms", Need::required);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto saved,
                      set_preference(*lease, context.user(), Preference{*kind, *in_app, *sms}));
  return http::json_response(
      200, boost::json::object{{"kind", saved.kind}, {"in_app", saved.in_app}, {"sms", saved.sms}});
}

Result<Response> contact_route(RequestContext& context) {
  auto lease = context.pool.lease();
  return http::json_response(200, contact_json(contact(*lease, context.user())));
}

Result<Response> set_contact_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"mobile", "language"});
  auto mobile = reader.text("mobile", Need::optional, 20);
  auto language = reader.text("language", Need::optional, 5);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  // Absent: keep the mobile; "": remove it.
  if (!reader.has("mobile")) mobile = contact(*lease, context.user()).mobile;
  if (mobile && mobile->empty()) mobile.reset();
  GZ_ASSIGN_OR_RETURN(auto saved, set_contact(*lease, context.user(), mobile,
                                              language.value_or("zh"), now_epoch_ms()));
  return http::json_response(200, contact_json(saved));
}

Result<Response> verify_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t user_id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto saved, verify_mobile(*lease, context.user(), user_id, now_epoch_ms()));
  return http::json_response(200, contact_json(saved));
}

Result<ChannelInput> read_channel(const boost::json::object& body, const RequestContext& context,
                                  bool creating) {
  http::JsonReader reader(body);
  reader.only({"community_id", "building", "kind", "name", "url", "secret", "events", "enabled"});
  ChannelInput input;
  auto community = reader.integer("community_id", Need::optional, 1);
  input.building = reader.text("building", Need::optional, 40);
  input.kind = reader.text("kind", creating ? Need::required : Need::optional, 20).value_or("");
  input.name = reader.text("name", Need::required, 60).value_or("");
  input.url = reader.text("url", Need::required, 500).value_or("");
  input.secret = reader.text("secret", Need::optional, 200);
  input.events =
      reader.text_list("events", Need::required, 30).value_or(std::vector<std::string>{});
  input.enabled = reader.boolean("enabled", Need::optional).value_or(true);
  if (!reader.ok()) return reader.error();
  const auto& communities = context.user().community_ids;
  input.community_id = community.value_or(communities.empty() ? 0 : communities.front());
  return input;
}

Result<Response> channels_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t community, context.community_param());
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto channels, list_channels(*lease, context.user(), community));
  boost::json::array items;
  for (const auto& channel : channels) items.push_back(channel_json(channel));
  return http::json_response(200, boost::json::object{{"channels", std::move(items)}});
}

Result<Response> add_channel_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  GZ_ASSIGN_OR_RETURN(auto input, read_channel(body, context, true));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto channel, add_channel(*lease, context.user(), input, now_epoch_ms()));
  return http::json_response(201, channel_json(channel));
}

Result<Response> update_channel_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  GZ_ASSIGN_OR_RETURN(auto input, read_channel(body, context, false));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto channel, update_channel(*lease, context.user(), id, input));
  return http::json_response(200, channel_json(channel));
}

Result<Response> deliveries_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(std::int64_t limit, context.limit_param("limit", 100, 500));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto deliveries, list_deliveries(*lease, context.user(), id, limit));
  boost::json::array items;
  for (const auto& view : deliveries) {
    items.push_back({{"id", view.id},
                     {"event_id", view.event_id},
                     {"event", view.event_kind},
                     {"channel", view.channel},
                     {"status", view.status},
                     {"attempts", view.attempts},
                     {"last_error", http::json_or_null(view.last_error)},
                     {"next_attempt_at", view.next_attempt_at},
                     {"sent_at", http::json_or_null(view.sent_at)},
                     {"created_at", view.created_at}});
  }
  return http::json_response(200, boost::json::object{{"deliveries", std::move(items)}});
}

Result<Response> test_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(std::int64_t delivery, send_test(*lease, context.user(), id, now_epoch_ms()));
  return http::json_response(202, boost::json::object{{"delivery_id", delivery}});
}

}  // namespace

void register_routes(http::Router& router) {
  const std::string tag = "notifications";
  router.add({"GET",
              "/api/v1/notifications",
              Access::login,
              inbox_route,
              {"Your inbox, newest first, with the unread count", tag, "any logged-in user", "",
               "unread,limit"}});
  router.add({"POST",
              "/api/v1/notifications/{id}/read",
              Access::login,
              read_route,
              {"Mark one of your notifications read", tag, "any logged-in user", "", ""}});
  router.add({"POST",
              "/api/v1/notifications/read-all",
              Access::login,
              read_all_route,
              {"Mark all your notifications read", tag, "any logged-in user", "", ""}});
  router.add({"GET",
              "/api/v1/notification-preferences",
              Access::login,
              preferences_route,
              {"Your choices per event kind (in-app, SMS)", tag, "any logged-in user", "", ""}});
  router.add({"PUT",
              "/api/v1/notification-preferences",
              Access::login,
              set_preference_route,
              {"Choose in-app and SMS for one event kind", tag, "any logged-in user",
               R"({"kind":"request.resolved","in_app":true,"sms":true})", ""}});
  router.add({"GET",
              "/api/v1/notification-contact",
              Access::login,
              contact_route,
              {"Your mobile (masked), whether it is verified, your language", tag,
               "any logged-in user", "", ""}});
  router.add({"PUT",
              "/api/v1/notification-contact",
              Access::login,
              set_contact_route,
              {"Set your mobile (unverified until confirmed) and language", tag,
               "any logged-in user", R"({"mobile":"13800138000","language":"zh"})", ""}});
  router.add(
      {"POST",
       "/api/v1/notification-contacts/{id}/verify",
       Access::login,
       verify_route,
       {"Confirm a user's mobile in person", tag, "guide, staff, admin of the community", "", ""}});
  router.add(
      {"GET",
       "/api/v1/notification-channels",
       Access::login,
       channels_route,
       {"The community's group robots and webhooks", tag, "staff, admin", "", "community_id"}});
  router.add(
      {"POST",
       "/api/v1/notification-channels",
       Access::login,
       add_channel_route,
       {"Add a WeCom or DingTalk group robot or a signed webhook", tag, "staff, admin",
        R"({"community_id":1,"kind":"wecom","name":"3号楼居民群","url":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY","building":"3","events":["plan.notice_started","activity.published"]})",
        ""}});
  router.add(
      {"PUT",
       "/api/v1/notification-channels/{id}",
       Access::login,
       update_channel_route,
       {"Change a channel's name, URL, secret, events, building or switch it off", tag,
        "staff, admin",
        R"({"name":"3号楼居民群","url":"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY","events":["*"],"enabled":true})",
        ""}});
  router.add(
      {"GET",
       "/api/v1/notification-channels/{id}/deliveries",
       Access::login,
       deliveries_route,
       {"A channel's deliveries: status, attempts, last error", tag, "staff, admin", "", "limit"}});
  router.add({"POST",
              "/api/v1/notification-channels/{id}/test",
              Access::login,
              test_route,
              {"Send a test message to a channel", tag, "staff, admin", "", ""}});
}

}  // namespace gz::notifications
