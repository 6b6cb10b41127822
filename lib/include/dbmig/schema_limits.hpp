// What SQLite, PostgreSQL and MariaDB/MySQL all accept, checked before a migration is written:
// a committed migration that one of them refuses cannot be fixed without editing history.
// Pure rules, each returning what is wrong in words (empty when accepted), so the scanner (with
// file:line:col) and the migration reader (with a JSON path) can report them alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/state.hpp"

namespace dbmig::schema_limits {

// PostgreSQL cuts identifiers at NAMEDATALEN - 1 bytes.
inline constexpr std::size_t postgresql_identifier_bytes = 63;
// MySQL/MariaDB measure identifiers in characters.
inline constexpr std::size_t mysql_identifier_characters = 64;
// InnoDB's largest index key (DYNAMIC rows), and the bytes of one utf8mb4 character.
inline constexpr std::size_t mysql_max_key_bytes = 3072;
inline constexpr std::size_t mysql_bytes_per_character = 4;
// The longest utf8mb4 VARCHAR MySQL/MariaDB create in strict mode.
inline constexpr int mysql_max_varchar_length = 16383;
// DECIMAL(p, s): MySQL's largest scale (its largest precision, 65, is the scanner's limit).
inline constexpr int mysql_max_decimal_scale = 30;

// Text every database stores and a JSON migration file carries: valid UTF-8, no NUL character.
std::string text_problem(std::string_view text);

// A table, column, index or constraint name: text_problem(), not empty, within each database's
// length limit, no trailing space (MySQL), no character beyond U+FFFF (MySQL).
std::string identifier_problem(std::string_view name);
std::string postgresql_identifier_problem(std::string_view name);
std::string mysql_identifier_problem(std::string_view name);

// The name databases that ignore letter case compare: SQLite (tables, columns, indexes),
// MySQL/MariaDB (columns, index names; tables on case-insensitive file systems).
std::string case_folded(std::string_view name);

// A column type every database creates: VARCHAR length, DECIMAL scale.
std::string column_type_problem(const Field& field);

// A column default every database stores and JSON represents: finite numbers, a float within
// float range, a uint64 within PostgreSQL's BIGINT, text per text_problem(), and a value the
// column holds as it is (value_problem).
std::string default_problem(const Field& field);

// Whether the column of `field` holds `value` as it is, in words starting with the value ("1.234
// has 3 digit(s) after the point, but ..."), or empty: an integer within the type's range, text of
// at most max_length characters, a decimal number with at most precision - scale digits before the
// point and scale after it. A database would refuse the others, or round a decimal silently.
std::string value_problem(const Field& field, const Literal& value);

// The columns of one index, unique constraint or primary key as MySQL indexes them: never an
// unbounded TEXT/BLOB (MySQL needs a key length), at most mysql_max_key_bytes in all.
std::string mysql_index_problem(const std::vector<const Field*>& fields);

// A check constraint of `model`: non-empty text, and not over an auto-increment column (MySQL
// and MariaDB refuse "CHECK (id > 0)" on an AUTO_INCREMENT id).
std::string check_expression_problem(const Model& model, std::string_view expression);

// What values of a column of field `from` a column of field `to` cannot hold, in words ("a
// shorter max_length (200 to 100)"), or empty when it holds them all: a shorter or new VARCHAR
// limit, an integer type of a smaller range, a decimal with fewer integer digits or less scale,
// double to float, a number to a type that holds fewer of its values, text or bytes to any
// other type, a timestamp to a date. Whatever dialect: these are the C++ types' values.
std::string narrowing_problem(const Field& from, const Field& to);

}  // namespace dbmig::schema_limits
