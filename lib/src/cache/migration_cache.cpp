#include "cache/migration_cache.hpp"

#include "cache/file_stamp_archive.hpp"
#include "cache/operation_archive.hpp"
#include "cache/state_archive.hpp"
#include "dbmig/json_file.hpp"

namespace dbmig {

namespace fs = std::filesystem;

DBMIG_BINARY_MEMBERS(MigrationKey, key, key.app, key.name)

// A migration without its operations: what an entry keeps decoded.
DBMIG_BINARY_MEMBERS(Migration, migration, migration.app, migration.name, migration.dependencies,
                     migration.replaces, migration.atomic, migration.checksum, migration.file)

DBMIG_BINARY_MEMBERS(MigrationCache::Entry, entry, entry.file, entry.migration, entry.operations)

namespace {

// Bump on any change to what the transfers (here and in operation_archive.cpp) write, and when
// the reader refuses more: a cached migration is not read again.
constexpr std::string_view kMagic = "dbmig-migration-cache-6";

}  // namespace

MigrationCache::MigrationCache(const ProjectConfig& config) {
  if (config.cache_dir.empty()) return;  // a configuration built in code: no cache
  path_ = config.cache_dir / "migrations.bin";
  if (auto bytes = read_file_bytes(path_))
    if (auto entries = binary::decode_sealed<std::map<std::string, Entry>>(kMagic, *bytes))
      entries_ = std::move(*entries);
}

std::optional<Migration> MigrationCache::find(const fs::path& file, MigrationParts parts) const {
  auto entry = entries_.find(file.string());
  if (entry == entries_.end() || !unchanged(entry->second.file)) return std::nullopt;
  Migration migration = entry->second.migration;
  if (parts == MigrationParts::whole) {
    auto operations = binary::decode<Operations>(entry->second.operations);
    if (!operations) return std::nullopt;  // sealed but unreadable: parse the file instead
    migration.operations = std::move(*operations);
  }
  return migration;
}

void MigrationCache::add(StampedFile file, const Migration& migration) {
  std::string path = file.path;
  Entry entry{std::move(file), migration, binary::encode(migration.operations)};
  entry.migration.operations.clear();
  entries_[path] = std::move(entry);
  changed_ = true;
}

void MigrationCache::store(const std::vector<fs::path>& files_in_use) {
  std::map<std::string, Entry> kept;
  for (const auto& file : files_in_use)
    if (auto entry = entries_.find(file.string()); entry != entries_.end())
      kept.insert(entries_.extract(entry));
  if (!entries_.empty()) changed_ = true;  // entries of files that are gone
  entries_ = std::move(kept);
  if (!changed_ || path_.empty()) return;
  try {
    fs::create_directories(path_.parent_path());
    replace_cache_file(path_, binary::encode_sealed(kMagic, entries_));
    changed_ = false;
  } catch (const std::exception&) {
    // Best effort (read-only checkout, full disk): the next run parses again.
  }
}

}  // namespace dbmig
