// The pages of a library's relocation tables, which the dynamic loader reads once while it
// loads the library and never again (dbmig loads libclang with RTLD_NOW: no lazy binding).
// libclang's and libLLVM's are 12.6 MiB (Debian 12, LLVM 14), a tenth of a first scan's peak
// memory (docs/benchmark.md), and they stay mapped for the life of the process unless given
// back.
#pragma once

#include <cstdint>
#include <set>

namespace dbmig::scanner {

// The load addresses of the shared objects loaded now.
std::set<std::uintptr_t> loaded_objects();

// Gives back the resident pages of the relocation tables (DT_RELA) of every object loaded
// since `before`. Only whole pages inside a read-only segment: the kernel drops them from the
// process and would read them again from the file, unchanged, were they ever touched.
void release_relocation_pages(std::set<std::uintptr_t> before);

}  // namespace dbmig::scanner
