#include "dbmig/database_url.hpp"

#include <optional>

#include "dbmig/error.hpp"
#include "fuzz_targets.hpp"

namespace dbmig::fuzz {

namespace {

// What a user sees of `url`: its redacted form, or the message refusing it.
std::string shown(std::string_view url) {
  try {
    return parse_database_url(url).redacted();
  } catch (const InputError& error) {
    return error.what();
  }
}

// `url` with another password: the characters between the first ':' after "scheme://" and the
// last '@' (what a user means as the password) replaced, except the '/', ':' and '@' that take
// part in splitting the URL. std::nullopt when the URL has no such part, or is a SQLite one
// (a path, without a password).
std::optional<std::string> with_other_password(std::string url) {
  auto scheme_end = url.find("://");
  auto at = url.rfind('@');
  if (scheme_end == std::string::npos || at == std::string::npos || at < scheme_end + 3 ||
      url.starts_with("sqlite"))
    return std::nullopt;
  auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon + 1 >= at) return std::nullopt;
  for (auto i = colon + 1; i < at; ++i)
    if (std::string_view("/:@").find(url[i]) == std::string_view::npos)
      url[i] = url[i] == 'x' ? 'y' : 'x';
  return url;
}

}  // namespace

void check_redacted(const DatabaseUrl& url) {
  DatabaseUrl other = url;
  if (!other.password.empty()) other.password = url.password == "x" ? "y" : "x";
  check(other.redacted() == url.redacted(),
        "redacted() depends on the password: " + url.redacted() + " vs " + other.redacted());
}

int fuzz_database_url(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  try {
    DatabaseUrl url = parse_database_url(text);
    check_redacted(url);
    url.soci_backend();
    url.soci_connection_string();
  } catch (const Error&) {
  }
  // What is shown of a URL (redacted, or the message refusing it) is the same whatever its
  // password is, so it cannot show it.
  if (auto other = with_other_password(std::string(text)))
    check(shown(*other) == shown(text), "what is shown of a URL depends on its password: " +
                                            shown(text) + " vs " + shown(*other));
  return 0;
}

}  // namespace dbmig::fuzz
