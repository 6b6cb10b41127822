#include "database_contents.hpp"

#include <algorithm>

#include <soci/soci.h>

#include "catalog.hpp"
#include "dbmig/connection.hpp"
#include "dbmig/migration_json.hpp"
#include "test_support.hpp"

namespace dbmig::test {

void write_history(const std::filesystem::path& root, const std::vector<Migration>& migrations) {
  for (const auto& migration : migrations)
    write_file(root / "migrations" / migration.app / (migration.name + ".json"),
               format_migration(migration));
}

std::vector<std::string> tables_of(const std::string& url, Dialect dialect) {
  Connection connection(parse_database_url(url));
  return read_tables(connection.session(), dialect);
}

std::vector<std::string> columns_of(const std::string& url, Dialect dialect,
                                    std::string_view table) {
  Connection connection(parse_database_url(url));
  auto catalog = read_table(connection.session(), dialect, table);
  if (!catalog) return {"<no table>"};
  std::vector<std::string> names;
  for (const auto& column : catalog->columns) names.push_back(column.name);
  return names;
}

std::vector<std::string> recorded_of(const std::string& url) {
  Connection connection(parse_database_url(url));
  if (!connection.has_table("dbmig_migrations")) return {};
  soci::rowset<soci::row> rows = connection.session().prepare
                                 << "SELECT app, name, state FROM dbmig_migrations";
  std::vector<std::string> recorded;
  for (const auto& row : rows) {
    std::string state = row.get<std::string>(2);
    recorded.push_back(row.get<std::string>(0) + "." + row.get<std::string>(1) +
                       (state == "applied" ? "" : " (" + state + ")"));
  }
  std::sort(recorded.begin(), recorded.end());
  return recorded;
}

void execute_sql(const std::string& url, const std::vector<std::string>& sql) {
  Connection connection(parse_database_url(url));
  for (const auto& statement : sql) connection.execute(statement);
}

}  // namespace dbmig::test
