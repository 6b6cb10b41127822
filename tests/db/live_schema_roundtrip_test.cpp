// The live schema round trip on the three databases, for seeded random model sets (the property
// test's random project: every field type, null, defaults, unique, index, references with every
// on_delete, decimals, comments, renamed tables, indexes, unique_together, checks):
//  1. the models are migrated into a fresh database and read back by the dialect's catalog
//     reader: every table read equals the model's table view (dbmig/live_schema.hpp), with
//     nothing left out and no drift;
//  2. what was read is written as a header (inspectdb's renderer) into a fresh project and
//     scanned by the real scanner: the scanned models' table views equal the tables read, so
//     makemigrations' 0001 describes the database;
//  3. those models migrated into another fresh database read back as the same tables.
// Only what the database does not keep differs from the original models: C++ model and member
// names, the app, declaration order (and comments on SQLite). DBMIG_ROUNDTRIP_SEEDS=FIRST-LAST
// runs more seeds than the default 1-4.
#include <algorithm>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "dbmig/autodetector.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/model_header.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"
#include "dbmig/schema_drift.hpp"
#include "random_project.hpp"
#include "sql_execution.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

// Random edits per seed: enough for a dozen models with references between them.
constexpr int edits_per_seed = 30;

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

// Check expressions in one spelling, so == compares what they check; columns by name, since a
// reference closing a cycle of models is added after the table is created and so comes last.
Model comparable(Model table) {
  std::sort(table.fields.begin(), table.fields.end(),
            [](const Field& a, const Field& b) { return a.name < b.name; });
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
    EXPECT_EQ(comparable(*table), comparable(table_view(model, state, dialect)))
        << "table " << model.table << " of " << key.str();
  }
}

// The tables of `live` as `app`'s models.hpp in a fresh project, scanned back.
ProjectState inspected_models(const LiveSchema& live, const TempDir& project) {
  ModelHeader header = render_model_header(live, "legacy");
  EXPECT_TRUE(header.notes.empty());
  write_file(project.path() / "apps/legacy/models.hpp", header.text);
  return scan_models(load_project_config(project.path())).state;
}

// Both read the same tables, checks compared by their condition.
void expect_same_tables(const LiveSchema& actual, const LiveSchema& expected) {
  ASSERT_EQ(actual.tables.size(), expected.tables.size());
  for (std::size_t i = 0; i < actual.tables.size(); ++i)
    EXPECT_EQ(comparable(actual.tables[i]), comparable(expected.tables[i]));
  EXPECT_EQ(actual.notes, expected.notes);
}

class LiveSchemaRoundTrip : public ::testing::TestWithParam<Dialect> {};

TEST_P(LiveSchemaRoundTrip, RandomModelsReadBackAsTheirTableView) {
  auto [first, last] = seed_range("DBMIG_ROUNDTRIP_SEEDS", {1, 4});
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
    ASSERT_TRUE(same_schema(db.state(), state));
    LiveSchema live = read_live_schema(db.connection());
    expect_reads_back(state, live, GetParam());
    if (HasFailure()) return;

    TempDir project;
    ProjectState inspected = inspected_models(live, project);
    expect_reads_back(inspected, live, GetParam());
    if (HasFailure()) return;

    MigratedDatabase again(GetParam());
    std::vector<Migration> adopted = initial_migrations(inspected);
    MigrationGraph adopted_graph(adopted);
    for (const Migration* migration : adopted_graph.order())
      again.apply(migration->app, migration->operations);
    expect_same_tables(read_live_schema(again.connection()), live);
  }
}

INSTANTIATE_TEST_SUITE_P(Dialects, LiveSchemaRoundTrip,
                         ::testing::Values(Dialect::sqlite, Dialect::postgresql, Dialect::mysql),
                         [](const auto& info) { return std::string(to_string(info.param)); });

}  // namespace
}  // namespace dbmig::test
