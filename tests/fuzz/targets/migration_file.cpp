#include "dbmig/error.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/migration_json.hpp"
#include "fuzz_targets.hpp"

namespace dbmig::fuzz {

namespace {

constexpr const char* kFile = "migrations/app/0001_fuzz.json";

// Every statement each operation renders, both ways, as sqlmigrate renders them.
void render_sql(const Migration& migration, const std::vector<OperationStates>& states,
                const SchemaEditor& editor) {
  for (std::size_t i = 0; i < migration.operations.size(); ++i) {
    const Operation& operation = *migration.operations[i];
    StateChange change{states[i].before, states[i].after};
    operation.describe();
    operation.forwards(editor, migration.app, change);
    if (operation.reversible()) operation.backwards(editor, migration.app, change);
  }
}

}  // namespace

int fuzz_migration_file(const std::uint8_t* data, std::size_t size) {
  try {
    Migration migration =
        migration_from_json(parse_json_text(std::string(as_text(data, size)), kFile), kFile);
    // What dbmig writes it reads back to the same migration (the writer and reader agree).
    std::string written = format_migration(migration);
    check(format_migration(migration_from_json(parse_json_text(written, kFile), kFile)) == written,
          "a migration does not read back as written:\n" + written);
    migration_checksum(migration);
    ProjectState state;
    auto states = apply_migration(state, migration);
    for (Dialect dialect : {Dialect::sqlite, Dialect::postgresql, Dialect::mysql})
      render_sql(migration, states, *make_schema_editor(dialect));
  } catch (const Error&) {
    // Refused with a message: what bad input should get.
  }
  return 0;
}

}  // namespace dbmig::fuzz
