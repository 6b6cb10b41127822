// Running a schema editor's statements on a real database the way the executor does, for the
// SQL execution tests (tests/db/sql_*.cpp).
#pragma once

#include <cstdlib>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "../unit/sql_fixtures.hpp"
#include "catalog.hpp"
#include "dbmig/database_url.hpp"
#include "test_support.hpp"

namespace dbmig::test {

inline std::unique_ptr<soci::session> connect(const std::string& url) {
  DatabaseUrl parsed = parse_database_url(url);
  auto session =
      std::make_unique<soci::session>(parsed.soci_backend(), parsed.soci_connection_string());
  if (parsed.dialect == Dialect::postgresql) *session << "SET client_min_messages = warning";
  if (parsed.dialect == Dialect::sqlite) *session << "PRAGMA foreign_keys = ON";
  return session;
}

// before_migration, BEGIN where DDL is transactional, the statements, the integrity check
// (which must return no row), COMMIT, after_migration.
inline void run_migration(soci::session& session, const SchemaEditor& editor,
                          const Statements& statements) {
  for (const auto& sql : editor.before_migration(statements)) session << sql;
  if (editor.transactional_ddl()) session.begin();
  for (const auto& sql : statements) {
    SCOPED_TRACE(sql);
    session << sql;
  }
  if (auto check = editor.integrity_check()) {
    soci::rowset<soci::row> problems = session.prepare << *check;
    ASSERT_TRUE(problems.begin() == problems.end()) << "integrity check failed: " << *check;
  }
  if (editor.transactional_ddl()) session.commit();
  for (const auto& sql : editor.after_migration()) session << sql;
}

// The differences between the database's `model` table and the state ("missing" when absent).
inline std::vector<std::string> catalog_differences(soci::session& session, Dialect dialect,
                                                    const ProjectState& state,
                                                    const ModelKey& key) {
  const Model& model = state.get(key);
  auto table = read_table(session, dialect, model.table);
  if (!table) return {"table " + model.table + " is missing"};
  return compare_with_model(*table, state, model, dialect);
}

inline long long count_rows(soci::session& session, const std::string& quoted_table) {
  long long count = 0;
  session << "SELECT COUNT(*) FROM " + quoted_table, soci::into(count);
  return count;
}

// Runs `connect` (which opens a dbmig Connection) while the MariaDB test server's GLOBAL
// sql_mode is '', then puts the old mode back: a connection opened then is strict only by its
// own setting. Only the connecting moment runs with the empty mode, so tests running at the
// same time on the server are not affected. Other dialects: just `connect`.
template <typename Connect>
auto with_empty_global_sql_mode(Dialect dialect, Connect connect) {
  if (dialect != Dialect::mysql) return connect();
  auto admin = test::connect(std::getenv("DBMIG_TEST_MYSQL_URL"));
  std::string global;
  *admin << "SELECT @@GLOBAL.sql_mode", soci::into(global);
  *admin << "SET GLOBAL sql_mode = ''";
  auto connected = connect();
  *admin << "SET GLOBAL sql_mode = '" + global + "'";
  return connected;
}

}  // namespace dbmig::test
