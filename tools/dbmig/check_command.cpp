#include <memory>

#include "command_registry.hpp"
#include "dbmig/commands/check.hpp"

namespace dbmig::cli {

void add_check_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<CheckOptions>();
  auto* command = app.add_subcommand(
      "check", "Compare the database with the applied migrations; exit 1 on any drift");
  command->footer("Examples:\n  dbmig check\n  dbmig check --database prod --format json");
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  command->callback(
      [options, &context] { context.result = check(context.global, *options, context.console); });
}

}  // namespace dbmig::cli
