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

}  // namespace dbmig
