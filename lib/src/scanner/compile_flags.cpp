#include "scanner/compile_flags.hpp"

#include <algorithm>
#include <cstdlib>

#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"

#ifndef DBMIG_INCLUDE_DIR
#error "lib/CMakeLists.txt defines DBMIG_INCLUDE_DIR, the folder that holds <dbmig/model.hpp>"
#endif

namespace dbmig::scanner {

namespace fs = std::filesystem;

namespace {

// Flags that take their value in the next argument when not attached.
const std::vector<std::string> kPathFlags = {"-I", "-isystem", "-iquote", "-idirafter", "-include"};
const std::vector<std::string> kValueFlags = {"-D", "-U"};

std::vector<std::string> command_arguments(const nlohmann::json& entry) {
  std::vector<std::string> arguments;
  if (entry.contains("arguments") && entry["arguments"].is_array()) {
    for (const auto& argument : entry["arguments"])
      if (argument.is_string()) arguments.push_back(argument.get<std::string>());
  } else if (entry.contains("command") && entry["command"].is_string()) {
    // Whitespace-separated; quoting in compile_commands.json commands is rare for -I/-D.
    std::string command = entry["command"].get<std::string>();
    std::string word;
    for (char c : command + " ") {
      if (c == ' ' || c == '\t') {
        if (!word.empty()) arguments.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
  }
  return arguments;
}

void add_once(std::vector<std::string>& result, const std::vector<std::string>& flag) {
  for (std::size_t i = 0; i + flag.size() <= result.size(); ++i)
    if (std::equal(flag.begin(), flag.end(), result.begin() + static_cast<std::ptrdiff_t>(i)))
      return;
  result.insert(result.end(), flag.begin(), flag.end());
}

// The include, define and -std flags of every entry, in first-seen order, paths made absolute
// against each entry's directory.
std::vector<std::string> flags_from(const fs::path& file) {
  nlohmann::json json = read_json_file(file, file.string());
  if (!json.is_array())
    throw InputError(json_error(file.string(), "$", "expected an array of compile commands"));
  std::vector<std::string> result;
  for (const auto& entry : json) {
    fs::path directory = entry.contains("directory") && entry["directory"].is_string()
                             ? fs::path(entry["directory"].get<std::string>())
                             : file.parent_path();
    auto arguments = command_arguments(entry);
    for (std::size_t i = 0; i < arguments.size(); ++i) {
      const std::string& argument = arguments[i];
      if (argument.rfind("-std=", 0) == 0) {
        add_once(result, {argument});
        continue;
      }
      for (const auto& flag : kPathFlags) {
        if (argument.rfind(flag, 0) != 0) continue;
        std::string value = argument.substr(flag.size());
        if (value.empty() && i + 1 < arguments.size()) value = arguments[++i];
        add_once(result, {flag, (directory / value).lexically_normal().string()});
        break;
      }
      for (const auto& flag : kValueFlags) {
        if (argument.rfind(flag, 0) != 0) continue;
        std::string value = argument.substr(flag.size());
        if (value.empty() && i + 1 < arguments.size()) value = arguments[++i];
        add_once(result, {flag + value});
        break;
      }
    }
  }
  return result;
}

}  // namespace

fs::path model_include_dir() {
  if (const char* dir = std::getenv("DBMIG_INCLUDE_DIR"); dir && *dir) return dir;
  // An installed dbmig (<prefix>/bin/dbmig) scans with the header installed next to it, so
  // the install keeps working after the source tree it was built from is gone.
  std::error_code ignored;
  fs::path installed = fs::read_symlink("/proc/self/exe", ignored).parent_path() / ".." / "include";
  if (fs::is_regular_file(installed / "dbmig" / "model.hpp", ignored))
    return installed.lexically_normal();
  return DBMIG_INCLUDE_DIR;
}

std::vector<std::string> scan_arguments(const ProjectConfig& config) {
  for (const fs::path& candidate :
       {config.root / "compile_commands.json", config.root / "build" / "compile_commands.json"})
    if (fs::is_regular_file(candidate)) return arguments_with(flags_from(candidate));
  return arguments_with(config.clang_args);
}

std::vector<std::string> arguments_with(const std::vector<std::string>& project_flags) {
  bool has_std = std::any_of(project_flags.begin(), project_flags.end(),
                             [](const std::string& flag) { return flag.rfind("-std=", 0) == 0; });
  std::vector<std::string> arguments = {"-x", "c++"};
  if (!has_std) arguments.push_back("-std=c++20");
  arguments.insert(arguments.end(), {"-ferror-limit=0", "-Wno-pragma-once-outside-header",
                                     "-I" + model_include_dir().string()});
  arguments.insert(arguments.end(), project_flags.begin(), project_flags.end());
  return arguments;
}

}  // namespace dbmig::scanner
