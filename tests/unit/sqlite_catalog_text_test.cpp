// The text SQLite's catalog reader parses itself (lib/src/db/backends/sqlite/): the CHECK
// constraints of a CREATE TABLE and the field type of a declared column type. The reader on
// real databases is tests/db/live_schema_sqlite_test.cpp.
#include <gtest/gtest.h>

#include "db/backends/sqlite/sqlite_declared_type.hpp"
#include "db/backends/sqlite/sqlite_table_sql.hpp"

namespace dbmig::backends {

namespace {

std::vector<std::pair<std::string, std::string>> checks_of(const std::string& sql) {
  std::vector<std::pair<std::string, std::string>> checks;
  for (const auto& check : parse_table_sql(sql).checks)
    checks.emplace_back(check.name, check.expression);
  return checks;
}

}  // namespace

TEST(SqliteTableSql, ChecksWithTheirNamesAsWritten) {
  using Checks = std::vector<std::pair<std::string, std::string>>;
  struct Case {
    std::string sql;
    Checks checks;
  };
  const std::vector<Case> cases{
      {R"(CREATE TABLE "t" ("x" INTEGER NOT NULL CONSTRAINT "t_x_check" CHECK ("x" BETWEEN 0 AND 255)))",
       {{"t_x_check", R"("x" BETWEEN 0 AND 255)"}}},
      {"CREATE TABLE t (x, CHECK (x > 0), CONSTRAINT [a b] CHECK ((x) < 10), "
       "CONSTRAINT `c` CHECK(x <> 5), CONSTRAINT d UNIQUE (x), CONSTRAINT \"e\"\"f\" CHECK (1))",
       {{"", "x > 0"}, {"a b", "(x) < 10"}, {"c", "x <> 5"}, {"e\"f", "1"}}},
      {"CREATE TABLE t (x TEXT DEFAULT 'CHECK (x)', \"CHECK\" INTEGER, -- CHECK (y)\n"
       "/* CHECK (z) */ y CHECK (y IN ('a)', 'b')))",
       {{"", "y IN ('a)', 'b')"}}},
      {"CREATE TABLE t (x INTEGER PRIMARY KEY)", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(checks_of(c.sql), c.checks) << c.sql;
}

TEST(SqliteTableSql, WithoutRowidAfterTheColumns) {
  EXPECT_TRUE(
      parse_table_sql("CREATE TABLE t (x INTEGER PRIMARY KEY) without  rowid").without_rowid);
  EXPECT_TRUE(parse_table_sql("CREATE TABLE t (x INTEGER PRIMARY KEY) STRICT, WITHOUT ROWID")
                  .without_rowid);
  EXPECT_FALSE(parse_table_sql("CREATE TABLE t (x INTEGER PRIMARY KEY, \"WITHOUT ROWID\" TEXT)")
                   .without_rowid);
}

TEST(SqliteDeclaredType, DbmigSpellingsExactlyOthersByAffinityWithANote) {
  struct Case {
    std::string declared;
    std::string type;  // describe_type, "" when none
    std::string note;
  };
  const std::vector<Case> cases{
      {"BOOLEAN", "bool", ""},
      {"INTEGER", "int64", ""},
      {"integer", "int64", ""},
      {"FLOAT", "float", ""},
      {"REAL", "double", ""},
      {"TEXT", "string", ""},
      {"VARCHAR(200)", "string(200)", ""},
      {"varchar( 5 )", "string(5)", ""},
      {"BLOB", "bytes", ""},
      {"DATETIME", "timestamp", ""},
      {"DATE", "date", ""},
      {"DECIMAL(12, 2)", "decimal(12, 2)", ""},
      {"DECIMAL(12,2)", "decimal(12, 2)", ""},
      {"INT", "int64", "declared INT, read as int64"},
      {"TINYINT", "int64", "declared TINYINT, read as int64"},
      {"UNSIGNED BIG INT", "int64", "declared UNSIGNED BIG INT, read as int64"},
      {"NVARCHAR(20)", "string(20)", "declared NVARCHAR(20), read as string(20)"},
      {"CHARACTER VARYING", "string", "declared CHARACTER VARYING, read as string"},
      {"CLOB", "string", "declared CLOB, read as string"},
      {"LONGBLOB", "bytes", "declared LONGBLOB, read as bytes"},
      {"DOUBLE PRECISION", "double", "declared DOUBLE PRECISION, read as double"},
      {"FLOAT8", "double", "declared FLOAT8, read as double"},
      {"NUMERIC(10, 3)", "decimal(10, 3)", "declared NUMERIC(10, 3), read as decimal(10, 3)"},
      {"DECIMAL(7)", "decimal(7, 0)", "declared DECIMAL(7), read as decimal(7, 0)"},
      {"BOOL", "bool", "declared BOOL, read as bool"},
      {"TIMESTAMP", "timestamp", "declared TIMESTAMP, read as timestamp"},
      {"NUMERIC", "", "type NUMERIC: no dbmig field type; left out"},
      {"JSON", "", "type JSON: no dbmig field type; left out"},
      {"", "", "no declared type: no dbmig field type; left out"},
  };
  for (const auto& c : cases) {
    DeclaredType declared = read_declared_type(c.declared);
    EXPECT_EQ(declared.field ? describe_type(*declared.field) : "", c.type) << c.declared;
    EXPECT_EQ(declared.note, c.note) << c.declared;
  }
  EXPECT_TRUE(is_rowid_alias_type("integer"));
  EXPECT_FALSE(is_rowid_alias_type("INT"));
}

}  // namespace dbmig::backends
