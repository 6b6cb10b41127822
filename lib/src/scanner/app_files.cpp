#include "scanner/app_files.hpp"

#include <map>
#include <set>

namespace dbmig::scanner {

namespace fs = std::filesystem;

fs::path file_identity(const fs::path& file) {
  std::error_code error;
  fs::path canonical = fs::weakly_canonical(file, error);
  return error ? file.lexically_normal() : canonical;
}

std::vector<fs::path> file_identities(const std::vector<fs::path>& files) {
  std::map<fs::path, fs::path> folders;  // as named -> file_identity()
  std::vector<fs::path> identities;
  identities.reserve(files.size());
  for (const auto& file : files) {
    // A name that is a link, "." or "..", or a file named without its folder, is resolved whole.
    std::error_code error;
    fs::path name = file.filename();
    if (name.empty() || name == "." || name == ".." || file.parent_path().empty() ||
        fs::is_symlink(file, error) || error) {
      identities.push_back(file_identity(file));
      continue;
    }
    auto folder = folders.find(file.parent_path());
    if (folder == folders.end())
      folder = folders.emplace(file.parent_path(), file_identity(file.parent_path())).first;
    identities.push_back(folder->second / name);
  }
  return identities;
}

std::vector<fs::path> files_of_app(const TranslationUnit& unit, const AppConfig& app,
                                   const fs::path& root) {
  fs::path project = file_identity(root);
  std::set<fs::path> owned;
  std::vector<fs::path> to_visit;  // as clang names them: what clang_getFile finds
  for (const auto& header : app.headers)
    if (owned.insert(file_identity(header)).second) to_visit.push_back(header);
  while (!to_visit.empty()) {
    fs::path file = std::move(to_visit.back());
    to_visit.pop_back();
    for (auto& included : unit.files_included_by(file)) {
      fs::path identity = file_identity(included);
      if (is_inside(identity, project) && owned.insert(identity).second)
        to_visit.push_back(std::move(included));
    }
  }
  return {owned.begin(), owned.end()};
}

}  // namespace dbmig::scanner
