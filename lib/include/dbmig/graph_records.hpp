// The records a graph entry stands for. With squashed migrations (Django's rule, see
// resolve_replacements) a migration of the graph and a row of dbmig_migrations are not one to
// one: a squashed migration in use stands for its own record and for those of the migrations it
// replaces. showmigrations, rollback and migrate read the records through this one mapping.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "dbmig/graph.hpp"
#include "dbmig/recorder.hpp"

namespace dbmig {

struct GraphEntry {
  MigrationKey key;
  // Null: records no migration on disk stands for (their file is gone, and no squashed
  // migration replaces them).
  const Migration* migration = nullptr;
  const MigrationRecord* own = nullptr;          // the record under its own name
  std::vector<const MigrationRecord*> replaced;  // a squashed migration's replaced records
  std::size_t replaces = 0;                      // how many migrations it stands for

  // Every record it stands for, its own first.
  std::vector<const MigrationRecord*> records() const;
  // Applied: its own record is complete, or (a squashed migration) every migration it
  // replaces is recorded and complete.
  bool applied() const;
  bool interrupted() const;
  // Its most recent record (highest batch, then latest applied_at), null without any.
  const MigrationRecord* latest() const;
  // The batch of its most recent record, 0 without any.
  int batch() const;
};

// The migrations of `graph` in graph order, each with the records it stands for, then one entry
// per record nothing on disk stands for, in name order. `replacements`: the squashed migrations
// in use (LoadedGraph::replacements).
std::vector<GraphEntry> graph_entries(
    const MigrationGraph& graph,
    const std::map<MigrationKey, std::vector<MigrationKey>>& replacements,
    const std::vector<MigrationRecord>& records);

// The migration of `app` named (or prefixed) `name` in `graph`. A migration replaced by a
// squashed migration in use is not in the graph: the error names the squashed migration that
// stands for it, and what to do.
MigrationKey resolve_migration(
    const MigrationGraph& graph,
    const std::map<MigrationKey, std::vector<MigrationKey>>& replacements, const std::string& app,
    const std::string& name);

}  // namespace dbmig
