// Runs a shell command line the way a user types it, for the tests of the installed dbmig and
// of CMake projects using it.
#pragma once

#include <filesystem>
#include <string>

namespace dbmig::test {

struct ShellResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `command` with sh in `cwd`, NO_COLOR set and DBMIG_INCLUDE_DIR unset (so an installed
// dbmig has to find its own header).
ShellResult shell(const std::string& command, const std::filesystem::path& cwd);

// `path` quoted for sh.
std::string quoted(const std::filesystem::path& path);

}  // namespace dbmig::test
