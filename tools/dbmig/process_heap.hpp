// Heap settings for a short-lived process that allocates tens of MB in small pieces.
#pragma once

namespace dbmig {

// One heap for every thread (libclang parses on a thread of its own, whose arena would
// otherwise add its own pages), grown in one step and backed by transparent huge pages where
// the kernel offers them (madvise mode), so that a parse faults 2 MB pages instead of 4 KB
// ones: on the benchmark VM a page fault costs several µs, and a parse took ~10,000.
void prepare_process_heap();

}  // namespace dbmig
