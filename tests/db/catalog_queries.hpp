// Counting the catalog reader's queries (tests/db/live_schema_*_test.cpp): through its backend,
// an internal unit, which is why this is not in live_schema_fixtures.hpp (the e2e tests share
// that one).
#pragma once

#include "db/backends/backend.hpp"
#include "dbmig/connection.hpp"

namespace dbmig::test {

// The queries the catalog reader sends to read the schema of `connection`: the readers run a
// fixed number of bulk queries, never one per table, so this does not grow with the tables.
inline int catalog_queries(Connection& connection) {
  int queries = 0;
  backend_for(connection.dialect())
      .read_schema([&](const std::string& sql, std::vector<SqlValue> values) {
        ++queries;
        return connection.query(sql, std::move(values));
      });
  return queries;
}

}  // namespace dbmig::test
