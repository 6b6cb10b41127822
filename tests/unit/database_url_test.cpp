#include "dbmig/database_url.hpp"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "dbmig/error.hpp"

namespace dbmig {

TEST(DatabaseUrl, ParsesEachScheme) {
  auto sqlite = parse_database_url("sqlite:///db.sqlite3");
  EXPECT_EQ(sqlite.dialect, Dialect::sqlite);
  EXPECT_EQ(sqlite.database, "db.sqlite3");
  EXPECT_EQ(parse_database_url("sqlite:////var/lib/app.db").database, "/var/lib/app.db");

  auto pg = parse_database_url("postgresql://alice:s%40cret@db.example:6543/shop");
  EXPECT_EQ(pg.dialect, Dialect::postgresql);
  EXPECT_EQ(pg.user, "alice");
  EXPECT_EQ(pg.password, "s@cret");
  EXPECT_EQ(pg.host, "db.example");
  EXPECT_EQ(pg.port, 6543);
  EXPECT_EQ(pg.database, "shop");

  auto my = parse_database_url("mysql://root@127.0.0.1/app");
  EXPECT_EQ(my.dialect, Dialect::mysql);
  EXPECT_EQ(my.password, "");
  EXPECT_FALSE(my.port.has_value());
}

TEST(DatabaseUrl, RedactedFormNeverShowsThePassword) {
  auto url = parse_database_url("postgresql://alice:hunter2@localhost:5432/shop");
  EXPECT_EQ(url.redacted(), "postgresql://alice:***@localhost:5432/shop");
  EXPECT_NE(url.soci_connection_string().find("hunter2"), std::string::npos);
}

TEST(DatabaseUrl, MalformedUrlsAreErrorsWithoutThePassword) {
  try {
    parse_database_url("postgresql://alice:hunter2@localhost:notaport/shop");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    std::string message = e.what();
    EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
    EXPECT_NE(message.find("bad port"), std::string::npos) << message;
  }
  EXPECT_THROW(parse_database_url("oracle://x@y/z"), InputError);
  EXPECT_THROW(parse_database_url("sqlite://relative.db"), InputError);
}

// Every shape a database may be mistyped in, and what a message shows of it.
TEST(DatabaseUrl, RedactionHidesWhateverMayBeACredential) {
  const std::pair<std::string, std::string> cases[] = {
      {"postgresql://alice:pw1@h:5432/db", "postgresql://alice:***@h:5432/db"},
      {"postgresql://alice@h/db", "postgresql://alice@h/db"},
      {"postgresql//alice:pw1@h/db", "***@h/db"},
      {"postgresql:/alice:pw1@h/db", "***@h/db"},
      {"alice:pw1@h/db", "***@h/db"},
      {"postgresql://alice%3Apw1@h/db", "postgresql://***@h/db"},
      {"postgresql://alice:p%40w%3A1@h/db", "postgresql://alice:***@h/db"},
      {"postgresql://alice:p@w:1/x?y@h/db", "postgresql://alice:***@h/db"},
      {"postgresql://alice@h/db?password=pw1", "postgresql://alice@h/db?password=***"},
      {"mysql://h/db?user=alice&pwd=pw1;passwd=pw2", "mysql://h/db?user=***&pwd=***;passwd=***"},
      {"postgresql://h/db?pw1", "postgresql://h/db?***"},
      {"postgresql://h/db#pw1", "postgresql://h/db#***"},
      {"postgresql://alice:pw1/db", "postgresql://alice:***/db"},
      {"alice:pw1", "alice:***"},
      {"postgresql://[::1]:5432/db", "postgresql://[::1]:5432/db"},
      {"sqlite:///db.sqlite3", "sqlite:///db.sqlite3"},
      {"prod", "prod"},
      {"", ""},
  };
  for (const auto& [text, shown] : cases) EXPECT_EQ(redact_database_url(text), shown) << text;
}

TEST(DatabaseUrl, TheLastAtEndsTheCredentials) {
  auto url = parse_database_url("postgresql://alice:p@ss/w:rd@db:5433/shop");
  EXPECT_EQ(url.user, "alice");
  EXPECT_EQ(url.password, "p@ss/w:rd");
  EXPECT_EQ(url.host, "db");
  EXPECT_EQ(url.database, "shop");
  EXPECT_EQ(url.redacted(), "postgresql://alice:***@db:5433/shop");
  // SQLite has no credentials: an '@' is part of the path, and shown escaped.
  EXPECT_EQ(parse_database_url("sqlite:///me@home.db").database, "me@home.db");
  EXPECT_EQ(parse_database_url("sqlite:///me@home.db").redacted(), "sqlite:///me%40home.db");
}

TEST(DatabaseUrl, AUserNameThatMayHoldAPasswordIsHiddenAndASecret) {
  auto url = parse_database_url("postgresql://alice%3Apw1@db/shop");
  EXPECT_EQ(url.user, "alice:pw1");
  EXPECT_EQ(url.redacted(), "postgresql://***@db/shop");
  EXPECT_EQ(url.secrets(), std::vector<std::string>{"alice:pw1"});
  EXPECT_EQ(parse_database_url("mysql://root:pw1@db/shop").secrets(),
            std::vector<std::string>{"pw1"});
}

TEST(DatabaseUrl, QueryParametersAreRefusedWithoutTheirValues) {
  for (std::string url : {"postgresql://alice@db/shop?password=hunter2",
                          "mysql://alice@db/shop?sslmode=hunter2", "sqlite:///x.db?mode=hunter2"}) {
    try {
      parse_database_url(url);
      ADD_FAILURE() << url;
    } catch (const InputError& e) {
      std::string message = e.what();
      EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
      EXPECT_NE(message.find("query parameters (?...) are not supported"), std::string::npos)
          << message;
    }
  }
}

// A '/' in a password that is not written %2F used to end the host early, so the rest of the
// password showed as the port in a message, or as port and database in the redacted URL
// (found by fuzzing: tests/fuzz/corpus/database_url/regressions/). The last '@' ends the
// credentials, so the whole password is the password and is never shown.
TEST(DatabaseUrl, UnescapedSlashInThePasswordStaysInThePassword) {
  const std::pair<std::string, std::string> cases[] = {
      {"postgresql://alice:hunter2/x@localhost/shop", "hunter2/x"},
      {"mysql://alice:1234/hunter2@db:3306/shop", "1234/hunter2"},
      {"mariadb://alice:/hunter2@db/shop", "/hunter2"},
      {"postgresql://alice:a/hunter2/b@db/shop", "a/hunter2/b"},
  };
  for (const auto& [text, password] : cases) {
    auto parsed = parse_database_url(text);
    EXPECT_EQ(parsed.password, password) << text;
    EXPECT_EQ(parsed.database, "shop") << text;
    EXPECT_EQ(parsed.redacted().find("hunter2"), std::string::npos) << parsed.redacted();
  }
  EXPECT_EQ(parse_database_url("postgresql://alice:hunt%2Fer%402@db/shop").password, "hunt/er@2");
}

}  // namespace dbmig

