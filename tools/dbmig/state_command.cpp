#include "command_registry.hpp"

namespace dbmig::cli {

void add_state_command(CLI::App& app, CommandContext& context) {
  (void)context;
  auto* command =
      app.add_subcommand("state", "Print the JSON state snapshot rebuilt from the migrations");
  command->callback(
      [] { throw InputError("`dbmig state` is not available in this build yet (issue 4)"); });
}

}  // namespace dbmig::cli
