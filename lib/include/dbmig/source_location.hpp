#pragma once

#include <string>

namespace dbmig {

// A place in a C++ header, as reported to users: "apps/blog/models.hpp:12:3".
struct SourceLocation {
  std::string file;  // relative to the project root when inside it
  unsigned line = 0;
  unsigned column = 0;

  std::string str() const {
    return file + ":" + std::to_string(line) + ":" + std::to_string(column);
  }
  bool operator==(const SourceLocation&) const = default;
};

}  // namespace dbmig