namespace dbmig {

TEST(DatabaseUrl, APostgresqlSchemaIsKeptShownAndSentAsTheSearchPath) {
  auto url = parse_database_url("postgresql://alice:hunter2@db:5432/app?schema=Tenant_7");
  EXPECT_EQ(url.schema, "Tenant_7");
  EXPECT_EQ(url.database, "app");
  EXPECT_EQ(url.redacted(), "postgresql://alice:***@db:5432/app?schema=Tenant_7");
  EXPECT_EQ(url.soci_connection_string(),
            "host='db' port=5432 dbname='app' user='alice' password='hunter2' "
            "options='-csearch_path=\"Tenant_7\"'");
  EXPECT_EQ(parse_database_url("postgresql://db/app").soci_connection_string(),
            "host='db' dbname='app'");
  // Only a schema's value is shown; a value that is not a schema name is not.
  EXPECT_EQ(redact_database_url("postgresql://h/db?schema=t1&password=pw1"),
            "postgresql://h/db?schema=t1&password=***");
  EXPECT_EQ(redact_database_url("postgresql://h/db?schema=pw'1"), "postgresql://h/db?schema=***");
}

TEST(DatabaseUrl, ASchemaElsewhereOrMalformedIsRefused) {
  const std::pair<std::string, std::string> cases[] = {
      {"sqlite:///x.db?schema=t", "a SQLite database has no schemas"},
      {"mysql://root@db/shop?schema=t", "on MySQL/MariaDB a schema is a database"},
      {"postgresql://db/app?schema=", "needs a schema name"},
      {"postgresql://db/app?schema=7up", "needs a schema name"},
      {"postgresql://db/app?schema=pg_catalog", "needs a schema name"},
      {"postgresql://db/app?schema=" + std::string(64, 'a'), "needs a schema name"},
      {"postgresql://db/app?schema=a&schema=b", "query parameters (?...) are not supported"},
      {"postgresql://db/app?schema=a#b", "query parameters (?...) are not supported"},
      {"postgresql://db/app#schema=a", "query parameters (?...) are not supported"},
  };
  for (const auto& [text, why] : cases) {
    try {
      parse_database_url(text);
      ADD_FAILURE() << text;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(parse_database_url("postgresql://db/app?schema=" + std::string(63, 'a')).schema,
            std::string(63, 'a'));
}

}  // namespace dbmig
