// No message ever prints any part of a credential: every URL shape a password may be given or
// mistyped in, through each way of naming the database, for each command that reads one. A
// password counts as leaked when any 3 consecutive characters of it (as written, or decoded)
// appear in stdout or stderr.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

struct Shape {
  std::string url;
  std::vector<std::string> secrets;  // the password as written and decoded
};

// Port 1 on loopback: nothing listens, so a well-formed URL fails at once with the server
// library's own message (which must not echo the password either).
std::vector<Shape> shapes() {
  return {
      {"postgresql://alice:qZ7kPw9x@127.0.0.1:1/shop", {"qZ7kPw9x"}},
      {"mysql://alice:qZ7kPw9x@127.0.0.1:1/shop", {"qZ7kPw9x"}},
      {"postgres://alice:qZ7kPw9x@127.0.0.1:1/shop", {"qZ7kPw9x"}},
      {"postgresql//alice:qZ7kPw9x@127.0.0.1:1/shop", {"qZ7kPw9x"}},
      {"postgresql:/alice:qZ7kPw9x@127.0.0.1:1/shop", {"qZ7kPw9x"}},
      {"alice:qZ7kPw9x@127.0.0.1:1/shop", {"qZ7kPw9x"}},
      {"postgresql://alice@127.0.0.1:1/shop?password=qZ7kPw9x", {"qZ7kPw9x"}},
      {"postgresql://alice@127.0.0.1:1/shop?sslmode=disable&pwd=qZ7kPw9x", {"qZ7kPw9x"}},
      {"mysql://alice@127.0.0.1:1/shop?passwd=qZ7kPw9x", {"qZ7kPw9x"}},
      {"postgresql://alice%3AqZ7kPw9x@127.0.0.1:1/shop", {"qZ7kPw9x"}},
      {"postgresql://alice:qZ7%40kP%3Aw9x@127.0.0.1:1/shop", {"qZ7%40kP%3Aw9x", "qZ7@kP:w9x"}},
      {"mysql://alice:qZ7@kP:w/9?x@127.0.0.1:1/shop", {"qZ7@kP:w/9?x"}},
      {"postgresql://alice:qZ7kPw9x/shop", {"qZ7kPw9x"}},
      {"postgresql://alice:qZ7kPw9x@127.0.0.1:notaport/shop", {"qZ7kPw9x"}},
      {"oracle://alice:qZ7kPw9x@127.0.0.1:1/shop", {"qZ7kPw9x"}},
      {"sqlite://alice:qZ7kPw9x@/shop.db", {"qZ7kPw9x"}},
      {"postgresql://alice:qZ7kPw9x@127.0.0.1:1", {"qZ7kPw9x"}},
  };
}

std::vector<std::vector<std::string>> commands() {
  return {{"migrate"},
          {"migrate", "--plan"},
          {"rollback"},
          {"showmigrations"},
          {"showmigrations", "--format", "json"},
          {"sqlmigrate", "blog", "0001"}};
}

// Every run of 3 characters of `secret`.
std::vector<std::string> pieces(const std::string& secret) {
  std::vector<std::string> result;
  for (std::size_t at = 0; at + 3 <= secret.size(); ++at) result.push_back(secret.substr(at, 3));
  return result;
}

void expect_no_piece_of(const std::vector<std::string>& secrets, const RunResult& result,
                        const std::string& what) {
  for (const auto& secret : secrets)
    for (const auto& piece : pieces(secret)) {
      EXPECT_EQ(result.out.find(piece), std::string::npos) << what << "\nstdout: " << result.out;
      EXPECT_EQ(result.err.find(piece), std::string::npos) << what << "\nstderr: " << result.err;
    }
}

std::string command_text(const std::vector<std::string>& command) {
  std::string text;
  for (const auto& word : command) text += " " + word;
  return text;
}

}  // namespace

TEST(Secrets, NoPartOfAPasswordIsPrintedForAnyUrlShapeCommandOrSource) {
  TempDir project;
  copy_demo_project(project.path());
  for (const Shape& shape : shapes()) {
    for (const auto& command : commands()) {
      std::string what = shape.url + " with" + command_text(command);
      std::vector<std::string> flag_args = {"--database", shape.url};
      flag_args.insert(flag_args.end(), command.begin(), command.end());
      RunResult by_flag = run_dbmig(flag_args, project.path());
      expect_no_piece_of(shape.secrets, by_flag, "--database " + what);

      expect_no_piece_of(shape.secrets,
                         run_dbmig(command, project.path(), {{"DATABASE_URL", shape.url}}),
                         "DATABASE_URL " + what);

      write_file(project.path() / "dbmig.json",
                 "{\"databases\": {\"default\": \"" + shape.url + "\"}}\n");
      expect_no_piece_of(shape.secrets, run_dbmig(command, project.path()), "dbmig.json " + what);
      fs::remove(project.path() / "dbmig.json");
    }
  }
}

TEST(Secrets, NoPartOfAnEnvFilePasswordIsPrinted) {
  const std::string password = "qZ7@kP:w/9?x";
  const std::vector<std::string> env_files = {
      "DB_CONNECTION=pgsql\nDB_HOST=127.0.0.1\nDB_PORT=1\nDB_DATABASE=shop\n",
      "DB_CONNECTION=mysql\nDB_HOST=127.0.0.1\nDB_PORT=1\nDB_DATABASE=shop\n",
      "DB_CONNECTION=pgsql\nDB_HOST=127.0.0.1\nDB_PORT=notaport\nDB_DATABASE=shop\n",
      "DB_CONNECTION=oracle\nDB_HOST=127.0.0.1\nDB_DATABASE=shop\n",
  };
  TempDir project;
  copy_demo_project(project.path());
  for (const auto& env : env_files) {
    write_file(project.path() / ".env",
               env + "DB_USERNAME=alice\nDB_PASSWORD=\"" + password + "\"\n");
    for (const auto& command : commands()) {
      RunResult result = run_dbmig(command, project.path());
      expect_no_piece_of({password}, result, env + command_text(command));
    }
  }
}

}  // namespace dbmig::test
