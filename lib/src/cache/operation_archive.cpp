#include "cache/operation_archive.hpp"

#include <map>
#include <memory>

#include "cache/state_archive.hpp"
#include "dbmig/operations.hpp"

namespace dbmig {

// Every member of every operation, in the order the cache stores them. A member added to an
// operation must be added here (OperationArchive tests round-trip every kind).

DBMIG_BINARY_MEMBERS(CreateModel, operation, operation.model)

DBMIG_BINARY_MEMBERS(DeleteModel, operation, operation.name)

DBMIG_BINARY_MEMBERS(RenameModel, operation, operation.old_name, operation.new_name)

DBMIG_BINARY_MEMBERS(AlterModelTable, operation, operation.name, operation.table)
DBMIG_BINARY_MEMBERS(AlterModelComment, operation, operation.name, operation.comment)

DBMIG_BINARY_MEMBERS(AddField, operation, operation.model, operation.field, operation.fill_value)

DBMIG_BINARY_MEMBERS(AlterField, operation, operation.model, operation.field, operation.fill_value)

DBMIG_BINARY_MEMBERS(RemoveField, operation, operation.model, operation.name)

DBMIG_BINARY_MEMBERS(RemoveIndex, operation, operation.model, operation.name)

DBMIG_BINARY_MEMBERS(RemoveConstraint, operation, operation.model, operation.name)

DBMIG_BINARY_MEMBERS(RenameField, operation, operation.model, operation.old_name,
                     operation.new_name)

DBMIG_BINARY_MEMBERS(AddIndex, operation, operation.model, operation.index)

DBMIG_BINARY_MEMBERS(AddConstraint, operation, operation.model, operation.constraint)

DBMIG_BINARY_MEMBERS(RunSQL, operation, operation.sql, operation.reverse_sql)

namespace {

struct OperationCodec {
  void (*write)(binary::Writer&, const Operation&);
  OperationPtr (*read)(binary::Reader&);
};

template <class Concrete>
OperationCodec codec_of() {
  return {[](binary::Writer& writer, const Operation& operation) {
            writer(static_cast<const Concrete&>(operation));
          },
          [](binary::Reader& reader) -> OperationPtr {
            auto operation = std::make_shared<Concrete>();
            reader(*operation);
            return operation;
          }};
}

const std::map<std::string, OperationCodec, std::less<>>& codecs() {
  static const std::map<std::string, OperationCodec, std::less<>> table = {
      {"CreateModel", codec_of<CreateModel>()},
      {"DeleteModel", codec_of<DeleteModel>()},
      {"RenameModel", codec_of<RenameModel>()},
      {"AlterModelTable", codec_of<AlterModelTable>()},
      {"AlterModelComment", codec_of<AlterModelComment>()},
      {"AddField", codec_of<AddField>()},
      {"RemoveField", codec_of<RemoveField>()},
      {"AlterField", codec_of<AlterField>()},
      {"RenameField", codec_of<RenameField>()},
      {"AddIndex", codec_of<AddIndex>()},
      {"RemoveIndex", codec_of<RemoveIndex>()},
      {"AddConstraint", codec_of<AddConstraint>()},
      {"RemoveConstraint", codec_of<RemoveConstraint>()},
      {"RunSQL", codec_of<RunSQL>()},
  };
  return table;
}

}  // namespace

void write_operation(binary::Writer& writer, const Operation& operation) {
  auto codec = codecs().find(operation.kind());
  if (codec == codecs().end())  // a new operation without a codec: a bug, caught by the tests
    throw std::logic_error("no binary form for operation " + std::string(operation.kind()));
  writer(operation.kind());
  codec->second.write(writer, operation);
}

OperationPtr read_operation(binary::Reader& reader) {
  std::string kind;
  reader(kind);
  auto codec = codecs().find(kind);
  if (codec == codecs().end()) throw binary::DecodeError();
  return codec->second.read(reader);
}

}  // namespace dbmig
