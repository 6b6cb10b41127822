// normalized_check removes only spelling differences: the way each database prints a check
// back compares equal to the expression dbmig wrote, and a different expression stays different.
#include <gtest/gtest.h>

#include "dbmig/check_expression.hpp"

namespace dbmig::test {

struct CheckSpelling {
  std::string written;  // as the model or dbmig writes it
  std::string printed;  // as a catalog prints it back
};

TEST(CheckExpression, EachDatabasesSpellingOfTheSameExpressionIsEqual) {
  const CheckSpelling cases[] = {
      // PostgreSQL: pg_get_constraintdef
      {R"("x" BETWEEN 0 AND 4294967295)", "CHECK (((x >= 0) AND (x <= '4294967295'::bigint)))"},
      {R"("x" BETWEEN -128 AND 127)", "CHECK (((x >= '-128'::integer) AND (x <= 127)))"},
      {R"("x" >= 0)", "CHECK ((x >= 0))"},
      {"price > 0", "CHECK ((price > (0)::numeric))"},
      {"title <> ''", "CHECK ((title <> ''::text))"},
      {"title <> ''", "CHECK (((title)::text <> ''::text))"},
      {"id != 0", "CHECK ((id <> 0))"},
      {"length(title) > 0", "CHECK ((length(title) > 0))"},
      {"a > 0 AND (b > 0 OR c > 0)", "CHECK (((a > 0) AND ((b > 0) OR (c > 0))))"},
      // MariaDB: CHECK_CONSTRAINTS.CHECK_CLAUSE
      {"title <> ''", "`title` <> ''"},
      {"id>0", "`id` > 0"},
      // SQLite: the CREATE TABLE text
      {R"("x" BETWEEN 0 AND 255)", R"(("x" BETWEEN 0 AND 255))"},
      {"ID > 0", "(  id\n> 0 )"},
  };
  for (const auto& spelling : cases)
    EXPECT_EQ(normalized_check(spelling.written), normalized_check(spelling.printed))
        << spelling.written << " vs " << spelling.printed;
  EXPECT_EQ(normalized_check("CHECK (((x >= '-128'::integer) AND (x <= 127)))"),
            "x >= -128 and x <= 127");
}

TEST(CheckExpression, DifferentExpressionsStayDifferent) {
  const CheckSpelling cases[] = {
      {"price > 0", "price >= 0"},
      {R"("x" BETWEEN 0 AND 255)", "CHECK (((x >= 0) AND (x <= 256)))"},
      {"(a OR b) AND c", "a OR (b AND c)"},
      {"NOT (a AND b)", "NOT a AND b"},
      {"(a + b) * c > 0", "a + b * c > 0"},
      {"title <> 'A'", "title <> 'a'"},
      {"code <> '5'", "code <> 5"},
      {"length(title) > 0", "length title > 0"},
      {"x - 1 > 0", "x > 0"},
      {"x > 0", "x::unknown_type > 0"},
  };
  for (const auto& spelling : cases)
    EXPECT_NE(normalized_check(spelling.written), normalized_check(spelling.printed))
        << spelling.written << " vs " << spelling.printed;
}

}  // namespace dbmig::test
