// `dbmig build-prelude [DIR]`: builds the precompiled prelude that ships with dbmig, which the
// build and `cmake --install` run (docs/models.md "The precompiled prelude").
#pragma once

#include <filesystem>

#include "dbmig/console.hpp"
#include "dbmig/error.hpp"

namespace dbmig {

struct BuildPreludeOptions {
  std::filesystem::path dir;  // empty => where dbmig looks for it (DBMIG_PRELUDE_DIR, or
                              // <dbmig's folder>/../lib/dbmig)
};

// Throws Error when the folder is not writable or libclang cannot build it.
ExitCode build_prelude(const BuildPreludeOptions& options, Console& console);

}  // namespace dbmig
