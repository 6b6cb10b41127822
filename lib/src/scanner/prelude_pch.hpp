// The prelude: what every models translation unit starts with.
#pragma once

#include <string_view>

namespace dbmig::scanner {

// <dbmig/model.hpp> and the standard headers of the type mapping (docs/models.md "Types").
inline constexpr std::string_view kPrelude =
    "#include <dbmig/model.hpp>\n"
    "#include <chrono>\n"
    "#include <cstddef>\n"
    "#include <cstdint>\n"
    "#include <ctime>\n"
    "#include <optional>\n"
    "#include <string>\n"
    "#include <vector>\n";

}  // namespace dbmig::scanner
