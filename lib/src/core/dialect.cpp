#include <array>

#include "dbmig/schema_editor.hpp"

namespace dbmig {

namespace {
constexpr std::array<std::string_view, 3> kDialectNames = {"sqlite", "postgresql", "mysql"};
}

std::string_view to_string(Dialect dialect) {
  return kDialectNames[static_cast<std::size_t>(dialect)];
}

std::optional<Dialect> dialect_from_string(std::string_view name) {
  for (std::size_t i = 0; i < kDialectNames.size(); ++i)
    if (kDialectNames[i] == name) return static_cast<Dialect>(i);
  return std::nullopt;
}

}  // namespace dbmig
