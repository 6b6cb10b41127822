// prepare_process_heap(), which main() calls first: the heap must really have grown and carry
// the huge-page advice. A compiler that drops the allocation that grows it leaves neither
// (it did once, silently: only the timings showed it).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "process_heap.hpp"

namespace dbmig {

namespace {

struct HeapMappings {
  std::size_t total_kb = 0;
  bool any_advised = false;  // VmFlags "hg": MADV_HUGEPAGE
};

// The [heap] mappings of /proc/self/smaps (a range advised apart is a mapping of its own).
HeapMappings heap_mappings() {
  HeapMappings heap;
  std::ifstream smaps("/proc/self/smaps");
  bool in_heap = false;
  for (std::string line; std::getline(smaps, line);) {
    std::istringstream words(line);
    std::string first;
    words >> first;
    if (first.find('-') != std::string::npos && first.find(':') == std::string::npos) {
      in_heap = line.find("[heap]") != std::string::npos;
    } else if (in_heap && first == "Size:") {
      std::size_t kb = 0;
      words >> kb;
      heap.total_kb += kb;
    } else if (in_heap && first == "VmFlags:") {
      for (std::string flag; words >> flag;) heap.any_advised = heap.any_advised || flag == "hg";
    }
  }
  return heap;
}

}  // namespace

TEST(ProcessHeap, GrowsTheHeapOnceAndAdvisesHugePages) {
  if (!std::filesystem::exists("/sys/kernel/mm/transparent_hugepage"))
    GTEST_SKIP() << "this kernel has no transparent huge pages to advise";
  prepare_process_heap();
  HeapMappings heap = heap_mappings();
  EXPECT_GE(heap.total_kb, std::size_t{256} << 10);
  EXPECT_TRUE(heap.any_advised);
}

}  // namespace dbmig
