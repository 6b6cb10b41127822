// Bad-input corpus: `dbmig lint` given what it cannot lint — an app or migration that does not
// exist, an unknown dialect, level or format, a bad acknowledgement, an unreachable database.
#include "bad_input_corpus.hpp"
#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

// blog/0002_changes.json removing Blog.body, acknowledged as `acknowledged` (JSON).
void write_acknowledged_removal(const fs::path& root, const std::string& acknowledged) {
  write_blog_migration(
      root, "0002_changes",
      R"({"op": "RemoveField", "model": "Blog", "name": "body", "acknowledged": )" + acknowledged +
          "}");
}

std::vector<BadInputCase> lint_cases() {
  return {
      {"LintUnknownApp",
       {},
       {"lint", "shop"},
       2,
       "app 'shop' has no migrations (apps with "
       "migrations: accounts, blog)"},
      {"LintUnknownMigration",
       {},
       {"lint", "blog", "0099"},
       2,
       "migration blog.0099 does not exist; `dbmig showmigrations` lists the migrations"},
      {"LintUnknownDialect",
       {},
       {"lint", "--database-dialect", "oracle"},
       2,
       "--database-dialect: oracle not in {sqlite,postgresql,mysql}"},
      {"LintUnknownFailOn", {}, {"lint", "--fail-on", "fatal"}, 2, "--fail-on: fatal not in"},
      {"LintUnknownFormat", {}, {"lint", "--format", "xml"}, 2, "--format: xml not in"},
      {"LintAcknowledgedNotAList",
       [](const fs::path& p) { write_acknowledged_removal(p, "\"DS102\""); },
       {"lint"},
       2,
       "migrations/blog/0002_changes.json: $.operations[0].acknowledged"},
      {"LintAcknowledgedEmptyCode",
       [](const fs::path& p) { write_acknowledged_removal(p, "[\"\"]"); },
       {"lint"},
       2,
       "$.operations[0].acknowledged[0]"},
      {"LintUnreachableDatabase",
       {},
       {"--database", "postgresql://alice:hunter2@127.0.0.1:1/shop", "lint"},
       3,
       "alice:***@127.0.0.1:1/shop"},
  };
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Lint, BadInputCorpus, ::testing::ValuesIn(lint_cases()),
                         bad_input_case_name);

}  // namespace dbmig::test
