// The seeded property test of makemigrations: a random multi-app project evolves for hundreds
// of steps (models and fields added, removed, renamed with renamed_from, altered; references;
// indexes, unique_together and check constraints added and removed; table and comment changes;
// hand-written RunSQL migrations). After every step the new migrations are written to a temp
// folder and read back by the loader: replaying all of them gives the target state, a second
// diff is empty, regenerating the step gives byte-identical files, and no app has two leaves.
// Every few steps, and at the end, the second oracle (schema_oracle.hpp) migrates the history
// on SQLite with the real executor and compares its catalog with the catalog of the current
// models created from nothing, and with the models. A failure prints the seed and step; README
// ("Repository layout") says how to replay one and how to run more seeds.
#include <cstdlib>
#include <utility>

#include <set>

#include <gtest/gtest.h>

#include "autodetector_fixtures.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/migration_names.hpp"
#include "dbmig/model_validation.hpp"
#include "dbmig/writer.hpp"
#include "random_history.hpp"
#include "schema_oracle.hpp"
#include "seeded_random.hpp"
#include "test_support.hpp"

namespace dbmig::test {
namespace {

namespace fs = std::filesystem;

// Evolves the project step by step. The migrations are written as files and read back from
// their text; the graph of those read back is the history of the next step.
class Evolution {
 public:
  explicit Evolution(unsigned seed) : random_(seed), project_(random_) {
    config_.root = dir_.path();
    config_.migrations_dir = dir_.path() / "migrations";
  }

  // One step: mostly an edit of the models, sometimes a hand-written RunSQL migration.
  std::string edit() {
    custom_sql_.reset();
    if (random_.chance(6)) custom_sql_ = project_.custom_sql(graph_);
    if (custom_sql_) return "hand-written " + custom_sql_->key().str();
    return project_.edit();
  }

  void check_step() {
    if (custom_sql_) return check_custom_sql();
    const MigrationGraph& before = graph_;
    std::vector<Migration> generated = generate(before, project_);
    ASSERT_FALSE(generated.empty());
    std::vector<std::string> texts;
    for (const Migration& migration : generated) texts.push_back(write_and_read_back(migration));
    MigrationGraph after(history_);
    check_history(after);
    if (::testing::Test::HasFatalFailure()) return;

    std::vector<std::string> regenerated;
    for (const Migration& migration : generate(before, project_))
      regenerated.push_back(format_migration(migration));
    ASSERT_EQ(regenerated, texts);
    graph_ = std::move(after);
  }

  // The loader reads the whole folder back to the same state.
  void check_files() {
    ASSERT_TRUE(same_schema(load_migration_graph(config_).graph.state_at(), project_.state));
  }

  // The second oracle: the history so far, migrated on SQLite from where the last check left
  // the database (as a project's database follows its migrations), has the schema of the
  // current models created from nothing, which is the schema the models declare.
  void check_database() {
    migrated_.migrate(graph_);
    std::vector<TableCatalog> migrated = migrated_.schema();
    std::vector<std::string> differences =
        compare_schemas(migrated, created_schema(project_.state, config_));
    // And against the models themselves, should creating them be wrong the same way.
    for (std::string& difference : compare_with_state(migrated, project_.state, Dialect::sqlite))
      differences.push_back(std::move(difference));
    std::string listed;
    for (const std::string& difference : differences) listed += "\n  " + difference;
    EXPECT_TRUE(differences.empty())
        << "the migrated database differs from the models (created from nothing, or as they are):"
        << listed;
  }

  const fs::path& folder() const { return dir_.path(); }

 private:
  // Writes the migration as a file and adds what the file reads back as to the history.
  std::string write_and_read_back(const Migration& migration) {
    fs::path path = write_migration(config_, migration);
    std::string text = read_file(path);
    history_.push_back(migration_from_json(parse_json_text(text, path), path));
    return text;
  }

  // Replaying the history gives the models, which then need no migration, on one leaf per app.
  void check_history(const MigrationGraph& history) {
    ProjectState replayed = history.state_at();
    ASSERT_TRUE(same_schema(replayed, project_.state));
    FillingQuestioner questioner;
    ASSERT_TRUE(detect_changes(replayed, project_.state, project_.sources, questioner).empty());
    ASSERT_TRUE(history.conflicts().empty());
  }

  // A RunSQL migration changes no model: the history still replays to them and the next
  // migrations follow it.
  void check_custom_sql() {
    write_and_read_back(*custom_sql_);
    MigrationGraph after(history_);
    check_history(after);
    graph_ = std::move(after);
  }

  TempDir dir_;
  ProjectConfig config_;
  SeededRandom random_;
  RandomProject project_;
  std::optional<Migration> custom_sql_;  // this step's, when it is one
  std::vector<Migration> history_;
  MigrationGraph graph_{{}};  // of history_
  MigratedSqlite migrated_{config_};
};

// The second oracle runs every this many steps and after the last.
constexpr int database_check_interval = 40;

void evolve(unsigned seed, int steps) {
  Evolution evolution(seed);
  for (int step = 1; step <= steps; ++step) {
    std::string edit = evolution.edit();
    SCOPED_TRACE("seed " + std::to_string(seed) + ", step " + std::to_string(step) + ": " + edit +
                 " (replay with DBMIG_PROPERTY_SEED=" + std::to_string(seed) + ")");
    try {
      evolution.check_step();
      if (!::testing::Test::HasFailure() && (step % database_check_interval == 0 || step == steps))
        evolution.check_database();
      if (step == steps) evolution.check_files();
    } catch (const std::exception& error) {
      ADD_FAILURE() << error.what();
    }
    if (::testing::Test::HasFailure()) {
      if (std::getenv("DBMIG_PROPERTY_KEEP")) {
        const fs::path kept = "/tmp/dbmig-property-failure";
        fs::remove_all(kept);
        fs::copy(evolution.folder(), kept, fs::copy_options::recursive);
      }
      return;
    }
  }
}

// DBMIG_PROPERTY_SEED=N replays seed N; DBMIG_PROPERTY_SEEDS=FIRST-LAST (or N for 1-N) runs a
// range, the nightly size; by default the seeds 1 to 6.
std::pair<unsigned, unsigned> property_seeds() {
  if (const char* seed = std::getenv("DBMIG_PROPERTY_SEED")) {
    auto number = static_cast<unsigned>(std::stoul(seed));
    return {number, number};
  }
  return seed_range("DBMIG_PROPERTY_SEEDS", {1, 6});
}

TEST(MakemigrationsProperty, RandomEvolutionReplaysToTheScannedState) {
  auto [first, last] = property_seeds();
  for (unsigned seed = first; seed <= last; ++seed) {
    evolve(seed, 220);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace dbmig::test
