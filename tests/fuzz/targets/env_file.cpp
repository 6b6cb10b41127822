#include "io/env_file.hpp"

#include "dbmig/error.hpp"
#include "fuzz_targets.hpp"

namespace dbmig::fuzz {

namespace {

// The message url_from_env_settings refuses `settings` with; empty when it accepts them.
std::string refusal(const std::map<std::string, std::string>& settings) {
  try {
    url_from_env_settings(settings);
  } catch (const InputError& error) {
    return error.what();
  }
  return {};
}

}  // namespace

int fuzz_env_file(const std::uint8_t* data, std::size_t size) {
  std::map<std::string, std::string> settings;
  try {
    settings = parse_env_text(as_text(data, size));
  } catch (const InputError&) {
    return 0;  // a line that is not KEY=VALUE: refused, naming the line
  }
  try {
    if (auto url = url_from_env_settings(settings)) {
      check(url->password == settings["DB_PASSWORD"], "DB_PASSWORD is not the URL's password");
      check_redacted(*url);
      url->soci_connection_string();
    }
  } catch (const InputError& error) {
    // The message is the same whatever DB_PASSWORD is, so it cannot show it.
    auto other = settings;
    other["DB_PASSWORD"] += "x";
    check(refusal(other) == error.what(),
          std::string("the message for a bad .env depends on DB_PASSWORD: ") + error.what());
  } catch (const Error&) {
  }
  return 0;
}

}  // namespace dbmig::fuzz
