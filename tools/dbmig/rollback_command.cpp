#include "command_registry.hpp"

namespace dbmig::cli {

void add_rollback_command(CLI::App& app, CommandContext& context) {
  (void)context;
  auto* command =
      app.add_subcommand("rollback", "Undo the last batch of migrations, or the last N");
  command->callback(
      [] { throw InputError("`dbmig rollback` is not available in this build yet (issue 6)"); });
}

}  // namespace dbmig::cli
