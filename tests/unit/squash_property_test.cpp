// The seeded property test of squashmigrations' pure part (core/squash.hpp): in a random
// history, squashing any prefix of an app's migrations, or a range in the middle, gives a
// history that replays to the same state, with and without the replaced migrations (the squash
// resolved as on a new database). The same on the three databases, through the binary:
// tests/e2e/squash_database_test.cpp. DBMIG_SQUASH_SEEDS=FIRST-LAST runs more seeds than the
// default 1-6.
#include <gtest/gtest.h>

#include "core/squash.hpp"
#include "dbmig/error.hpp"
#include "dbmig/loader.hpp"
#include "random_history.hpp"
#include "seeded_random.hpp"

namespace dbmig::test {
namespace {

constexpr int steps_per_seed = 25;
constexpr int run_sql_percent = 10;

std::set<MigrationKey> keys_of(const std::vector<Migration>& migrations) {
  std::set<MigrationKey> keys;
  for (const auto& migration : migrations) keys.insert(migration.key());
  return keys;
}

// `history` with the squash of `range` added; with `delete_replaced`, without the migrations it
// replaces (their files deleted, `replaces` kept).
std::vector<Migration> squashed_history(const std::vector<Migration>& history,
                                        const SquashRange& range, bool delete_replaced) {
  MigrationGraph graph(history);
  Squash squash = squash_range(graph, range, keys_of(history));
  std::vector<Migration> result;
  std::set<MigrationKey> replaced(squash.migration.replaces.begin(),
                                  squash.migration.replaces.end());
  for (const auto& migration : history)
    if (!delete_replaced || !replaced.count(migration.key())) result.push_back(migration);
  result.push_back(std::move(squash.migration));
  return result;
}

// Whether squash_range refuses `range` for a reason of the graph's shape that a random history
// may have: a migration of another app between two of the range (a cycle), or branches.
bool refused_for_its_shape(const std::vector<Migration>& history, const SquashRange& range) {
  try {
    squash_range(MigrationGraph(history), range, keys_of(history));
    return false;
  } catch (const InputError& e) {
    std::string message = e.what();
    if (message.find("would depend on itself") != std::string::npos ||
        message.find("not one line of migrations") != std::string::npos)
      return true;
    throw;
  }
}

// Squashes `range` and checks the end state; false when the range is refused for its shape.
bool expect_same_end(const std::vector<Migration>& history, const SquashRange& range,
                     const ProjectState& end) {
  if (refused_for_its_shape(history, range)) return false;
  for (bool delete_replaced : {false, true}) {
    SCOPED_TRACE(range.app + " " + (range.start ? range.start->name : "") + ".." + range.end.name +
                 (delete_replaced ? ", replaced files deleted" : ""));
    LoadedGraph loaded = build_migration_graph(squashed_history(history, range, delete_replaced));
    EXPECT_TRUE(same_schema(loaded.graph.state_at(), end));
  }
  return true;
}

TEST(SquashProperty, EveryPrefixAndMiddleRangeReplaysToTheSameState) {
  auto [first, last] = seed_range("DBMIG_SQUASH_SEEDS", {1, 6});
  for (unsigned seed = first; seed <= last && !HasFailure(); ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " (replay with DBMIG_SQUASH_SEEDS=" +
                 std::to_string(seed) + "-" + std::to_string(seed) + ")");
    std::vector<Migration> history = random_history(seed, steps_per_seed, run_sql_percent);
    MigrationGraph graph(history);
    ProjectState end = graph.state_at();
    int squashed = 0;
    for (const auto& app : graph.apps()) {
      auto migrations = graph.app_migrations(app);
      for (std::size_t last_index = 0; last_index < migrations.size(); ++last_index) {
        MigrationKey end_key = migrations[last_index]->key();
        squashed += expect_same_end(history, {app, std::nullopt, end_key, std::nullopt}, end);
        if (last_index >= 2)
          squashed += expect_same_end(
              history, {app, migrations[last_index / 2]->key(), end_key, std::nullopt}, end);
      }
    }
    EXPECT_GT(squashed, 0) << "every range was refused";
  }
}

}  // namespace
}  // namespace dbmig::test
