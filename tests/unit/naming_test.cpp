#include "dbmig/naming.hpp"

#include <gtest/gtest.h>

namespace dbmig {

TEST(Naming, SnakeCaseKeepsWordBreaksAndDigits) {
  EXPECT_EQ(snake_case("OrderItem"), "order_item");
  EXPECT_EQ(snake_case("Order12"), "order12");
  EXPECT_EQ(snake_case("HTTPServer"), "http_server");
  EXPECT_EQ(snake_case("User"), "user");
}

TEST(Naming, DefaultTableNameIsAppAndSnakeCaseModel) {
  EXPECT_EQ(default_table_name("shop", "OrderItem"), "shop_order_item");
}

TEST(Naming, LongConstraintNamesAreShortenedDeterministically) {
  std::string table(80, 't');
  std::string name = constraint_name(table, {"a", "b"}, "idx");
  EXPECT_EQ(name.size(), max_identifier_length);
  EXPECT_EQ(name, constraint_name(table, {"a", "b"}, "idx"));
  EXPECT_NE(name, constraint_name(table, {"a", "c"}, "idx"));
  EXPECT_TRUE(name.ends_with("_idx"));
  EXPECT_EQ(constraint_name("blog", {"user_id"}, "idx"), "blog_user_id_idx");
}

TEST(Naming, LongDefaultTableNamesAreShortenedDeterministically) {
  std::string model = "A" + std::string(70, 'b');
  std::string table = default_table_name("shop", model);
  EXPECT_EQ(table.size(), max_identifier_length);
  EXPECT_TRUE(table.starts_with("shop_abbb"));
  EXPECT_EQ(table, default_table_name("shop", model));
  EXPECT_NE(table, default_table_name("shop", model + "c"));
  EXPECT_EQ(default_table_name("shop", std::string(58, 'b')), "shop_" + std::string(58, 'b'));
}

// A cut never splits a UTF-8 character, so a shortened name stays valid UTF-8.
TEST(Naming, ShorteningCutsAtCharacterBoundaries) {
  std::string table;
  for (int i = 0; i < 40; ++i) table += "\xc3\xa9";
  for (const std::string& name :
       {constraint_name(table, {"a"}, "idx"), distinct_constraint_name(table, {"a"}, "idx", "x")}) {
    EXPECT_LE(name.size(), max_identifier_length);
    std::size_t prefix = name.find('_');
    ASSERT_NE(prefix, std::string::npos);
    EXPECT_EQ(prefix % 2, 0u) << name;
  }
  EXPECT_EQ(utf8_prefix("\xc3\xa9\xc3\xa9", 3), "\xc3\xa9");
  EXPECT_EQ(utf8_prefix("abc", 5), "abc");
}

TEST(Naming, DistinctNamesDifferByWhatTheObjectEnforces) {
  std::string first = distinct_constraint_name("blogs", {"level"}, "check", "level < 10");
  std::string second = distinct_constraint_name("blogs", {"level"}, "check", "level > 2");
  EXPECT_NE(first, second);
  EXPECT_NE(first, constraint_name("blogs", {"level"}, "check"));
  EXPECT_TRUE(first.starts_with("blogs_level_"));
  EXPECT_TRUE(first.ends_with("_check"));
  std::string long_table(80, 't');
  EXPECT_EQ(distinct_constraint_name(long_table, {"a"}, "idx", "x").size(), max_identifier_length);
}

}  // namespace dbmig
