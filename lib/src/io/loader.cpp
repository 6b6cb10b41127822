#include "dbmig/loader.hpp"

#include <algorithm>

#include "cache/file_stamp.hpp"
#include "cache/migration_cache.hpp"
#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/migration_names.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> sorted_entries(const fs::path& folder) {
  std::vector<fs::path> entries;
  for (const auto& entry : fs::directory_iterator(folder)) entries.push_back(entry.path());
  std::sort(entries.begin(), entries.end());
  return entries;
}

}  // namespace

Migration load_migration_file(const fs::path& file, const std::string& shown_name,
                              const std::string& app) {
  Migration migration = migration_from_json(read_json_file(file, shown_name), shown_name);
  migration.checksum = migration_checksum(migration);
  migration.file = shown_name;
  std::string name = file.stem().string();
  if (migration.app != app)
    throw InputError(shown_name + ": $.app: is \"" + migration.app + "\" but the file is in the " +
                     app + " folder; make them agree");
  if (migration.name != name)
    throw InputError(shown_name + ": $.name: is \"" + migration.name + "\" but the file is " +
                     name + ".json; make them agree");
  return migration;
}

std::vector<fs::path> migration_files(const ProjectConfig& config) {
  std::vector<fs::path> files;
  if (!fs::is_directory(config.migrations_dir)) return files;
  for (const auto& folder : sorted_entries(config.migrations_dir)) {
    if (!fs::is_directory(folder)) continue;
    for (const auto& file : sorted_entries(folder))
      if (file.extension() == ".json" && fs::is_regular_file(file)) files.push_back(file);
  }
  return files;
}

std::vector<Migration> load_migrations(const ProjectConfig& config, MigrationParts parts) {
  std::vector<Migration> migrations;
  std::vector<fs::path> files = migration_files(config);
  MigrationCache cache(config);
  for (const auto& file : files) {
    fs::path folder = file.parent_path();
    if (!is_numbered_migration_name(file.stem().string()))
      throw InputError(fs::relative(file, config.root).string() +
                       ": not a migration file name; expected NNNN_<name>.json (e.g. "
                       "0001_initial.json), or move the file out of " +
                       fs::relative(folder, config.root).string());
    if (auto cached = cache.find(file, parts)) {
      migrations.push_back(std::move(*cached));
      continue;
    }
    auto stamped = stamp_file(file);
    migrations.push_back(load_migration_file(file, fs::relative(file, config.root).string(),
                                             folder.filename().string()));
    if (stamped) cache.add(std::move(*stamped), migrations.back());
    if (parts == MigrationParts::outline) migrations.back().operations.clear();
  }
  cache.store(files);
  return migrations;
}

LoadedGraph build_migration_graph(std::vector<Migration> migrations,
                                  const std::set<MigrationKey>& applied) {
  ResolvedMigrations resolved = resolve_replacements(std::move(migrations), applied);
  return {MigrationGraph(std::move(resolved.migrations)), std::move(resolved.replacements)};
}

LoadedGraph load_migration_graph(const ProjectConfig& config,
                                 const std::set<MigrationKey>& applied) {
  return build_migration_graph(load_migrations(config), applied);
}

}  // namespace dbmig
