#include "env_file.hpp"

#include "dbmig/error.hpp"
#include "file_stamp.hpp"

namespace dbmig {

std::string_view trim_blanks(std::string_view text) {
  constexpr std::string_view blanks = " \t\r\n";
  auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) + 1 - first);
}

std::map<std::string, std::string> parse_env_text(std::string_view text) {
  std::map<std::string, std::string> values;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = trim_blanks(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty() || line.front() == '#') continue;
    if (line.substr(0, 7) == "export ") line = trim_blanks(line.substr(7));
    auto equals = line.find('=');
    if (equals == std::string_view::npos) continue;
    std::string_view value = trim_blanks(line.substr(equals + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    values[std::string(trim_blanks(line.substr(0, equals)))] = std::string(value);
  }
  return values;
}

std::map<std::string, std::string> read_env_file(const std::filesystem::path& path) {
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
