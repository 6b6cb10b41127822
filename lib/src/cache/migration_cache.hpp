// Parsed migration files, kept in ProjectConfig::cache_dir with the stamp of the file each came
// from, so an unchanged file is not parsed again: on a large project, parsing the JSON of the
// initial migrations was nearly all of `showmigrations`, `sqlmigrate` and a warm
// `makemigrations`. A file that changed is parsed (and checked) as usual. Deleting the cache
// is always safe.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cache/file_stamp.hpp"
#include "dbmig/loader.hpp"
#include "dbmig/migration.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

class MigrationCache {
 public:
  // Reads the cache file; a missing, damaged or foreign one is simply empty. Without a
  // config.cache_dir there is no cache file at all.
  explicit MigrationCache(const ProjectConfig& config);

  // What `file` parsed to, when it has not changed since; its operations only when `parts`
  // asks for them (they are most of the cache, and decoded only then).
  std::optional<Migration> find(const std::filesystem::path& file, MigrationParts parts) const;

  // Remembers what a file parsed to; `file` was stamped before it was read, so an edit made
  // meanwhile makes the entry stale on arrival, never wrong.
  void add(StampedFile file, const Migration& migration);

  // Writes the cache, keeping only `files_in_use`, when anything changed. Best effort.
  void store(const std::vector<std::filesystem::path>& files_in_use);

  struct Entry {
    StampedFile file;
    Migration migration;     // without its operations,
    std::string operations;  // which are kept encoded (binary::encode)
  };

 private:
  std::filesystem::path path_;
  std::map<std::string, Entry> entries_;  // by file path
  bool changed_ = false;
};

}  // namespace dbmig
