// Which database a command uses (flag, alias, DATABASE_URL, .env, default) and how connection
// failures are reported: one line, the URL redacted, the password nowhere.

#include <gtest/gtest.h>

#include "dbmig/connection.hpp"
#include "dbmig/error.hpp"
#include "sql_execution.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

ProjectConfig project_with(const TempDir& dir, const std::string& dbmig_json = "",
                           const std::string& env_file = "") {
  if (!dbmig_json.empty()) write_file(dir.path() / "dbmig.json", dbmig_json);
  if (!env_file.empty()) write_file(dir.path() / ".env", env_file);
  return load_project_config(dir.path());
}

// A URL on the configured server with another password (or port), for failure tests.
std::string with_wrong_password(const std::string& url) {
  auto colon = url.find(':', url.find("://") + 3);
  return url.substr(0, colon + 1) + "not-the-password" + url.substr(url.rfind('@'));
}

}  // namespace

TEST(ConnectionResolve, DefaultIsDbSqlite3AtTheProjectRoot) {
  TempDir dir;
  ScopedEnv no_url("DATABASE_URL", nullptr);
  DatabaseUrl url = resolve_database_url("", project_with(dir));
  EXPECT_EQ(url.dialect, Dialect::sqlite);
  EXPECT_EQ(url.database, (dir.path() / "db.sqlite3").string());
}

TEST(ConnectionResolve, FlagUrlWinsOverDatabaseUrlAndRelativeSqlitePathsAreTheProjects) {
  TempDir dir;
  ScopedEnv env_url("DATABASE_URL", "postgresql://u:p@h/envdb");
  DatabaseUrl url = resolve_database_url("sqlite:///data/app.db", project_with(dir));
  EXPECT_EQ(url.database, (dir.path() / "data/app.db").string());
}

TEST(ConnectionResolve, AliasFromDbmigJson) {
  TempDir dir;
  ScopedEnv no_url("DATABASE_URL", nullptr);
  auto config = project_with(
      dir,
      R"({"databases": {"default": "sqlite:///main.db", "reports": "mysql://r:s@db:3307/rep"}})");
  DatabaseUrl reports = resolve_database_url("reports", config);
  EXPECT_EQ(reports.dialect, Dialect::mysql);
  EXPECT_EQ(reports.port, 3307);
  EXPECT_EQ(reports.database, "rep");
  EXPECT_EQ(resolve_database_url("", config).database, (dir.path() / "main.db").string());
}

TEST(ConnectionResolve, UnknownAliasListsTheKnownOnes) {
  TempDir dir;
  auto config = project_with(dir, R"({"databases": {"default": "sqlite:///a.db"}})");
  try {
    resolve_database_url("prod", config);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("'prod'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("aliases: default"), std::string::npos) << e.what();
  }
}

TEST(ConnectionResolve, DatabaseUrlWinsOverEnvFile) {
  TempDir dir;
  ScopedEnv env_url("DATABASE_URL", "postgresql://u:p@h:5433/fromenv");
  auto config = project_with(dir, "", "DB_CONNECTION=mysql\nDB_DATABASE=fromfile\n");
  DatabaseUrl url = resolve_database_url("", config);
  EXPECT_EQ(url.dialect, Dialect::postgresql);
  EXPECT_EQ(url.database, "fromenv");
}

TEST(ConnectionResolve, EnvFileInTheLaravelConvention) {
  TempDir dir;
  ScopedEnv no_url("DATABASE_URL", nullptr);
  auto config = project_with(dir, "",
                             "# local settings\n"
                             "DB_CONNECTION=pgsql\n"
                             "export DB_HOST=db.internal\n"
                             "DB_PORT=6543\n"
                             "DB_DATABASE=shop\n"
                             "DB_USERNAME=app\n"
                             "DB_PASSWORD=\"p@ss:w/rd#1\"\n");
  DatabaseUrl url = resolve_database_url("", config);
  EXPECT_EQ(url.dialect, Dialect::postgresql);
  EXPECT_EQ(url.host, "db.internal");
  EXPECT_EQ(url.port, 6543);
  EXPECT_EQ(url.database, "shop");
  EXPECT_EQ(url.user, "app");
  EXPECT_EQ(url.password, "p@ss:w/rd#1");
  EXPECT_EQ(url.redacted(), "postgresql://app:***@db.internal:6543/shop");
}

TEST(ConnectionResolve, EnvFileSqliteDatabaseIsAPathUnderTheRoot) {
  TempDir dir;
  ScopedEnv no_url("DATABASE_URL", nullptr);
  auto config = project_with(dir, "", "DB_CONNECTION=sqlite\nDB_DATABASE=var/app.sqlite\n");
  EXPECT_EQ(resolve_database_url("", config).database, (dir.path() / "var/app.sqlite").string());
}

TEST(ConnectionOpen, ConnectsToEveryDialectAndSeesTables) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url) << to_string(dialect);
    Connection connection(parse_database_url(*url));
    EXPECT_FALSE(connection.has_table("things")) << to_string(dialect);
    connection.execute("CREATE TABLE things (id INTEGER PRIMARY KEY)");
    EXPECT_TRUE(connection.has_table("things")) << to_string(dialect);
  }
}

