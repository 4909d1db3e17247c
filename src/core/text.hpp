// Text encodings met in the field: spreadsheets saved by Excel on Chinese Windows are GBK
// (CP936), others UTF-8 with or without a BOM.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gz::text {

bool is_valid_utf8(std::string_view bytes);
// Removes a UTF-8 byte-order mark if present.
std::string_view strip_utf8_bom(std::string_view bytes);

enum class Encoding { utf8, utf8_bom, gbk };
// UTF-8 BOM -> utf8_bom; valid UTF-8 -> utf8; otherwise gbk.
Encoding detect_encoding(std::string_view bytes);
// GB18030 (a superset of GBK/CP936) to UTF-8 via iconv; nullopt when the bytes are not valid.
std::optional<std::string> gbk_to_utf8(std::string_view bytes);
std::optional<std::string> utf8_to_gbk(std::string_view utf8);
// Detects and converts to UTF-8 without BOM; nullopt when undecodable.
std::optional<std::string> to_utf8(std::string_view bytes);

std::string trim(std::string_view text);
// Characters (code points) in valid UTF-8 text: what "at most N characters" limits count.
std::size_t utf8_length(std::string_view text);
std::string to_lower_ascii(std::string_view text);
// Order for labels with numbers in them: runs of ASCII digits compare by value (2号楼 before
// 10号楼, B2 before B10), the rest byte by byte.
bool natural_less(std::string_view a, std::string_view b);

// A required free text of a request: 1 to max_bytes bytes, else 400 invalid_field naming the
// field ("note must be 1-2000 bytes"). The one rule the modules' use cases share.
Result<void> require_text(const std::string& text, const char* field, std::size_t max_bytes);

// Text made safe inside HTML or XML element content and quoted attribute values: & < > " '
// become entities; everything else is kept as is (UTF-8 passes through).
std::string escape_markup(std::string_view text);

}  // namespace gz::text
