#include "core/crypto.hpp"

#include <argon2.h>
#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
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

std::optional<std::vector<unsigned char>> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::vector<unsigned char> out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    int high = nibble(hex[2 * i]);
    int low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    out[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return out;
}

EVP_PKEY* as_pkey(const std::shared_ptr<void>& key) {
  return static_cast<EVP_PKEY*>(key.get());
}

std::shared_ptr<void> own_pkey(EVP_PKEY* key) {
  return std::shared_ptr<void>(
      key, [](void* pointer) { EVP_PKEY_free(static_cast<EVP_PKEY*>(pointer)); });
}

constexpr std::size_t kEd25519PublicBytes = 32;
constexpr std::size_t kEd25519SignatureBytes = 64;

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

namespace {

std::string hmac_sha256_raw(std::string_view key, std::string_view message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest,
            &size)) {
    throw std::runtime_error("HMAC failed");
  }
  return std::string(reinterpret_cast<const char*>(digest), size);
}

}  // namespace

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  auto raw = hmac_sha256_raw(key, message);
  return to_hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

std::string hmac_sha256_base64(std::string_view key, std::string_view message) {
  return base64(hmac_sha256_raw(key, message));
}

std::string base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t at) { return static_cast<unsigned char>(bytes[at]); };
  for (; i + 2 < bytes.size(); i += 3) {
    std::uint32_t n = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (i + 1 == bytes.size()) {
    std::uint32_t n = byte(i) << 16;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == bytes.size()) {
    std::uint32_t n = (byte(i) << 16) | (byte(i + 1) << 8);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += '=';
  }
  return out;
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

SigningKey SigningKey::generate() {
  EVP_PKEY* key = nullptr;
  EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
  bool ok = context != nullptr && EVP_PKEY_keygen_init(context) == 1 &&
            EVP_PKEY_keygen(context, &key) == 1;
  EVP_PKEY_CTX_free(context);
  if (!ok) throw std::runtime_error("Ed25519 key generation failed");
  return SigningKey(own_pkey(key));
}

std::optional<SigningKey> SigningKey::from_pem(std::string_view pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (bio == nullptr) return std::nullopt;
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (key == nullptr) return std::nullopt;
  if (EVP_PKEY_id(key) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(key);
    return std::nullopt;
  }
  return SigningKey(own_pkey(key));
}

std::string SigningKey::to_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr ||
      PEM_write_bio_PrivateKey(bio, as_pkey(key_), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    BIO_free(bio);
    throw std::runtime_error("cannot encode the Ed25519 key");
  }
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(size));
  BIO_free(bio);
  return out;
}

std::string SigningKey::public_key_hex() const {
  unsigned char raw[kEd25519PublicBytes];
  std::size_t size = sizeof raw;
  if (EVP_PKEY_get_raw_public_key(as_pkey(key_), raw, &size) != 1 || size != sizeof raw) {
    throw std::runtime_error("cannot read the Ed25519 public key");
  }
  return to_hex(raw, size);
}

std::string SigningKey::sign_hex(std::string_view message) const {
  unsigned char signature[kEd25519SignatureBytes];
  std::size_t size = sizeof signature;
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  // Ed25519 hashes the message itself: no digest is named, and signing is one shot.
  bool ok =
      context != nullptr &&
      EVP_DigestSignInit(context, nullptr, nullptr, nullptr, as_pkey(key_)) == 1 &&
      EVP_DigestSign(context, signature, &size,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  EVP_MD_CTX_free(context);
  if (!ok || size != sizeof signature) throw std::runtime_error("Ed25519 signing failed");
  return to_hex(signature, size);
}

bool verify_ed25519(std::string_view public_key_hex, std::string_view message,
                    std::string_view signature_hex) {
  auto public_key = from_hex(public_key_hex);
  auto signature = from_hex(signature_hex);
  if (!public_key || public_key->size() != kEd25519PublicBytes || !signature ||
      signature->size() != kEd25519SignatureBytes) {
    return false;
  }
  EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, public_key->data(),
                                              public_key->size());
  if (key == nullptr) return false;
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  bool ok =
      context != nullptr && EVP_DigestVerifyInit(context, nullptr, nullptr, nullptr, key) == 1 &&
      EVP_DigestVerify(context, signature->data(), signature->size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  EVP_MD_CTX_free(context);
  EVP_PKEY_free(key);
  return ok;
}

SigningKey load_or_create_key_file(const std::string& path, bool* created) {
  if (created) *created = false;
  // O_EXCL: of two processes creating the file at once, one writes it and the other reads it.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    SigningKey key = SigningKey::generate();
    std::string pem = key.to_pem();
    std::size_t written = 0;
    while (written < pem.size()) {
      ssize_t n = ::write(fd, pem.data() + written, pem.size() - written);
      if (n <= 0) {
        ::close(fd);
        ::unlink(path.c_str());
        throw std::runtime_error("cannot write the key file " + path + ": " + std::strerror(errno));
      }
      written += static_cast<std::size_t>(n);
    }
    bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) {
      ::unlink(path.c_str());
      throw std::runtime_error("cannot write the key file " + path + ": " + std::strerror(errno));
    }
    if (created) *created = true;
    return key;
  }
  if (errno != EEXIST) {
    throw std::runtime_error("cannot create the key file " + path + ": " + std::strerror(errno));
  }
  // Another process may have created it a moment ago and still be writing it.
  for (int attempt = 0;; ++attempt) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read the key file " + path);
    std::stringstream buffer;
    buffer << file.rdbuf();
    if (auto key = SigningKey::from_pem(buffer.str())) return *key;
    if (attempt == 20) {
      throw std::runtime_error("the key file " + path + " holds no Ed25519 private key (PEM)");
    }
    ::usleep(50 * 1000);
  }
}

bool readable_by_others(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return false;
  return (status.st_mode & (S_IRWXG | S_IRWXO)) != 0;
}

}  // namespace gz::crypto
