#include "demo_project.hpp"

namespace dbmig::test {

void copy_demo_project(const std::filesystem::path& to) {
  for (const char* folder : {"apps", "migrations"})
    std::filesystem::copy(std::filesystem::path(DBMIG_SOURCE_DIR) / folder, to / folder,
                          std::filesystem::copy_options::recursive);
}

}  // namespace dbmig::test
