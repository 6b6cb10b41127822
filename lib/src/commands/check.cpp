#include "dbmig/commands/check.hpp"

#include <nlohmann/json.hpp>

#include "commands/migration_context.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/live_schema.hpp"
#include "dbmig/schema_drift.hpp"

namespace dbmig {

namespace {

nlohmann::ordered_json to_json(const SchemaDifference& difference) {
  return {{"table", difference.table},
          {"object", difference.object},
          {"kind", difference.kind},
          {"expected", difference.expected},
          {"found", difference.found}};
}

nlohmann::ordered_json to_json(const SchemaNote& note) {
  return {{"table", note.table}, {"object", note.object}, {"note", note.note}};
}

void print_text(const std::vector<SchemaDifference>& differences, const LiveSchema& live,
                const std::string& database, Console& console) {
  if (differences.empty()) {
    if (console.verbosity >= 1)
      console.out << "No drift: " << database << " holds what the applied migrations say.\n";
  } else {
    console.out << database << " differs from the applied migrations (" << differences.size()
                << (differences.size() == 1 ? " difference" : " differences") << "):\n";
    for (const SchemaDifference& difference : differences)
      console.out << "  " << difference.describe() << "\n";
  }
  // What the reader could not express is not drift by itself (a view or trigger a RunSQL
  // migration made), but it is never hidden.
  if (console.verbosity >= 1 && !live.notes.empty()) {
    console.out << "Not compared (dbmig cannot express these):\n";
    for (const SchemaNote& note : live.notes)
      console.out << "  " << note.table << ": " << note.object << ": " << note.note << "\n";
  }
}

}  // namespace

ExitCode check(const GlobalOptions& global, const CheckOptions& options, Console& console) {
  if (options.format != "text" && options.format != "json")
    throw InputError("--format must be text or json, not '" + options.format + "'");
  auto opened = open_migration_context(global, std::nullopt);
  MigrationContext& context = opened.context;
  MigrationExecutor executor = context.executor(console);
  LiveSchema live = read_live_schema(*context.connection);
  std::vector<SchemaDifference> differences =
      schema_differences(executor.applied_state(), live, context.connection->dialect());
  std::string database = context.connection->url().redacted();
  if (options.format == "json") {
    nlohmann::ordered_json listed = nlohmann::ordered_json::array();
    for (const SchemaDifference& difference : differences) listed.push_back(to_json(difference));
    nlohmann::ordered_json notes = nlohmann::ordered_json::array();
    for (const SchemaNote& note : live.notes) notes.push_back(to_json(note));
    console.out << format_json(
        {{"database", database}, {"differences", listed}, {"not_compared", notes}});
  } else {
    print_text(differences, live, database, console);
  }
  return differences.empty() ? ExitCode::ok : ExitCode::changes_found;
}

}  // namespace dbmig
