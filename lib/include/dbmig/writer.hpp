// The migration writer (Django's MigrationWriter plus Migration.suggest_name): how new
// migrations are numbered and named, their file text, and writing them to
// migrations/<app>/NNNN_<name>.json (the text is core's format_migration, byte-identical for
// the same migration).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "dbmig/migration.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

// The number a migration name starts with ("0007_x" -> 7), or 0 when it has none.
int migration_number(std::string_view name);

// "0002_blog_subtitle": the number padded to four digits, then the name.
std::string numbered_migration_name(int number, std::string_view name);

// The automatic name of a migration of `operations`: "initial" for the first migration of an
// app, else the operations' name fragments joined by "_" (cut with "_and_more" past 52
// characters, as Django does), "empty" with no operations, and "auto" when an operation has no
// fragment. Never a timestamp, so regeneration is byte-identical.
std::string suggest_migration_name(const Operations& operations, bool initial);

// A name given with --name must be usable as a file name on every system and in
// `migrate APP NAME`: letters, digits and underscores, at most 200 of them (a file name has
// at most 255 bytes). Throws InputError otherwise.
void check_migration_name(const std::string& name);

// migrations/<app>/<name>.json under the project's migrations folder.
std::filesystem::path migration_path(const ProjectConfig& config, const Migration& migration);

// Writes the file (atomically), creating the app's folder; returns its path.
std::filesystem::path write_migration(const ProjectConfig& config, const Migration& migration);

}  // namespace dbmig
