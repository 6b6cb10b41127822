// Bad-input corpus: the command line itself: unknown commands, values out of range, options
// given twice or empty, mistyped database URLs and aliases. Each is refused before anything is
// read or written, naming the option and what it accepts.
#include <string>

#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

const std::string kCommands =
    "commands: makemigrations, squashmigrations, migrate, rollback, sqlmigrate, "
    "showmigrations, inspectmodels, inspectdb, state";

std::vector<BadInputCase> command_cases() {
  return {
      {"UnknownCommand", {}, {"foo"}, 2, "unknown command 'foo'; " + kCommands},
      {"MisspeltCommand", {}, {"migrat"}, 2, "unknown command 'migrat'; " + kCommands},
      {"UnknownCommandAfterGlobalFlags",
       {},
       {"-v", "2", "--database", "sqlite:///x.db", "compactmigrations"},
       2,
       "unknown command 'compactmigrations'"},
      {"NoCommand", {}, {}, 2, "no command given; " + kCommands},
      {"OnlyGlobalFlags", {}, {"--project", "."}, 2, "no command given; " + kCommands},
      {"UnknownFlag",
       {},
       {"migrate", "--no-such-flag"},
       2,
       "The following argument was not expected: --no-such-flag"},
      {"FormatNotAChoice", {}, {"showmigrations", "--format", "xml"}, 2, "--format"},
      {"DialectNotAChoice",
       {},
       {"sqlmigrate", "blog", "0001", "--dialect", "oracle"},
       2,
       "--dialect"},
  };
}

std::vector<BadInputCase> range_cases() {
  const std::string step = "--step: must be a whole number of at least 1, not ";
  const std::string seconds = "--lock-timeout: must be a number of seconds from 0 to 86400, not ";
  const std::string verbosity = "--verbosity: must be a whole number from 0 to 3, not ";
  return {
      {"StepZero", {}, {"rollback", "--step", "0"}, 2, step + "'0'"},
      {"StepNegative", {}, {"rollback", "--step", "-1"}, 2, step + "'-1'"},
      {"StepNotANumber", {}, {"rollback", "--step", "abc"}, 2, step + "'abc'"},
      {"StepFraction", {}, {"rollback", "--step", "1.5"}, 2, step + "'1.5'"},
      {"StepBeyondInt", {}, {"rollback", "--step", "99999999999"}, 2, step + "'99999999999'"},
      {"StepEmpty", {}, {"rollback", "--step", ""}, 2, step + "''"},
      {"LockTimeoutNegative", {}, {"migrate", "--lock-timeout", "-5"}, 2, seconds + "'-5'"},
      {"LockTimeoutNotANumber", {}, {"migrate", "--lock-timeout", "abc"}, 2, seconds + "'abc'"},
      {"LockTimeoutHuge", {}, {"migrate", "--lock-timeout", "1e400"}, 2, seconds + "'1e400'"},
      {"LockTimeoutNaN", {}, {"migrate", "--lock-timeout", "nan"}, 2, seconds + "'nan'"},
      {"LockTimeoutMoreThanADay",
       {},
       {"migrate", "--lock-timeout", "86401"},
       2,
       seconds + "'86401'"},
      {"LockTimeoutRollback", {}, {"rollback", "--lock-timeout", "-0.5"}, 2, seconds + "'-0.5'"},
      {"VerbosityTooHigh", {}, {"-v", "9", "migrate"}, 2, verbosity + "'9'"},
      {"VerbosityNotANumber", {}, {"migrate", "--verbosity", "loud"}, 2, verbosity + "'loud'"},
  };
}

std::vector<BadInputCase> repeated_cases() {
  auto twice = [](const std::string& option) {
    return option + " was given 2 times; give it once";
  };
  return {
      {"DatabaseTwice",
       {},
       {"--database", "sqlite:///a.db", "--database", "sqlite:///b.db", "rollback"},
       2,
       twice("--database")},
      {"DatabaseBeforeAndAfterCommand",
       {},
       {"--database", "sqlite:///a.db", "check", "--database", "sqlite:///b.db"},
       2,
       twice("--database")},
      {"ProjectTwice", {}, {"--project", ".", "--project", ".", "migrate"}, 2, twice("--project")},
      {"VerbosityTwice", {}, {"-v", "1", "-v", "2", "migrate"}, 2, twice("--verbosity")},
      {"NameTwice", {}, {"makemigrations", "-n", "a", "--name", "b"}, 2, twice("--name")},
      {"StepTwice", {}, {"rollback", "--step", "1", "--step", "2"}, 2, twice("--step")},
      {"LockTimeoutTwice",
       {},
       {"migrate", "--lock-timeout", "1", "--lock-timeout", "2"},
       2,
       twice("--lock-timeout")},
      {"FormatTwice",
       {},
       {"showmigrations", "--format", "text", "--format", "json"},
       2,
       twice("--format")},
      {"DialectTwice",
       {},
       {"sqlmigrate", "blog", "0001", "--dialect", "sqlite", "--dialect", "mysql"},
       2,
       twice("--dialect")},
      {"AtTwice", {}, {"state", "--at", "blog.0001", "--at", "blog.0001"}, 2, twice("--at")},
  };
}

