// Shared by the test suites: temporary folders, running the built binary, and fresh databases
// on the real servers that tools/test.sh starts.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dbmig/schema_editor.hpp"

namespace dbmig::test {

// A new empty folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Sets (or, with null, unsets) an environment variable for the scope of a test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built dbmig binary with `args` in `cwd`, stdin closed, NO_COLOR set, and `env`
// added to the environment.
RunResult run_dbmig(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                    const std::map<std::string, std::string>& env = {});

// The dialects the tests run against: SQLite always; PostgreSQL and MySQL when their server
// is configured (DBMIG_TEST_POSTGRES_URL / DBMIG_TEST_MYSQL_URL, set by tools/test.sh).
std::vector<Dialect> test_dialects();

// The URL of a new, empty database for one test. SQLite: a file in `dir`. PostgreSQL and
// MySQL: a database created on the test server, named after the running test. Returns nullopt
// (and the caller skips) only when the server is not configured and DBMIG_REQUIRE_SERVERS is
// not set; with it set, a missing server fails the test.
std::optional<std::string> fresh_database_url(Dialect dialect, const std::filesystem::path& dir);

// The settings of the cluster a suite runs against: the `export NAME=VALUE` lines of the env
// file its ctest fixture wrote (DBMIG_CLUSTER_ENV, tests/CMakeLists.txt). nullopt (and the
// caller skips) when the suite runs outside ctest without the variable and DBMIG_REQUIRE_SERVERS
// is not set; a missing or unreadable file fails the test.
std::optional<std::map<std::string, std::string>> cluster_env();

}  // namespace dbmig::test
