#include "dbmig/commands/build_prelude.hpp"

#include "scanner/shipped_prelude.hpp"

namespace dbmig {

ExitCode build_prelude(const BuildPreludeOptions& options, Console& console) {
  std::filesystem::path dir = options.dir.empty() ? scanner::shipped_prelude_dir() : options.dir;
  if (dir.empty())
    throw InputError("DBMIG_PRELUDE_DIR is set empty; give the folder to build the prelude in");
  scanner::build_shipped_prelude(dir);
  if (console.verbosity >= 1)
    console.out << "Built the precompiled prelude in " << dir.string() << "\n";
  return ExitCode::ok;
}

}  // namespace dbmig
