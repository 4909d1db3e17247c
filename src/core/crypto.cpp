#include "core/crypto.hpp"

#include <argon2.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace gz::crypto {
namespace {

constexpr char kHex[] = "0123456789abcdef";

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = kHex[data[i] >> 4];
    out[2 * i + 1] = kHex[data[i] & 0xF];
  }
  return out;
}

void fill_random(unsigned char* data, std::size_t size) {
  if (RAND_bytes(data, static_cast<int>(size)) != 1) throw std::runtime_error("RAND_bytes failed");
}

// OWASP's argon2id minimum (19 MiB, t=2, p=1): strong, yet a login stays near 30 ms.
constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKiB = 19 * 1024;
constexpr uint32_t kParallelism = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("EVP_Digest failed");
  }
  return to_hex(digest, size);
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  fill_random(buffer.data(), bytes);
  return to_hex(buffer.data(), bytes);
}

std::string hash_password(std::string_view password) {
  unsigned char salt[kSaltBytes];
  fill_random(salt, sizeof salt);
  std::size_t encoded_size =
      argon2_encodedlen(kTimeCost, kMemoryKiB, kParallelism, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(encoded_size, '\0');
  int rc =
      argon2id_hash_encoded(kTimeCost, kMemoryKiB, kParallelism, password.data(), password.size(),
                            salt, sizeof salt, kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(argon2_error_message(rc));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool verify_password(std::string_view encoded, std::string_view password) {
  std::string encoded_z(encoded);
  return argon2id_verify(encoded_z.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string generate_password() {
  // No 0/O/1/l/I: the password may be read aloud or copied from paper.
  static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  constexpr std::size_t kAlphabetSize = sizeof(kAlphabet) - 1;
  std::string out;
  while (out.size() < 16) {
    unsigned char byte = 0;
    fill_random(&byte, 1);
    if (byte >= 256 - (256 % kAlphabetSize)) continue;  // reject to stay unbiased
    out.push_back(kAlphabet[byte % kAlphabetSize]);
  }
  return out;
}

}  // namespace gz::crypto
