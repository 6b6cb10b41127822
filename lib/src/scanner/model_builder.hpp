// Turns the declared structs into the project state: interprets every option, maps defaults,
// resolves references across apps and checks what the database needs (docs/models.md
// "Errors").
#pragma once

#include <string>
#include <vector>

#include "dbmig/scanner.hpp"
#include "scanner/declarations.hpp"

namespace dbmig::scanner {

// Every problem found is appended to `problems` as "file:line:col: error: ..."; the result is
// only meaningful when none was.
ScanResult build_models(const std::vector<const DeclaredModel*>& declared,
                        std::vector<std::string>& problems);

}  // namespace dbmig::scanner
