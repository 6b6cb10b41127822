#include "shell_command.hpp"

#include <sys/wait.h>

#include <cstdlib>

#include "test_support.hpp"

namespace dbmig::test {

ShellResult shell(const std::string& command, const std::filesystem::path& cwd) {
  std::filesystem::path log = cwd / ".shell-command-output";
  std::string line = "cd " + quoted(cwd) + " && env -u DBMIG_INCLUDE_DIR NO_COLOR=1 " + command +
                     " >" + quoted(log) + " 2>&1";
  int status = std::system(line.c_str());
  ShellResult result{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(log)};
  std::filesystem::remove(log);
  return result;
}

std::string quoted(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

}  // namespace dbmig::test
