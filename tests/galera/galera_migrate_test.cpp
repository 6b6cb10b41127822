// `dbmig migrate` on a three-node MariaDB Galera cluster (tools/galera_cluster.sh, the ctest
// fixture `galera`): concurrent runs through different nodes apply each migration once, and a
// node killed in the middle of a migrate leaves a cluster on which a rerun through a surviving
// node finishes (docs/databases.md "Galera cluster").
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "../db/migrate_fixtures.hpp"
#include "dbmig/migration_json.hpp"
#include "spawned_dbmig.hpp"

namespace dbmig::test {

namespace {

constexpr int kNodes = 3;

// The URL of each node's `mysql` database, from the fixture's env file.
std::optional<std::vector<std::string>> node_urls(std::map<std::string, std::string>& env) {
  auto settings = cluster_env();
  if (!settings) return std::nullopt;
  env = *settings;
  std::vector<std::string> urls;
  for (int n = 1; n <= kNodes; ++n) {
    auto url = env.find("DBMIG_TEST_GALERA_URL_" + std::to_string(n));
    if (url == env.end()) {
      ADD_FAILURE() << "the cluster's env file has no DBMIG_TEST_GALERA_URL_" << n;
      return std::nullopt;
    }
    urls.push_back(url->second);
  }
  return urls;
}

// The same node's URL for `database`.
std::string on_database(const std::string& node_url, const std::string& database) {
  return node_url.substr(0, node_url.rfind('/') + 1) + database;
}

// A connection whose reads wait until its node has applied everything the cluster committed
// before them (causal reads), so that comparing nodes compares what they committed.
std::unique_ptr<Connection> causal_connection(const std::string& url) {
  auto connection = std::make_unique<Connection>(parse_database_url(url));
  connection->execute("SET SESSION wsrep_sync_wait = 1");
  return connection;
}

// A new empty database, created through the first node. The others apply the CREATE DATABASE
// after the first node returned: each is asked (with a causal read) until it has.
void create_database(const std::vector<std::string>& node_urls, const std::string& database) {
  Connection connection(parse_database_url(node_urls.front()));
  connection.execute("DROP DATABASE IF EXISTS " + database);
  connection.execute("CREATE DATABASE " + database);
  for (const auto& url : node_urls)
    ASSERT_EQ(causal_connection(url)->query_int(
                  "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = :name",
                  {database}),
              1)
        << url;
}

// Every table, column and index of the database, and its records of dbmig_migrations.
std::string schema_and_records(const std::string& url) {
  auto connection = causal_connection(url);
  std::string text;
  for (const char* sql :
       {"SELECT TABLE_NAME, TABLE_TYPE, ENGINE FROM information_schema.TABLES "
        "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
        "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, "
        "COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
        "ORDER BY TABLE_NAME, ORDINAL_POSITION",
        "SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE FROM "
        "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
        "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
        "SELECT * FROM dbmig_migrations ORDER BY app, name"})
    for (const auto& row : connection->rows_as_text(sql)) text += row + "\n";
  return text;
}

// The (app.name, state) of every record.
std::multiset<std::string> records(const std::string& url) {
  std::multiset<std::string> keys;
  for (const auto& row :
       causal_connection(url)->rows_as_text("SELECT app, name, state FROM dbmig_migrations"))
    keys.insert(row);
  return keys;
}

std::string record_row(const std::string& key) {
  auto dot = key.find('.');
  return "app " + key.substr(0, dot) + ", name " + key.substr(dot + 1) + ", state applied";
}

void write_migrations(const std::filesystem::path& project, const std::vector<Migration>& history) {
  for (const auto& migration : history)
    write_file(project / "migrations" / migration.app / (migration.name + ".json"),
               format_migration(migration));
}

Field nullable(Field field) {
  field.null = true;
  return field;
}

// The blog history (three migrations) and three more adding a column each.
std::vector<Migration> six_migrations() {
  auto history = blog_history();
  std::string previous = history.back().name;
  for (const char* column : {"rating", "score", "likes"}) {
    std::string name = "000" + std::to_string(history.size()) + "_blog_" + column;
    history.push_back(
        make_migration("blog", name, {{"blog", previous}},
                       {std::make_shared<AddField>("Blog", nullable(int64_field(column)))}));
    previous = name;
  }
  return history;
}

struct SpawnedRun {
  pid_t pid = 0;
  std::filesystem::path out;
};

// The migrations a run's output says it applied: "Applying X..." and, after what a resumed
// migration prints, " OK".
std::vector<std::string> applied_by(const std::string& out) {
  static const std::regex applying(
      R"(Applying ([A-Za-z0-9_]+\.[A-Za-z0-9_]+)\.\.\.[\s\S]*? (OK|FAILED|FAKED)\b)");
  std::vector<std::string> keys;
  for (std::sregex_iterator it(out.begin(), out.end(), applying), end; it != end; ++it)
    if ((*it)[2] == "OK") keys.push_back((*it)[1]);
  return keys;
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

// 12 migrates at once, four through each node, on a fresh database, four rounds: every run
// succeeds, each migration is applied by exactly one of them and recorded once, and every node
// ends with the same tables and records. (Without a cluster-wide lock, runs through different
// nodes both take GET_LOCK and apply the same migrations: docs/databases.md "Galera cluster".)
TEST(GaleraMigrate, ConcurrentRunsThroughEveryNodeApplyEachMigrationOnce) {
  std::map<std::string, std::string> env;
  auto nodes = node_urls(env);
  if (!nodes) GTEST_SKIP() << "no Galera cluster";
  TempDir project;
  auto history = six_migrations();
  write_migrations(project.path(), history);
  std::multiset<std::string> expected_records;
  for (const auto& migration : history) expected_records.insert(record_row(migration.key().str()));

  for (int round = 0; round < 4; ++round) {
    std::string database = "galera_concurrent_" + std::to_string(round);
    ASSERT_NO_FATAL_FAILURE(create_database(*nodes, database));
    std::vector<SpawnedRun> runs(12);
    for (std::size_t i = 0; i < runs.size(); ++i) {
      runs[i].out = project.path() / ("run" + std::to_string(i) + ".out");
      runs[i].pid = spawn_dbmig({"--database", on_database(nodes->at(i % kNodes), database),
                                 "migrate", "--lock-timeout", "120"},
                                project.path(), runs[i].out);
    }
    std::map<std::string, int> applied;
    for (auto& run : runs) {
      int code = wait_exit(run.pid);
      std::string out = read_file(run.out);
      EXPECT_EQ(code, 0) << "round " << round << ":\n" << out;
      for (const auto& key : applied_by(out)) ++applied[key];
    }
    for (const auto& migration : history)
      EXPECT_EQ(applied[migration.key().str()], 1)
          << "round " << round << ": " << migration.key().str() << " applied by that many runs";
    EXPECT_EQ(applied.size(), history.size()) << "round " << round;

    EXPECT_EQ(records(on_database(nodes->at(0), database)), expected_records) << "round " << round;
    std::string first = schema_and_records(on_database(nodes->at(0), database));
    for (int n = 1; n < kNodes; ++n)
      EXPECT_EQ(schema_and_records(on_database(nodes->at(n), database)), first)
          << "round " << round << ": node " << n + 1 << " differs from node 1";
  }
}

// A run through node 2 holds the lock (its row and its node's named lock, as dbmig writes them):
// a migrate through node 1 waits, and after --lock-timeout says who holds the lock and how to
// remove it. Once the holder's connection is gone, the next migrate through node 1 finds out by
// asking node 2, removes the stale row and migrates.
TEST(GaleraMigrate, ALockHeldThroughAnotherNodeIsNamedAndTakenOverOnceItsHolderIsGone) {
  std::map<std::string, std::string> env;
  auto nodes = node_urls(env);
  if (!nodes) GTEST_SKIP() << "no Galera cluster";
  TempDir project;
  write_migrations(project.path(), blog_history());
  std::string database = "galera_lock_holder";
  ASSERT_NO_FATAL_FAILURE(create_database(*nodes, database));
  std::string url1 = on_database(nodes->at(0), database);
  std::string url2 = on_database(nodes->at(1), database);

  auto holder = std::make_unique<Connection>(parse_database_url(url2));
  ASSERT_EQ(holder->query_int("SELECT GET_LOCK('dbmig_migrate." + database + "', 0)"), 1);
  holder->execute(
      "CREATE TABLE dbmig_migration_lock (name VARCHAR(64) NOT NULL PRIMARY KEY, node_uuid "
      "VARCHAR(64) NOT NULL, node_address VARCHAR(255) NOT NULL, connection_id BIGINT NOT NULL, "
      "acquired_at DATETIME NOT NULL)");
  holder->execute(
      "INSERT INTO dbmig_migration_lock SELECT 'migrate', VARIABLE_VALUE, "
      "@@wsrep_node_incoming_address, CONNECTION_ID(), UTC_TIMESTAMP() FROM "
      "information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_GCOMM_UUID'");
  std::string uuid = holder->rows_as_text("SELECT node_uuid FROM dbmig_migration_lock").at(0);
  int connection_id = holder->query_int("SELECT CONNECTION_ID()").value();

  auto waited = run_dbmig({"--database", url1, "migrate", "--lock-timeout", "3"}, project.path());
  EXPECT_EQ(waited.exit_code, 3) << waited.out << waited.err;
  EXPECT_TRUE(std::regex_search(waited.err,
                                std::regex("held by connection " + std::to_string(connection_id) +
                                           " of the node at 127\\.0\\.0\\.1:[0-9]+ \\(member " +
                                           uuid.substr(uuid.find(' ') + 1) +
                                           "\\) since [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} UTC")))
      << waited.err;
  EXPECT_NE(waited.err.find("DELETE FROM dbmig_migration_lock WHERE name = 'migrate' AND "
                            "node_uuid = '" +
                            uuid.substr(uuid.find(' ') + 1) +
                            "' AND connection_id = " + std::to_string(connection_id) + ";"),
            std::string::npos)
      << waited.err;
  EXPECT_EQ(waited.err.find("dbmig-test-secret"), std::string::npos) << waited.err;

  holder.reset();  // the holder's run is gone; its row stays
  auto after = run_dbmig({"--database", url1, "migrate", "--lock-timeout", "30"}, project.path());
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
  EXPECT_EQ(applied_by(after.out).size(), 3u) << after.out;
  EXPECT_TRUE(causal_connection(url2)->rows_as_text("SELECT * FROM dbmig_migration_lock").empty())
      << "the lock row stayed after the run";
}

namespace {

constexpr long long kBigRows = 300000;

// ops.0001 a table `big`, ops.0002 fills it, ops.0003 widens its column (an ALTER that copies
// the table: seconds), ops.0004 adds a column.
std::vector<Migration> long_alter_history() {
  Model big;
  big.name = "Big";
  big.table = "big";
  Field x = int64_field("x");
  x.type = FieldType::int32;
  big.fields = {primary_key(), x};
  Field wide = int64_field("x");
  return {
      make_migration("ops", "0001_big", {}, {std::make_shared<CreateModel>(big)}),
      make_migration(
          "ops", "0002_rows", {{"ops", "0001_big"}},
          {run_sql({"SET STATEMENT max_recursive_iterations = 100000000 FOR INSERT INTO big (x) "
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " +
                    std::to_string(kBigRows) + ") SELECT x FROM c"})}),
      make_migration("ops", "0003_widen", {{"ops", "0002_rows"}},
                     {std::make_shared<AlterField>("Big", wide)}),
      make_migration("ops", "0004_note", {{"ops", "0003_widen"}},
                     {std::make_shared<AddField>("Big", nullable(int64_field("note")))}),
  };
}

// True once the ALTER of ops.0003_widen runs on the node at `url`.
bool alter_running(Connection& observer) {
  return observer.query_int(
             "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND "
             "ID <> CONNECTION_ID() AND INFO LIKE 'ALTER TABLE%big%'") > 0;
}

void run_script(const std::map<std::string, std::string>& env, const std::string& action,
                int node) {
  std::string command = "bash " + env.at("DBMIG_TEST_GALERA_SCRIPT") + " " + action + " " +
                        env.at("DBMIG_TEST_GALERA_DIR") + " " + std::to_string(node);
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

}  // namespace

// Node 1 is killed (SIGKILL of its mariadbd) while the migrate through it runs the ALTER of
// ops.0003_widen. Galera replicated the ALTER to the other nodes before running it (total order
// isolation), so they complete it, but the record still says the statement was running. The
// two surviving nodes are identical, and a migrate through node 2 takes over the lock of the
// dead run, sees in the tables that the ALTER completed, and finishes the rest; node 1 then
// rejoins with the same tables.
TEST(GaleraMigrate, NodeKilledMidMigrateLeavesTheClusterConsistentAndARerunFinishes) {
  std::map<std::string, std::string> env;
  auto nodes = node_urls(env);
  if (!nodes) GTEST_SKIP() << "no Galera cluster";
  TempDir project;
  auto history = long_alter_history();
  write_migrations(project.path(), history);
  std::string database = "galera_node_killed";
  ASSERT_NO_FATAL_FAILURE(create_database(*nodes, database));
  std::vector<std::string> urls;
  for (const auto& node : *nodes) urls.push_back(on_database(node, database));

  Connection observer(parse_database_url(urls[0]));
  auto out = project.path() / "killed.out";
  pid_t pid = spawn_dbmig({"--database", urls[0], "migrate"}, project.path(), out);
  bool seen = eventually([&] { return alter_running(observer); });
  ASSERT_TRUE(seen) << "the ALTER of ops.0003_widen was not seen running: " << read_file(out);
  run_script(env, "kill", 1);
  EXPECT_NE(wait_exit(pid), 0) << "dbmig finished although its node was killed: " << read_file(out);

  EXPECT_EQ(schema_and_records(urls[1]), schema_and_records(urls[2]))
      << "the surviving nodes differ";
  auto rerun =
      run_dbmig({"--database", urls[1], "migrate", "--lock-timeout", "60"}, project.path());
  EXPECT_EQ(rerun.exit_code, 0) << rerun.out << rerun.err;
  EXPECT_NE(rerun.out.find("running when the migration was interrupted, completed (the tables "
                           "show it)"),
            std::string::npos)
      << rerun.out;
  EXPECT_EQ(applied_by(rerun.out), (std::vector<std::string>{"ops.0003_widen", "ops.0004_note"}))
      << rerun.out;

  std::multiset<std::string> expected;
  for (const auto& migration : history) expected.insert(record_row(migration.key().str()));
  EXPECT_EQ(records(urls[1]), expected);
  auto widened = causal_connection(urls[1])->rows_as_text(
      "SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND "
      "TABLE_NAME = 'big' AND COLUMN_NAME = 'x'");
  EXPECT_EQ(widened, (std::vector<std::string>{"DATA_TYPE bigint"}));
  EXPECT_EQ(schema_and_records(urls[1]), schema_and_records(urls[2]))
      << "the surviving nodes differ after the rerun";

  run_script(env, "restart", 1);
  EXPECT_EQ(schema_and_records(urls[0]), schema_and_records(urls[1]))
      << "node 1 differs after it rejoined";
}

}  // namespace dbmig::test
