// Walks the parsed translation unit and collects every struct marked DBMIG_MODEL with its
// fields, as libclang sees them.
#pragma once

#include <vector>

#include "dbmig/project_config.hpp"
#include "scanner/declarations.hpp"
#include "scanner/translation_unit.hpp"

namespace dbmig::scanner {

// Models in declaration order. Each belongs to the app whose header declares it, or whose
// folder holds the header that does, or whose header includes that header.
std::vector<DeclaredModel> read_models(const TranslationUnit& unit, const ProjectConfig& config);

}  // namespace dbmig::scanner
