// The SOCI bindings header of one app that `dbmig bindings` writes to
// <output>/<app>/models_soci.hpp: a dbmig::rows::model<T> specialization per model and the
// soci::type_conversion<T> that uses it (docs/cli.md "dbmig bindings"). Pure: text in, text out.
#pragma once

#include <string>
#include <vector>

#include "dbmig/scanner.hpp"

namespace dbmig {

struct BindingsHeaderInput {
  std::string app;
  // The app's model headers as the header's first comment names them (relative to the
  // project root), and as it includes them (relative to the generated file), in the same order.
  std::vector<std::string> headers;
  std::vector<std::string> includes;
};

// The header's text: the models of `input.app` in name order, their fields in declaration
// order, byte-identical for the same models and paths, and laid out as clang-format with the
// repository's .clang-format lays it out (what it cannot lay out within 100 columns, a name
// too long, is kept between `// clang-format off` and `// clang-format on`). Throws
// InputError, naming the place, for a member called `columns` (the one name the header cannot
// give a constant).
std::string render_bindings_header(const ScanResult& scan, const BindingsHeaderInput& input);

}  // namespace dbmig
