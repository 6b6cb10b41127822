#include "db/backends/mysql/mysql_schema_editor.hpp"
#include "db/backends/postgresql/postgres_schema_editor.hpp"
#include "db/backends/sqlite/sqlite_schema_editor.hpp"

namespace dbmig {

std::unique_ptr<SchemaEditor> make_schema_editor(Dialect dialect) {
  switch (dialect) {
    case Dialect::postgresql:
      return std::make_unique<schema::PostgresSchemaEditor>();
    case Dialect::mysql:
      return std::make_unique<schema::MysqlSchemaEditor>();
    case Dialect::sqlite:
      break;
  }
  return std::make_unique<schema::SqliteSchemaEditor>();
}

}  // namespace dbmig
