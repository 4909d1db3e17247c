// Hashing and randomness: SHA-256 (OpenSSL) for the audit chain and token storage,
// a CSPRNG for tokens, and argon2id for passwords.
#pragma once

#include <string>
#include <string_view>

namespace gz::crypto {

std::string sha256_hex(std::string_view data);
// Random bytes from the OS CSPRNG, hex-encoded (2 chars per byte).
std::string random_hex(std::size_t bytes);
// Password hashing with argon2id; the encoded form carries salt and parameters.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded, std::string_view password);
// Generated password for `gongzhi user add` without --password-stdin: readable, 16 chars.
std::string generate_password();

}  // namespace gz::crypto
