// The live schema round trip on the three databases, for seeded random model sets (the property
// test's random project: every field type, null, defaults, unique, index, references with every
// on_delete, decimals, comments, renamed tables, indexes, unique_together, checks): the models
// are migrated into a fresh database and read back by the dialect's catalog reader, and every
// table read equals the model's table view (dbmig/live_schema.hpp), with nothing left out and no
// drift. DBMIG_ROUNDTRIP_SEEDS=FIRST-LAST runs more seeds than the default 1-4.
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "dbmig/autodetector.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/schema_drift.hpp"
#include "random_project.hpp"
#include "sql_execution.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

// Random edits per seed: enough for a dozen models with references between them.
constexpr int edits_per_seed = 30;

std::pair<unsigned, unsigned> roundtrip_seeds() {
  const char* seeds = std::getenv("DBMIG_ROUNDTRIP_SEEDS");
  if (!seeds) return {1, 4};
  std::string range = seeds;
  std::size_t dash = range.find('-');
  if (dash == std::string::npos) return {1, static_cast<unsigned>(std::stoul(range))};
  return {static_cast<unsigned>(std::stoul(range.substr(0, dash))),
          static_cast<unsigned>(std::stoul(range.substr(dash + 1)))};
}

ProjectState random_models(unsigned seed) {
  SeededRandom random(seed);
  RandomProject project(random);
  for (int i = 0; i < edits_per_seed; ++i) project.edit();
  return project.state;
}

// The migrations that create `state` from nothing, in an order they can be applied in.
std::vector<Migration> initial_migrations(const ProjectState& state) {
  ScriptedQuestioner questioner;
  MigrationGraph empty({});
  auto planned = detect_changes({}, state, {}, questioner);
  return arrange_migrations(planned, arrange_options(empty, planned));
}

// Check expressions in one spelling, so == compares what they check.
Model with_normalized_checks(Model table) {
  for (Constraint& constraint : table.constraints)
    if (constraint.kind == ConstraintKind::check)
      constraint.check = normalized_check(constraint.check);
  return table;
}

void expect_reads_back(const ProjectState& state, const LiveSchema& live, Dialect dialect) {
  for (const SchemaDifference& difference : schema_differences(state, live, dialect))
    ADD_FAILURE() << "drift: " << difference.describe();
  for (const SchemaNote& note : live.notes)
    ADD_FAILURE() << "left out: " << note.table << ": " << note.object << ": " << note.note;
  EXPECT_EQ(live.tables.size(), state.models.size());
  for (const auto& [key, model] : state.models) {
    const Model* table = live.find(model.table);
    if (!table) continue;  // reported as drift
    EXPECT_EQ(with_normalized_checks(*table),
              with_normalized_checks(table_view(model, state, dialect)))
        << "table " << model.table << " of " << key.str();
  }
}

class LiveSchemaRoundTrip : public ::testing::TestWithParam<Dialect> {};

TEST_P(LiveSchemaRoundTrip, RandomModelsReadBackAsTheirTableView) {
  auto [first, last] = roundtrip_seeds();
  for (unsigned seed = first; seed <= last && !HasFailure(); ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " (replay with DBMIG_ROUNDTRIP_SEEDS=" +
                 std::to_string(seed) + "-" + std::to_string(seed) + ")");
    MigratedDatabase db(GetParam());
    if (!db.available()) GTEST_SKIP() << "no " << to_string(GetParam()) << " test server";
    ProjectState state = random_models(seed);
    std::vector<Migration> migrations = initial_migrations(state);
    MigrationGraph graph(migrations);
    for (const Migration* migration : graph.order())
      db.apply(migration->app, migration->operations);
    ASSERT_EQ(db.state(), state);
    expect_reads_back(state, read_live_schema(db.connection()), GetParam());
  }
}

INSTANTIATE_TEST_SUITE_P(Dialects, LiveSchemaRoundTrip,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql, Dialect::mysql),
                         [](const auto& info) { return std::string(to_string(info.param)); });

}  // namespace
}  // namespace dbmig::test
