// The database limits as pure rules: each named rule on the values just inside and just
// outside what SQLite, PostgreSQL and MySQL accept.
#include "dbmig/schema_limits.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace dbmig::schema_limits {
namespace {

std::string repeated(const std::string& text, std::size_t times) {
  std::string result;
  for (std::size_t i = 0; i < times; ++i) result += text;
  return result;
}

TEST(SchemaLimits, PostgresCountsBytes) {
  EXPECT_EQ(postgresql_identifier_problem(std::string(63, 'a')), "");
  EXPECT_NE(postgresql_identifier_problem(std::string(64, 'a')), "");
  EXPECT_NE(postgresql_identifier_problem(repeated("\xc3\xa9", 32)), "");  // 64 bytes
}

TEST(SchemaLimits, MysqlCountsCharacters) {
  EXPECT_EQ(mysql_identifier_problem(repeated("\xc3\xa9", 33)), "");  // 33 characters, 66 bytes
  EXPECT_EQ(mysql_identifier_problem(repeated("\xc3\xa9", 64)), "");
  EXPECT_NE(mysql_identifier_problem(repeated("\xc3\xa9", 65)), "");
  EXPECT_NE(mysql_identifier_problem("name "), "");
  EXPECT_NE(mysql_identifier_problem("smile\xf0\x9f\x98\x80"), "");
  EXPECT_EQ(mysql_identifier_problem("\xe2\x82\xac"), "");  // U+20AC is fine
}

TEST(SchemaLimits, AnIdentifierMeetsEveryDatabase) {
  EXPECT_EQ(identifier_problem("blog_post"), "");
  EXPECT_EQ(identifier_problem(repeated("\xc3\xa9", 31)), "");  // 62 bytes
  EXPECT_NE(identifier_problem(repeated("\xc3\xa9", 33)), "");  // MySQL yes, PostgreSQL no
  EXPECT_NE(identifier_problem(""), "");
  EXPECT_NE(identifier_problem("blog\xff"), "");
  EXPECT_NE(identifier_problem(std::string("a\0b", 3)), "");
}

TEST(SchemaLimits, TextMustBeUtf8WithoutNul) {
  EXPECT_EQ(text_problem("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), "");
  for (std::string bad :
       {"caf\xe9", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82", "\x80"})
    EXPECT_NE(text_problem(bad), "") << bad;
  EXPECT_NE(text_problem(std::string("a\0b", 3)), "");
}

TEST(SchemaLimits, CaseFoldingIsAscii) {
  EXPECT_EQ(case_folded("Blogs"), "blogs");
  EXPECT_EQ(case_folded("\xc3\x89t\xc3\xa9"), "\xc3\x89t\xc3\xa9");
}

Field field_of(FieldType type, std::optional<Literal> value = std::nullopt) {
  Field field;
  field.name = "f";
  field.type = type;
  field.default_value = std::move(value);
  return field;
}

TEST(SchemaLimits, DefaultsEveryDatabaseStores) {
  constexpr auto big = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(default_problem(field_of(FieldType::uint64, Literal{big})), "");
  EXPECT_NE(default_problem(field_of(FieldType::uint64, Literal{big + 1})), "");
  EXPECT_EQ(default_problem(field_of(FieldType::float64, Literal{1e308})), "");
  EXPECT_NE(default_problem(field_of(FieldType::float64, Literal{INFINITY})), "");
  EXPECT_NE(default_problem(field_of(FieldType::float64, Literal{-INFINITY})), "");
  EXPECT_NE(default_problem(field_of(FieldType::decimal, Literal{NAN})), "");
  EXPECT_EQ(default_problem(field_of(FieldType::float32, Literal{3.4028234663852886e38})), "");
  EXPECT_NE(default_problem(field_of(FieldType::float32, Literal{3.5e38})), "");
  EXPECT_NE(default_problem(field_of(FieldType::string, Literal{std::string("\xff")})), "");
  EXPECT_EQ(default_problem(field_of(FieldType::string, Literal{std::string("ok")})), "");
}

Field decimal(int precision, int scale) {
  Field field = field_of(FieldType::decimal);
  field.precision = precision;
  field.scale = scale;
  return field;
}

// A value a column holds as it is, just inside and just outside each type's limit: the
// databases refuse the others, or (a decimal's extra fractional digits) round them silently.
TEST(SchemaLimits, ValuesTheColumnHoldsAsTheyAre) {
  struct Case {
    Field field;
    Literal value;
    std::string problem;  // empty: held as it is
  };
  Field varchar = field_of(FieldType::string);
  varchar.max_length = 3;
  const std::vector<Case> cases = {
      {field_of(FieldType::int8), Literal{std::int64_t{127}}, ""},
      {field_of(FieldType::int8), Literal{std::int64_t{128}},
       "128 is outside the range of a int8 column; use a value from -128 to 127, or a "
       "wider type"},
      {field_of(FieldType::int8), Literal{std::int64_t{-129}},
       "-129 is outside the range of a int8 column; use a value from -128 to 127, or a "
       "wider type"},
      {field_of(FieldType::uint8), Literal{std::int64_t{-1}},
       "-1 is outside the range of a uint8 column; use a value from 0 to 255, or a wider "
       "type"},
      {field_of(FieldType::uint16), Literal{std::uint64_t{65536}},
       "65536 is outside the range of a uint16 column; use a value from 0 to 65535, or a "
       "wider type"},
      {field_of(FieldType::int32), Literal{std::int64_t{2147483647}}, ""},
      {field_of(FieldType::uint64), Literal{std::uint64_t{9223372036854775807u}}, ""},
      {field_of(FieldType::uint64), Literal{std::uint64_t{9223372036854775808u}},
       "9223372036854775808 is above 9223372036854775807, the largest value PostgreSQL's BIGINT "
       "(the uint64 column "
       "there) holds; use a smaller value"},
      {varchar, Literal{std::string("abc")}, ""},
      {varchar, Literal{std::string("\u00e9\u00e9\u00e9")}, ""},  // characters, not bytes
      {varchar, Literal{std::string("abcd")},
       "\"abcd\" is 4 characters long, more than max_length 3; use a shorter value or a larger "
       "max_length"},
      {field_of(FieldType::string), Literal{std::string(100000, 'x')}, ""},  // TEXT
      {decimal(4, 2), Literal{12.5}, ""},
      {decimal(4, 2), Literal{-99.99}, ""},
      {decimal(4, 2), Literal{std::int64_t{99}}, ""},
      {decimal(4, 2), Literal{std::string("12.50")}, ""},
      {decimal(4, 2), Literal{std::string("007.10")}, ""},
      {decimal(4, 2), Literal{1.234},
       "1.234 has 3 digit(s) after the point, but a decimal(4, 2) column keeps 2 (the databases "
       "would round it); write at most 2 or use a larger scale"},
      {decimal(4, 2), Literal{std::string("1.235")},
       "\"1.235\" has 3 digit(s) after the point, but a decimal(4, 2) column keeps 2 (the "
       "databases "
       "would round it); write at most 2 or use a larger scale"},
      {decimal(4, 2), Literal{100.0},
       "100 has 3 digit(s) before the point, but a decimal(4, 2) column holds 2; use a smaller "
       "value or a larger precision"},
      {decimal(1, 1), Literal{std::int64_t{1}},
       "1 has 1 digit(s) before the point, but a decimal(1, 1) column holds 0; use a smaller "
       "value or a larger precision"},
      {decimal(1, 1), Literal{0.5}, ""},
      {decimal(10, 0), Literal{std::uint64_t{9999999999u}}, ""},
      {decimal(4, 2), Literal{std::string("1,5")},
       "\"1,5\" is not a decimal number; write it like \"12.50\""},
      {decimal(4, 2), Literal{std::string("")},
       "\"\" is not a decimal number; write it like \"12.50\""},
  };
  for (const auto& [field, value, problem] : cases) {
    SCOPED_TRACE(testing::PrintToString(value.index()) + " " + std::string(to_string(field.type)));
    EXPECT_EQ(value_problem(field, value), problem);
    Field with_default = field;
    with_default.default_value = value;
    EXPECT_EQ(default_problem(with_default), problem.empty() ? "" : "default " + problem);
  }
}

TEST(SchemaLimits, ColumnTypesMysqlCreates) {
  Field text = field_of(FieldType::string);
  text.max_length = mysql_max_varchar_length;
  EXPECT_EQ(column_type_problem(text), "");
  text.max_length = mysql_max_varchar_length + 1;
  EXPECT_NE(column_type_problem(text), "");
  Field decimal = field_of(FieldType::decimal);
  decimal.precision = 65;
  decimal.scale = 30;
  EXPECT_EQ(column_type_problem(decimal), "");
  decimal.scale = 31;
  EXPECT_NE(column_type_problem(decimal), "");
}

TEST(SchemaLimits, MysqlIndexesNeedBoundedColumnsWithinTheKeyLength) {
  Field text = field_of(FieldType::string);
  Field bytes = field_of(FieldType::bytes);
  Field number = field_of(FieldType::int64);
  EXPECT_NE(mysql_index_problem({&text}), "");
  EXPECT_NE(mysql_index_problem({&number, &bytes}), "");
  text.max_length = 768;  // 3072 bytes
  EXPECT_EQ(mysql_index_problem({&text}), "");
  EXPECT_NE(mysql_index_problem({&text, &number}), "");
  text.max_length = 200;
  EXPECT_EQ(mysql_index_problem({&text, &number}), "");
}

TEST(SchemaLimits, CheckExpressionsAreNotEmpty) {
  Model model;
  EXPECT_EQ(check_expression_problem(model, "price >= 0"), "");
  EXPECT_NE(check_expression_problem(model, ""), "");
  EXPECT_NE(check_expression_problem(model, " \n"), "");
}

// MySQL and MariaDB refuse a CHECK over an AUTO_INCREMENT column, however it is spelled.
TEST(SchemaLimits, ChecksStayOffTheAutoIncrementColumn) {
  Model model;
  Field id;
  id.name = "id";
  id.column = "Key";
  id.primary_key = id.auto_increment = true;
  Field price;
  price.name = "price";
  model.fields = {id, price};
  for (const char* expression : {"key > 0", "\"Key\" <> 0", "(`KEY` BETWEEN 1 AND 9)"})
    EXPECT_NE(check_expression_problem(model, expression), "") << expression;
  for (const char* expression : {"price > 0", "id > 0", "price > key_count"})
    EXPECT_EQ(check_expression_problem(model, expression), "") << expression;
}

}  // namespace
}  // namespace dbmig::schema_limits
