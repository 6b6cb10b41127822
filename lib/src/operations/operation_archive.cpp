#include "operations/operation_archive.hpp"

#include <map>
#include <memory>

#include "dbmig/operations.hpp"
#include "state_archive.hpp"

namespace dbmig {

// Every member of every operation, in the order the cache stores them. A member added to an
// operation must be added here (OperationArchive tests round-trip every kind).

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, CreateModel>
void transfer(Archive& archive, T& operation) {
  archive(operation.model);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, DeleteModel>
void transfer(Archive& archive, T& operation) {
  archive(operation.name);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, RenameModel>
void transfer(Archive& archive, T& operation) {
  archive(operation.old_name, operation.new_name);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, AlterModelTable>
void transfer(Archive& archive, T& operation) {
  archive(operation.name, operation.table);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, AddField> ||
    std::is_same_v<std::remove_const_t<T>, AlterField>
void transfer(Archive& archive, T& operation) {
  archive(operation.model, operation.field, operation.fill_value);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, RemoveField> ||
    std::is_same_v<std::remove_const_t<T>, RemoveIndex> ||
    std::is_same_v<std::remove_const_t<T>, RemoveConstraint>
void transfer(Archive& archive, T& operation) {
  archive(operation.model, operation.name);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, RenameField>
void transfer(Archive& archive, T& operation) {
  archive(operation.model, operation.old_name, operation.new_name);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, AddIndex>
void transfer(Archive& archive, T& operation) {
  archive(operation.model, operation.index);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, AddConstraint>
void transfer(Archive& archive, T& operation) {
  archive(operation.model, operation.constraint);
}

template <class Archive, class T>
requires std::is_same_v<std::remove_const_t<T>, RunSQL>
void transfer(Archive& archive, T& operation) {
  archive(operation.sql, operation.reverse_sql);
}

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
