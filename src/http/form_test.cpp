// Form bodies as Open311 clients send them: escapes, '+', repeats and order kept, and a 400
// for what cannot be decoded.
#include "http/form.hpp"

#include <gtest/gtest.h>

namespace gz::http {
namespace {

TEST(Form, plus_is_a_space_and_escapes_are_bytes_of_utf8) {
  auto decoded = form_decode("a+b%20c%2B%e7%94%b5%E6%A2%AF");
  ASSERT_TRUE(decoded) << decoded.error().message;
  EXPECT_EQ(*decoded, "a b c+电梯");
}

TEST(Form, pairs_keep_their_order_and_repeats_and_skip_empty_ones) {
  auto form =
      parse_form("service_code=elevator&&attribute[x][]=a&attribute%5Bx%5D%5B%5D=b&flag\r\n");
  ASSERT_TRUE(form) << form.error().message;
  const Form expected = {
      {"service_code", "elevator"}, {"attribute[x][]", "a"}, {"attribute[x][]", "b"}, {"flag", ""}};
  EXPECT_EQ(*form, expected);
  EXPECT_TRUE(parse_form("")->empty());
  EXPECT_EQ(*parse_form("a=1=2"), (Form{{"a", "1=2"}}));
}

TEST(Form, a_malformed_escape_or_bytes_that_are_not_utf8_are_a_bad_request) {
  for (const char* body : {"a=%", "a=%4", "a=%zz", "a%G1=1", "a=%ff%fe", "a=%e7%94"}) {
    auto form = parse_form(body);
    ASSERT_FALSE(form) << body;
    EXPECT_EQ(form.error().kind, ErrorKind::bad_request) << body;
    EXPECT_EQ(form.error().code, "invalid_form") << body;
  }
}

}  // namespace
}  // namespace gz::http
