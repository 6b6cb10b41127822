// graph_entries: the records each graph entry stands for, with a squashed migration (blog
// 0001..0003 squashed) in every state of the migrations it replaces, and records no migration
// on disk stands for. What showmigrations, rollback and migrate read (docs/squashing.md).
#include <gtest/gtest.h>

#include "dbmig/error.hpp"
#include "dbmig/graph_records.hpp"
#include "dbmig/loader.hpp"

namespace dbmig {
namespace {

const MigrationKey k0001{"blog", "0001_initial"}, k0002{"blog", "0002_b"}, k0003{"blog", "0003_c"},
    kSquash{"blog", "0001_squashed_0003_c"};

Migration migration(const MigrationKey& key, std::vector<MigrationKey> dependencies,
                    std::vector<MigrationKey> replaces = {}) {
  Migration m;
  m.app = key.app;
  m.name = key.name;
  m.dependencies = std::move(dependencies);
  m.replaces = std::move(replaces);
  return m;
}

std::vector<Migration> history(bool with_replaced_files) {
  std::vector<Migration> migrations{migration(kSquash, {}, {k0001, k0002, k0003})};
  if (with_replaced_files) {
    migrations.push_back(migration(k0001, {}));
    migrations.push_back(migration(k0002, {k0001}));
    migrations.push_back(migration(k0003, {k0002}));
  }
  return migrations;
}

MigrationRecord record(const MigrationKey& key, int batch,
                       RecordState state = RecordState::applied) {
  return {key, "2024-05-0" + std::to_string(batch) + "T00:00:00Z", batch, "", state, 0};
}

// Each entry as "name [X] 2" (mark, batch), "missing" for records without a migration.
std::vector<std::string> shown(const std::vector<MigrationRecord>& records,
                               bool with_replaced_files = true) {
  std::set<MigrationKey> applied;
  for (const auto& r : records)
    if (!r.interrupted()) applied.insert(r.key);
  LoadedGraph loaded = build_migration_graph(history(with_replaced_files), applied);
  std::vector<std::string> lines;
  for (const auto& entry : graph_entries(loaded.graph, loaded.replacements, records))
    lines.push_back(entry.key.name + (entry.applied() ? " [X] " : " [ ] ") +
                    std::to_string(entry.batch()) + (entry.migration ? "" : " missing") +
                    (entry.interrupted() ? " interrupted" : ""));
  return lines;
}

using Lines = std::vector<std::string>;

TEST(GraphRecords, AllReplacedAppliedIsTheSquashApplied) {
  std::vector<MigrationRecord> records{record(k0001, 1), record(k0002, 1), record(k0003, 2)};
  EXPECT_EQ(shown(records), Lines{"0001_squashed_0003_c [X] 2"});
  EXPECT_EQ(shown(records, false), Lines{"0001_squashed_0003_c [X] 2"});
}

TEST(GraphRecords, NoneAppliedIsTheSquashNotApplied) {
  EXPECT_EQ(shown({}), Lines{"0001_squashed_0003_c [ ] 0"});
  EXPECT_EQ(shown({record(kSquash, 3)}), Lines{"0001_squashed_0003_c [X] 3"});
}

TEST(GraphRecords, SomeAppliedKeepsTheReplacedAndLeavesTheSquashOut) {
  EXPECT_EQ(shown({record(k0001, 1), record(k0002, 1)}),
            (Lines{"0001_initial [X] 1", "0002_b [X] 1", "0003_c [ ] 0"}));
}

TEST(GraphRecords, AnInterruptedReplacedRecordMarksTheSquashInterrupted) {
  EXPECT_EQ(shown({record(k0001, 1, RecordState::applying)}),
            Lines{"0001_squashed_0003_c [ ] 1 interrupted"});
}

TEST(GraphRecords, RecordsNothingStandsForComeLastAsMissing) {
  MigrationRecord gone = record({"blog", "0009_gone"}, 4);
  EXPECT_EQ(shown({record(k0001, 1), record(k0002, 1), record(k0003, 1), gone}),
            (Lines{"0001_squashed_0003_c [X] 1", "0009_gone [X] 4 missing"}));
}

TEST(GraphRecords, AReplacedMigrationNamedWhileTheSquashIsUsedNamesTheSquash) {
  LoadedGraph loaded = build_migration_graph(history(true));
  EXPECT_EQ(resolve_migration(loaded.graph, loaded.replacements, "blog", "0001_squashed"), kSquash);
  try {
    resolve_migration(loaded.graph, loaded.replacements, "blog", "0002");
    ADD_FAILURE() << "0002 resolved";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "migration blog.0002_b is replaced by the squashed migration "
              "blog.0001_squashed_0003_c, which stands for it here (none or all of the "
              "migrations it replaces are applied); name 0001_squashed_0003_c instead, or a "
              "migration outside the squashed range");
  }
}

}  // namespace
}  // namespace dbmig
