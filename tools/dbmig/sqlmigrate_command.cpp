#include "command_registry.hpp"

namespace dbmig::cli {

void add_sqlmigrate_command(CLI::App& app, CommandContext& context) {
  (void)context;
  auto* command = app.add_subcommand("sqlmigrate", "Print the SQL of a migration");
  command->callback(
      [] { throw InputError("`dbmig sqlmigrate` is not available in this build yet (issue 5)"); });
}

}  // namespace dbmig::cli
