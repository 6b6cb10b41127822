// The prelude every parse starts with (lib/src/scanner/prelude_pch.hpp).
#include <gtest/gtest.h>

#include "scanner_fixture.hpp"

namespace dbmig {

namespace {

constexpr const char* kNotes = R"(namespace notes {
struct DBMIG_MODEL() Note {
  DBMIG_FIELD(primary_key) std::int64_t id;
  DBMIG_FIELD(max_length = 80) std::string title;
  std::optional<std::string> body;
  std::chrono::system_clock::time_point created_at;
  std::vector<std::uint8_t> attachment;
};
}
)";

}  // namespace

// The prelude comes first in every parse, so a header that forgot its standard includes (even
// <dbmig/model.hpp>) scans.
TEST(ScannerPrelude, AHeaderWithoutIncludesScans) {
  test::ScannerProject project;
  project.write("apps/notes/models.hpp", kNotes, /*with_prelude=*/false);
  EXPECT_EQ(project.scan().state.get({"notes", "Note"}).fields.size(), 5u);
}

}  // namespace dbmig
