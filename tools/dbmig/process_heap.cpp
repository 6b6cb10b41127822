#include "process_heap.hpp"

#include <malloc.h>

namespace dbmig {

void prepare_process_heap() {
  // Keep blocks up to 32 MB (glibc's most) on the heap, where they are reused, instead of
  // mmap'ed apart and unmapped when freed; grow the heap in steps of 16 MB rather than 128 KB
  // (a parse takes tens of MB), and never give it back before the process ends.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

}  // namespace dbmig