std::vector<BadInputCase> empty_value_cases() {
  return {
      {"DatabaseEmpty", {}, {"--database", "", "migrate"}, 2, "--database: must not be empty"},
      {"DatabaseEmptyAfterCommand",
       {},
       {"showmigrations", "--database", ""},
       2,
       "--database: must not be empty"},
      {"ProjectEmpty", {}, {"--project", "", "showmigrations"}, 2, "--project: must not be empty"},
      {"NameEmpty", {}, {"makemigrations", "--name", ""}, 2, "--name: must not be empty"},
      {"AtEmpty", {}, {"state", "--at", ""}, 2, "--at: must not be empty"},
      {"DialectEmpty", {}, {"sqlmigrate", "blog", "0001", "--dialect", ""}, 2, "--dialect"},
      {"NameTooLong",
       {},
       {"makemigrations", "--empty", "blog", "--name", std::string(300, 'a')},
       2,
       "--name is 300 characters long; a migration name may have at most 200"},
      {"NameNotAFileName",
       {},
       {"makemigrations", "--empty", "blog", "--name", "../evil"},
       2,
       "is not a valid migration name"},
  };
}

// The URLs hold a password; the message shows the URL redacted (bad_input_secrets_test.cpp
// checks that no part of a password is ever printed).
std::vector<BadInputCase> url_cases() {
  const std::string expected = "; expected sqlite:///path.db";
  auto with_alias = [](const std::string& url) {
    return [url](const fs::path& p) {
      write_file(p / "dbmig.json", "{\"databases\": {\"prod\": \"" + url + "\"}}\n");
    };
  };
  return {
      {"UrlWithoutColon",
       {},
       {"--database", "postgresql//alice:pw1@db/shop", "migrate"},
       2,
       "database URL ***@db/shop: no scheme"},
      {"UrlWithoutScheme",
       {},
       {"--database", "alice:pw1@db/shop", "showmigrations"},
       2,
       "database URL ***@db/shop: no scheme"},
      {"UrlWithOneSlash",
       {},
       {"--database", "postgresql:/alice:pw1@db/shop", "migrate"},
       2,
       "database URL ***@db/shop: no scheme"},
      {"UrlPasswordInQuery",
       {},
       {"--database", "postgresql://alice@db/shop?password=pw1", "migrate"},
       2,
       "database URL postgresql://alice@db/shop?password=***: query parameters"},
      {"UrlOtherQuery",
       {},
       {"--database", "mysql://alice:pw1@db/shop?sslmode=require", "rollback"},
       2,
       "database URL mysql://alice:***@db/shop?sslmode=***: query parameters"},
      {"UrlPortNotANumber",
       {},
       {"--database", "postgresql://alice:pw1@db:x5432/shop", "migrate"},
       2,
       "database URL postgresql://alice:***@db:***/shop: bad port"},
      {"UrlMissingHost",
       {},
       {"--database", "postgresql://alice:pw1/shop", "showmigrations"},
       2,
       "database URL postgresql://alice:***/shop: bad port"},
      {"UrlPortOutOfRange",
       {},
       {"--database", "mysql://root@db:70000/shop", "migrate"},
       2,
       "database URL mysql://root@db:70000/shop: bad port: expected a number from 1 to 65535"},
      {"UrlUnknownScheme",
       {},
       {"--database", "oracle://alice:pw1@db/shop", "migrate"},
       2,
       "database URL oracle://alice:***@db/shop: unknown scheme 'oracle'" + expected},
      {"UrlNoDatabaseName",
       {},
       {"--database", "postgresql://alice:pw1@db", "migrate"},
       2,
       "database URL postgresql://alice:***@db: no database name"},
      {"SqliteUrlTwoSlashes",
       {},
       {"--database", "sqlite://db.sqlite3", "showmigrations"},
       2,
       "a SQLite URL has three slashes before the path"},
      {"SqliteUrlNoFile", {}, {"--database", "sqlite:///", "migrate"}, 2, "no database file"},
      {"UrlForSqlmigrate",
       {},
       {"--database", "alice:pw1@db/shop", "sqlmigrate", "blog", "0001"},
       2,
       "database URL ***@db/shop: no scheme"},
      {"UnknownAlias",
       {},
       {"--database", "prod", "migrate"},
       2,
       "database 'prod' is neither a URL nor an alias in dbmig.json"},
      {"AliasToMalformedUrl",
       with_alias("postgresql//alice:pw1@db/shop"),
       {"--database", "prod", "migrate"},
       2,
       "dbmig.json: $.databases.prod: database URL ***@db/shop: no scheme"},
      {"EnvFileUnknownConnection",
       [](const fs::path& p) { write_file(p / ".env", "DB_CONNECTION=oracle\nDB_PASSWORD=pw1\n"); },
       {"migrate"},
       2,
       ".env: database URL oracle://localhost/: unknown scheme 'oracle'"},
      {"EnvFileBadPort",
       [](const fs::path& p) {
         write_file(p / ".env",
                    "DB_CONNECTION=pgsql\nDB_PORT=pw1\nDB_DATABASE=shop\nDB_PASSWORD=pw1\n");
       },
       {"showmigrations"},
       2,
       ".env: database URL postgresql://localhost:***/shop: bad port"},
  };
}

std::vector<BadInputCase> all_cases() {
  std::vector<BadInputCase> cases;
  for (auto part :
       {command_cases(), range_cases(), repeated_cases(), empty_value_cases(), url_cases()})
    cases.insert(cases.end(), part.begin(), part.end());
  return cases;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Cli, BadInputCorpus, ::testing::ValuesIn(all_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
