#include "bad_input_corpus.hpp"

#include <map>

#include "demo_project.hpp"
#include "test_support.hpp"

namespace dbmig::test {

namespace fs = std::filesystem;

std::string bad_input_case_name(const ::testing::TestParamInfo<BadInputCase>& info) {
  return info.param.name;
}

std::map<std::string, std::string> project_snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    std::string relative = it->path().lexically_relative(root).generic_string();
    if (relative == "build") {
      it.disable_recursion_pending();
      continue;
    }
    files[relative] = it->is_regular_file() ? read_file(it->path()) : "<" + relative + "/>";
  }
  return files;
}

TEST_P(BadInputCorpus, IsRefusedWithItsMessageAndChangesNothing) {
  const BadInputCase& input = GetParam();
  TempDir project;
  copy_demo_project(project.path());
  if (input.setup) input.setup(project.path());
  auto before = project_snapshot(project.path());

  RunResult result = run_dbmig(input.args, project.path());

  EXPECT_EQ(result.exit_code, input.exit_code) << result.out << result.err;
  EXPECT_NE(result.err.find(input.message), std::string::npos)
      << "expected: " << input.message << "\nstderr: " << result.err;
  auto after = project_snapshot(project.path());
  for (const auto& path : input.may_change) {
    before.erase(path);
    after.erase(path);
  }
  for (const auto& [path, bytes] : after) {
    auto old = before.find(path);
    EXPECT_TRUE(old != before.end()) << path << " was created";
    if (old != before.end()) {
      EXPECT_TRUE(old->second == bytes) << path << " was changed";
    }
  }
  for (const auto& [path, bytes] : before) EXPECT_TRUE(after.count(path)) << path << " was removed";
}

}  // namespace dbmig::test
