// Reads the migration files of a project (Django's MigrationLoader): every
// <migrations_dir>/<app>/NNNN_<name>.json. The I/O edge in front of the pure graph.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "dbmig/graph.hpp"
#include "dbmig/migration.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

// Reads and parses one file of app `app`; errors name `shown_name` and the JSON path. The
// file's "app" and "name" must match its folder and file name.
Migration load_migration_file(const std::filesystem::path& file, const std::string& shown_name,
                              const std::string& app);

// Every .json file in the app folders of config.migrations_dir, by app, then file name: what
// load_migrations reads.
std::vector<std::filesystem::path> migration_files(const ProjectConfig& config);

// What load_migrations keeps of each file: all of it, or its outline (names, dependencies,
// replaces, atomic, checksum and file, with no operations: what showmigrations reads), which
// the migration cache answers without decoding the operations, most of its bytes.
enum class MigrationParts { whole, outline };

// Every migration under config.migrations_dir, by app, then file name. A missing folder means
// no migrations yet. A .json file not named NNNN_<name>.json is an error naming it. Every file
// is checked whole whatever `parts` asks (a cached one was checked when it was cached).
std::vector<Migration> load_migrations(const ProjectConfig& config,
                                       MigrationParts parts = MigrationParts::whole);

struct LoadedGraph {
  MigrationGraph graph;
  // Squashed migrations in use -> what they replace (see resolve_replacements).
  std::map<MigrationKey, std::vector<MigrationKey>> replacements;
};

// resolve_replacements + MigrationGraph over migrations already read. `applied` is what the
// recorder holds (empty when there is no database, e.g. makemigrations and `state`).
LoadedGraph build_migration_graph(std::vector<Migration> migrations,
                                  const std::set<MigrationKey>& applied = {});

// load_migrations + build_migration_graph.
LoadedGraph load_migration_graph(const ProjectConfig& config,
                                 const std::set<MigrationKey>& applied = {});

}  // namespace dbmig
