// A project's .env file (docs/databases.md): KEY=VALUE lines as Laravel, Masonite and docker
// compose write them. Parsed from text, so it can be tested and fuzzed on bytes.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dbmig/database_url.hpp"

namespace dbmig {

// The KEY=VALUE settings of a .env file's text; `export` prefixes, # comments and surrounding
// quotes are allowed, and a later line wins. Any other line is an InputError naming it
// (".env:3: expected KEY=VALUE"), so a damaged file is not half read.
std::map<std::string, std::string> parse_env_text(std::string_view text);

// parse_env_text of the file; an unreadable file has no settings; a folder or a file over
// 1 MiB is an InputError.
std::map<std::string, std::string> read_env_file(const std::filesystem::path& path);

// The database the settings name (DB_CONNECTION, DB_HOST, DB_PORT, DB_DATABASE, DB_USERNAME,
// DB_PASSWORD), or std::nullopt without DB_CONNECTION. Throws InputError (".env: ...", never
// showing the password) for an unknown connection or a bad port.
std::optional<DatabaseUrl> url_from_env_settings(std::map<std::string, std::string> env);

}  // namespace dbmig
