#include "dbmig/commands/inspectmodels.hpp"

#include <algorithm>

#include "commands/finish_scan.hpp"
#include "core/text.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/literal_text.hpp"
#include "dbmig/project_config.hpp"
#include "dbmig/scanner.hpp"
#include "scanner/default_value.hpp"
#include "scanner/scan_result_json.hpp"

namespace dbmig {

namespace {

bool selected(const std::vector<std::string>& apps, const std::string& app) {
  return apps.empty() || std::find(apps.begin(), apps.end(), app) != apps.end();
}

// "string(200) null unique default=\"x\"", "int64 primary_key auto_increment", ...
std::string field_summary(const Field& field) {
  std::string text(to_string(field.type));
  if (field.max_length) text += "(" + std::to_string(*field.max_length) + ")";
  if (field.type == FieldType::decimal)
    text += "(" + std::to_string(field.precision) + "," + std::to_string(field.scale) + ")";
  if (field.null) text += " null";
  if (field.primary_key) text += " primary_key";
  if (field.auto_increment) text += " auto_increment";
  if (field.unique) text += " unique";
  if (field.index) text += " index";
  if (!field.column.empty()) text += " column=" + field.column;
  if (field.default_value) text += " default=" + literal_text(*field.default_value);
  if (field.references)
    text += " references=" + field.references->target.str() +
            " on_delete=" + std::string(to_string(field.references->on_delete));
  return text;
}

void print_model(const Model& model, const ModelSource& source, std::ostream& out) {
  out << "  " << model.name << " (" << source.cpp_name << ") table " << model.table << "  "
      << source.location.str() << "\n";
  for (const auto& field : model.fields)
    out << "    " << field.name << ": " << field_summary(field) << "  "
        << source.fields.at(field.name).location.str() << "\n";
  for (const auto& index : model.indexes)
    out << "    index " << index.name << " (" << join(index.fields) << ")\n";
  for (const auto& constraint : model.constraints) {
    if (constraint.kind == ConstraintKind::unique)
      out << "    unique " << constraint.name << " (" << join(constraint.fields) << ")\n";
    else
      out << "    check " << constraint.name << " " << constraint.check << "\n";
  }
}

void print_text(const ScanResult& result, const ProjectConfig& config,
                const std::vector<std::string>& apps, std::ostream& out) {
  for (const auto& app : config.apps) {
    if (!selected(apps, app.name)) continue;
    out << app.name << "\n";
    for (const Model* model : result.state.app_models(app.name))
      print_model(*model, result.sources.at(model->key()), out);
  }
}

}  // namespace

ExitCode inspect_models(const GlobalOptions& global, const InspectModelsOptions& options,
                        Console& console) {
  if (options.format != "text" && options.format != "json")
    throw InputError("unknown --format " + options.format + "; use text or json");
  ProjectConfig config = load_project_config(global.project);
  std::vector<std::string> known;
  for (const auto& app : config.apps) known.push_back(app.name);
  for (const auto& app : options.apps)
    if (!config.find_app(app))
      throw InputError("no app named " + app + "; the apps are " + join(known));
  PendingScan scan(config);
  const ScanResult& result = finish_scan(scan, console);
  if (options.format == "json")
    console.out << format_json(scanner::scan_result_to_json(result, config, options.apps));
  else
    print_text(result, config, options.apps, console.out);
  return ExitCode::ok;
}

}  // namespace dbmig
