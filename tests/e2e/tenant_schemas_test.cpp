// Schema per tenant on PostgreSQL: `?schema=NAME` keeps dbmig to one schema of the database
// (docs/databases.md "Schema per tenant"). Two tenants in one database never see each other's
// tables or records; reading a missing schema reads an empty database and does not create it.
#include <gtest/gtest.h>

#include "../db/migrate_fixtures.hpp"
#include "database_contents.hpp"
#include "output_checks.hpp"

namespace dbmig::test {

namespace {

// The first column of every row of `sql`, read without any schema setting.
std::vector<std::string> column_of(const std::string& url, const std::string& sql) {
  Connection connection(parse_database_url(url));
  std::vector<std::string> values;
  for (const auto& row : connection.query(sql).rows) values.push_back(row.at(0).value_or("NULL"));
  return values;
}

// Every table of the database as schema.table.
std::vector<std::string> tables_by_schema(const std::string& url) {
  return column_of(url,
                   "SELECT table_schema || '.' || table_name FROM information_schema.tables "
                   "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
}

std::vector<std::string> schemas_of(const std::string& url) {
  return column_of(url,
                   "SELECT nspname::text FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND "
                   "nspname <> 'information_schema' ORDER BY 1");
}

const std::vector<std::string> kAllRecorded{"accounts.0001_initial", "blog.0001_initial",
                                            "blog.0002_blog_views"};

}  // namespace

TEST(TenantSchemas, TwoSchemasOfOneDatabaseKeepApart) {
  TempDir project;
  auto url = fresh_database_url(Dialect::postgresql, project.path());
  if (!url) GTEST_SKIP() << "no PostgreSQL server configured";
  write_history(project.path(), blog_history());
  // A mixed-case name keeps its case: it is quoted.
  std::string a = *url + "?schema=tenant_a";
  std::string b = *url + "?schema=TenantB";
  write_file(project.path() / "dbmig.json",
             "{\"databases\": {\"a\": \"" + a + "\", \"b\": \"" + b + "\"}}\n");

  // Reading a schema that does not exist: an empty database, and it stays absent.
  auto shown = run_dbmig({"showmigrations", "blog", "--database", "a"}, project.path());
  EXPECT_EQ(shown.exit_code, 0) << all_output(shown);
  EXPECT_EQ(shown.out, "blog\n [ ] 0001_initial\n [ ] 0002_blog_views\n");
  auto check = run_dbmig({"migrate", "--check", "--database", "a"}, project.path());
  EXPECT_EQ(check.exit_code, 1) << all_output(check);
  auto plan = run_dbmig({"migrate", "--plan", "--database", "a"}, project.path());
  EXPECT_EQ(plan.exit_code, 0) << all_output(plan);
  EXPECT_TRUE(contains(plan.out, "accounts.0001_initial\n    Create model User")) << plan.out;
  EXPECT_EQ(schemas_of(*url), std::vector<std::string>{"public"});

  // migrate creates the schema, and puts everything in it.
  auto migrate_a = run_dbmig({"migrate", "--database", "a"}, project.path());
  ASSERT_EQ(migrate_a.exit_code, 0) << all_output(migrate_a);
  EXPECT_EQ(tables_by_schema(*url),
            (std::vector<std::string>{"tenant_a.accounts_user", "tenant_a.blog_blog",
                                      "tenant_a.dbmig_migrations"}));
  auto shown_b = run_dbmig({"showmigrations", "blog", "--database", "b"}, project.path());
  EXPECT_EQ(shown_b.out, "blog\n [ ] 0001_initial\n [ ] 0002_blog_views\n") << shown_b.err;

  // Both at once: a has nothing to do, b gets all of it in its own schema.
  auto both = run_dbmig({"migrate", "--database", "all", "-j", "2"}, project.path());
  ASSERT_EQ(both.exit_code, 0) << all_output(both);
  EXPECT_TRUE(contains(both.out,
                       "== a ==\nOperations to perform:\n  Apply all migrations: "
                       "accounts, blog\nRunning migrations:\n  No migrations to apply.\n"))
      << both.out;
  EXPECT_EQ(tables_by_schema(*url),
            (std::vector<std::string>{"TenantB.accounts_user", "TenantB.blog_blog",
                                      "TenantB.dbmig_migrations", "tenant_a.accounts_user",
                                      "tenant_a.blog_blog", "tenant_a.dbmig_migrations"}));
  EXPECT_EQ(recorded_of(a), kAllRecorded);
  EXPECT_EQ(recorded_of(b), kAllRecorded);
  // Nothing went to the database's default schema.
  EXPECT_EQ(recorded_of(*url), std::vector<std::string>{});

  // Rolling back one tenant leaves the other as it was.
  auto rollback = run_dbmig({"rollback", "--database", "b"}, project.path());
  ASSERT_EQ(rollback.exit_code, 0) << all_output(rollback);
  EXPECT_EQ(tables_by_schema(*url),
            (std::vector<std::string>{"TenantB.dbmig_migrations", "tenant_a.accounts_user",
                                      "tenant_a.blog_blog", "tenant_a.dbmig_migrations"}));
  EXPECT_EQ(recorded_of(a), kAllRecorded);
  EXPECT_EQ(recorded_of(b), std::vector<std::string>{});
  // The drift check reads its own schema only: the other tenant's tables are no drift.
  auto drift = run_dbmig({"check", "--database", "b"}, project.path());
  EXPECT_EQ(drift.exit_code, 0) << all_output(drift);
}

TEST(TenantSchemas, AUserWithoutUsageOnTheSchemaIsRefused) {
  TempDir project;
  auto url = fresh_database_url(Dialect::postgresql, project.path());
  if (!url) GTEST_SKIP() << "no PostgreSQL server configured";
  write_history(project.path(), blog_history());
  execute_sql(*url, {"CREATE SCHEMA locked", "DROP ROLE IF EXISTS dbmig_tenant_user",
                     "CREATE ROLE dbmig_tenant_user LOGIN PASSWORD 'tenant-pw'",
                     "GRANT CONNECT ON DATABASE " + parse_database_url(*url).database +
                         " TO dbmig_tenant_user"});
  DatabaseUrl parsed = parse_database_url(*url);
  std::string as_user = "postgresql://dbmig_tenant_user:tenant-pw@" + parsed.host + ":" +
                        std::to_string(parsed.port.value_or(5432)) + "/" + parsed.database +
                        "?schema=locked";
  for (const char* command : {"migrate", "showmigrations"}) {
    auto run = run_dbmig({command, "--database", as_user}, project.path());
    EXPECT_EQ(run.exit_code, 3) << all_output(run);
    EXPECT_TRUE(contains(run.err, "the schema locked of postgresql://dbmig_tenant_user:***@"))
        << run.err;
    EXPECT_TRUE(contains(run.err, "exists but this user may not use it; GRANT USAGE")) << run.err;
    EXPECT_FALSE(contains(all_output(run), "tenant-pw"));
  }
  EXPECT_EQ(tables_by_schema(*url), std::vector<std::string>{});
  execute_sql(*url, {"DROP OWNED BY dbmig_tenant_user", "DROP ROLE dbmig_tenant_user"});
}

}  // namespace dbmig::test
