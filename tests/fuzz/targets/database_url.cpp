#include "dbmig/database_url.hpp"

#include <optional>

#include "dbmig/error.hpp"
#include "fuzz_targets.hpp"

namespace dbmig::fuzz {

namespace {

// The message parse_database_url refuses `url` with; empty when it accepts it.
std::string refusal(std::string_view url) {
  try {
    parse_database_url(url);
  } catch (const InputError& error) {
    return error.what();
  }
  return {};
}

// `url` with another password, when it has one that takes no part in parsing: between the
// first ':' after "scheme://" and the only '@', with no '/' before it (a password escapes
// '/' and '@').
std::optional<std::string> with_other_password(std::string url) {
  auto scheme_end = url.find("://");
  auto at = url.find('@');
  if (scheme_end == std::string::npos || at == std::string::npos || at < scheme_end ||
      at != url.rfind('@'))
    return std::nullopt;
  auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon + 1 >= at ||
      url.substr(scheme_end + 3, at - scheme_end - 3).find('/') != std::string::npos)
    return std::nullopt;
  char other = url[colon + 1] == 'x' ? 'y' : 'x';
  return url.replace(colon + 1, at - colon - 1, at - colon - 1, other);
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
  } catch (const InputError& error) {
    // The message is the same whatever the password is, so it cannot show it.
    if (auto other = with_other_password(std::string(text)))
      check(refusal(*other) == error.what(),
            std::string("the message for a bad URL depends on its password: ") + error.what());
  } catch (const Error&) {
  }
  return 0;
}

}  // namespace dbmig::fuzz
