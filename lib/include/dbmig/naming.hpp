// Deterministic names derived from models: tables, indexes, constraints, migrations.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dbmig {

// [A-Za-z_][A-Za-z0-9_]*: what app, model and field names must be, since they become C++
// names, folder names and parts of migration file names.
bool is_identifier(std::string_view name);

// "OrderItem" -> "order_item", "Order12" -> "order12", "HTTPServer" -> "http_server".
std::string snake_case(std::string_view name);

// "<app>_<model in snake_case>", the default table of a model.
std::string default_table_name(std::string_view app, std::string_view model);

// The longest identifier every supported database accepts (PostgreSQL: 63 bytes).
inline constexpr std::size_t max_identifier_length = 63;

// "<table>_<col1>_<col2>_<suffix>", shortened with a stable hash of the full name when it
// would exceed max_identifier_length. Suffixes: "idx", "uniq", "check", "fk".
std::string constraint_name(std::string_view table, const std::vector<std::string>& columns,
                            std::string_view suffix);

}  // namespace dbmig
