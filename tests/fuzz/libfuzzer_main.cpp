// libFuzzer's entry point for one target: tools/fuzz.sh builds one executable per target with
// -DDBMIG_FUZZ_TARGET=fuzz_<target> (tests/fuzz/CMakeLists.txt).
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return dbmig::fuzz::DBMIG_FUZZ_TARGET(data, size);
}
