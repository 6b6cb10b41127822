// Bad-input corpus: several databases (--database repeated or "all", -j) and a URL's schema
// (docs/databases.md "Many databases", "Schema per tenant"). Each is refused before any
// database is touched: not even the valid SQLite databases named next to the bad one are
// created.
#include <string>

#include "bad_input_corpus.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

void with_aliases(const fs::path& project, const std::string& databases) {
  write_file(project / "dbmig.json", "{\"databases\": {" + databases + "}}\n");
}

std::vector<BadInputCase> many_database_cases() {
  return {
      {"UnknownAliasAmongSeveral",
       {},
       {"migrate", "--database", "sqlite:///a.db", "--database", "tenant_9"},
       2,
       "database 'tenant_9' is neither a URL nor an alias in dbmig.json"},
      {"MalformedUrlAmongSeveral",
       {},
       {"showmigrations", "--database", "sqlite:///a.db", "--database",
        "postgresql//alice:pw1@db/shop"},
       2,
       "database URL ***@db/shop: no scheme"},
      {"AllWithoutAliases",
       {},
       {"migrate", "--database", "all"},
       2,
       "--database all stands for every alias of dbmig.json's \"databases\", and it defines "
       "none"},
      {"AllWithAnother",
       [](const fs::path& p) { with_aliases(p, "\"a\": \"sqlite:///a.db\""); },
       {"migrate", "--database", "all", "--database", "sqlite:///b.db"},
       2,
       "--database all stands for every alias of dbmig.json; give it alone"},
      {"AllWithABadAlias",
       [](const fs::path& p) {
         with_aliases(p, "\"a\": \"sqlite:///a.db\", \"b\": \"postgresql//alice:pw1@db/shop\"");
       },
       {"migrate", "--check", "--database", "all"},
       2,
       "dbmig.json: $.databases.b: database URL ***@db/shop: no scheme"},
      {"SameDatabaseTwice",
       [](const fs::path& p) { with_aliases(p, "\"a\": \"sqlite:///a.db\""); },
       {"migrate", "--database", "a", "--database", "sqlite:///b.db", "--database",
        "sqlite:///./a.db"},
       2,
       "twice (a, sqlite:///"},
      {"JobsZero",
       {},
       {"migrate", "--database", "sqlite:///a.db", "--database", "sqlite:///b.db", "-j", "0"},
       2,
       "--jobs: must be a whole number from 1 to 256, not '0'"},
      {"JobsNotANumber",
       {},
       {"showmigrations", "--jobs", "many"},
       2,
       "--jobs: must be a whole number from 1 to 256, not 'many'"},
      {"JobsTwice", {}, {"migrate", "-j", "2", "--jobs", "3"}, 2, "--jobs was given 2 times"},
      {"SeveralDatabasesToInspectdb",
       {},
       {"--database", "sqlite:///a.db", "inspectdb", "--app", "legacy", "--database",
        "sqlite:///b.db"},
       2,
       "--database was given 2 times; give it once"},
      {"SeveralDatabasesToMakemigrations",
       {},
       {"makemigrations", "--database", "sqlite:///a.db", "--database", "sqlite:///b.db"},
       2,
       "--database was given 2 times; give it once"},
  };
}

std::vector<BadInputCase> schema_cases() {
  return {
      {"SchemaOnSqlite",
       {},
       {"migrate", "--database", "sqlite:///a.db?schema=tenant_1"},
       2,
       "?schema= is for PostgreSQL; a SQLite database has no schemas"},
      {"SchemaOnMysql",
       {},
       {"migrate", "--database", "mysql://alice:pw1@db/shop?schema=tenant_1"},
       2,
       "database URL mysql://alice:***@db/shop?schema=tenant_1: ?schema= is for PostgreSQL; on "
       "MySQL/MariaDB a schema is a database: put it in the path"},
      {"SchemaNotAnIdentifier",
       {},
       {"migrate", "--database", "postgresql://alice:pw1@db/shop?schema=a-b"},
       2,
       "database URL postgresql://alice:***@db/shop?schema=***: ?schema= needs a schema name"},
      {"SchemaReservedPrefix",
       {},
       {"showmigrations", "--database", "postgresql://alice:pw1@db/shop?schema=pg_x"},
       2,
       "?schema= needs a schema name of letters, digits and _ (not starting with a digit or pg_)"},
      {"SchemaEmpty",
       {},
       {"migrate", "--database", "postgresql://alice:pw1@db/shop?schema="},
       2,
       "?schema= needs a schema name"},
      {"SchemaAndAnotherParameter",
       {},
       {"migrate", "--database", "postgresql://alice:pw1@db/shop?schema=t&sslmode=pw2"},
       2,
       "database URL postgresql://alice:***@db/shop?schema=t&sslmode=***: query parameters (?...) "
       "are not supported but PostgreSQL's ?schema=NAME"},
      {"SchemaInAnAlias",
       [](const fs::path& p) { with_aliases(p, "\"t\": \"sqlite:///t.db?schema=tenant_1\""); },
       {"migrate", "--database", "t"},
       2,
       "dbmig.json: $.databases.t: database URL sqlite:///t.db?schema=tenant_1: ?schema= is for "
       "PostgreSQL"},
  };
}

std::vector<BadInputCase> all_cases() {
  std::vector<BadInputCase> cases = many_database_cases();
  for (auto& schema : schema_cases()) cases.push_back(std::move(schema));
  return cases;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(ManyDatabases, BadInputCorpus, ::testing::ValuesIn(all_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
