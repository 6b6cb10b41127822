#include "scanner/type_mapping.hpp"

#include <algorithm>
#include <vector>

#include "scanner/translation_unit.hpp"

namespace dbmig::scanner {

namespace {

constexpr const char* kAccepted =
    "expected bool, a signed or unsigned integer type, float, double, std::string, "
    "std::vector<std::uint8_t> (bytes), std::tm or std::chrono::system_clock::time_point "
    "(timestamp), std::chrono::year_month_day (date), an enum, or std::optional of one of these";

MappedType mapped(FieldType type) {
  return {type, false, {}};
}

// The problem reads after "unsupported type '<type as written>'".
MappedType unsupported(const std::string& why = {}) {
  return {std::nullopt, false, (why.empty() ? "" : " (" + why + ")") + "; " + kAccepted};
}

std::optional<FieldType> integer_type(CXType canonical) {
  bool is_signed = false;
  switch (canonical.kind) {
    case CXType_SChar:
    case CXType_Short:
    case CXType_Int:
    case CXType_Long:
    case CXType_LongLong:
      is_signed = true;
      break;
    case CXType_UChar:
    case CXType_UShort:
    case CXType_UInt:
    case CXType_ULong:
    case CXType_ULongLong:
      break;
    default:
      return std::nullopt;
  }
  switch (clang_Type_getSizeOf(canonical)) {
    case 1:
      return is_signed ? FieldType::int8 : FieldType::uint8;
    case 2:
      return is_signed ? FieldType::int16 : FieldType::uint16;
    case 4:
      return is_signed ? FieldType::int32 : FieldType::uint32;
    case 8:
      return is_signed ? FieldType::int64 : FieldType::uint64;
    default:
      return std::nullopt;
  }
}

// The template a record type instantiates ("std::optional"), or the record's own name.
std::string record_name(CXType canonical) {
  CXCursor declaration = clang_getTypeDeclaration(canonical);
  CXCursor specialized = clang_getSpecializedCursorTemplate(declaration);
  return qualified_name(clang_Cursor_isNull(specialized) ? declaration : specialized);
}

CXType template_argument(CXType type, unsigned index) {
  return clang_getCanonicalType(clang_Type_getTemplateArgumentAsType(type, index));
}

bool is_byte(CXType canonical) {
  switch (canonical.kind) {
    case CXType_Char_S:
    case CXType_Char_U:
    case CXType_SChar:
    case CXType_UChar:
      return true;
    case CXType_Enum:
      return record_name(canonical) == "std::byte";
    default:
      return false;
  }
}

MappedType map_record(CXType canonical) {
  std::string name = record_name(canonical);
  if (name == "std::basic_string") {
    CXType character = template_argument(canonical, 0);
    if (character.kind == CXType_Char_S || character.kind == CXType_Char_U)
      return mapped(FieldType::string);
    return unsupported("only std::string, of char, is a string column");
  }
  if (name == "std::optional") {
    MappedType inner = map_type(template_argument(canonical, 0));
    if (inner.null) return unsupported("an optional of an optional");
    inner.null = true;
    return inner;
  }
  if (name == "std::vector") {
    if (is_byte(template_argument(canonical, 0))) return mapped(FieldType::bytes);
    return unsupported("only vectors of bytes are columns");
  }
  if (name == "tm") return mapped(FieldType::timestamp);
  if (name == "std::chrono::time_point") {
    if (record_name(template_argument(canonical, 0)) == "std::chrono::system_clock")
      return mapped(FieldType::timestamp);
    return unsupported("only std::chrono::system_clock time points are timestamps");
  }
  if (name == "std::chrono::year_month_day") return mapped(FieldType::date);
  return unsupported();
}

}  // namespace

std::string qualified_name(CXCursor declaration) {
  std::vector<std::string> parts;
  for (CXCursor cursor = declaration;
       !clang_Cursor_isNull(cursor) && cursor.kind != CXCursor_TranslationUnit &&
       !clang_isInvalid(cursor.kind);
       cursor = clang_getCursorSemanticParent(cursor)) {
    if (cursor.kind == CXCursor_Namespace && clang_Cursor_isInlineNamespace(cursor)) continue;
    parts.push_back(to_string(clang_getCursorSpelling(cursor)));
  }
  std::string result;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it)
    result += (result.empty() ? "" : "::") + *it;
  return result;
}

MappedType map_type(CXType type) {
  CXType canonical = clang_getCanonicalType(type);
  if (canonical.kind == CXType_Bool) return mapped(FieldType::boolean);
  if (auto integer = integer_type(canonical)) return mapped(*integer);
  switch (canonical.kind) {
    case CXType_Float:
      return mapped(FieldType::float32);
    case CXType_Double:
      return mapped(FieldType::float64);
    case CXType_Char_S:
    case CXType_Char_U:
      return unsupported("plain char is a character; use std::int8_t or std::string");
    case CXType_Enum: {
      MappedType underlying =
          map_type(clang_getEnumDeclIntegerType(clang_getTypeDeclaration(canonical)));
      if (underlying.type) return underlying;
      return unsupported("the enum's underlying type is not a supported integer");
    }
    case CXType_Record:
      return map_record(canonical);
    default:
      return unsupported();
  }
}

}  // namespace dbmig::scanner
