// The compiler arguments the scanner parses with (docs/models.md "Where models come from").
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "dbmig/project_config.hpp"

namespace dbmig::scanner {

// C++20 (or the project's -std), <dbmig/model.hpp>'s folder, then the include paths and
// defines of the project's compile_commands.json (<root>/ or <root>/build/) when there is one,
// else dbmig.json's "clang_args".
std::vector<std::string> scan_arguments(const ProjectConfig& config);

// The scanner's own arguments followed by `project_flags`; with none, those of a project
// without flags of its own, which the prelude shipped with dbmig is built for.
std::vector<std::string> arguments_with(const std::vector<std::string>& project_flags);

// The folder holding <dbmig/model.hpp>: $DBMIG_INCLUDE_DIR, else <dbmig's folder>/../include
// when it holds the header (an installed dbmig), else the one dbmig was built with.
std::filesystem::path model_include_dir();

}  // namespace dbmig::scanner
