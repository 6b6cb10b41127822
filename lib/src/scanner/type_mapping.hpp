// C++ member types to column types (docs/models.md "Types").
#pragma once

#include "scanner/libclang.hpp"

#include <string>

#include "scanner/declarations.hpp"

namespace dbmig::scanner {

// Maps by canonical type (typedefs and aliases resolved), by kind and size for builtins and by
// qualified template name for library types, never by spelling.
MappedType map_type(CXType type);

// The qualified name of a declaration, inline namespaces (std::__cxx11, std::chrono::_V2) left
// out: "std::basic_string", "blog::Blog".
std::string qualified_name(CXCursor declaration);

}  // namespace dbmig::scanner
