// The seeded property test of squashmigrations on the three databases, through the binary: in a
// random history (random_history.hpp), the app with the most migrations is squashed (a prefix
// for odd seeds, a range from its middle for even ones). A database migrated with the squash,
// one that had applied the history before the squash, and one that had applied part of the
// squashed range all end with the catalog of the unsquashed history, read back by the
// dialect's catalog reader. DBMIG_SQUASH_DB_SEEDS=FIRST-LAST runs more seeds than the default
// 1-2.
#include <algorithm>

#include <gtest/gtest.h>

#include "../db/live_schema_fixtures.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/database_url.hpp"
#include "dbmig/live_schema.hpp"
#include "random_history.hpp"
#include "seeded_random.hpp"
#include "squash_history.hpp"

namespace dbmig::test {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

constexpr int steps_per_seed = 12;
constexpr int run_sql_percent = 10;

// One database of the test, and the project folder dbmig runs in.
struct Database {
  TempDir dir;  // SQLite's file
  std::string url;
  std::map<std::string, std::string> env;

  explicit Database(Dialect dialect) {
    url = fresh_database_url(dialect, dir.path()).value();
    env = {{"DATABASE_URL", url}};
  }
  void run_ok(const Strings& args, const fs::path& project) const {
    RunResult result = run_dbmig(args, project, env);
    ASSERT_EQ(result.exit_code, 0) << join_args(args) << ": " << all_output(result);
  }
  LiveSchema schema() const {
    Connection connection(parse_database_url(url));
    return read_live_schema(connection);
  }
  static std::string join_args(const Strings& args) {
    std::string text;
    for (const auto& arg : args) text += (text.empty() ? "" : " ") + arg;
    return text;
  }
};

// The app with the most migrations, and its migrations in order.
std::pair<std::string, Strings> longest_app(const std::vector<Migration>& history) {
  MigrationGraph graph(history);
  std::pair<std::string, Strings> longest;
  for (const auto& app : graph.apps()) {
    Strings names;
    for (const auto* migration : graph.app_migrations(app)) names.push_back(migration->name);
    if (names.size() > longest.second.size()) longest = {app, names};
  }
  return longest;
}

// Runs squashmigrations on the longest range from `start` that it accepts (a random history
// may put another app's migration between two of the app's: a cycle it refuses). The squashed
// names, empty when none was accepted.
Strings squash(const fs::path& project, const std::string& app, const Strings& names,
               std::size_t start) {
  for (std::size_t end = names.size(); end-- > start + 1;) {
    Strings args{"squashmigrations", app};
    if (start > 0) args.push_back(names[start]);
    args.push_back(names[end]);
    args.push_back("--noinput");
    RunResult result = run_dbmig(args, project);
    if (result.exit_code == 0) return Strings(names.begin() + start, names.begin() + end + 1);
    EXPECT_TRUE(contains(result.err, "would depend on itself")) << all_output(result);
  }
  return {};
}

void expect_same_schema(const LiveSchema& actual, const LiveSchema& expected) {
  ASSERT_EQ(actual.tables.size(), expected.tables.size());
  for (std::size_t i = 0; i < actual.tables.size(); ++i)
    expect_same_table(actual.tables[i], expected.tables[i]);
  EXPECT_EQ(actual.notes, expected.notes);
}

class SquashDatabase : public ::testing::TestWithParam<Dialect> {};

TEST_P(SquashDatabase, SquashedHistoryLeavesTheSameCatalog) {
  auto dialects = test_dialects();
  if (std::find(dialects.begin(), dialects.end(), GetParam()) == dialects.end())
    GTEST_SKIP() << "no " << to_string(GetParam()) << " test server";
  auto [first, last] = seed_range("DBMIG_SQUASH_DB_SEEDS", {1, 2});
  int squashes = 0;
  for (unsigned seed = first; seed <= last && !HasFailure(); ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " (replay with DBMIG_SQUASH_DB_SEEDS=" +
                 std::to_string(seed) + "-" + std::to_string(seed) + ")");
    // The random project's RunSQL quotes names the standard way ("table"), which MySQL reads
    // as strings: its histories have none.
    std::vector<Migration> history =
        random_history(seed, steps_per_seed, GetParam() == Dialect::mysql ? 0 : run_sql_percent);
    auto [app, names] = longest_app(history);
    if (names.size() < 3) continue;
    std::size_t start = seed % 2 == 1 ? 0 : names.size() / 3;
    TempDir project;
    write_history(project.path(), history);

    Database before(GetParam()), partly(GetParam()), fresh(GetParam());
    before.run_ok({"migrate"}, project.path());
    partly.run_ok({"migrate", app, names[start + 1]}, project.path());
    Strings squashed = squash(project.path(), app, names, start);
    if (squashed.empty()) continue;
    ++squashes;

    for (const Database* database : {&before, &partly, &fresh})
      database->run_ok({"migrate"}, project.path());
    LiveSchema expected = before.schema();
    expect_same_schema(partly.schema(), expected);
    expect_same_schema(fresh.schema(), expected);
  }
  EXPECT_GT(squashes, 0) << "no seed gave a range to squash";
}

INSTANTIATE_TEST_SUITE_P(Dialects, SquashDatabase,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql, Dialect::mysql),
                         [](const auto& info) { return std::string(to_string(info.param)); });

}  // namespace
}  // namespace dbmig::test
