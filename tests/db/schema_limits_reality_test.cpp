// The limits makemigrations enforces (dbmig/schema_limits.hpp) are the servers' own: for each
// rule, SQL just inside it runs and SQL just outside it fails (or, on PostgreSQL, a long name
// is silently cut so two names collide) on the real SQLite, PostgreSQL and MariaDB.
#include <gtest/gtest.h>

#include "dbmig/schema_limits.hpp"
#include "sql_execution.hpp"

namespace dbmig::test {
namespace {

namespace sl = schema_limits;

struct LimitCase {
  std::string rule;
  Dialect dialect;
  std::vector<std::string> inside;   // statements that must run
  std::vector<std::string> outside;  // statements the last of which must fail
};

std::string repeated(const std::string& text, std::size_t times) {
  std::string result;
  for (std::size_t i = 0; i < times; ++i) result += text;
  return result;
}

std::string mysql_table(const std::string& name) {
  return "CREATE TABLE `" + name + "` (id INT)";
}

std::vector<LimitCase> limit_cases() {
  const std::string longest = std::string(sl::mysql_identifier_characters, 'n');
  const std::string e_acute = "\xc3\xa9";
  std::string varchar = "VARCHAR(" + std::to_string(sl::mysql_max_varchar_length) + ")";
  std::string too_long_varchar =
      "VARCHAR(" + std::to_string(sl::mysql_max_varchar_length + 1) + ")";
  // Two VARCHARs whose key is just inside / just outside the largest InnoDB key.
  std::size_t half = sl::mysql_max_key_bytes / sl::mysql_bytes_per_character / 2;
  auto key_table = [&](std::size_t length, const std::string& name) {
    std::string column = "VARCHAR(" + std::to_string(length) + ")";
    return "CREATE TABLE " + name + " (a " + column + ", b " + column + ", INDEX (a, b))";
  };
  return {
      {"MySQL counts identifier characters",
       Dialect::mysql,
       {mysql_table(longest), mysql_table(repeated(e_acute, sl::mysql_identifier_characters))},
       {mysql_table(longest + "n")}},
      {"MySQL refuses names beyond U+FFFF",
       Dialect::mysql,
       {mysql_table("smile")},
       {mysql_table("smile\xf0\x9f\x98\x80")}},
      {"MySQL refuses names ending in a space",
       Dialect::mysql,
       {mysql_table("spaced")},
       {mysql_table("spaced ")}},
      {"MySQL ignores the case of column names",
       Dialect::mysql,
       {"CREATE TABLE columns_ok (Name INT, other INT)"},
       {"CREATE TABLE columns_bad (Name INT, name INT)"}},
      {"MySQL ignores the case of index names",
       Dialect::mysql,
       {"CREATE TABLE indexed (a INT, b INT, INDEX ab_idx (a), INDEX ab_idx2 (b))"},
       {"CREATE TABLE indexed_bad (a INT, b INT, INDEX ab_idx (a), INDEX AB_IDX (b))"}},
      {"MySQL's largest VARCHAR",
       Dialect::mysql,
       {"CREATE TABLE v_ok (a " + varchar + ")"},
       {"CREATE TABLE v_bad (a " + too_long_varchar + ")"}},
      {"MySQL's largest index key",
       Dialect::mysql,
       {key_table(half, "key_ok")},
       {key_table(half + 1, "key_bad")}},
      {"MySQL keys need a length on TEXT",
       Dialect::mysql,
       {"CREATE TABLE text_ok (a VARCHAR(20) PRIMARY KEY)"},
       {"CREATE TABLE text_bad (a LONGTEXT PRIMARY KEY)"}},
      {"MySQL's float range",
       Dialect::mysql,
       {"CREATE TABLE f_ok (a FLOAT DEFAULT 3.4028234663852886e38)"},
       {"CREATE TABLE f_bad (a FLOAT DEFAULT 3.5e38)"}},
      // PostgreSQL takes such a default when the table is created and fails each row that
      // needs it (or an AddField on a table with rows).
      {"PostgreSQL's BIGINT holds a uint64 up to INT64_MAX",
       Dialect::postgresql,
       {"CREATE TABLE big_ok (a BIGINT DEFAULT 9223372036854775807)",
        "INSERT INTO big_ok DEFAULT VALUES"},
       {"CREATE TABLE big_bad (a BIGINT DEFAULT 9223372036854775808)",
        "INSERT INTO big_bad DEFAULT VALUES"}},
      {"PostgreSQL's real range",
       Dialect::postgresql,
       {"CREATE TABLE real_ok (a REAL DEFAULT 3.4028234663852886e38)",
        "INSERT INTO real_ok DEFAULT VALUES"},
       {"CREATE TABLE real_bad (a REAL DEFAULT 3.5e38)", "INSERT INTO real_bad DEFAULT VALUES"}},
      {"PostgreSQL stores no NUL in text",
       Dialect::postgresql,
       {"CREATE TABLE nul_ok (a TEXT DEFAULT E'a\\001b')"},
       {"CREATE TABLE nul_bad (a TEXT DEFAULT E'a\\000b')"}},
      // PostgreSQL cuts a long name instead of refusing it: two names that differ past 63 bytes
      // become one.
      {"PostgreSQL cuts names at 63 bytes",
       Dialect::postgresql,
       {"CREATE TABLE \"" + std::string(sl::postgresql_identifier_bytes, 'p') + "\" (id INT)",
        "CREATE TABLE \"" + std::string(sl::postgresql_identifier_bytes - 1, 'p') + "q\" (id INT)"},
       {"CREATE TABLE \"" + std::string(sl::postgresql_identifier_bytes, 'r') + "1\" (id INT)",
        "CREATE TABLE \"" + std::string(sl::postgresql_identifier_bytes, 'r') + "2\" (id INT)"}},
      {"PostgreSQL counts bytes",
       Dialect::postgresql,
       {"CREATE TABLE \"" + repeated(e_acute, 31) + "x\" (id INT)",
        "CREATE TABLE \"" + repeated(e_acute, 31) + "y\" (id INT)"},
       {"CREATE TABLE \"" + repeated(e_acute, 32) + "x\" (id INT)",
        "CREATE TABLE \"" + repeated(e_acute, 32) + "y\" (id INT)"}},
      {"SQLite ignores the case of table names",
       Dialect::sqlite,
       {"CREATE TABLE \"blogs\" (id INT)", "CREATE TABLE \"posts\" (id INT)"},
       {"CREATE TABLE \"Blogs\" (id INT)"}},
      {"SQLite ignores the case of column names",
       Dialect::sqlite,
       {"CREATE TABLE columns_ok (\"Name\" INT, other INT)"},
       {"CREATE TABLE columns_bad (\"Name\" INT, \"name\" INT)"}},
  };
}

TEST(SchemaLimitsReality, EachLimitIsWhereTheServerDrawsIt) {
  for (const auto& limit : limit_cases()) {
    SCOPED_TRACE(limit.rule);
    TempDir dir;
    auto url = fresh_database_url(limit.dialect, dir.path());
    if (!url) continue;  // server not configured (and not required)
    Connection connection(parse_database_url(*url));
    soci::session& session = connection.session();
    for (const auto& sql : limit.inside) EXPECT_NO_THROW(session << sql) << sql;
    for (std::size_t i = 0; i + 1 < limit.outside.size(); ++i)
      EXPECT_NO_THROW(session << limit.outside[i]) << limit.outside[i];
    EXPECT_THROW(session << limit.outside.back(), soci::soci_error) << limit.outside.back();
  }
}

}  // namespace
}  // namespace dbmig::test
