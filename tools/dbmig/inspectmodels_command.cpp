#include "command_registry.hpp"
#include "dbmig/commands/inspectmodels.hpp"

namespace dbmig::cli {

void add_inspectmodels_command(CLI::App& app, CommandContext& context) {
  auto* command =
      app.add_subcommand("inspectmodels", "Print what the scanner read from the model headers");
  command->footer("Examples:\n  dbmig inspectmodels\n  dbmig inspectmodels blog --format json");
  auto options = std::make_shared<InspectModelsOptions>();
  command->add_option("apps", options->apps, "Only these apps (default: all)");
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  command->callback([options, &context] {
    context.result = inspect_models(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
