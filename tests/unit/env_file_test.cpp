// The .env reader (lib/src/io/env_file.hpp): each form of line a .env file may hold, and the
// database URL its DB_* settings make.
#include "io/env_file.hpp"

#include <gtest/gtest.h>

#include "dbmig/error.hpp"

namespace dbmig {
namespace {

using Settings = std::map<std::string, std::string>;

struct EnvCase {
  const char* name;
  const char* text;
  Settings expected;
};

class EnvText : public testing::TestWithParam<EnvCase> {};

TEST_P(EnvText, Parses) {
  EXPECT_EQ(parse_env_text(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Lines, EnvText,
    testing::Values(EnvCase{"Plain", "A=1\nB=two", {{"A", "1"}, {"B", "two"}}},
                    EnvCase{"Blanks", "  A =  1 \t\n\n\t\n", {{"A", "1"}}},
                    EnvCase{"Comments", "# A=1\n  # B=2\nC=3", {{"C", "3"}}},
                    EnvCase{"Export", "export A=1\nexport  B = 2", {{"A", "1"}, {"B", "2"}}},
                    EnvCase{"DoubleQuotes", "A=\"x y\"", {{"A", "x y"}}},
                    EnvCase{"SingleQuotes", "A='x \"y\"'", {{"A", "x \"y\""}}},
                    EnvCase{"EqualsInValue", "A=b=c", {{"A", "b=c"}}},
                    EnvCase{"EmptyValue", "A=\nB=\"\"", {{"A", ""}, {"B", ""}}},
                    EnvCase{"LaterWins", "A=1\nA=2", {{"A", "2"}}},
                    EnvCase{"CrLf", "A=1\r\nB=2\r\n", {{"A", "1"}, {"B", "2"}}},
                    EnvCase{"Empty", "", {}}),
    [](const testing::TestParamInfo<EnvCase>& info) { return std::string(info.param.name); });

// A line dbmig cannot read is an error naming it, so a damaged file is never half read.
TEST(EnvText, ALineThatIsNotASettingIsAnErrorNamingIt) {
  const std::pair<std::string, std::string> cases[] = {
      {"A=\"x'", ".env:1: the value of A starts with a quote but does not end with it"},
      {"A=1\nB=\"", ".env:2: the value of B starts with a quote but does not end with it"},
      {"A\nB=1", ".env:1: expected KEY=VALUE"},
      {"=1", ".env:1: expected KEY=VALUE"},
      {std::string("A=1\nB=x\0y", 9), ".env:2: contains a NUL byte"},
  };
  for (const auto& [text, message] : cases) {
    try {
      parse_env_text(text);
      ADD_FAILURE() << text << ": expected an error";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()).rfind(message, 0), 0u) << e.what();
    }
  }
}

TEST(EnvUrl, WithoutDbConnectionIsNone) {
  EXPECT_FALSE(url_from_env_settings({{"DB_HOST", "db"}}).has_value());
}

TEST(EnvUrl, LaravelSettingsMakeTheUrl) {
  auto url = url_from_env_settings({{"DB_CONNECTION", "pgsql"},
                                    {"DB_HOST", "db"},
                                    {"DB_PORT", "5433"},
                                    {"DB_DATABASE", "shop"},
                                    {"DB_USERNAME", "app"},
                                    {"DB_PASSWORD", "p@ss:/word"}});
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->redacted(), "postgresql://app:***@db:5433/shop");
  EXPECT_EQ(url->password, "p@ss:/word");
}

TEST(EnvUrl, BadPortIsAnErrorWithoutThePassword) {
  try {
    url_from_env_settings({{"DB_CONNECTION", "mysql"},
                           {"DB_PORT", "x"},
                           {"DB_DATABASE", "shop"},
                           {"DB_PASSWORD", "secret-word"}});
    FAIL() << "no error";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find(".env: database URL"), std::string::npos);
    EXPECT_EQ(std::string(error.what()).find("secret-word"), std::string::npos);
  }
}

}  // namespace
}  // namespace dbmig
