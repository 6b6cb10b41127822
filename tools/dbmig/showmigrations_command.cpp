#include <memory>

#include "command_registry.hpp"
#include "dbmig/commands/showmigrations.hpp"
#include "jobs_option.hpp"

namespace dbmig::cli {

void add_showmigrations_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<ShowMigrationsOptions>();
  auto* command =
      app.add_subcommand("showmigrations", "List migrations per app with [X] for applied ones");
  command->footer(
      "Examples:\n  dbmig showmigrations\n  dbmig showmigrations blog --format json\n  dbmig "
      "showmigrations --plan\n  dbmig showmigrations --database a --database b");
  command->add_option("apps", options->apps, "Only these apps");
  command->add_flag("--plan", options->plan,
                    "Every migration in apply order, with its dependencies");
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  add_jobs_option(*command, context.global.jobs);
  context.many_databases.insert(command);
  command->callback([options, &context] {
    context.result = showmigrations(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
