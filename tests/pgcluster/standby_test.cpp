// A hot standby (docs/databases.md "PostgreSQL hot standby"): the reading commands show what
// migrate applied on the primary; migrate and rollback stop at once with a clear message,
// before they write anything. A read-only session gets the same kind of message.
#include <gtest/gtest.h>

#include "dbmig/connection.hpp"
#include "dbmig/recorder.hpp"
#include "pg_cluster.hpp"
#include "spawned_dbmig.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

using namespace std::chrono_literals;

struct Outcome {
  std::optional<int> exit_code;  // nullopt: still running after the time limit, killed
  std::string output;            // stdout and stderr
};

// `dbmig ARGS` on the project, given 20 s to finish.
Outcome run_bounded(const std::vector<std::string>& args, const TempDir& project) {
  auto out = project.path() / "run.out";
  std::vector<std::string> all{"--project", project.path().string()};
  all.insert(all.end(), args.begin(), args.end());
  pid_t pid = spawn_dbmig(all, project.path(), out);
  auto code = exit_within(pid, 20s);
  return {code, read_file(out)};
}

// A run refused for writing to a read-only database: exit 3 within the bound, the message's
// `reasons`, the database named with its password hidden, nothing applied.
void expect_refused_read_only(const Outcome& refused, const std::string& database,
                              const std::vector<std::string>& reasons) {
  ASSERT_TRUE(refused.exit_code) << "still running after 20 s: " << refused.output;
  EXPECT_EQ(*refused.exit_code, 3) << refused.output;
  for (const auto& reason : reasons)
    EXPECT_NE(refused.output.find(reason), std::string::npos) << reason << "\n" << refused.output;
  EXPECT_NE(refused.output.find("/" + database), std::string::npos) << refused.output;
  EXPECT_NE(refused.output.find("dbmig:***@"), std::string::npos) << refused.output;
  EXPECT_EQ(refused.output.find("dbmig-test-secret"), std::string::npos) << refused.output;
  EXPECT_EQ(refused.output.find("Applying"), std::string::npos) << refused.output;
}

void expect_refused_as_standby(const Outcome& refused, const std::string& database) {
  expect_refused_read_only(refused, database,
                           {"read-only standby", "run migrate and rollback against the primary"});
}

std::vector<std::string> applied(const std::string& url) {
  Connection connection(parse_database_url(url), Access::read);
  std::vector<std::string> keys;
  for (const auto& record : MigrationRecorder(connection).records())
    keys.push_back(record.key.str());
  return keys;
}

TEST(HotStandby, ShowsAndChecksWhatMigrateAppliedOnThePrimary) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  TempDir project;
  write_demo_project_with_history(project.path());
  std::string database = cluster->fresh_database();
  std::string standby = on_database(cluster->standby, database);

  auto migrated =
      run_bounded({"--database", on_database(cluster->primary, database), "migrate"}, project);
  ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
  ASSERT_TRUE(cluster->standby_caught_up());

  auto shown = run_bounded({"--database", standby, "showmigrations", "--plan"}, project);
  EXPECT_EQ(shown.exit_code, 0) << shown.output;
  for (const auto& key : demo_history())
    EXPECT_NE(shown.output.find("[X]  " + key), std::string::npos) << key << "\n" << shown.output;
  auto checked = run_bounded({"--database", standby, "check"}, project);
  EXPECT_EQ(checked.exit_code, 0) << checked.output;
  EXPECT_NE(checked.output.find("No drift"), std::string::npos) << checked.output;
}

TEST(HotStandby, MigrateAndRollbackStopAtOnceChangingNothing) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  TempDir project;
  write_demo_project_with_history(project.path());
  std::string database = cluster->fresh_database();
  std::string standby = on_database(cluster->standby, database);
  // Everything but the last migration applied on the primary: migrate has something to apply,
  // rollback something to unapply.
  auto migrated = run_bounded({"--database", on_database(cluster->primary, database), "migrate",
                               "blog", "0003_title_index"},
                              project);
  ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
  ASSERT_TRUE(cluster->standby_caught_up());
  auto before = applied(standby);
  ASSERT_EQ(before.size(), 4u);

  expect_refused_as_standby(run_bounded({"--database", standby, "migrate"}, project), database);
  expect_refused_as_standby(run_bounded({"--database", standby, "rollback"}, project), database);
  EXPECT_EQ(applied(standby), before);
  EXPECT_EQ(applied(on_database(cluster->primary, database)), before);
}

TEST(HotStandby, MigrateOfADatabaseNeverMigratedStopsAtOnce) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  TempDir project;
  write_demo_project_with_history(project.path());
  std::string database = cluster->fresh_database();
  ASSERT_TRUE(cluster->standby_caught_up());
  std::string standby = on_database(cluster->standby, database);

  expect_refused_as_standby(run_bounded({"--database", standby, "migrate"}, project), database);
  Connection connection(parse_database_url(standby), Access::read);
  EXPECT_FALSE(connection.has_table("dbmig_migrations"));
}

TEST(ReadOnlySession, MigrateStopsAtOnceSayingWhichSetting) {
  auto cluster = PgCluster::from_env();
  if (!cluster) GTEST_SKIP();
  TempDir project;
  write_demo_project_with_history(project.path());
  std::string database = cluster->fresh_database();
  std::string url = on_database(cluster->primary, database);
  Connection(parse_database_url(url))
      .execute("ALTER DATABASE " + database + " SET default_transaction_read_only = on");

  expect_refused_read_only(run_bounded({"--database", url, "migrate"}, project), database,
                           {"read-only for this session", "default_transaction_read_only"});
  Connection connection(parse_database_url(url), Access::read);
  EXPECT_FALSE(connection.has_table("dbmig_migrations"));
}

}  // namespace
}  // namespace dbmig::test
