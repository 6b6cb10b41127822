#include "dbmig/project_config.hpp"
#include "dbmig/error.hpp"
#include "dbmig/json_file.hpp"
#include "fuzz_targets.hpp"

namespace dbmig::fuzz {

int fuzz_project_config(const std::uint8_t* data, std::size_t size) {
  try {
    // A project folder that does not exist: app discovery finds nothing there.
    project_config_from_json(parse_json_text(std::string(as_text(data, size)), "dbmig.json"),
                             "/nonexistent/dbmig-fuzz-project");
  } catch (const Error&) {
  }
  return 0;
}

}  // namespace dbmig::fuzz
