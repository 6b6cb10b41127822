// Heap settings for a short-lived process that allocates tens of MB in small pieces.
#pragma once

namespace dbmig {

// A heap grown in large steps and never trimmed. Each thread keeps glibc's arena of its own:
// libclang parses on a thread while dbmig decodes the previous scan and reads the migrations
// on others, and one arena for all of them (until 2026-12-03) made the parse wait for the
// arena's lock, ~13 ms of a ~55 ms parse (docs/benchmark.md, item 26). The heap is not advised
// to use transparent huge pages (it was until 2026-12-03): on a VM whose balloon reports free
// memory to the host (virtio free page reporting, as on the benchmark VM), a 2 MB page is
// taken from the blocks the host has reclaimed and faulted back in on first touch, ~8 ms per
// MB against ~0.5 ms with 4 KB pages, which made an edit 1.5-3x slower whenever the machine
// had done anything else for two seconds (docs/benchmark.md, item 23).
void prepare_process_heap();

}  // namespace dbmig
