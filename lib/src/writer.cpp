#include "dbmig/writer.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/migration_json.hpp"

namespace dbmig {

namespace {

// Django's limit for a joined name before it becomes "<first fragments>_and_more".
constexpr std::size_t max_joined_name_length = 52;

// File systems allow 255 bytes per file name; "NNNN_", ".json" and write_file_atomically's
// ".<pid>.tmp" must fit beside the name.
constexpr std::size_t max_migration_name_length = 200;

}  // namespace

int migration_number(std::string_view name) {
  int number = 0;
  for (char c : name) {
    if (!std::isdigit(static_cast<unsigned char>(c))) break;
    number = number * 10 + (c - '0');
  }
  return number;
}

std::string numbered_migration_name(int number, std::string_view name) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d", number);
  return std::string(digits) + "_" + std::string(name);
}

std::string suggest_migration_name(const Operations& operations, bool initial) {
  if (initial) return "initial";
  if (operations.empty()) return "empty";
  std::string name;
  for (const OperationPtr& operation : operations) {
    std::string fragment = operation->name_fragment();
    if (fragment.empty()) return "auto";
    if (name.empty()) {
      name = fragment;
    } else if (name.size() + 1 + fragment.size() > max_joined_name_length) {
      return name + "_and_more";
    } else {
      name += "_" + fragment;
    }
  }
  return name;
}

void check_migration_name(const std::string& name) {
  bool valid = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_';
  });
  if (!valid)
    throw InputError("--name \"" + name +
                     "\" is not a valid migration name: use letters, digits and underscores");
  if (name.size() > max_migration_name_length)
    throw InputError("--name is " + std::to_string(name.size()) +
                     " characters long; a migration name may have at most " +
                     std::to_string(max_migration_name_length) +
                     ", so that its file name (NNNN_<name>.json) fits the file system's limit of "
                     "255 bytes");
}

std::filesystem::path migration_path(const ProjectConfig& config, const Migration& migration) {
  return config.app_migrations_dir(migration.app) / (migration.name + ".json");
}

std::filesystem::path write_migration(const ProjectConfig& config, const Migration& migration) {
  std::filesystem::path path = migration_path(config, migration);
  std::filesystem::create_directories(path.parent_path());
  write_file_atomically(path, format_migration(migration));
  return path;
}

}  // namespace dbmig
