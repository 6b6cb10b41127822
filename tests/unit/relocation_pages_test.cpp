// Loading libclang gives back the pages of its relocation tables (scanner/relocation_pages.hpp):
// none of the pages of libLLVM's 8 MiB table is mapped in the process once libclang is loaded
// (/proc/self/pagemap says which pages are present), but the partial ones at its ends.
#include <elf.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <link.h>
#include <unistd.h>

#include <string>

#include "scanner/libclang.hpp"

namespace dbmig {

namespace {

struct Library {
  std::uintptr_t relocation_table = 0;
  std::size_t relocation_table_size = 0;
};

Library loaded_llvm() {
  Library found;
  dl_iterate_phdr(
      [](dl_phdr_info* object, std::size_t, void* data) {
        if (std::string(object->dlpi_name).find("libLLVM") == std::string::npos) return 0;
        auto& library = *static_cast<Library*>(data);
        for (int i = 0; i < object->dlpi_phnum; ++i) {
          if (object->dlpi_phdr[i].p_type != PT_DYNAMIC) continue;
          for (auto* entry = reinterpret_cast<const ElfW(Dyn)*>(object->dlpi_addr +
                                                                object->dlpi_phdr[i].p_vaddr);
               entry->d_tag != DT_NULL; ++entry)
            if (entry->d_tag == DT_RELASZ)
              library.relocation_table_size = entry->d_un.d_val;
            else if (entry->d_tag == DT_RELA)
              library.relocation_table = entry->d_un.d_ptr < object->dlpi_addr
                                             ? object->dlpi_addr + entry->d_un.d_ptr
                                             : entry->d_un.d_ptr;
        }
        return 1;
      },
      &found);
  return found;
}

// How many of the pages from `begin` to `end` are mapped in the process (bit 63 of each page's
// /proc/self/pagemap entry).
std::size_t present_pages(std::uintptr_t begin, std::uintptr_t end) {
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  int pagemap = open("/proc/self/pagemap", O_RDONLY);  // an ifstream cannot seek that far
  std::size_t present = 0;
  for (std::uintptr_t address = begin / page * page; address < end; address += page) {
    std::uint64_t entry = 0;
    auto offset = static_cast<off_t>(address / page * sizeof entry);
    if (pread(pagemap, &entry, sizeof entry, offset) == sizeof entry && entry >> 63) ++present;
  }
  close(pagemap);
  return present;
}

}  // namespace

TEST(RelocationPages, LoadingLibclangGivesBackLibLlvmsRelocationTable) {
  scanner::libclang_symbol("clang_getClangVersion");
  Library llvm = loaded_llvm();
  ASSERT_GT(llvm.relocation_table_size, std::size_t{4} << 20) << "libLLVM is not loaded";
  std::uintptr_t end = llvm.relocation_table + llvm.relocation_table_size;
  EXPECT_LE(present_pages(llvm.relocation_table, end), 2u);
  // The pages after it (the symbol names dlsym reads) are kept.
  EXPECT_GT(present_pages(end, end + (std::size_t{1} << 20)), 0u);
}

}  // namespace dbmig
