#include "scanner/translation_unit.hpp"

#include <algorithm>
#include <set>

#include "dbmig/error.hpp"

namespace dbmig::scanner {

namespace fs = std::filesystem;

namespace {

// Skipped function bodies: models need declarations only (~25% faster). KeepGoing: report
// every error, not only those before the first fatal one. The detailed preprocessing record
// keeps every #include directive, also of a header already included (files_included_by); it
// costs no measurable time on 500 models.
constexpr unsigned kParseOptions = CXTranslationUnit_SkipFunctionBodies |
                                   CXTranslationUnit_KeepGoing |
                                   CXTranslationUnit_DetailedPreprocessingRecord;

std::string parse_failure(CXErrorCode code) {
  switch (code) {
    case CXError_Crashed:
      return "libclang crashed";
    case CXError_InvalidArguments:
      return "libclang rejected the compiler arguments";
    case CXError_ASTReadError:
      return "libclang could not read its AST";
    default:
      return "libclang failed";
  }
}

}  // namespace

std::string to_string(CXString text) {
  const char* chars = clang_getCString(text);
  std::string result = chars ? chars : "";
  clang_disposeString(text);
  return result;
}

fs::path file_of(CXSourceLocation location) {
  CXFile file = nullptr;
  clang_getExpansionLocation(location, &file, nullptr, nullptr, nullptr);
  if (!file) return {};
  return fs::path(to_string(clang_getFileName(file))).lexically_normal();
}

bool is_inside(const fs::path& path, const fs::path& root) {
  fs::path relative = path.lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

std::string display_path(const fs::path& path, const fs::path& root) {
  return is_inside(path, root) ? path.lexically_relative(root).string() : path.string();
}

namespace {

std::string shown_path(CXFile file, const fs::path& root) {
  if (!file) return "<unknown>";
  return display_path(fs::path(to_string(clang_getFileName(file))).lexically_normal(), root);
}

}  // namespace

SourceLocation source_location(CXSourceLocation location, const fs::path& root) {
  return SourceLocator(root)(location);
}

SourceLocation SourceLocator::operator()(CXSourceLocation location) {
  CXFile file = nullptr;
  unsigned line = 0;
  unsigned column = 0;
  clang_getExpansionLocation(location, &file, &line, &column, nullptr);
  auto known = shown_paths_.find(file);
  if (known == shown_paths_.end())
    known = shown_paths_.emplace(file, shown_path(file, root_)).first;
  return {known->second, line, column};
}

CXErrorCode TranslationUnit::parse(const fs::path& main_path, const std::string& main_source,
                                   const std::vector<std::string>& arguments, unsigned options) {
  // Declarations from the PCH are the prelude's, never models: skipping them in the walk of
  // the unit spares deserializing thousands of standard declarations.
  index_ = clang_createIndex(/*excludeDeclarationsFromPCH=*/1, /*displayDiagnostics=*/0);
  std::vector<const char*> argv;
  for (const auto& argument : arguments) argv.push_back(argument.c_str());
  std::string main_name = main_path.string();
  CXUnsavedFile unsaved{main_name.c_str(), main_source.c_str(),
                        static_cast<unsigned long>(main_source.size())};
  CXErrorCode code = clang_parseTranslationUnit2(index_, main_name.c_str(), argv.data(),
                                                 static_cast<int>(argv.size()), &unsaved, 1,
                                                 kParseOptions | options, &unit_);
  if (code == CXError_Success && unit_) return code;
  clang_disposeTranslationUnit(unit_);
  clang_disposeIndex(index_);
  unit_ = nullptr;
  index_ = nullptr;
  return code == CXError_Success ? CXError_Failure : code;
}

TranslationUnit::TranslationUnit(const fs::path& main_path, const std::string& main_source,
                                 const std::vector<std::string>& arguments, unsigned options) {
  if (CXErrorCode code = parse(main_path, main_source, arguments, options); code != CXError_Success)
    throw InputError(parse_failure(code) + " while parsing the model headers");
}

std::unique_ptr<TranslationUnit> TranslationUnit::try_parse(
    const fs::path& main_path, const std::string& main_source,
    const std::vector<std::string>& arguments, unsigned options) {
  std::unique_ptr<TranslationUnit> unit(new TranslationUnit());
  if (unit->parse(main_path, main_source, arguments, options) != CXError_Success) return nullptr;
  return unit;
}

TranslationUnit::~TranslationUnit() {
  clang_disposeTranslationUnit(unit_);
  clang_disposeIndex(index_);
}

std::vector<std::string> TranslationUnit::errors(const fs::path& root) const {
  std::vector<std::string> result;
  unsigned count = clang_getNumDiagnostics(unit_);
  for (unsigned i = 0; i < count; ++i) {
    CXDiagnostic diagnostic = clang_getDiagnostic(unit_, i);
    if (clang_getDiagnosticSeverity(diagnostic) >= CXDiagnostic_Error) {
      SourceLocation where = source_location(clang_getDiagnosticLocation(diagnostic), root);
      result.push_back(where.str() +
                       ": error: " + to_string(clang_getDiagnosticSpelling(diagnostic)));
    }
    clang_disposeDiagnostic(diagnostic);
  }
  return result;
}

std::vector<fs::path> TranslationUnit::included_files() const {
  std::set<fs::path> files;
  clang_getInclusions(
      unit_,
      [](CXFile file, CXSourceLocation*, unsigned depth, CXClientData data) {
        if (depth > 0)
          // As clang names it: lexical normalization is wrong across symlinked folders.
          static_cast<std::set<fs::path>*>(data)->insert(to_string(clang_getFileName(file)));
      },
      &files);
  return {files.begin(), files.end()};
}

std::vector<fs::path> TranslationUnit::files_included_by(const fs::path& file) const {
  std::vector<fs::path> included;
  CXFile includer = clang_getFile(unit_, file.c_str());
  if (!includer) return included;
  CXCursorAndRangeVisitor visitor{&included, [](void* data, CXCursor directive, CXSourceRange) {
                                    CXFile target = clang_getIncludedFile(directive);
                                    if (target)
                                      static_cast<std::vector<fs::path>*>(data)->emplace_back(
                                          to_string(clang_getFileName(target)));
                                    return CXVisit_Continue;
                                  }};
  clang_findIncludesInFile(unit_, includer, visitor);
  return included;
}

bool TranslationUnit::save(const fs::path& path) const {
  return clang_saveTranslationUnit(unit_, path.c_str(), CXSaveTranslationUnit_None) ==
         CXSaveError_None;
}

}  // namespace dbmig::scanner
