// Pure rules for request photos: which bytes are an image we accept (by magic bytes, never by
// the declared type), the size and count limits, and the base64 text they are stored as
// (storage::Value carries only NULL, integers and text, so a photo is kept as base64 text).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gz::attachments {

inline constexpr std::size_t kMaxPhotoBytes = 5 * 1024 * 1024;  // 5 MiB each
inline constexpr int kMaxPhotosPerRequest = 3;

// "image/jpeg" or "image/png" when the bytes start like one; nullopt otherwise.
std::optional<std::string> detect_image_type(std::string_view bytes);

std::string base64_encode(std::string_view bytes);
// nullopt when the text is not valid base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace gz::attachments
