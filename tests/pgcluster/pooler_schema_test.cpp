// A URL's ?schema= behind a pooler that drops the connection's options (tools/pg_cluster.sh:
// its PgBouncer has ignore_startup_parameters = options): dbmig must refuse rather than migrate
// the database's default schema (docs/databases.md "Schema per tenant").
#include <gtest/gtest.h>

#include "../db/migrate_fixtures.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/migration_json.hpp"
#include "pg_cluster.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

// Every table of the database as schema.table, read directly from the server.
std::vector<std::string> tables_by_schema(const std::string& url) {
  Connection connection(parse_database_url(url));
  std::vector<std::string> tables;
  for (const auto& row :
       connection
           .query("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                  "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")
           .rows)
    tables.push_back(row.at(0).value_or("NULL"));
  return tables;
}

}  // namespace

TEST(PoolerSchema, APoolerThatDropsTheSchemaSettingStopsDbmig) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP() << "no PostgreSQL cluster (tools/pg_cluster.sh)";
  const std::string database = cluster->fresh_database();
  const std::string pooled = on_database(cluster->pgbouncer, database);
  const std::string direct = on_database(cluster->primary, database);
  TempDir project;
  for (const auto& migration : blog_history())
    write_file(project.path() / "migrations" / migration.app / (migration.name + ".json"),
               format_migration(migration));

  for (auto command :
       {std::vector<std::string>{"migrate"}, {"showmigrations"}, {"migrate", "--check"}}) {
    command.insert(command.end(), {"--database", pooled + "?schema=tenant_p"});
    auto run = run_dbmig(command, project.path());
    EXPECT_EQ(run.exit_code, 3) << run.out << run.err;
    EXPECT_NE(run.err.find("has the search_path '\"$user\", public', not the schema tenant_p "
                           "alone: something between dbmig and the server (a connection "
                           "pooler?) dropped the connection's options setting"),
              std::string::npos)
        << run.err;
    EXPECT_EQ(run.err.find("dbmig-test-secret"), std::string::npos) << run.err;
  }
  EXPECT_EQ(tables_by_schema(direct), std::vector<std::string>{});

  // The same URL straight to the server keeps its setting, and migrates into the schema.
  auto run = run_dbmig({"migrate", "--database", direct + "?schema=tenant_p"}, project.path());
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(tables_by_schema(direct),
            (std::vector<std::string>{"tenant_p.accounts_user", "tenant_p.blog_blog",
                                      "tenant_p.dbmig_migrations"}));
}

}  // namespace dbmig::test
