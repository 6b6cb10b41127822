// <dbmig/model.hpp> costs nothing: a models header compiles warning-free with g++ and clang++,
// and an annotated struct has the size of an unannotated copy.
#include <gtest/gtest.h>

#include <cstdlib>

#include "scanner_fixture.hpp"

namespace dbmig {

namespace {

constexpr const char* kSource = R"(#include <dbmig/model.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
namespace blog {
struct DBMIG_MODEL(table = "blogs", index(title, created_at), check = "user_id > 0") Blog {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(max_length = 200, unique) std::string title;
  bool active = true;
  DBMIG_FIELD(references = accounts::User, on_delete = cascade) std::int64_t user_id;
  std::optional<std::string> subtitle;
  std::chrono::system_clock::time_point created_at;
  DBMIG_IGNORE int cached_rank = 0;
};
struct Plain {
  std::int64_t id;
  std::string title;
  bool active = true;
  std::int64_t user_id;
  std::optional<std::string> subtitle;
  std::chrono::system_clock::time_point created_at;
  int cached_rank = 0;
};
static_assert(sizeof(Blog) == sizeof(Plain));
static_assert(alignof(Blog) == alignof(Plain));
}  // namespace blog
int main() { return blog::Blog{}.active ? 0 : 1; }
)";

void compiles_cleanly(const std::string& compiler) {
  test::TempDir dir;
  test::write_file(dir.path() / "models.cpp", kSource);
  std::string command = compiler + " -std=c++20 -Wall -Wextra -Wpedantic -Werror -I" +
                        DBMIG_INCLUDE_DIR + " -fsyntax-only " +
                        (dir.path() / "models.cpp").string() + " 2>" +
                        (dir.path() / "errors.txt").string();
  EXPECT_EQ(std::system(command.c_str()), 0) << test::read_file(dir.path() / "errors.txt");
}

}  // namespace

TEST(ScannerMacros, CompileWithoutWarningsOrSizeUnderGcc) {
  compiles_cleanly("g++");
}

TEST(ScannerMacros, CompileWithoutWarningsOrSizeUnderClang) {
  compiles_cleanly("clang++");
}

}  // namespace dbmig
