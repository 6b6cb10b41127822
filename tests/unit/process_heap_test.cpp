// prepare_process_heap(), which main() calls first: the heap must not carry the huge-page
// advice, which made dbmig slow on VMs that report free memory to the host
// (process_heap.hpp).
#include <gtest/gtest.h>

#include <cstdlib>
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

TEST(ProcessHeap, TheHeapIsNotAdvisedToUseHugePages) {
  prepare_process_heap();
  void* volatile block = malloc(8 << 20);  // through a volatile pointer: not optimized away
  HeapMappings heap = heap_mappings();
  free(block);
  EXPECT_GE(heap.total_kb, std::size_t{8} << 10);  // the block is on the heap
  EXPECT_FALSE(heap.any_advised);
}

}  // namespace dbmig
