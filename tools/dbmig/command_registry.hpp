// Each command of the command line lives in its own <name>_command.cpp: it declares its flags
// with CLI11 and calls the library. Nothing else happens in tools/.
#pragma once

#include <set>

#include <CLI/CLI.hpp>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig::cli {

struct CommandContext {
  GlobalOptions global;
  Console console;
  ExitCode result = ExitCode::ok;
  // The commands that run on several databases (--database repeated or "all").
  std::set<const CLI::App*> many_databases;
};

// After parsing, before the command runs: sets global.database, the one database given, and
// refuses --database given more than once to a command that takes one (exit 2, as any option
// given twice).
inline void one_database_unless_many(const CLI::App& app, const CLI::Option& database,
                                     CommandContext& context) {
  const auto& given = context.global.databases;
  auto chosen = app.get_subcommands();
  bool many = !chosen.empty() && context.many_databases.count(chosen.front());
  if (given.size() > 1 && !many)
    throw CLI::ArgumentMismatch::AtMost(database.get_name(), 1, given.size());
  if (!given.empty()) context.global.database = given.front();
}

void add_makemigrations_command(CLI::App& app, CommandContext& context);
void add_squashmigrations_command(CLI::App& app, CommandContext& context);
void add_migrate_command(CLI::App& app, CommandContext& context);
void add_rollback_command(CLI::App& app, CommandContext& context);
void add_sqlmigrate_command(CLI::App& app, CommandContext& context);
void add_showmigrations_command(CLI::App& app, CommandContext& context);
void add_inspectmodels_command(CLI::App& app, CommandContext& context);
void add_inspectdb_command(CLI::App& app, CommandContext& context);
void add_state_command(CLI::App& app, CommandContext& context);
void add_check_command(CLI::App& app, CommandContext& context);
void add_lint_command(CLI::App& app, CommandContext& context);
void add_build_prelude_command(CLI::App& app, CommandContext& context);
void add_bindings_command(CLI::App& app, CommandContext& context);

}  // namespace dbmig::cli
