// Replays the fuzz targets' committed corpus (tests/fuzz/corpus/<target>/: hand seeds and every
// input a fuzzing run found a defect with) through the same target functions libFuzzer runs
// (docs/fuzzing.md), so a fixed defect stays fixed in the normal suite.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz_targets.hpp"

namespace {

namespace fs = std::filesystem;
using dbmig::fuzz::all_targets;
using dbmig::fuzz::NamedTarget;

const fs::path kCorpus = fs::path(DBMIG_SOURCE_DIR) / "tests/fuzz/corpus";

struct CorpusFile {
  NamedTarget target;
  fs::path file;
};

std::vector<CorpusFile> corpus_files() {
  std::vector<CorpusFile> files;
  for (const auto& target : all_targets()) {
    std::error_code error;
    for (const auto& entry : fs::recursive_directory_iterator(kCorpus / target.name, error))
      if (entry.is_regular_file()) files.push_back({target, entry.path()});
  }
  std::sort(files.begin(), files.end(),
            [](const CorpusFile& a, const CorpusFile& b) { return a.file < b.file; });
  return files;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class FuzzCorpus : public testing::TestWithParam<CorpusFile> {};

TEST_P(FuzzCorpus, IsRefusedOrAcceptedWithoutAFinding) {
  std::string bytes = read_bytes(GetParam().file);
  // Throws Finding (or anything else that is not dbmig::Error) on a defect; ASan/UBSan-only
  // findings show under tools/fuzz.sh, which replays this corpus first.
  EXPECT_EQ(
      GetParam().target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
}

INSTANTIATE_TEST_SUITE_P(Replay, FuzzCorpus, testing::ValuesIn(corpus_files()),
                         [](const testing::TestParamInfo<CorpusFile>& info) {
                           std::string name = info.param.file.lexically_relative(kCorpus).string();
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(FuzzCorpus, EveryTargetHasSeeds) {
  for (const auto& target : all_targets())
    EXPECT_FALSE(fs::is_empty(kCorpus / target.name)) << target.name;
}

}  // namespace
