#include "scanner/libclang.hpp"

#include <dlfcn.h>

#include <string>

#include "dbmig/error.hpp"

namespace dbmig::scanner {

namespace {

void* libclang_handle() {
  // The soname first (the runtime package's file, on the default search path), then the
  // file the build found.
  static void* const handle = [] {
    void* loaded = dlopen(DBMIG_LIBCLANG_SONAME, RTLD_NOW | RTLD_LOCAL);
    return loaded ? loaded : dlopen(DBMIG_LIBCLANG_PATH, RTLD_NOW | RTLD_LOCAL);
  }();
  if (!handle)
    throw Error(ExitCode::input_error, std::string("cannot load libclang (") +
                                           DBMIG_LIBCLANG_SONAME + " or " + DBMIG_LIBCLANG_PATH +
                                           "), which reading the models needs: " + dlerror() +
                                           "; install libclang (Debian: libclang1-14)");
  return handle;
}

}  // namespace

void* libclang_symbol(const char* name) {
  void* symbol = dlsym(libclang_handle(), name);
  if (!symbol)
    throw Error(ExitCode::input_error, std::string("libclang lacks ") + name +
                                           ", which dbmig needs; install libclang 14 or newer");
  return symbol;
}

}  // namespace dbmig::scanner
