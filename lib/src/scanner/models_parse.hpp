// The models translation unit: one generated source that includes every app header.
#pragma once

#include <string>

#include "dbmig/project_config.hpp"

namespace dbmig::scanner {

// The generated translation unit: kPrelude, then one #include per app header (every app in
// one parse).
std::string models_source(const ProjectConfig& config);

}  // namespace dbmig::scanner
