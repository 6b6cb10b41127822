#include "cache/operation_archive.hpp"

#include <map>
#include <memory>
#include <tuple>

#include "cache/state_archive.hpp"
#include "dbmig/error.hpp"
#include "operations/operation_registry.hpp"

namespace dbmig {

namespace {

// Each operation's members, in the order its `members` lists them (a member added to an
// operation is added there; OperationArchive tests round-trip every kind).
struct OperationCodec {
  void (*write)(binary::Writer&, const Operation&);
  OperationPtr (*read)(binary::Reader&);
};

template <class Concrete>
OperationCodec codec_of() {
  return {[](binary::Writer& writer, const Operation& operation) {
            std::apply(writer, Concrete::members(static_cast<const Concrete&>(operation)));
          },
          [](binary::Reader& reader) -> OperationPtr {
            auto operation = std::make_shared<Concrete>();
            std::apply(reader, Concrete::members(*operation));
            return operation;
          }};
}

const std::map<std::string_view, OperationCodec, std::less<>>& codecs() {
  static const auto table =
      operations::Registry::by_kind([]<class Type>() { return codec_of<Type>(); });
  return table;
}

}  // namespace

void write_operation(binary::Writer& writer, const Operation& operation) {
  auto codec = codecs().find(operation.kind());
  if (codec == codecs().end())  // a new operation without a codec: a bug, caught by the tests
    throw InternalError("no binary form for operation " + std::string(operation.kind()));
  writer(operation.kind());
  codec->second.write(writer, operation);
  writer(operation.options.online, operation.options.acknowledged);
}

OperationPtr read_operation(binary::Reader& reader) {
  std::string kind;
  reader(kind);
  auto codec = codecs().find(kind);
  if (codec == codecs().end()) throw binary::DecodeError();
  auto operation = std::const_pointer_cast<Operation>(codec->second.read(reader));
  reader(operation->options.online, operation->options.acknowledged);
  return operation;
}

}  // namespace dbmig
