#include "core/crypto.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <fstream>

namespace gz::crypto {
namespace {

// RFC 8032, section 7.1, TEST 1: the secret key as a PKCS#8 PEM file, its public key, and the
// signature of the empty message. Checkpoints are plain Ed25519, so any tool can check them.
constexpr const char* kRfcPem =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
    "-----END PRIVATE KEY-----\n";
constexpr const char* kRfcPublic =
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
constexpr const char* kRfcSignature =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9"
    "b46bd25bf5f0595bbe24655141438e7a100b";

TEST(Ed25519, signs_as_rfc_8032_test_1) {
  auto key = SigningKey::from_pem(kRfcPem);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->public_key_hex(), kRfcPublic);
  EXPECT_EQ(key->sign_hex(""), kRfcSignature);
  EXPECT_TRUE(verify_ed25519(kRfcPublic, "", kRfcSignature));
}

TEST(Ed25519, a_signature_fails_for_another_message_or_key) {
  auto key = SigningKey::generate();
  auto other = SigningKey::generate();
  std::string signature = key.sign_hex("seq 5");
  EXPECT_TRUE(verify_ed25519(key.public_key_hex(), "seq 5", signature));
  EXPECT_FALSE(verify_ed25519(key.public_key_hex(), "seq 6", signature));
  EXPECT_FALSE(verify_ed25519(other.public_key_hex(), "seq 5", signature));
  std::string flipped = signature;
  flipped[10] = flipped[10] == '0' ? '1' : '0';
  EXPECT_FALSE(verify_ed25519(key.public_key_hex(), "seq 5", flipped));
}

TEST(Ed25519, malformed_hex_is_a_failed_check_not_a_crash) {
  auto key = SigningKey::generate();
  std::string signature = key.sign_hex("m");
  EXPECT_FALSE(verify_ed25519("zz", "m", signature));
  EXPECT_FALSE(verify_ed25519(key.public_key_hex(), "m", signature.substr(1)));
  EXPECT_FALSE(verify_ed25519(key.public_key_hex() + "00", "m", signature));
  EXPECT_FALSE(verify_ed25519("", "m", ""));
}

TEST(Ed25519, a_pem_round_trip_keeps_the_key) {
  auto key = SigningKey::generate();
  auto again = SigningKey::from_pem(key.to_pem());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->public_key_hex(), key.public_key_hex());
  EXPECT_FALSE(SigningKey::from_pem("not a key").has_value());
}

TEST(KeyFile, is_created_once_with_mode_0600_and_read_back) {
  std::string path = ::testing::TempDir() + "gz_key_" + random_hex(8) + ".pem";
  bool created = false;
  auto first = load_or_create_key_file(path, &created);
  EXPECT_TRUE(created);
  struct stat status {};
  ASSERT_EQ(::stat(path.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600);
  EXPECT_FALSE(readable_by_others(path));
  auto second = load_or_create_key_file(path, &created);
  EXPECT_FALSE(created);
  EXPECT_EQ(second.public_key_hex(), first.public_key_hex());
  std::remove(path.c_str());
}

TEST(KeyFile, a_file_without_a_key_is_an_error) {
  std::string path = ::testing::TempDir() + "gz_key_" + random_hex(8) + ".pem";
  std::ofstream(path) << "hello";
  EXPECT_THROW(load_or_create_key_file(path), std::runtime_error);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace gz::crypto

TEST(Hmac, sha256_matches_rfc_4231_test_case_2) {
  EXPECT_EQ(gz::crypto::hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(gz::crypto::hmac_sha256_base64("Jefe", "what do ya want for nothing?"),
            "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
}

TEST(Base64, encodes_as_rfc_4648_test_vectors) {
  EXPECT_EQ(gz::crypto::base64(""), "");
  EXPECT_EQ(gz::crypto::base64("f"), "Zg==");
  EXPECT_EQ(gz::crypto::base64("fo"), "Zm8=");
  EXPECT_EQ(gz::crypto::base64("foo"), "Zm9v");
  EXPECT_EQ(gz::crypto::base64("foob"), "Zm9vYg==");
  EXPECT_EQ(gz::crypto::base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(gz::crypto::base64("foobar"), "Zm9vYmFy");
}
