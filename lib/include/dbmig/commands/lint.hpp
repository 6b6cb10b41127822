// `dbmig lint [APP [MIGRATION]] [--database-dialect D ...] [--format text|json]
// [--fail-on error|warning|notice|never]`: the safety lint of the migrations (docs/lint.md);
// with --database it reads the row counts of the tables they change.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"
#include "dbmig/lint.hpp"
#include "dbmig/migration.hpp"
#include "dbmig/schema_editor.hpp"

namespace dbmig {

class Connection;

struct LintCommandOptions {
  std::string app;        // empty: every app
  std::string migration;  // a name or unique prefix; empty: every migration of the app(s)
  // Empty: the dialect of the database (--database when given, else the project's default,
  // read from its URL without connecting).
  std::vector<Dialect> dialects;
  std::string format = "text";                          // "text" or "json"
  std::optional<LintLevel> fail_on = LintLevel::error;  // nullopt: never fail
};

// Exit 1 when a finding at or above --fail-on is not acknowledged.
ExitCode lint(const GlobalOptions& global, const LintCommandOptions& options, Console& console);

// The lint of migrations about to be applied together (makemigrations' new files, migrate
// --plan's steps) on `state` (the state before them), in `dialect`, with row counts when
// `connection` is given, as text for a command's report; empty when there is no finding.
std::string deployment_lint_text(const std::vector<const Migration*>& migrations,
                                 ProjectState state, Dialect dialect, Connection* connection);

}  // namespace dbmig
