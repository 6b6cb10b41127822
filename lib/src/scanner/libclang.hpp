// libclang, loaded on first use. Linking it (and with it libLLVM) costs every dbmig process
// ~25 ms and ~55 MiB of memory at start-up, also the commands that never parse: migrate,
// sqlmigrate, showmigrations, and makemigrations answered by the scan cache. So the scanner
// includes this header instead of <clang-c/Index.h>: each clang_* call below goes through a
// pointer that dlsym resolves once, from the library dlopen'ed by the first call.
#pragma once

#include <clang-c/Index.h>

#include <thread>

namespace dbmig::scanner {

// The address of a libclang function; loads libclang on the first call. Throws Error naming
// the library when it cannot be loaded or lacks the function.
void* libclang_symbol(const char* name);

// Loads libclang on a thread of its own, joined when the result is destroyed; a failed load
// is reported by the first libclang_symbol().
std::jthread load_libclang_in_background();

// Returns once libclang is loaded, or failed to load (which libclang_symbol() reports): loads
// it here unless another thread is loading it.
void wait_for_libclang();

}  // namespace dbmig::scanner

// decltype(&::name) is unevaluated, so the real symbol is never referenced (nor linked).
#define DBMIG_LIBCLANG(name)                                                           \
  ([] {                                                                                \
    static auto* const function =                                                      \
        reinterpret_cast<decltype(&::name)>(::dbmig::scanner::libclang_symbol(#name)); \
    return function;                                                                   \
  }())

// Every libclang function the scanner calls (a call to one missing here fails to link).
#define clang_Cursor_Evaluate(...) DBMIG_LIBCLANG(clang_Cursor_Evaluate)(__VA_ARGS__)
#define clang_Cursor_isBitField(...) DBMIG_LIBCLANG(clang_Cursor_isBitField)(__VA_ARGS__)
#define clang_Cursor_isInlineNamespace(...) \
  DBMIG_LIBCLANG(clang_Cursor_isInlineNamespace)(__VA_ARGS__)
#define clang_Cursor_isNull(...) DBMIG_LIBCLANG(clang_Cursor_isNull)(__VA_ARGS__)
#define clang_EvalResult_dispose(...) DBMIG_LIBCLANG(clang_EvalResult_dispose)(__VA_ARGS__)
#define clang_EvalResult_getAsDouble(...) DBMIG_LIBCLANG(clang_EvalResult_getAsDouble)(__VA_ARGS__)
#define clang_EvalResult_getAsLongLong(...) \
  DBMIG_LIBCLANG(clang_EvalResult_getAsLongLong)(__VA_ARGS__)
#define clang_EvalResult_getAsStr(...) DBMIG_LIBCLANG(clang_EvalResult_getAsStr)(__VA_ARGS__)
#define clang_EvalResult_getAsUnsigned(...) \
  DBMIG_LIBCLANG(clang_EvalResult_getAsUnsigned)(__VA_ARGS__)
#define clang_EvalResult_getKind(...) DBMIG_LIBCLANG(clang_EvalResult_getKind)(__VA_ARGS__)
#define clang_EvalResult_isUnsignedInt(...) \
  DBMIG_LIBCLANG(clang_EvalResult_isUnsignedInt)(__VA_ARGS__)
#define clang_Location_isInSystemHeader(...) \
  DBMIG_LIBCLANG(clang_Location_isInSystemHeader)(__VA_ARGS__)
#define clang_Type_getSizeOf(...) DBMIG_LIBCLANG(clang_Type_getSizeOf)(__VA_ARGS__)
#define clang_Type_getTemplateArgumentAsType(...) \
  DBMIG_LIBCLANG(clang_Type_getTemplateArgumentAsType)(__VA_ARGS__)
#define clang_createIndex(...) DBMIG_LIBCLANG(clang_createIndex)(__VA_ARGS__)
#define clang_disposeDiagnostic(...) DBMIG_LIBCLANG(clang_disposeDiagnostic)(__VA_ARGS__)
#define clang_disposeIndex(...) DBMIG_LIBCLANG(clang_disposeIndex)(__VA_ARGS__)
#define clang_disposeString(...) DBMIG_LIBCLANG(clang_disposeString)(__VA_ARGS__)
#define clang_disposeTokens(...) DBMIG_LIBCLANG(clang_disposeTokens)(__VA_ARGS__)
#define clang_disposeTranslationUnit(...) DBMIG_LIBCLANG(clang_disposeTranslationUnit)(__VA_ARGS__)
#define clang_findIncludesInFile(...) DBMIG_LIBCLANG(clang_findIncludesInFile)(__VA_ARGS__)
#define clang_getCString(...) DBMIG_LIBCLANG(clang_getCString)(__VA_ARGS__)
#define clang_getCanonicalType(...) DBMIG_LIBCLANG(clang_getCanonicalType)(__VA_ARGS__)
#define clang_getClangVersion(...) DBMIG_LIBCLANG(clang_getClangVersion)(__VA_ARGS__)
#define clang_getCursorDefinition(...) DBMIG_LIBCLANG(clang_getCursorDefinition)(__VA_ARGS__)
#define clang_getCursorExtent(...) DBMIG_LIBCLANG(clang_getCursorExtent)(__VA_ARGS__)
#define clang_getCursorKind(...) DBMIG_LIBCLANG(clang_getCursorKind)(__VA_ARGS__)
#define clang_getCursorLocation(...) DBMIG_LIBCLANG(clang_getCursorLocation)(__VA_ARGS__)
#define clang_getCursorSemanticParent(...) \
  DBMIG_LIBCLANG(clang_getCursorSemanticParent)(__VA_ARGS__)
#define clang_getCursorSpelling(...) DBMIG_LIBCLANG(clang_getCursorSpelling)(__VA_ARGS__)
#define clang_getCursorType(...) DBMIG_LIBCLANG(clang_getCursorType)(__VA_ARGS__)
#define clang_getDiagnostic(...) DBMIG_LIBCLANG(clang_getDiagnostic)(__VA_ARGS__)
#define clang_getDiagnosticLocation(...) DBMIG_LIBCLANG(clang_getDiagnosticLocation)(__VA_ARGS__)
#define clang_getDiagnosticSeverity(...) DBMIG_LIBCLANG(clang_getDiagnosticSeverity)(__VA_ARGS__)
#define clang_getDiagnosticSpelling(...) DBMIG_LIBCLANG(clang_getDiagnosticSpelling)(__VA_ARGS__)
#define clang_getEnumDeclIntegerType(...) DBMIG_LIBCLANG(clang_getEnumDeclIntegerType)(__VA_ARGS__)
#define clang_getExpansionLocation(...) DBMIG_LIBCLANG(clang_getExpansionLocation)(__VA_ARGS__)
#define clang_getFile(...) DBMIG_LIBCLANG(clang_getFile)(__VA_ARGS__)
#define clang_getFileName(...) DBMIG_LIBCLANG(clang_getFileName)(__VA_ARGS__)
#define clang_getIncludedFile(...) DBMIG_LIBCLANG(clang_getIncludedFile)(__VA_ARGS__)
#define clang_getInclusions(...) DBMIG_LIBCLANG(clang_getInclusions)(__VA_ARGS__)
#define clang_getNullCursor(...) DBMIG_LIBCLANG(clang_getNullCursor)(__VA_ARGS__)
#define clang_getNumDiagnostics(...) DBMIG_LIBCLANG(clang_getNumDiagnostics)(__VA_ARGS__)
#define clang_getSpecializedCursorTemplate(...) \
  DBMIG_LIBCLANG(clang_getSpecializedCursorTemplate)(__VA_ARGS__)
#define clang_getTokenKind(...) DBMIG_LIBCLANG(clang_getTokenKind)(__VA_ARGS__)
#define clang_getTokenSpelling(...) DBMIG_LIBCLANG(clang_getTokenSpelling)(__VA_ARGS__)
#define clang_getTranslationUnitCursor(...) \
  DBMIG_LIBCLANG(clang_getTranslationUnitCursor)(__VA_ARGS__)
#define clang_getTypeDeclaration(...) DBMIG_LIBCLANG(clang_getTypeDeclaration)(__VA_ARGS__)
#define clang_getTypeSpelling(...) DBMIG_LIBCLANG(clang_getTypeSpelling)(__VA_ARGS__)
#define clang_isCursorDefinition(...) DBMIG_LIBCLANG(clang_isCursorDefinition)(__VA_ARGS__)
#define clang_isExpression(...) DBMIG_LIBCLANG(clang_isExpression)(__VA_ARGS__)
#define clang_isInvalid(...) DBMIG_LIBCLANG(clang_isInvalid)(__VA_ARGS__)
#define clang_parseTranslationUnit2(...) DBMIG_LIBCLANG(clang_parseTranslationUnit2)(__VA_ARGS__)
#define clang_saveTranslationUnit(...) DBMIG_LIBCLANG(clang_saveTranslationUnit)(__VA_ARGS__)
#define clang_tokenize(...) DBMIG_LIBCLANG(clang_tokenize)(__VA_ARGS__)
#define clang_visitChildren(...) DBMIG_LIBCLANG(clang_visitChildren)(__VA_ARGS__)
