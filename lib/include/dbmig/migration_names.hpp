// How migrations are numbered and named (Django's Migration.suggest_name and the numbering of
// makemigrations): "0002_blog_subtitle", the number first, then the name. Pure.
#pragma once

#include <string>
#include <string_view>

#include "dbmig/operation.hpp"

namespace dbmig {

// The number a migration name starts with ("0007_x" -> 7), or 0 when it has none.
int migration_number(std::string_view name);

// "0002": a migration number as names spell it, padded to four digits.
std::string padded_migration_number(int number);

// "0002_blog_subtitle": the number padded to four digits, then the name.
std::string numbered_migration_name(int number, std::string_view name);

// A migration file's name without ".json": four digits, an underscore, then a name.
bool is_numbered_migration_name(std::string_view name);

// The automatic name of a migration of `operations`: "initial" for the first migration of an
// app, else the operations' name fragments joined by "_" (cut with "_and_more" past 52
// characters, as Django does), "empty" with no operations, and "auto" when an operation has no
// fragment. Never a timestamp, so regeneration is byte-identical.
std::string suggest_migration_name(const Operations& operations, bool initial);

// A name given with --name must be usable as a file name on every system and in
// `migrate APP NAME`: letters, digits and underscores, at most 200 of them (a file name has
// at most 255 bytes). Throws InputError otherwise.
void check_migration_name(const std::string& name);

}  // namespace dbmig
