#include "dbmig/commands/inspectdb.hpp"

#include "core/cpp_names.hpp"
#include "core/table_selection.hpp"
#include "core/text.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/model_header.hpp"
#include "dbmig/project_config.hpp"

namespace dbmig {

namespace fs = std::filesystem;

namespace {

void check_app_name(const std::string& app) {
  if (is_plain_cpp_name(app)) return;
  throw InputError("--app " + app +
                   ": an app name becomes a C++ namespace and a folder: letters, digits and "
                   "underscores, not starting with a digit, and no C++ keyword (e.g. --app "
                   "legacy)");
}

// Where the apps folder goes: under --output, else the project root.
fs::path output_root(const ProjectConfig& config, const InspectDbOptions& options) {
  return options.output.empty() ? config.root : fs::absolute(options.output);
}

// <output root>/<apps_root of dbmig.json, "apps" by default>/<app>/models.hpp.
fs::path header_path(const ProjectConfig& config, const InspectDbOptions& options) {
  return output_root(config, options) / config.apps_root.lexically_relative(config.root) /
         options.app / "models.hpp";
}

// "note: table T: OBJECT: WHY", as the header's comments say it.
void print_note(Console& console, const SchemaNote& note) {
  console.err << "note: table " << note.table << ": " << note.object << ": " << note.note << "\n";
}

std::string table_list(const LiveSchema& schema) {
  std::vector<std::string> names;
  for (const Model& table : schema.tables) names.push_back(table.table);
  return join(names);
}

// The tables asked for (all when none is) and those they reference, each of these named on
// console.err.
LiveSchema selected_tables(const LiveSchema& schema, const std::vector<std::string>& tables,
                           Console& console) {
  for (const std::string& table : tables)
    if (!schema.find(table))
      throw InputError("--table " + table + ": the database has no table " + table +
                       " (its tables: " + table_list(schema) + ")");
  TableSelection selection = select_tables(schema, tables);
  for (const SchemaNote& note : selection.included) print_note(console, note);
  return selection.schema;
}

}  // namespace

ExitCode run_inspectdb(const GlobalOptions& global, const InspectDbOptions& options,
                       Console& console) {
  check_app_name(options.app);
  ProjectConfig config = load_project_config(global.project);
  fs::path path = header_path(config, options);
  fs::path shown_root = output_root(config, options);
  if (fs::exists(path) && !options.force)
    throw InputError(shown_path(path, shown_root) +
                     " exists; pass --force to overwrite it, or choose another --app or "
                     "--output");
  LiveSchema schema = read_live_schema(*connect(global, config, Access::read));
  if (schema.tables.empty())
    throw InputError(
        "the database has no tables (besides dbmig's own); nothing to inspect, nothing written. "
        "Is it the database you mean? Name another with --database ALIAS|URL or DATABASE_URL");
  ModelHeader header =
      render_model_header(selected_tables(schema, options.tables, console), options.app);
  fs::create_directories(path.parent_path());
  write_file_atomically(path, header.text);
  for (const SchemaNote& note : header.notes) print_note(console, note);
  console.out << "Wrote " << shown_path(path, shown_root) << ": " << header.models << " models; "
              << header.notes.size() << " objects left out (see the comments)\n";
  return ExitCode::ok;
}

}  // namespace dbmig
