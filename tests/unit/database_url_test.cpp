#include "dbmig/database_url.hpp"

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

// A '/' in a password that is not written %2F used to end the host early, so the rest of the
// password showed as the port in a message, or as port and database in the redacted URL
// (found by fuzzing: tests/fuzz/corpus/database_url/regressions/).
TEST(DatabaseUrl, UnescapedSlashInThePasswordIsAnErrorWithoutThePassword) {
  for (const char* url :
       {"postgresql://alice:hunter2/x@localhost/shop", "mysql://alice:1234/hunter2@db:3306/shop",
        "mariadb://alice:/hunter2@db/shop", "postgresql://alice:a/hunter2/b@db/shop"}) {
    try {
      auto parsed = parse_database_url(url);
      FAIL() << url << " parsed, shown as " << parsed.redacted();
    } catch (const InputError& e) {
      std::string message = e.what();
      EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
      EXPECT_NE(message.find("write '/' and '@' in a user name or password as %2F and %40"),
                std::string::npos)
          << message;
    }
  }
  EXPECT_EQ(parse_database_url("postgresql://alice:hunt%2Fer%402@db/shop").password, "hunt/er@2");
}

}  // namespace dbmig