// Without its own strict mode, a session on a server whose global sql_mode is '' cuts values
// and turns NULLs into '' with a warning only.
TEST(ConnectionOpen, MysqlSessionIsStrictWhateverTheServersGlobalSqlMode) {
  TempDir dir;
  auto url = fresh_database_url(Dialect::mysql, dir.path());
  if (!url) GTEST_SKIP() << "no MariaDB test server";
  auto connection = with_empty_global_sql_mode(
      Dialect::mysql, [&] { return std::make_unique<Connection>(parse_database_url(*url)); });
  std::string mode;
  connection->session() << "SELECT @@SESSION.sql_mode", soci::into(mode);
  for (std::string flag : {"STRICT_ALL_TABLES", "NO_ZERO_DATE", "NO_ZERO_IN_DATE",
                           "ERROR_FOR_DIVISION_BY_ZERO", "NO_ENGINE_SUBSTITUTION"})
    EXPECT_NE(("," + mode + ",").find("," + flag + ","), std::string::npos) << mode;
  connection->execute("CREATE TABLE things (name VARCHAR(3))");
  EXPECT_THROW(connection->execute("INSERT INTO things VALUES ('four')"), DatabaseError);
}

TEST(ConnectionOpen, BadCredentialsGiveOneLineWithoutThePassword) {
  TempDir dir;
  for (Dialect dialect : test_dialects()) {
    if (dialect == Dialect::sqlite) continue;
    auto url = fresh_database_url(dialect, dir.path());
    ASSERT_TRUE(url);
    try {
      Connection connection(parse_database_url(with_wrong_password(*url)));
      FAIL() << "connected with a wrong password to " << to_string(dialect);
    } catch (const DatabaseError& e) {
      std::string message = e.what();
      EXPECT_EQ(message.find("not-the-password"), std::string::npos) << message;
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      EXPECT_NE(message.find("cannot connect to " + std::string(to_string(dialect)) + "://"),
                std::string::npos)
          << message;
      EXPECT_NE(message.find(":***@"), std::string::npos) << message;
    }
  }
}

TEST(ConnectionOpen, UnreachableServerGivesOneLineWithoutThePassword) {
  for (const char* url :
       {"postgresql://user:hunter2@127.0.0.1:1/db", "mysql://user:hunter2@127.0.0.1:1/db"}) {
    try {
      Connection connection(parse_database_url(url));
      FAIL() << "connected to " << url;
    } catch (const DatabaseError& e) {
      std::string message = e.what();
      EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
      EXPECT_EQ(message.find('\n'), std::string::npos) << message;
      EXPECT_NE(message.find("user:***@127.0.0.1:1/db"), std::string::npos) << message;
    }
  }
}

TEST(ConnectionOpen, MissingSqliteFolderIsADatabaseError) {
  TempDir dir;
  EXPECT_THROW(
      Connection(parse_database_url("sqlite:///" + (dir.path() / "no/such/dir/x.db").string())),
      DatabaseError);
}

}  // namespace dbmig::test
