#include "command_registry.hpp"

namespace dbmig::cli {

void add_migrate_command(CLI::App& app, CommandContext& context) {
  (void)context;
  auto* command = app.add_subcommand(
      "migrate", "Apply (or unapply down to a target) migrations in dependency order");
  command->callback(
      [] { throw InputError("`dbmig migrate` is not available in this build yet (issue 6)"); });
}

}  // namespace dbmig::cli
