#include "io/env_file.hpp"

#include <cstdint>
#include <system_error>

#include "cache/file_stamp.hpp"
#include "core/text.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

namespace {

// Far more than any .env holds; a bigger file is not one.
constexpr std::uintmax_t kMaxEnvFileBytes = 1 << 20;

[[noreturn]] void env_error(std::size_t line, const std::string& message) {
  throw InputError(".env:" + std::to_string(line) + ": " + message +
                   "; fix the line, or pass --database (or set DATABASE_URL) to skip .env");
}

}  // namespace

std::map<std::string, std::string> parse_env_text(std::string_view text) {
  std::map<std::string, std::string> values;
  for (std::size_t number = 1; !text.empty(); ++number) {
    auto end = text.find('\n');
    std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.find('\0') != std::string_view::npos) env_error(number, "contains a NUL byte");
    if (line.empty() || line.front() == '#') continue;
    if (line.substr(0, 7) == "export ") line = trim(line.substr(7));
    auto equals = line.find('=');
    std::string_view key = trim(line.substr(0, equals));
    if (equals == std::string_view::npos || key.empty()) env_error(number, "expected KEY=VALUE");
    std::string_view value = trim(line.substr(equals + 1));
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      if (value.size() < 2 || value.back() != value.front())
        env_error(number, "the value of " + std::string(key) +
                              " starts with a quote but does not end with it (a comment after "
                              "a quoted value, or a value spanning lines, is not supported)");
      value = value.substr(1, value.size() - 2);
    }
    values[std::string(key)] = std::string(value);
  }
  return values;
}

std::map<std::string, std::string> read_env_file(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw InputError(".env: is a folder, not a file; remove or rename it");
  if (auto size = std::filesystem::file_size(path, error); !error && size > kMaxEnvFileBytes)
    throw InputError(".env: is " + std::to_string(size) + " bytes, more than the 1 MiB dbmig " +
                     "reads; the file is damaged, or pass --database");
  return parse_env_text(read_file_bytes(path).value_or(std::string()));
}

std::optional<DatabaseUrl> url_from_env_settings(std::map<std::string, std::string> env) {
  auto connection = env.find("DB_CONNECTION");
  if (connection == env.end()) return std::nullopt;
  std::string scheme = connection->second == "pgsql" ? "postgresql" : connection->second;
  // Parse a password-free URL so scheme and port are validated in one place, then fill in the
  // credentials directly: they may contain any character.
  std::string url = scheme + "://";
  if (scheme.rfind("sqlite", 0) == 0) {
    url += "/" + (env.count("DB_DATABASE") ? env["DB_DATABASE"] : std::string("db.sqlite3"));
  } else {
    url += (env.count("DB_HOST") ? env["DB_HOST"] : std::string("localhost"));
    if (env.count("DB_PORT") && !env["DB_PORT"].empty()) url += ":" + env["DB_PORT"];
    url += "/" + env["DB_DATABASE"];
  }
  DatabaseUrl parsed = [&] {
    try {
      return parse_database_url(url);
    } catch (const InputError& e) {
      throw InputError(".env: " + std::string(e.what()));
    }
  }();
  parsed.user = env["DB_USERNAME"];
  parsed.password = env["DB_PASSWORD"];
  return parsed;
}

}  // namespace dbmig
