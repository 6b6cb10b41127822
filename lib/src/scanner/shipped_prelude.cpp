#include "scanner/shipped_prelude.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <thread>

#include "core/text.hpp"
#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "scanner/compile_flags.hpp"
#include "scanner/prelude_pch.hpp"

namespace dbmig::scanner {

namespace fs = std::filesystem;

namespace {

// Beside the PCH: the libclang version on the first line, then one argument a line.
constexpr const char* kArgumentsFile = "prelude.arguments";

std::optional<std::vector<std::string>> read_lines(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The entries of `from` that `other` lacks, quoted for a message.
std::string missing_from(const std::vector<std::string>& from,
                         const std::vector<std::string>& other) {
  std::vector<std::string> missing;
  for (const auto& argument : from)
    if (std::find(other.begin(), other.end(), argument) == other.end())
      missing.push_back("'" + argument + "'");
  return join(missing, " ");
}

void check_writable(const fs::path& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  fs::path probe = temporary_path_beside(dir / kArgumentsFile);
  if (!error && std::ofstream(probe)) {
    fs::remove(probe, error);
    return;
  }
  throw Error(ExitCode::input_error, "cannot write the precompiled prelude into " + dir.string() +
                                         ": the folder cannot be created or written; give a "
                                         "writable folder");
}

}  // namespace

fs::path shipped_prelude_dir() {
  if (const char* dir = std::getenv("DBMIG_PRELUDE_DIR")) return dir;
  std::error_code ignored;
  fs::path program = fs::read_symlink("/proc/self/exe", ignored);
  return (program.parent_path() / ".." / "lib" / "dbmig").lexically_normal();
}

void build_shipped_prelude(const fs::path& dir) {
  check_writable(dir);
  std::vector<std::string> arguments = arguments_with({});
  PreludePch prelude(dir, arguments);
  // A build refuses a header changed in the last 2 s (prelude_pch.cpp): right after an edit of
  // <dbmig/model.hpp>, wait that out once.
  if (!prelude.build()) {
    std::this_thread::sleep_for(std::chrono::seconds(2));
    if (!prelude.build())
      throw Error(ExitCode::input_error,
                  "libclang could not build the precompiled prelude (<dbmig/model.hpp> and the "
                  "standard headers) with the arguments: " +
                      join(arguments, " ") + "; check that libclang and libstdc++ are installed");
  }
  // Stamped now, so that no scan has to read the whole PCH to check it (prelude_pch.hpp).
  prelude.backdate(std::chrono::seconds(3));
  prelude.load();
  std::string text = libclang_version() + "\n";
  for (const auto& argument : arguments) text += argument + "\n";
  write_file_atomically(dir / kArgumentsFile, text);
}

std::string why_shipped_prelude_does_not_fit(const fs::path& dir,
                                             const std::vector<std::string>& arguments) {
  if (dir.empty()) return "DBMIG_PRELUDE_DIR is set empty";
  auto lines = read_lines(dir / kArgumentsFile);
  if (!lines || lines->empty())
    return "there is none in " + dir.string() + "; `dbmig build-prelude` builds it there";
  if (lines->front() != libclang_version())
    return "the one in " + dir.string() + " was built by " + lines->front() + ", and this is " +
           libclang_version() + "; `dbmig build-prelude` builds it again";
  std::vector<std::string> shipped(lines->begin() + 1, lines->end());
  if (shipped == arguments)
    return "the one in " + dir.string() + " is incomplete; `dbmig build-prelude` builds it again";
  std::string added = missing_from(arguments, shipped);
  std::string lacked = missing_from(shipped, arguments);
  std::string why = "the one in " + dir.string() +
                    " is for the compiler arguments of a project without flags of its own";
  if (!added.empty()) why += "; this project's add " + added;
  if (!lacked.empty()) why += (added.empty() ? "; this project's lack " : " and lack ") + lacked;
  if (added.empty() && lacked.empty()) why += "; this project's have them in another order";
  return why + " (dbmig builds the project's own prelude in its cache folder on its first edit)";
}

}  // namespace dbmig::scanner
