// Where commands write and read, so the library never touches std::cout directly and tests can
// capture everything a command prints.
#pragma once

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace dbmig {

struct Console {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  std::istream& in = std::cin;
  bool interactive = false;  // questions may be asked (a terminal, and no --noinput)
  int verbosity = 1;         // 0 quiet, 1 normal, 2 verbose, 3 debug (like Django)
};

// Options every command takes (docs/cli.md "Global flags").
struct GlobalOptions {
  std::filesystem::path project = ".";
  std::string database;  // alias or URL; empty => DATABASE_URL, .env, dbmig.json, SQLite default
  // Every --database given, in order; "all": every alias of dbmig.json. Several (or "all") run
  // migrate and showmigrations on each, `jobs` at a time (docs/databases.md "Many databases");
  // the other commands take one, which is `database`.
  std::vector<std::string> databases{};
  int jobs = 1;
};

}  // namespace dbmig
