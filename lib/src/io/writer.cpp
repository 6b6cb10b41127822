#include "dbmig/writer.hpp"

#include "dbmig/json_file.hpp"
#include "dbmig/migration_json.hpp"

namespace dbmig {

std::filesystem::path write_migration(const ProjectConfig& config, const Migration& migration) {
  std::filesystem::path path = migration_path(config, migration.key());
  std::filesystem::create_directories(path.parent_path());
  write_file_atomically(path, format_migration(migration));
  return path;
}

}  // namespace dbmig
