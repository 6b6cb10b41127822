#include "demo_project.hpp"

#include "test_support.hpp"

namespace dbmig::test {

void copy_demo_project(const std::filesystem::path& to) {
  for (const char* folder : {"apps", "migrations"})
    std::filesystem::copy(std::filesystem::path(DBMIG_SOURCE_DIR) / folder, to / folder,
                          std::filesystem::copy_options::recursive);
}

void write_blog_migration(const std::filesystem::path& project, const std::string& name,
                          const std::string& operations, bool atomic) {
  write_file(project / "migrations/blog" / (name + ".json"),
             "{\n  \"dbmig\": 1,\n  \"app\": \"blog\",\n  \"name\": \"" + name +
                 "\",\n  \"dependencies\": [[\"blog\", \"0001_initial\"]],\n  \"atomic\": " +
                 (atomic ? "true" : "false") + ",\n  \"operations\": [" + operations + "]\n}\n");
}

}  // namespace dbmig::test
