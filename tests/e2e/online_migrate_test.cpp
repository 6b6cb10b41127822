// `dbmig migrate` with online operations on the real servers (docs/online-schema-changes.md):
// on PostgreSQL a concurrent index build lets writers through, an interrupted or failed online
// operation leaves an INVALID index that the next migrate clears when it resumes the operation,
// and the result has no drift; on MariaDB a change that cannot be made without blocking is
// refused with the migration, operation and statement named.
#include <signal.h>

#include <memory>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "../db/migrate_fixtures.hpp"
#include "dbmig/migration_json.hpp"
#include "spawned_dbmig.hpp"

namespace dbmig::test {

namespace {

bool has_dialect(Dialect dialect) {
  auto dialects = test_dialects();
  return std::find(dialects.begin(), dialects.end(), dialect) != dialects.end();
}

Field code_field() {
  Field code;
  code.name = "code";
  code.type = FieldType::string;
  code.max_length = 20;
  return code;
}

// shop.0001_initial: the table `items` (id, code VARCHAR(20), n INTEGER).
Migration items_table() {
  Model model;
  model.name = "Item";
  model.table = "items";
  Field n = int64_field("n");
  n.type = FieldType::int32;
  n.default_value = Literal{std::int64_t{0}};
  model.fields = {primary_key(), code_field(), n};
  return make_migration("shop", "0001_initial", {}, {std::make_shared<CreateModel>(model)});
}

// shop.0002_online: `operation` online, in a non-atomic migration as it must be.
Migration online_step(std::shared_ptr<Operation> operation) {
  operation->options.online = true;
  Migration migration =
      make_migration("shop", "0002_online", {{"shop", "0001_initial"}}, {std::move(operation)});
  migration.atomic = false;
  return migration;
}

void write_migration_file(const std::filesystem::path& project, const Migration& migration) {
  write_file(project / "migrations/shop" / (migration.name + ".json"), format_migration(migration));
}

// A project whose shop.0001_initial is applied to a fresh database of `dialect`.
struct ShopProject {
  TempDir project;
  std::string url;
};

void set_up(Dialect dialect, ShopProject& shop) {
  auto url = fresh_database_url(dialect, shop.project.path());
  ASSERT_TRUE(url);
  shop.url = *url;
  write_migration_file(shop.project.path(), items_table());
  auto initial = run_dbmig({"--database", shop.url, "migrate"}, shop.project.path());
  ASSERT_EQ(initial.exit_code, 0) << initial.out << initial.err;
}

long long count(soci::session& session, const std::string& sql) {
  long long result = 0;
  session << sql, soci::into(result);
  return result;
}

std::string index_validity(soci::session& session, const std::string& index) {
  return count(session,
               "SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
               "WHERE c.relname = '" +
                   index + "'") == 0
             ? "missing"
         : count(session,
                 "SELECT COUNT(*) FROM pg_index i JOIN pg_class c ON c.oid = "
                 "i.indexrelid WHERE c.relname = '" +
                     index + "' AND i.indisvalid") == 1
             ? "valid"
             : "INVALID";
}

void expect_no_drift(const ShopProject& shop) {
  auto check = run_dbmig({"--database", shop.url, "check"}, shop.project.path());
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

// The backend of another client running CREATE INDEX CONCURRENTLY, waiting for a lock.
const std::string kWaitingBuild =
    "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND "
    "query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'";

}  // namespace

// CREATE INDEX CONCURRENTLY waits for the transactions using the table to end without blocking
// anyone: while it waits behind an open transaction, another client's INSERT completes (a
// plain CREATE INDEX would hold it). The migrate is then killed and its server backend ends,
// leaving an INVALID index; the next migrate resumes the online operation from its first
// statement (the DROP INDEX CONCURRENTLY IF EXISTS clears that index) and builds a valid one.
TEST(OnlineMigrate, ConcurrentIndexBuildLetsWritersThroughAndResumesAfterAKill) {
  if (!has_dialect(Dialect::postgresql)) GTEST_SKIP() << "no PostgreSQL server configured";
  ShopProject shop;
  ASSERT_NO_FATAL_FAILURE(set_up(Dialect::postgresql, shop));
  const auto& project = shop.project.path();
  write_migration_file(
      project, online_step(std::make_shared<AddIndex>("Item", Index{"items_code_idx", {"code"}})));
  DatabaseUrl url = parse_database_url(shop.url);
  soci::session holder(url.soci_backend(), url.soci_connection_string());
  soci::session writer(url.soci_backend(), url.soci_connection_string());
  soci::session observer(url.soci_backend(), url.soci_connection_string());
  holder << "BEGIN";
  holder << "INSERT INTO items (code, n) VALUES ('held', 1)";

  auto out = project / "killed.out";
  pid_t pid = spawn_dbmig({"--database", shop.url, "migrate"}, project, out);
  int status = 0;
  bool exited = false;
  bool waiting = eventually([&] {
    exited = waitpid(pid, &status, WNOHANG) == pid;
    return exited || count(observer, "SELECT COUNT(*) " + kWaitingBuild) == 1;
  });
  ASSERT_TRUE(waiting && !exited) << "the index build was not seen waiting: " << read_file(out);

  // A guard, not the measure: an INSERT blocked behind a lock would fail after 10 s.
  writer << "SET statement_timeout = '10s'";
  writer << "INSERT INTO items (code, n) VALUES ('written', 2)";
  EXPECT_EQ(count(observer, "SELECT COUNT(*) " + kWaitingBuild), 1)
      << "the build stopped waiting before the write completed";
  EXPECT_EQ(count(observer,
                  "SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = "
                  "l.pid WHERE NOT l.granted AND a.datname = current_database() AND a.query LIKE "
                  "'INSERT INTO items%'"),
            0);

  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  count(observer, "SELECT COUNT(pg_terminate_backend(pid)) " + kWaitingBuild);
  ASSERT_TRUE(eventually([&] { return count(observer, "SELECT COUNT(*) " + kWaitingBuild) == 0; }));
  holder << "ROLLBACK";
  EXPECT_EQ(index_validity(observer, "items_code_idx"), "INVALID");

  auto again = run_dbmig({"--database", shop.url, "migrate"}, project);
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(
      again.out.find(
          "Resuming the interrupted online operation 1 (Create index "
          "items_code_idx on field(s) code of model Item) from statement 1 of 2:\n  1. DROP INDEX "
          "CONCURRENTLY IF EXISTS \"items_code_idx\""),
      std::string::npos)
      << again.out;
  EXPECT_EQ(index_validity(observer, "items_code_idx"), "valid");
  EXPECT_EQ(count(observer, "SELECT COUNT(*) FROM dbmig_migrations WHERE state <> 'applied'"), 0);
  expect_no_drift(shop);

  auto back = run_dbmig({"--database", shop.url, "migrate", "shop", "0001_initial"}, project);
  EXPECT_EQ(back.exit_code, 0) << back.out << back.err;
  EXPECT_EQ(index_validity(observer, "items_code_idx"), "missing");
  expect_no_drift(shop);
}

// Duplicate values make CREATE UNIQUE INDEX CONCURRENTLY fail and leave its INVALID index;
// once the data is fixed, the next migrate resumes the operation and the unique constraint is
// the one the plain form makes.
TEST(OnlineMigrate, FailedUniqueIndexBuildIsRetriedCleanlyOnceTheDataIsFixed) {
  if (!has_dialect(Dialect::postgresql)) GTEST_SKIP() << "no PostgreSQL server configured";
  ShopProject shop;
  ASSERT_NO_FATAL_FAILURE(set_up(Dialect::postgresql, shop));
  const auto& project = shop.project.path();
  write_migration_file(
      project, online_step(std::make_shared<AddConstraint>(
                   "Item", Constraint{"items_code_uniq", ConstraintKind::unique, {"code"}, ""})));
  Connection connection(parse_database_url(shop.url));
  soci::session& session = connection.session();
  session << "INSERT INTO items (code, n) VALUES ('same', 1), ('same', 2), ('other', 3)";

  auto refused = run_dbmig({"--database", shop.url, "migrate"}, project);
  EXPECT_EQ(refused.exit_code, 3) << refused.out << refused.err;
  EXPECT_NE(refused.err.find("SQL: CREATE UNIQUE INDEX CONCURRENTLY \"items_code_uniq\""),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(index_validity(session, "items_code_uniq"), "INVALID");
  // Only a migrate that applies it resumes it; rollback says so.
  auto rollback = run_dbmig({"--database", shop.url, "rollback"}, project);
  EXPECT_EQ(rollback.exit_code, 3) << rollback.out << rollback.err;
  EXPECT_NE(rollback.err.find("Or run `dbmig migrate shop 0002_online`: it resumes the "
                              "interrupted online operation from its first statement."),
            std::string::npos)
      << rollback.err;

  session << "DELETE FROM items WHERE n = 2";
  auto again = run_dbmig({"--database", shop.url, "migrate"}, project);
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_NE(again.out.find("Resuming the interrupted online operation 1"), std::string::npos)
      << again.out;
  EXPECT_EQ(index_validity(session, "items_code_uniq"), "valid");
  EXPECT_EQ(count(session,
                  "SELECT COUNT(*) FROM pg_constraint WHERE conname = "
                  "'items_code_uniq' AND contype = 'u'"),
            1);
  expect_no_drift(shop);
}

// ALGORITHM=INPLACE, LOCK=NONE makes MariaDB refuse a change it could only make by copying the
// table; the error names the migration, the operation and the statement, and nothing changed.
TEST(OnlineMigrate, MariadbRefusesABlockingChangeNamingMigrationOperationAndSql) {
  if (!has_dialect(Dialect::mysql)) GTEST_SKIP() << "no MariaDB server configured";
  ShopProject shop;
  ASSERT_NO_FATAL_FAILURE(set_up(Dialect::mysql, shop));
  const auto& project = shop.project.path();
  Field wider = int64_field("n");
  wider.default_value = Literal{std::int64_t{0}};
  write_migration_file(project, online_step(std::make_shared<AlterField>("Item", wider)));

  auto refused = run_dbmig({"--database", shop.url, "migrate"}, project);
  EXPECT_EQ(refused.exit_code, 3) << refused.out << refused.err;
  for (const std::string fragment :
       {"migration shop.0002_online (migrations/shop/0002_online.json) failed",
        "operation: Alter field n on Item",
        "SQL: ALTER TABLE `items` MODIFY `n` BIGINT NOT NULL DEFAULT 0, ALGORITHM=INPLACE, "
        "LOCK=NONE",
        "ALGORITHM=INPLACE is not supported", "nothing of it took effect"})
    EXPECT_NE(refused.err.find(fragment), std::string::npos) << fragment << "\n" << refused.err;
  expect_no_drift(shop);
}

}  // namespace dbmig::test
