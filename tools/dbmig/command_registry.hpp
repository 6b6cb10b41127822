// Each command of the command line lives in its own <name>_command.cpp: it declares its flags
// with CLI11 and calls the library. Nothing else happens in tools/.
#pragma once

#include <CLI/CLI.hpp>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig::cli {

struct CommandContext {
  GlobalOptions global;
  Console console;
  ExitCode result = ExitCode::ok;
};

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

}  // namespace dbmig::cli
