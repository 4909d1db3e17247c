// libFuzzer target: arbitrary bytes as a JSON request body, decoded the way handlers decode
// them (parse_json_object, then JsonReader's typed reads and the unknown-field check).
// Every outcome must be a value or a 400; a crash or a sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "http/json_io.hpp"

namespace {

// Field names and limits the modules' decoders use, plus the shapes they expect.
constexpr const char* kKeys[] = {"name",  "code",     "address", "community_id", "needs",
                                 "score", "priority", "note",    "show_name",    "quantity"};

void read_every_way(gz::http::JsonReader& reader, const char* key, gz::http::Need need) {
  (void)reader.text(key, need);
  (void)reader.text(key, need, 1);
  (void)reader.integer(key, need);
  (void)reader.integer(key, need, 1, 100);
  (void)reader.boolean(key, need);
  (void)reader.text_list(key, need);
  (void)reader.text_list(key, need, 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gz::http::Request request;
  request.method = "POST";
  request.body.assign(reinterpret_cast<const char*>(data), size);
  auto object = gz::http::parse_json_object(request);
  if (!object.ok()) return 0;

  // One reader per need, as a handler would: the first failure is kept, later reads go on.
  for (auto need : {gz::http::Need::required, gz::http::Need::optional}) {
    gz::http::JsonReader reader(*object);
    for (const char* key : kKeys) read_every_way(reader, key, need);
    reader.only({"name", "code", "address"});
    if (!reader.ok()) (void)reader.error().message;
  }
  // The body's own keys, whatever their values are.
  gz::http::JsonReader reader(*object);
  for (const auto& member : *object) {
    const std::string key(member.key());
    read_every_way(reader, key.c_str(), gz::http::Need::optional);
    (void)reader.has(key.c_str());
  }
  return 0;
}
