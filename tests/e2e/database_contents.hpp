// What the end-to-end tests read back after running dbmig: the tables of the database, their
// columns and the migrations its recorder table holds, read through the database's own catalog
// (catalog.hpp) rather than through dbmig. And the migration files they start from.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/migration.hpp"
#include "dbmig/schema_editor.hpp"

namespace dbmig::test {

// Writes each migration as migrations/<app>/<name>.json under `root`.
void write_history(const std::filesystem::path& root, const std::vector<Migration>& migrations);

// The tables of the database at `url`, sorted.
std::vector<std::string> tables_of(const std::string& url, Dialect dialect);

// The columns of `table` in table order, or {"<no table>"} when it does not exist.
std::vector<std::string> columns_of(const std::string& url, Dialect dialect,
                                    std::string_view table);

// The rows of dbmig_migrations as "app.name", with " (state)" for a migration not simply
// applied, sorted; empty when the table does not exist.
std::vector<std::string> recorded_of(const std::string& url);

// Runs `sql` on the database at `url` (a test's setup, done by hand as a user would).
void execute_sql(const std::string& url, const std::vector<std::string>& sql);

}  // namespace dbmig::test
