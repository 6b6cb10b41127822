#include "test_support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string_view>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "dbmig/database_url.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device random;
  for (;;) {
    path_ = fs::temp_directory_path() / ("dbmig-test-" + std::to_string(random()));
    if (fs::create_directory(path_)) break;
  }
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

ScopedEnv::ScopedEnv(const char* name, const char* value) : name_(name) {
  if (const char* old = std::getenv(name)) old_ = old;
  value ? setenv(name, value, 1) : unsetenv(name);
}

ScopedEnv::~ScopedEnv() {
  old_ ? setenv(name_, old_->c_str(), 1) : unsetenv(name_);
}

void write_file(const fs::path& path, const std::string& text) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

RunResult run_dbmig(const std::vector<std::string>& args, const fs::path& cwd,
                    const std::map<std::string, std::string>& env) {
  fs::path out_file = cwd / ".dbmig-test-stdout", err_file = cwd / ".dbmig-test-stderr";
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(cwd.c_str()) != 0) _exit(127);
    int null_in = open("/dev/null", O_RDONLY);
    int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(null_in, 0);
    dup2(out, 1);
    dup2(err, 2);
    setenv("NO_COLOR", "1", 1);
    for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
    std::vector<char*> argv{const_cast<char*>(DBMIG_BINARY)};
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(DBMIG_BINARY, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_file);
  result.err = read_file(err_file);
  fs::remove(out_file);
  fs::remove(err_file);
  return result;
}

namespace {

const char* server_variable(Dialect dialect) {
  return dialect == Dialect::postgresql ? "DBMIG_TEST_POSTGRES_URL" : "DBMIG_TEST_MYSQL_URL";
}

// Only "1" requires them: DBMIG_REQUIRE_SERVERS=0 must not fail every test for a missing server.
bool servers_required() {
  const char* value = std::getenv("DBMIG_REQUIRE_SERVERS");
  return value != nullptr && std::string_view(value) == "1";
}

// Says once per test process which server dialects run no tests, so a green run without
// servers cannot pass for a run with them.
void note_skipped_servers(const std::vector<Dialect>& skipped) {
  static bool noted = false;
  if (noted || skipped.empty()) return;
  noted = true;
  std::string names;
  for (Dialect dialect : skipped)
    names += std::string(names.empty() ? "" : ", ") + std::string(to_string(dialect)) + " (" +
             server_variable(dialect) + " not set)";
  std::fprintf(stderr, "note: skipping %s; tools/test.sh starts the servers\n", names.c_str());
}

// A database name unique to the running test, within identifier limits.
std::string database_name_for_test() {
  static int counter = 0;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "t" + std::to_string(getpid()) + "_" + std::to_string(++counter) + "_";
  if (info) name += std::string(info->test_suite_name()) + "_" + info->name();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return name.substr(0, 60);
}

}  // namespace

std::vector<Dialect> test_dialects() {
  std::vector<Dialect> dialects{Dialect::sqlite};
  std::vector<Dialect> skipped;
  for (Dialect server : {Dialect::postgresql, Dialect::mysql})
    (std::getenv(server_variable(server)) || servers_required() ? dialects : skipped)
        .push_back(server);
  note_skipped_servers(skipped);
  return dialects;
}

std::optional<std::string> fresh_database_url(Dialect dialect, const fs::path& dir) {
  if (dialect == Dialect::sqlite) return "sqlite:///" + (dir / "test.sqlite3").string();
  const char* server = std::getenv(server_variable(dialect));
  if (!server) {
    if (servers_required())
      ADD_FAILURE() << server_variable(dialect) << " is not set; run tools/test.sh";
    return std::nullopt;
  }
  // The server URL names an administrative database; tests get their own next to it.
  DatabaseUrl url = parse_database_url(server);
  std::string name = database_name_for_test();
  soci::session admin(url.soci_backend(), url.soci_connection_string());
  admin << "DROP DATABASE IF EXISTS " + name;
  admin << "CREATE DATABASE " + name;
  std::string text = std::string(server);
  return text.substr(0, text.rfind('/') + 1) + name;
}

std::optional<std::map<std::string, std::string>> cluster_env() {
  const char* path = std::getenv("DBMIG_CLUSTER_ENV");
  if (!path) {
    if (servers_required())
      ADD_FAILURE() << "DBMIG_CLUSTER_ENV is not set: run the cluster tests through ctest, "
                       "whose fixture starts the cluster";
    return std::nullopt;
  }
  std::ifstream file(path);
  if (!file) {
    ADD_FAILURE() << "cannot read the cluster's env file " << path;
    return std::nullopt;
  }
  std::map<std::string, std::string> env;
  for (std::string line; std::getline(file, line);) {
    constexpr std::string_view prefix = "export ";
    if (line.rfind(prefix, 0) != 0) continue;
    auto equals = line.find('=');
    if (equals == std::string::npos) continue;
    env[line.substr(prefix.size(), equals - prefix.size())] = line.substr(equals + 1);
  }
  return env;
}

}  // namespace dbmig::test
