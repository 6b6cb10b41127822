#include "dbmig/commands/bindings.hpp"

#include <algorithm>

#include "cache/file_stamp.hpp"
#include "commands/finish_scan.hpp"
#include "dbmig/bindings_header.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"
#include "scanner/app_files.hpp"

namespace dbmig {

namespace {

namespace fs = std::filesystem;

// One generated header: where it goes and what it holds.
struct Output {
  const AppConfig* app;
  fs::path path;
  std::string text;
};

fs::path output_root(const ProjectConfig& config, const BindingsOptions& options) {
  return (options.output.empty() ? config.root / "bindings" : fs::absolute(options.output))
      .lexically_normal();
}

std::vector<Output> outputs_of(const ProjectConfig& config, const BindingsOptions& options) {
  check_apps_named(config, options.apps);
  fs::path root = output_root(config, options);
  std::vector<Output> outputs;
  for (const AppConfig& app : config.apps)
    if (options.apps.empty() ||
        std::find(options.apps.begin(), options.apps.end(), app.name) != options.apps.end())
      outputs.push_back({&app, root / app.name / "models_soci.hpp", {}});
  return outputs;
}

// The app's headers named from the project root (the comment) and from the output's folder
// (the includes), through symbolic links resolved so that `..` walks the real folders.
BindingsHeaderInput header_input(const ProjectConfig& config, const Output& output) {
  BindingsHeaderInput input{output.app->name, {}, {}};
  fs::path from = fs::weakly_canonical(output.path.parent_path());
  for (const fs::path& header : output.app->headers) {
    input.headers.push_back(shown_path(header, config.root));
    input.includes.push_back(
        fs::weakly_canonical(header).lexically_relative(from).generic_string());
  }
  return input;
}

bool holds(const fs::path& path, const std::string& text) {
  std::optional<std::string> bytes = read_file_bytes(path);
  return bytes && *bytes == text;
}

// Written only when its content changes, so that a build does not recompile what includes it.
bool write_if_changed(const fs::path& path, const std::string& text) {
  if (holds(path, text)) return false;
  fs::create_directories(path.parent_path());
  write_file_atomically(path, text);
  return true;
}

// A path in a Make-style depfile: spaces, '#' and '$' escaped as GNU Make and Ninja read them.
std::string depfile_path(const std::string& path) {
  std::string text;
  for (char c : path) {
    if (c == ' ' || c == '#') text += '\\';
    if (c == '$') text += '$';
    text += c;
  }
  return text;
}

// Every output depends on every file the scan read and on dbmig.json, which names the apps
// and their headers.
std::string depfile_text(const ProjectConfig& config, const std::vector<Output>& outputs,
                         const std::vector<std::string>& scanned) {
  std::vector<std::string> inputs;
  for (const std::string& file : scanned) inputs.push_back(scanner::file_identity(file).string());
  if (fs::exists(config.root / "dbmig.json"))
    inputs.push_back((config.root / "dbmig.json").string());
  std::sort(inputs.begin(), inputs.end());
  inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
  std::string text;
  for (const Output& output : outputs)
    text += (text.empty() ? "" : " ") + depfile_path(output.path.string());
  text += ":";
  for (const std::string& input : inputs) text += " \\\n  " + depfile_path(input);
  return text + "\n";
}

void print_paths(const std::vector<Output>& outputs, Console& console) {
  for (const Output& output : outputs) console.out << output.path.string() << "\n";
}

ExitCode check_outputs(const ProjectConfig& config, const std::vector<Output>& outputs,
                       Console& console) {
  bool stale = false;
  for (const Output& output : outputs) {
    if (holds(output.path, output.text)) continue;
    stale = true;
    if (console.verbosity >= 1)
      console.out << "Out of date: " << shown_path(output.path, config.root) << "\n";
  }
  if (!stale && console.verbosity >= 1)
    console.out << "Bindings up to date (" << outputs.size() << " files)\n";
  return stale ? ExitCode::changes_found : ExitCode::ok;
}

void write_outputs(const ProjectConfig& config, const std::vector<Output>& outputs,
                   Console& console) {
  std::size_t written = 0;
  for (const Output& output : outputs) {
    if (!write_if_changed(output.path, output.text)) continue;
    ++written;
    if (console.verbosity >= 1)
      console.out << "Wrote " << shown_path(output.path, config.root) << "\n";
  }
  if (written == 0 && console.verbosity >= 1)
    console.out << "Bindings up to date (" << outputs.size() << " files)\n";
}

}  // namespace

ExitCode run_bindings(const GlobalOptions& global, const BindingsOptions& options,
                      Console& console) {
  ProjectConfig config = load_project_config(global.project);
  std::vector<Output> outputs = outputs_of(config, options);
  if (options.list) {
    print_paths(outputs, console);
    return ExitCode::ok;
  }
  PendingScan scan(config);
  const ScanResult& result = finish_scan(scan, console);
  for (Output& output : outputs)
    output.text = render_bindings_header(result, header_input(config, output));
  if (options.check) return check_outputs(config, outputs, console);
  write_outputs(config, outputs, console);
  if (!options.depfile.empty())
    write_if_changed(fs::absolute(options.depfile), depfile_text(config, outputs, scan.files()));
  return ExitCode::ok;
}

}  // namespace dbmig
