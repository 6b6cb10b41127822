#include "scanner/libclang.hpp"

#include <dlfcn.h>

#include <string>

#include "dbmig/error.hpp"
#include "scanner/relocation_pages.hpp"

namespace dbmig::scanner {

namespace {

struct LoadedLibrary {
  void* handle = nullptr;
  std::string error;  // dlerror() is per thread, and the load may run on another
};

const LoadedLibrary& libclang_library() {
  // The soname first (the runtime package's file, on the default search path), then the
  // file the build found.
  static const LoadedLibrary library = [] {
    auto before = loaded_objects();
    void* loaded = dlopen(DBMIG_LIBCLANG_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!loaded) loaded = dlopen(DBMIG_LIBCLANG_PATH, RTLD_NOW | RTLD_LOCAL);
    if (loaded) {
      release_relocation_pages(before);
      return LoadedLibrary{loaded, ""};
    }
    const char* error = dlerror();
    return LoadedLibrary{nullptr, error ? error : "unknown error"};
  }();
  return library;
}

void* libclang_handle() {
  const LoadedLibrary& library = libclang_library();
  if (!library.handle)
    throw Error(ExitCode::input_error, std::string("cannot load libclang (") +
                                           DBMIG_LIBCLANG_SONAME + " or " + DBMIG_LIBCLANG_PATH +
                                           "), which reading the models needs: " + library.error +
                                           "; install libclang (Debian: libclang1-14)");
  return library.handle;
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

std::jthread dbmig::scanner::load_libclang_in_background() {
  return std::jthread([] { libclang_library(); });
}

void dbmig::scanner::wait_for_libclang() {
  libclang_library();
}
