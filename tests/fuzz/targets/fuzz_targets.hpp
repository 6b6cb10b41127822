// The fuzz targets (docs/fuzzing.md): each feeds bytes to one reader of user input the way
// dbmig reads it. Input dbmig refuses with its own error types (dbmig::Error) is fine; any
// other exception, a crash, undefined behaviour or a leak is a finding. The same functions run
// under libFuzzer (tests/fuzz/libfuzzer_main.cpp) and in the unit tests, which replay the
// regression corpus tests/fuzz/corpus/<target>/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dbmig {
struct DatabaseUrl;
}

namespace dbmig::fuzz {

// A property a target checks does not hold (e.g. a password shows in a redacted URL).
// Deliberately not a dbmig::Error, so no target swallows it.
class Finding : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Throws Finding(`what`) unless `holds`.
inline void check(bool holds, const std::string& what) {
  if (!holds) throw Finding(what);
}

// Throws Finding when url.redacted() depends on the password's value (so could show it).
void check_redacted(const DatabaseUrl& url);

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

using Target = int (*)(const std::uint8_t* data, std::size_t size);

// A migration file: read (json_file, migration_json), replayed onto an empty state and
// rendered forwards and backwards by the SQLite, PostgreSQL and MySQL schema editors.
int fuzz_migration_file(const std::uint8_t* data, std::size_t size);
// dbmig.json, read into a ProjectConfig.
int fuzz_project_config(const std::uint8_t* data, std::size_t size);
// A database URL: parsed, redacted and turned into SOCI's connection string.
int fuzz_database_url(const std::uint8_t* data, std::size_t size);
// A .env file: parsed and turned into a database URL.
int fuzz_env_file(const std::uint8_t* data, std::size_t size);
// The option list of DBMIG_MODEL(...) / DBMIG_FIELD(...).
int fuzz_annotation_options(const std::uint8_t* data, std::size_t size);

struct NamedTarget {
  const char* name;  // the folder of its corpus, tests/fuzz/corpus/<name>/
  Target run;
};

inline const std::vector<NamedTarget>& all_targets() {
  static const std::vector<NamedTarget> targets{{"migration_file", fuzz_migration_file},
                                                {"project_config", fuzz_project_config},
                                                {"database_url", fuzz_database_url},
                                                {"env_file", fuzz_env_file},
                                                {"annotation_options", fuzz_annotation_options}};
  return targets;
}

}  // namespace dbmig::fuzz
