// The migration writer (Django's MigrationWriter): writing a migration to
// migrations/<app>/NNNN_<name>.json (the text is core's format_migration, byte-identical for
// the same migration). Its name comes from dbmig/migration_names.hpp.
#pragma once

#include <filesystem>

#include "dbmig/migration.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

// Writes the file (atomically), creating the app's folder; returns its path.
std::filesystem::path write_migration(const ProjectConfig& config, const Migration& migration);

}  // namespace dbmig
