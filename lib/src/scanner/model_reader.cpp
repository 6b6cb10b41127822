#include "scanner/model_reader.hpp"

#include <array>
#include <map>
#include <string_view>

#include "scanner/initializer.hpp"
#include "scanner/type_mapping.hpp"

namespace dbmig::scanner {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kModelPrefix = "dbmig:model:";
constexpr std::string_view kFieldPrefix = "dbmig:field:";
constexpr std::string_view kIgnore = "dbmig:ignore";

// Which app a header belongs to (see read_models).
class AppLocator {
 public:
  AppLocator(const TranslationUnit& unit, const ProjectConfig& config) {
    for (const auto& app : config.apps) {
      for (const auto& header : app.headers) {
        fs::path normal = header.lexically_normal();
        app_of_header_[normal] = app.name;
        fs::path folder = normal.parent_path();
        if (folder != config.apps_root.lexically_normal() && folder != config.root)
          app_of_folder_.emplace(folder, app.name);
      }
    }
    clang_getInclusions(
        unit.get(),
        [](CXFile file, CXSourceLocation* stack, unsigned depth, CXClientData data) {
          if (depth == 0) return;
          auto* includer = static_cast<std::map<fs::path, fs::path>*>(data);
          fs::path included = fs::path(to_string(clang_getFileName(file))).lexically_normal();
          includer->emplace(included, file_of(stack[0]));
        },
        &includer_);
  }

  std::string app_of(const fs::path& file) const {
    for (fs::path current = file; !current.empty();) {
      if (auto it = app_of_header_.find(current); it != app_of_header_.end()) return it->second;
      if (auto app = app_of_folder(current); !app.empty()) return app;
      auto next = includer_.find(current);
      if (next == includer_.end()) break;
      current = next->second;
    }
    return {};
  }

 private:
  std::string app_of_folder(const fs::path& file) const {
    std::string best;
    std::size_t best_length = 0;
    for (const auto& [folder, app] : app_of_folder_) {
      auto mismatch = std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
      std::size_t length = folder.string().size();
      if (mismatch.first == folder.end() && length > best_length) {
        best = app;
        best_length = length;
      }
    }
    return best;
  }

  std::map<fs::path, std::string> app_of_header_;
  std::map<fs::path, std::string> app_of_folder_;
  std::map<fs::path, fs::path> includer_;
};

template <typename Visit>
void for_each_child(CXCursor parent, Visit visit) {
  clang_visitChildren(
      parent,
      [](CXCursor child, CXCursor, CXClientData data) {
        (*static_cast<Visit*>(data))(child);
        return CXChildVisit_Continue;
      },
      &visit);
}

// The dbmig annotations on `cursor`, one for each of `prefixes`, texts of repeated annotations
// joined. One walk of the cursor's children for all of them: a field's are walked for two
// prefixes, ~5,000 fields in a scan of the medium benchmark project.
template <std::size_t N>
std::array<std::optional<Annotation>, N> annotations(
    CXCursor cursor, const std::array<std::string_view, N>& prefixes, SourceLocator& locate) {
  std::array<std::optional<Annotation>, N> found;
  for_each_child(cursor, [&](CXCursor child) {
    if (clang_getCursorKind(child) != CXCursor_AnnotateAttr) return;
    std::string text = to_string(clang_getCursorSpelling(child));
    for (std::size_t i = 0; i < N; ++i) {
      if (!text.starts_with(prefixes[i])) continue;
      std::string rest = text.substr(prefixes[i].size());
      if (!found[i]) {
        found[i] = Annotation{rest, locate(clang_getCursorLocation(child))};
      } else if (!rest.empty()) {
        found[i]->text += found[i]->text.empty() ? rest : ", " + rest;
      }
    }
  });
  return found;
}

class Reader {
 public:
  Reader(const TranslationUnit& unit, const ProjectConfig& config)
      : unit_(unit), config_(config), apps_(unit, config), locate_(config.root) {}

  std::vector<DeclaredModel> read() {
    visit_scope(unit_.cursor());
    return std::move(models_);
  }

 private:
  void visit_scope(CXCursor scope) {
    for_each_child(scope, [&](CXCursor child) {
      if (clang_Location_isInSystemHeader(clang_getCursorLocation(child))) return;
      switch (clang_getCursorKind(child)) {
        case CXCursor_Namespace:
        case CXCursor_LinkageSpec:
          visit_scope(child);
          break;
        case CXCursor_StructDecl:
        case CXCursor_ClassDecl:
          if (clang_isCursorDefinition(child)) {
            read_if_model(child);
            visit_scope(child);  // nested structs
          }
          break;
        default:
          break;
      }
    });
  }

  void read_if_model(CXCursor record) {
    auto [marked] = annotations<1>(record, {kModelPrefix}, locate_);
    if (!marked) return;
    DeclaredModel model;
    model.name = to_string(clang_getCursorSpelling(record));
    model.cpp_name = qualified_name(record);
    model.location = locate_(clang_getCursorLocation(record));
    model.app = apps_.app_of(file_of(clang_getCursorLocation(record)));
    model.annotation = *marked;
    read_fields(record, model.fields);
    models_.push_back(std::move(model));
  }

  // Base classes first, so an inherited `id` or timestamps come before the model's own fields.
  void read_fields(CXCursor record, std::vector<DeclaredField>& fields) {
    for_each_child(record, [&](CXCursor child) {
      switch (clang_getCursorKind(child)) {
        case CXCursor_CXXBaseSpecifier: {
          CXCursor base =
              clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(child)));
          if (!clang_Cursor_isNull(base)) read_fields(clang_getCursorDefinition(base), fields);
          break;
        }
        case CXCursor_FieldDecl:
          fields.push_back(read_field(child));
          break;
        default:
          break;
      }
    });
  }

  DeclaredField read_field(CXCursor cursor) {
    DeclaredField field;
    field.name = to_string(clang_getCursorSpelling(cursor));
    field.location = locate_(clang_getCursorLocation(cursor));
    CXType type = clang_getCursorType(cursor);
    field.cpp_type = to_string(clang_getTypeSpelling(type));
    auto [ignore, annotation] = annotations<2>(cursor, {kIgnore, kFieldPrefix}, locate_);
    field.ignored = ignore.has_value();
    field.annotation = std::move(annotation);
    if (field.ignored) return field;
    field.type = clang_Cursor_isBitField(cursor)
                     ? MappedType{std::nullopt, false, " (a bit-field); use a whole integer"}
                     : map_type(type);
    if (field.type.type) field.initializer = read_initializer(unit_.get(), cursor);
    return field;
  }

  const TranslationUnit& unit_;
  const ProjectConfig& config_;
  AppLocator apps_;
  SourceLocator locate_;
  std::vector<DeclaredModel> models_;
};

}  // namespace

std::vector<DeclaredModel> read_models(const TranslationUnit& unit, const ProjectConfig& config) {
  return Reader(unit, config).read();
}

}  // namespace dbmig::scanner
