// prepare_process_heap(), which main() calls first: the heap must not carry the huge-page
// advice, which made dbmig slow on VMs that report free memory to the host, nor keep every
// thread on one arena, whose lock slowed libclang's parse (process_heap.hpp).
#include <gtest/gtest.h>
#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

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

// How many arenas glibc's heap has now: malloc_info's XML has a <heap nr="..."> per arena.
std::size_t arena_count() {
  char* text = nullptr;
  std::size_t size = 0;
  FILE* out = open_memstream(&text, &size);
  malloc_info(0, out);
  std::fclose(out);
  std::string info(text, size);
  std::free(text);
  std::size_t count = 0;
  for (std::size_t at = info.find("<heap nr="); at != std::string::npos;
       at = info.find("<heap nr=", at + 1))
    ++count;
  return count;
}

}  // namespace

// Two threads that allocate at once, as libclang's parse and the decoding of the previous scan
// do, each on an arena of its own (a test process of its own under ctest: before this test, the
// process had only the main thread's arena).
TEST(ProcessHeap, AThreadAllocatesOnAnArenaOfItsOwn) {
  prepare_process_heap();
  void* volatile on_main = malloc(1 << 20);
  std::size_t arenas = 0;
  std::thread([&] {
    void* volatile on_thread = malloc(1 << 20);
    arenas = arena_count();
    free(on_thread);
  }).join();
  free(on_main);
  EXPECT_GE(arenas, std::size_t{2});
}

TEST(ProcessHeap, TheHeapIsNotAdvisedToUseHugePages) {
  prepare_process_heap();
  void* volatile block = malloc(8 << 20);  // through a volatile pointer: not optimized away
  HeapMappings heap = heap_mappings();
  free(block);
  EXPECT_GE(heap.total_kb, std::size_t{8} << 10);  // the block is on the heap
  EXPECT_FALSE(heap.any_advised);
}

}  // namespace dbmig
