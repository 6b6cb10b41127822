// `dbmig showmigrations [APP…] [--plan] [--format text|json]`: [X]/[ ] per migration per app,
// or every migration in apply order with its dependencies; flags edited migrations, migrations
// recorded but missing on disk, and interrupted ones (docs/cli.md).
#pragma once

#include <string>
#include <vector>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct ShowMigrationsOptions {
  std::vector<std::string> apps;  // empty: every app
  bool plan = false;
  std::string format = "text";  // "text" or "json"
};

ExitCode showmigrations(const GlobalOptions& global, const ShowMigrationsOptions& options,
                        Console& console);

}  // namespace dbmig
