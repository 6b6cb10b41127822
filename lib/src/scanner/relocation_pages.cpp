#include "scanner/relocation_pages.hpp"

#include <elf.h>
#include <link.h>
#include <sys/mman.h>
#include <unistd.h>

namespace dbmig::scanner {

namespace {

struct Range {
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
};

// glibc stores the dynamic section's addresses relocated on most targets, as offsets on
// others; an offset is smaller than the object's load address.
std::uintptr_t absolute(std::uintptr_t address, std::uintptr_t base) {
  return address < base ? base + address : address;
}

Range relocation_table(const dl_phdr_info& object) {
  for (int i = 0; i < object.dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = object.dlpi_phdr[i];
    if (header.p_type != PT_DYNAMIC) continue;
    Range table;
    std::uintptr_t size = 0;
    for (auto* entry = reinterpret_cast<const ElfW(Dyn)*>(object.dlpi_addr + header.p_vaddr);
         entry->d_tag != DT_NULL; ++entry) {
      if (entry->d_tag == DT_RELA) table.begin = absolute(entry->d_un.d_ptr, object.dlpi_addr);
      if (entry->d_tag == DT_RELASZ) size = entry->d_un.d_val;
    }
    if (table.begin != 0) table.end = table.begin + size;
    return table;
  }
  return {};
}

bool inside_a_read_only_segment(const dl_phdr_info& object, Range range) {
  for (int i = 0; i < object.dlpi_phnum; ++i) {
    const ElfW(Phdr)& header = object.dlpi_phdr[i];
    std::uintptr_t begin = object.dlpi_addr + header.p_vaddr;
    if (header.p_type == PT_LOAD && !(header.p_flags & PF_W) && range.begin >= begin &&
        range.end <= begin + header.p_filesz)
      return true;
  }
  return false;
}

void release(Range range) {
  const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  std::uintptr_t first = (range.begin + page - 1) / page * page;
  std::uintptr_t last = range.end / page * page;
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
}

}  // namespace

std::set<std::uintptr_t> loaded_objects() {
  std::set<std::uintptr_t> objects;
  dl_iterate_phdr(
      [](dl_phdr_info* object, std::size_t, void* data) {
        static_cast<std::set<std::uintptr_t>*>(data)->insert(object->dlpi_addr);
        return 0;
      },
      &objects);
  return objects;
}

void release_relocation_pages(std::set<std::uintptr_t> before) {
  dl_iterate_phdr(
      [](dl_phdr_info* object, std::size_t, void* data) {
        const auto& before = *static_cast<const std::set<std::uintptr_t>*>(data);
        if (before.count(object->dlpi_addr)) return 0;
        Range table = relocation_table(*object);
        if (table.end > table.begin && inside_a_read_only_segment(*object, table)) release(table);
        return 0;
      },
      &before);
}

}  // namespace dbmig::scanner
