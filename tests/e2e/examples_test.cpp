// The examples/ projects run as their READMEs show, and the command line's contract: exit
// codes, `error:` messages, --help, -v 0 and no colour off a terminal.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace dbmig::test {

namespace {

namespace fs = std::filesystem;

const fs::path kExamples = fs::path(DBMIG_SOURCE_DIR) / "examples";

// A copy of examples/<name> without what a run leaves behind (databases, build folders).
void copy_example(const std::string& name, const fs::path& to) {
  for (const auto& entry : fs::recursive_directory_iterator(kExamples / name)) {
    fs::path relative = fs::relative(entry.path(), kExamples / name);
    if (*relative.begin() == "build" || relative.string().find("sqlite3") != std::string::npos)
      continue;
    if (entry.is_directory())
      fs::create_directories(to / relative);
    else
      fs::copy_file(entry.path(), to / relative, fs::copy_options::overwrite_existing);
  }
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << file;
  write_file(file, text.replace(at, from.size(), to));
}

std::string output(const RunResult& result) {
  return result.out + result.err;
}

// One model edit of the blog walkthrough and the migration it must produce.
struct BlogStep {
  std::string before, after, migration;
};

const std::vector<BlogStep> kBlogSteps = {
    {"DBMIG_FIELD(max_length = 200) std::string title;",
     "DBMIG_FIELD(max_length = 250) std::string title;", "0002_alter_blog_title.json"},
    {"  std::string body;", "  DBMIG_FIELD(renamed_from = body) std::string content;",
     "0003_rename_body_blog_content.json"},
    {"DBMIG_MODEL(table = \"blogs\") Blog",
     "DBMIG_MODEL(table = \"blogs\", index(user_id, created_at)) Blog",
     "0004_blog_blogs_user_id_created_at_idx.json"},
};

}  // namespace

// The four steps of examples/blog/README.md, replayed from the first models: dbmig writes
// exactly the committed migrations, and migrate, rollback and --check behave as shown.
TEST(Examples, BlogWalkthroughWritesTheCommittedMigrations) {
  TempDir project;
  copy_example("blog", project.path());
  fs::path models = project.path() / "apps/blog/models.hpp";
  fs::path blog_migrations = project.path() / "migrations/blog";
  for (auto step = kBlogSteps.rbegin(); step != kBlogSteps.rend(); ++step) {
    replace_in(models, step->after, step->before);
    fs::remove(blog_migrations / step->migration);
  }
  fs::remove_all(project.path() / "migrations");

  auto first = run_dbmig({"makemigrations"}, project.path());
  ASSERT_EQ(first.exit_code, 0) << output(first);
  for (const char* file : {"accounts/0001_initial.json", "blog/0001_initial.json"})
    EXPECT_EQ(read_file(project.path() / "migrations" / file),
              read_file(kExamples / "blog/migrations" / file))
        << file;
  ASSERT_EQ(run_dbmig({"migrate"}, project.path()).exit_code, 0);

  for (const BlogStep& step : kBlogSteps) {
    replace_in(models, step.before, step.after);
    EXPECT_EQ(run_dbmig({"makemigrations", "--check"}, project.path()).exit_code, 1);
    auto made = run_dbmig({"makemigrations"}, project.path());
    ASSERT_EQ(made.exit_code, 0) << output(made);
    EXPECT_EQ(read_file(blog_migrations / step.migration),
              read_file(kExamples / "blog/migrations/blog" / step.migration))
        << step.migration;
    auto migrated = run_dbmig({"migrate"}, project.path());
    ASSERT_EQ(migrated.exit_code, 0) << output(migrated);
  }

  EXPECT_EQ(run_dbmig({"showmigrations"}, project.path()).out,
            "accounts\n [X] 0001_initial\nblog\n [X] 0001_initial\n [X] 0002_alter_blog_title\n"
            " [X] 0003_rename_body_blog_content\n [X] 0004_blog_blogs_user_id_created_at_idx\n");
  auto rollback = run_dbmig({"rollback"}, project.path());
  EXPECT_EQ(rollback.out.find("Rolling back batch 4:\n  Unapplying "
                              "blog.0004_blog_blogs_user_id_created_at_idx... OK ("),
            0u)
      << output(rollback);
  auto unapplied = run_dbmig({"migrate", "--check"}, project.path());
  EXPECT_EQ(unapplied.exit_code, 1);
  EXPECT_NE(unapplied.out.find("blog.0004_blog_blogs_user_id_created_at_idx"), std::string::npos);
  EXPECT_EQ(run_dbmig({"migrate"}, project.path()).exit_code, 0);
  auto applied = run_dbmig({"migrate", "--check"}, project.path());
  EXPECT_EQ(applied.exit_code, 0);
  EXPECT_EQ(applied.out, "No unapplied migrations.\n");
  EXPECT_EQ(run_dbmig({"makemigrations", "--check"}, project.path()).exit_code, 0);
}

