// The database limits (dbmig/schema_limits.hpp) of one built model, each reported at the C++
// that causes it, so makemigrations never writes a migration one of the databases refuses.
#pragma once

#include <string>
#include <vector>

#include "dbmig/state.hpp"
#include "scanner/declarations.hpp"

namespace dbmig::scanner {

void check_model_limits(const DeclaredModel& declared, const Model& model,
                        std::vector<std::string>& problems);

// `text` for a message: bytes that are not printable UTF-8 as \xNN.
std::string printable(const std::string& text);

}  // namespace dbmig::scanner
