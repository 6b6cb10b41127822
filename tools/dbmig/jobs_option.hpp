// -j/--jobs N, shared by migrate and showmigrations: how many databases run at a time when
// several are given (docs/databases.md "Many databases").
#pragma once

#include <CLI/CLI.hpp>

#include "value_checks.hpp"

namespace dbmig::cli {

// More connections than a server usually allows (PostgreSQL's max_connections is 100) is
// almost surely a typo.
inline constexpr int max_jobs = 256;

// `jobs` must outlive parsing (it lives in the command context).
inline void add_jobs_option(CLI::App& command, int& jobs) {
  command.add_option("-j,--jobs", jobs, "How many of the databases run at a time (default 1)")
      ->check(whole_number(1, max_jobs))
      ->default_str("1");
}

}  // namespace dbmig::cli