// examples/postgres/README.md on the throwaway server: DATABASE_URL for the connection, the
// staging alias for sqlmigrate's dialect.
TEST(Examples, PostgresFlowThroughDatabaseUrl) {
  TempDir project;
  auto url = fresh_database_url(Dialect::postgresql, project.path());
  if (!url) GTEST_SKIP() << "DBMIG_TEST_POSTGRES_URL is not set";
  copy_example("postgres", project.path());
  std::map<std::string, std::string> env{{"DATABASE_URL", *url}};

  EXPECT_EQ(run_dbmig({"makemigrations", "--check"}, project.path(), env).exit_code, 0);
  EXPECT_NE(run_dbmig({"sqlmigrate", "blog", "0002"}, project.path(), env)
                .out.find("ALTER TABLE \"blogs\" ALTER COLUMN \"title\" TYPE VARCHAR(250)"),
            std::string::npos);
  auto migrate = run_dbmig({"migrate"}, project.path(), env);
  ASSERT_EQ(migrate.exit_code, 0) << output(migrate);
  EXPECT_NE(migrate.out.find("Applying blog.0002_alter_blog_title... OK"), std::string::npos);
  EXPECT_EQ(run_dbmig({"showmigrations"}, project.path(), env).out,
            "accounts\n [X] 0001_initial\nblog\n [X] 0001_initial\n [X] 0002_alter_blog_title\n");
  auto rollback = run_dbmig({"rollback"}, project.path(), env);
  EXPECT_NE(rollback.out.find("Rolling back batch 1:\n"), std::string::npos) << output(rollback);
  EXPECT_EQ(run_dbmig({"migrate", "--check"}, project.path(), env).exit_code, 1);
  auto quiet = run_dbmig({"migrate", "-v", "0"}, project.path(), env);
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(output(quiet), "");
  EXPECT_EQ(run_dbmig({"migrate", "--check"}, project.path(), env).exit_code, 0);
  EXPECT_NE(run_dbmig({"--database", "staging", "sqlmigrate", "blog", "0002", "--backwards"},
                      project.path(), env)
                .out.find("TYPE VARCHAR(200);"),
            std::string::npos);
}

// Exit codes: 0 ok, 1 changes found, 2 usage or input error, 3 database error; every error
// starts with "error:" and nothing is coloured off a terminal.
TEST(Examples, ExitCodesAndErrorMessages) {
  TempDir project;
  copy_example("blog", project.path());

  auto usage = run_dbmig({"migrate", "--no-such-flag"}, project.path());
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(usage.err,
            "error: The following argument was not expected: --no-such-flag\n"
            "Run `dbmig migrate --help` to see what it accepts.\n");

  auto database =
      run_dbmig({"--database", "postgresql://u:secret@127.0.0.1:1/x", "migrate"}, project.path());
  EXPECT_EQ(database.exit_code, 3);
  EXPECT_EQ(database.err.rfind("error: cannot connect to postgresql://u:***@", 0), 0u)
      << database.err;
  EXPECT_EQ(database.err.find("secret"), std::string::npos);

  EXPECT_EQ(run_dbmig({"migrate", "--check"}, project.path()).exit_code, 1);
  EXPECT_EQ(run_dbmig({"migrate", "-v", "0"}, project.path()).out, "");
  EXPECT_EQ(run_dbmig({"migrate", "--check"}, project.path()).exit_code, 0);

  write_file(project.path() / "apps/blog/models.hpp",
             "#include <dbmig/model.hpp>\n#include <complex>\nnamespace blog {\n"
             "struct DBMIG_MODEL() Odd {\n  DBMIG_FIELD(primary_key) long id;\n"
             "  std::complex<double> z;\n  std::complex<float> w;\n};\n}\n");
  auto scan = run_dbmig({"makemigrations"}, project.path());
  EXPECT_EQ(scan.exit_code, 2);
  EXPECT_EQ(scan.err.rfind("error: the model headers have 2 problems; fix them and run the "
                           "command again:\n",
                           0),
            0u)
      << scan.err;
  EXPECT_NE(scan.err.find("models.hpp:6:"), std::string::npos) << scan.err;
  EXPECT_NE(scan.err.find("models.hpp:7:"), std::string::npos) << scan.err;
  EXPECT_EQ(scan.err.find("error: error:"), std::string::npos) << scan.err;
  EXPECT_EQ(scan.err.find('\033'), std::string::npos);
}

TEST(Examples, EveryCommandHasHelpWithAnExample) {
  TempDir project;
  for (const char* command : {"makemigrations", "migrate", "rollback", "sqlmigrate",
                              "showmigrations", "inspectmodels", "inspectdb", "state"}) {
    auto help = run_dbmig({command, "--help"}, project.path());
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("Examples:\n  dbmig " + std::string(command)), std::string::npos)
        << help.out;
  }
  EXPECT_NE(run_dbmig({"--help"}, project.path()).out.find("Exit codes: 0 ok, 1 changes found"),
            std::string::npos);
}

}  // namespace dbmig::test
