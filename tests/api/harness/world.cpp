#include "world.hpp"

#include "core/clock.hpp"
#include "steps.hpp"

namespace gz::test {

World::World(Backend backend, std::vector<std::string> server_args, std::string password)
    : url_(fresh_database_url(backend)), password_(std::move(password)) {
  std::string output;
  EXPECT_EQ(run_cli({"migrate", "--db", url_}, "", &output), 0) << output;
  add_user(url_, "admin", "admin", {}, password_);
  restart(std::move(server_args));
}

void World::restart(std::vector<std::string> server_args) {
  server_.reset();
  server_ = std::make_unique<ServerProcess>(url_, server_args);
  admin_ = login("admin");
}

Client World::login(const std::string& username) const {
  Client client(port());
  EXPECT_EQ(client.login(username, password_).status, 200) << username;
  return client;
}

std::int64_t World::community(const std::string& name, const std::string& code,
                              const std::optional<std::string>& street) {
  boost::json::object body{{"name", name}, {"code", code}};
  if (street) body["street"] = *street;
  return created_id(admin_.post("/api/v1/communities", body));
}

std::int64_t World::building(std::int64_t community_id, const std::string& name) {
  return created_id(admin_.post(
      "/api/v1/communities/" + std::to_string(community_id) + "/buildings", {{"name", name}}));
}

std::int64_t World::household(std::int64_t community_id, const std::string& code,
                              boost::json::object fields) {
  boost::json::object body{{"community_id", community_id},
                           {"code", code},
                           {"address", code + "室"},
                           {"housing_type", "owner"}};
  for (const auto& [key, value] : fields) body[key] = value;
  return created_id(admin_.post("/api/v1/households", body));
}

std::int64_t World::resident(std::int64_t household_id, const std::string& name,
                             const std::string& sex, const std::string& birth_date) {
  return resident_with(household_id, {{"name", name}, {"sex", sex}, {"birth_date", birth_date}});
}

std::int64_t World::resident_with(std::int64_t household_id, boost::json::object fields) {
  return created_id(
      admin_.post("/api/v1/households/" + std::to_string(household_id) + "/residents", fields));
}

Client World::user(const std::string& username, const std::string& role,
                   const std::vector<std::string>& scope) {
  user_ids_[username] = add_user(url_, username, role, scope, password_);
  return login(username);
}

Client World::community_user(const std::string& username, const std::string& role,
                             const std::vector<std::int64_t>& community_ids) {
  std::vector<std::string> scope;
  for (auto id : community_ids) {
    scope.push_back("--community");
    scope.push_back(std::to_string(id));
  }
  return user(username, role, scope);
}

Client World::resident_user(const std::string& username, std::int64_t household_id) {
  return user(username, "resident", {"--household", std::to_string(household_id)});
}

std::int64_t World::user_id(const std::string& username) const {
  auto found = user_ids_.find(username);
  EXPECT_NE(found, user_ids_.end()) << username;
  return found == user_ids_.end() ? 0 : found->second;
}

// `gongzhi open311 key add` prints "Open311 api_key for NAME: KEY".
std::string World::open311_key(const std::string& name, std::int64_t community_id) const {
  std::string output;
  EXPECT_EQ(run_cli({"open311", "key", "add", "--name", name, "--community",
                     std::to_string(community_id), "--db", url_},
                    "", &output),
            0)
      << output;
  auto marker = output.find(name + ": ");
  if (marker == std::string::npos) return "";
  auto start = marker + name.size() + 2;
  return output.substr(start, output.find('\n', start) - start);
}

std::int64_t World::meeting_now(std::int64_t community_id, const boost::json::array& resident_ids) {
  auto at = [](std::int64_t minutes) {
    return format_iso8601(now_epoch_ms() + minutes * kMinuteMs);
  };
  std::int64_t id = created_id(admin_.post("/api/v1/activities", {{"community_id", community_id},
                                                                  {"kind", "meeting"},
                                                                  {"channel", "community"},
                                                                  {"title", "居民议事会"},
                                                                  {"starts_at", at(-10)},
                                                                  {"ends_at", at(50)}}));
  if (id == 0) return 0;
  auto checked = admin_.post("/api/v1/activities/" + std::to_string(id) + "/checkins",
                             {{"resident_ids", resident_ids}});
  EXPECT_EQ(checked.status, 200) << checked.body;
  return id;
}

std::int64_t World::resolved_request(std::int64_t community_id, std::int64_t household_id,
                                     const std::string& category, int rating) {
  auto filed = file_request(admin_, {{"community_id", community_id},
                                     {"household_id", household_id},
                                     {"category", category},
                                     {"description", "测试诉求 " + category}});
  if (filed.id == 0) return 0;
  std::string path = "/api/v1/requests/" + std::to_string(filed.id);
  auto resolved = admin_.post(path + "/transitions", {{"action", "resolve"}, {"note", "已处理"}});
  EXPECT_EQ(resolved.status, 200) << resolved.body;
  if (resolved.status == 200 && rating > 0) {
    auto rated = admin_.post(path + "/rating", {{"score", rating}});
    EXPECT_EQ(rated.status, 200) << rated.body;
  }
  return filed.id;
}

std::vector<std::string> frozen_at(std::int64_t epoch_ms) {
  return {"--now", format_iso8601(epoch_ms), "--freeze-clock"};
}

}  // namespace gz::test
