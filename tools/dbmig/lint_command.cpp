#include <algorithm>
#include <memory>

#include "command_registry.hpp"
#include "dbmig/commands/lint.hpp"

namespace dbmig::cli {

void add_lint_command(CLI::App& app, CommandContext& context) {
  auto options = std::make_shared<LintCommandOptions>();
  auto dialects = std::make_shared<std::vector<std::string>>();
  auto fail_on = std::make_shared<std::string>("error");
  auto* command = app.add_subcommand(
      "lint", "Report what in the migrations is risky on a live database (docs/lint.md)");
  command->footer(
      "Examples:\n  dbmig lint\n  dbmig lint blog 0002 --database-dialect postgresql "
      "--database-dialect mysql\n  dbmig lint --format json --fail-on warning\n  dbmig "
      "--database prod lint blog");
  command->add_option("app", options->app, "Only this app's migrations");
  command->add_option("migration", options->migration,
                      "Only this migration (name or unique prefix; needs APP)");
  command
      ->add_option("--database-dialect", *dialects,
                   "sqlite, postgresql or mysql; repeat or separate with commas for several "
                   "(default: that of --database, DATABASE_URL, .env or dbmig.json)")
      ->delimiter(',')
      // One value per use, so `--database-dialect postgresql blog` leaves `blog` to APP.
      ->allow_extra_args(false)
      ->check(CLI::IsMember({"sqlite", "postgresql", "mysql"}));
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  command
      ->add_option("--fail-on", *fail_on,
                   "Exit 1 when a finding at or above this level is not acknowledged: error, "
                   "warning, notice or never")
      ->check(CLI::IsMember({"error", "warning", "notice", "never"}))
      ->default_str("error");
  command->callback([&context, options, dialects, fail_on] {
    options->dialects.clear();
    for (const auto& name : *dialects) {
      Dialect dialect = *dialect_from_string(name);
      if (std::find(options->dialects.begin(), options->dialects.end(), dialect) ==
          options->dialects.end())
        options->dialects.push_back(dialect);
    }
    std::sort(options->dialects.begin(), options->dialects.end());
    options->fail_on = lint_level_from_string(*fail_on);
    context.result = lint(context.global, *options, context.console);
  });
}

}  // namespace dbmig::cli
