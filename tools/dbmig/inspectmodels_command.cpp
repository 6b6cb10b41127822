#include "command_registry.hpp"

namespace dbmig::cli {

void add_inspectmodels_command(CLI::App& app, CommandContext& context) {
  (void)context;
  auto* command =
      app.add_subcommand("inspectmodels", "Print what the scanner read from the model headers");
  command->callback([] {
    throw InputError("`dbmig inspectmodels` is not available in this build yet (issue 3)");
  });
}

}  // namespace dbmig::cli
