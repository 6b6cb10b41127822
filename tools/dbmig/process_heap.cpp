#include "process_heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace dbmig {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
// More than a parse of the largest benchmark project allocates; only what is touched is
// memory, the rest is address space.
constexpr std::size_t kHeapReserve = std::size_t{256} << 20;

std::uintptr_t round_up(std::uintptr_t value, std::size_t step) {
  return (value + step - 1) / step * step;
}

}  // namespace

void prepare_process_heap() {
  mallopt(M_ARENA_MAX, 1);
  // Keep blocks up to 32 MB (glibc's most) on the heap, where they are reused, instead of
  // mmap'ed apart and unmapped when freed, and the heap at its size: a heap trimmed and grown
  // again loses the advice below.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  mallopt(M_TOP_PAD, kHeapReserve);
  auto start = reinterpret_cast<std::uintptr_t>(sbrk(0));
  // More than the heap holds before main(), so it grows by the top pad. Through a volatile
  // pointer: the compiler removes a malloc whose block is only freed.
  void* volatile probe = malloc(8 << 20);
  free(probe);
  auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  mallopt(M_TOP_PAD, 128 << 10);  // glibc's default again
  std::uintptr_t first = round_up(start, kHugePage);
  if (end > first + kHugePage)
    madvise(reinterpret_cast<void*>(first), (end - first) / kHugePage * kHugePage, MADV_HUGEPAGE);
}

}  // namespace dbmig
