// `dbmig check [--format text|json]`: the drift check. Compares the tables of the database with
// the state of the migrations recorded as applied and lists every difference; exit 1 when
// there is one (docs/inspectdb.md "dbmig check").
#pragma once

#include <string>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct CheckOptions {
  std::string format = "text";  // "text" or "json"
};

ExitCode check(const GlobalOptions& global, const CheckOptions& options, Console& console);

}  // namespace dbmig
