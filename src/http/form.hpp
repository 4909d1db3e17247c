// Form bodies (application/x-www-form-urlencoded, the WHATWG URL standard's
// "application/x-www-form-urlencoded parser"): `name=value` pairs joined by '&', '+' for a
// space and %XX for any byte. Pairs keep their order and repeats, since what a repeated name
// means is up to the route (Open311's POST Service Request refuses most repeats and collects
// `attribute[code][]`). Stricter than browsers in one way: a malformed %-escape or a field
// that is not UTF-8 is a 400 (`invalid_form`), not silently kept. Pure functions, no I/O.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace gz::http {

using Form = std::vector<std::pair<std::string, std::string>>;

// One name or value: '+' → ' ', %XX → the byte XX; the result must be UTF-8.
Result<std::string> form_decode(std::string_view text);

// The whole body; empty pairs ("a=1&&b=2") are skipped, a name without '=' has an empty value,
// and trailing CR/LF (some clients end the body with a newline) are ignored.
Result<Form> parse_form(std::string_view body);

}  // namespace gz::http
