// Bad input gets a clear error naming where the problem is, exit status 2 (input) or 3
// (database), and changes nothing.
#include <filesystem>

#include <gtest/gtest.h>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

TEST(BadInput, MissingAppsFolderSaysWhatToCreate) {
  TempDir project;
  RunResult result = run_dbmig({"makemigrations"}, project.path());
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("error: no apps found"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("models.hpp"), std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(project.path() / "migrations"));
}

TEST(BadInput, HeaderThatDoesNotCompileShowsClangDiagnosticWithLocation) {
  TempDir project;
  copy_demo_project(project.path());
  write_file(project.path() / "apps/blog/models.hpp",
             "#include <dbmig/model.hpp>\n"
             "namespace blog {\n"
             "struct DBMIG_MODEL() Blog {\n"
             "  DBMIG_FIELD(primary_key) long id;\n"
             "  NoSuchType title;\n"
             "};\n"
             "}\n");
  std::string before = read_file(project.path() / "migrations/blog/0001_initial.json");
  RunResult result = run_dbmig({"makemigrations"}, project.path());
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("apps/blog/models.hpp:5:3: error: unknown type name 'NoSuchType'"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(read_file(project.path() / "migrations/blog/0001_initial.json"), before);
  EXPECT_EQ(fs::directory_iterator(project.path() / "migrations/blog")->path().filename(),
            "0001_initial.json");
}

// A migration whose operation does not fit the state the earlier ones leave.
TEST(BadInput, OperationThatDoesNotFitNamesFilePathAndOperation) {
  TempDir project;
  copy_demo_project(project.path());
  write_file(project.path() / "migrations/blog/0002_alter_blog_headline.json", R"({
  "dbmig": 1, "app": "blog", "name": "0002_alter_blog_headline",
  "dependencies": [["blog", "0001_initial"]], "atomic": true,
  "operations": [{"op": "AlterField", "model": "Blog",
                  "field": {"name": "headline", "type": "string"}}]
}
)");
  for (std::vector<std::string> command : {std::vector<std::string>{"makemigrations"},
                                           {"sqlmigrate", "blog", "0002_alter_blog_headline"},
                                           {"migrate"}}) {
    RunResult result = run_dbmig(command, project.path());
    EXPECT_EQ(result.exit_code, 2) << command[0] << ": " << result.err;
    EXPECT_NE(result.err.find("migrations/blog/0002_alter_blog_headline.json: $.operations[0] "
                              "(Alter field headline on Blog): cannot alter field headline on "
                              "Blog: field headline does not exist on blog.Blog; correct this "
                              "operation"),
              std::string::npos)
        << command[0] << ": " << result.err;
  }
}

TEST(BadInput, UnreachableDatabaseIsOneLineWithoutPassword) {
  TempDir project;
  copy_demo_project(project.path());
  // Port 1 on loopback: nothing listens there, so the connection is refused at once.
  for (std::string url :
       {"postgresql://alice:hunter2@127.0.0.1:1/shop", "mysql://alice:hunter2@127.0.0.1:1/shop"}) {
    RunResult result = run_dbmig({"--database", url, "migrate"}, project.path());
    EXPECT_EQ(result.exit_code, 3) << url << ": " << result.err;
    EXPECT_EQ(result.err.find("hunter2"), std::string::npos) << result.err;
    EXPECT_EQ(result.out.find("hunter2"), std::string::npos) << result.out;
    EXPECT_NE(result.err.find("alice:***@127.0.0.1:1/shop"), std::string::npos) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
  }
}

}  // namespace dbmig::test
