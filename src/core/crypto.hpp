// Hashing and randomness: SHA-256 (OpenSSL) for the audit chain and token storage,
// a CSPRNG for tokens, argon2id for passwords, and Ed25519 signatures (OpenSSL EVP) for the
// audit chain's checkpoints.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gz::crypto {

std::string sha256_hex(std::string_view data);
// HMAC-SHA256 of the message under the key: hex (64 characters) and standard Base64 (with
// padding), as webhook and robot signatures are written.
std::string hmac_sha256_hex(std::string_view key, std::string_view message);
std::string hmac_sha256_base64(std::string_view key, std::string_view message);
// Standard Base64 with padding.
std::string base64(std::string_view bytes);
// Random bytes from the OS CSPRNG, hex-encoded (2 chars per byte).
std::string random_hex(std::size_t bytes);
// Password hashing with argon2id; the encoded form carries salt and parameters.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded, std::string_view password);
// Generated password for `gongzhi user add` without --password-stdin: readable, 16 chars.
std::string generate_password();

// An Ed25519 private key. Copies share the key; it is never written anywhere but the key file.
class SigningKey {
 public:
  static SigningKey generate();
  // A PKCS#8 PEM private key ("-----BEGIN PRIVATE KEY-----"); nothing when it is not an
  // Ed25519 key.
  static std::optional<SigningKey> from_pem(std::string_view pem);
  std::string to_pem() const;
  // The raw 32-byte public key, hex-encoded (64 characters).
  std::string public_key_hex() const;
  // The 64-byte signature of the message, hex-encoded (128 characters).
  std::string sign_hex(std::string_view message) const;

 private:
  explicit SigningKey(std::shared_ptr<void> key) : key_(std::move(key)) {}
  std::shared_ptr<void> key_;  // EVP_PKEY, freed by its deleter
};

// Whether the hex signature is the Ed25519 signature of the message under the hex public key;
// false for malformed hex or lengths as well.
bool verify_ed25519(std::string_view public_key_hex, std::string_view message,
                    std::string_view signature_hex);

// The key in the file, or a new one written there (mode 0600, created exclusively, so two
// servers starting together end up with one key) when the file does not exist. Throws
// std::runtime_error when the file cannot be read, written or parsed. `created` tells which.
SigningKey load_or_create_key_file(const std::string& path, bool* created = nullptr);
// Whether group or others may read the file (a key file should be 0600).
bool readable_by_others(const std::string& path);

}  // namespace gz::crypto
