// `dbmig inspectdb --app NAME [--table T ...] [--output DIR] [--force]`: the tables of the
// database as annotated model structs in apps/<app>/models.hpp, to adopt an existing database
// (docs/inspectdb.md).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct InspectDbOptions {
  std::string app;                  // the namespace and folder of the models; required
  std::vector<std::string> tables;  // only these (and the tables they reference); empty: all
  std::filesystem::path output;     // written under this folder instead of the project root
  bool force = false;               // overwrite an existing models.hpp
};

// Reads the database (never changing it), writes the header, prints each note on console.err
// and a summary on console.out. Throws InputError (nothing written) for a bad app name, an
// existing header without `force`, a table the database lacks, or a database without tables.
ExitCode run_inspectdb(const GlobalOptions& global, const InspectDbOptions& options,
                       Console& console);

}  // namespace dbmig
