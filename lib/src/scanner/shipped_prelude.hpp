// The precompiled prelude shipped with dbmig (docs/models.md "The precompiled prelude"). A
// project's own prelude (prelude_pch.hpp) is built on its first edit, so a first scan (a fresh
// checkout, every CI job) parsed the standard headers, most of its time and memory. The shipped
// one is built with dbmig (`dbmig build-prelude`: by the build into build/lib/dbmig/, by the
// install into <prefix>/lib/dbmig/) for the compiler arguments of a project without flags of its
// own, and any scan whose arguments are exactly those parses with it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dbmig::scanner {

// $DBMIG_PRELUDE_DIR when set (set empty: none), else <dbmig's folder>/../lib/dbmig.
std::filesystem::path shipped_prelude_dir();

// Builds the prelude for arguments_with({}) into `dir`, with the file that names the libclang
// version and the arguments it was built for (which why_shipped_prelude_does_not_fit reads).
// Throws Error saying why when it cannot.
void build_shipped_prelude(const std::filesystem::path& dir);

// Why `dir` has no prelude for `arguments`: none was built there, or it was built by another
// libclang or for other arguments (those the project adds and lacks).
std::string why_shipped_prelude_does_not_fit(const std::filesystem::path& dir,
                                             const std::vector<std::string>& arguments);

}  // namespace dbmig::scanner
