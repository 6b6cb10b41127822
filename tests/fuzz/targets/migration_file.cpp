#include "dbmig/error.hpp"
#include "dbmig/graph.hpp"
#include "dbmig/json_file.hpp"
#include "dbmig/migration_json.hpp"
#include "dbmig/migration_plan.hpp"
#include "fuzz_targets.hpp"

namespace dbmig::fuzz {

namespace {

constexpr const char* kFile = "migrations/app/0001_fuzz.json";

// Every statement each operation renders, both ways, as migrate and sqlmigrate render them.
void render_sql(const Migration& migration, const SchemaEditor& editor) {
  for (Direction direction : {Direction::forwards, Direction::backwards}) {
    ProjectState state;
    for (const auto& operation : render_step({&migration, direction}, state, editor).operations)
      operation.operation->describe();
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
    for (Dialect dialect : {Dialect::sqlite, Dialect::postgresql, Dialect::mysql})
      render_sql(migration, *make_schema_editor(dialect));
  } catch (const Error&) {
    // Refused with a message: what bad input should get.
  }
  return 0;
}

}  // namespace dbmig::fuzz
