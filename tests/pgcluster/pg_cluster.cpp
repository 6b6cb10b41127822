#include "pg_cluster.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <thread>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "dbmig/database_url.hpp"
#include "demo_project.hpp"
#include "spawned_dbmig.hpp"
#include "test_support.hpp"

namespace dbmig::test {

std::optional<PgCluster> PgCluster::from_env() {
  auto env = cluster_env();
  if (!env) return std::nullopt;
  PgCluster cluster{(*env)["DBMIG_TEST_PG_PRIMARY_URL"], (*env)["DBMIG_TEST_PG_STANDBY_URL"],
                    (*env)["DBMIG_TEST_PGBOUNCER_URL"]};
  if (cluster.primary.empty() || cluster.standby.empty() || cluster.pgbouncer.empty()) {
    ADD_FAILURE() << "the cluster's env file lacks a DBMIG_TEST_PG_* URL";
    return std::nullopt;
  }
  return cluster;
}

std::string on_database(const std::string& server, const std::string& database) {
  return server.substr(0, server.rfind('/') + 1) + database;
}

std::string PgCluster::fresh_database() const {
  static int counter = 0;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "c" + std::to_string(getpid()) + "_" + std::to_string(++counter) + "_" +
                     info->test_suite_name() + "_" + info->name();
  for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
  name = name.substr(0, 60);
  DatabaseUrl url = parse_database_url(primary);
  soci::session admin(url.soci_backend(), url.soci_connection_string());
  admin << "CREATE DATABASE " + name;
  return name;
}

bool PgCluster::standby_caught_up() const {
  DatabaseUrl primary_url = parse_database_url(primary), standby_url = parse_database_url(standby);
  soci::session on_primary(primary_url.soci_backend(), primary_url.soci_connection_string());
  soci::session on_standby(standby_url.soci_backend(), standby_url.soci_connection_string());
  std::string written;
  on_primary << "SELECT pg_current_wal_lsn()::text", soci::into(written);
  return eventually([&] {
    int replayed = 0;
    on_standby << "SELECT CASE WHEN pg_last_wal_replay_lsn() >= CAST(:lsn AS pg_lsn) THEN 1 "
                  "ELSE 0 END",
        soci::use(written), soci::into(replayed);
    return replayed == 1;
  });
}

void write_demo_project_with_history(const std::filesystem::path& project) {
  copy_demo_project(project);
  write_blog_migration(project, "0002_subtitle",
                       R"({"op": "AddField", "model": "Blog", "field": {"name": "subtitle",)"
                       R"( "type": "string", "max_length": 100, "null": true}})");
  write_file(project / "migrations/blog/0003_title_index.json",
             R"({"dbmig": 1, "app": "blog", "name": "0003_title_index",)"
             R"( "dependencies": [["blog", "0002_subtitle"]], "atomic": true, "operations": [)"
             R"({"op": "AddIndex", "model": "Blog", "index": {"name": "blogs_title_ix",)"
             R"( "fields": ["title"]}}]})");
  write_file(project / "migrations/blog/0004_rating.json",
             R"({"dbmig": 1, "app": "blog", "name": "0004_rating",)"
             R"( "dependencies": [["blog", "0003_title_index"]], "atomic": true, "operations": [)"
             R"({"op": "AddField", "model": "Blog", "field": {"name": "rating",)"
             R"( "type": "int32", "null": true}}]})");
}

std::vector<std::string> demo_history() {
  return {"accounts.0001_initial", "blog.0001_initial", "blog.0002_subtitle",
          "blog.0003_title_index", "blog.0004_rating"};
}

std::optional<int> exit_within(pid_t pid, std::chrono::seconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) != pid) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace dbmig::test
