// Deterministic names derived from models: tables, indexes, constraints, migrations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dbmig {

// `text` cut to at most `size` bytes, never inside a UTF-8 sequence.
std::string utf8_prefix(std::string_view text, std::size_t size);

// [A-Za-z_][A-Za-z0-9_]*: what app, model and field names must be, since they become C++
// names, folder names and parts of migration file names.
bool is_identifier(std::string_view name);

// "OrderItem" -> "order_item", "Order12" -> "order12", "HTTPServer" -> "http_server".
std::string snake_case(std::string_view name);

// "<app>_<model in snake_case>", the default table of a model; beyond max_identifier_length
// its readable start and "_<stable hash of the full name>" (docs/models.md "Names").
std::string default_table_name(std::string_view app, std::string_view model);

// The longest identifier every supported database accepts (PostgreSQL: 63 bytes).
inline constexpr std::size_t max_identifier_length = 63;

// "<table>_<col1>_<col2>_<suffix>", shortened with a stable hash of the full name when it
// would exceed max_identifier_length (cut at a character boundary, then "_<hash>_<suffix>").
// Suffixes: "idx", "uniq", "check", "fk".
std::string constraint_name(std::string_view table, const std::vector<std::string>& columns,
                            std::string_view suffix);

// "<table>_<columns>_<hash>_<suffix>", the hash covering `identity` (what the object enforces):
// the name of a model-level index or constraint whose plain constraint_name() is already taken
// (e.g. `check("level < 10")` beside the range check of an unsigned `level`), the way Django
// adds a hash suffix. Never longer than max_identifier_length.
std::string distinct_constraint_name(std::string_view table,
                                     const std::vector<std::string>& columns,
                                     std::string_view suffix, std::string_view identity);

}  // namespace dbmig
