#include "scanner/annotation_parser.hpp"

#include "dbmig/error.hpp"
#include "fuzz_targets.hpp"

namespace dbmig::fuzz {

using scanner::describe;

int fuzz_annotation_options(const std::uint8_t* data, std::size_t size) {
  try {
    scanner::ParsedOptions parsed = scanner::parse_options(as_text(data, size));
    for (const auto& option : parsed.options) {
      if (option.value) describe(*option.value);
      for (const auto& argument : option.arguments) describe(argument);
      for (const auto& [name, argument] : option.named_arguments) describe(argument);
    }
  } catch (const Error&) {
  }
  return 0;
}

}  // namespace dbmig::fuzz
