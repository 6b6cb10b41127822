// The scan cache's file format (binary_archive.hpp): the files a parse read and the ScanResult
// it produced. The cache used to hold the inspectmodels JSON; parsing 2 MB of it for 500
// models was most of a warm `makemigrations --check`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dbmig/scanner.hpp"
#include "file_stamp.hpp"

namespace dbmig::scanner {

struct ScanCacheContents {
  std::vector<StampedFile> files;
  ScanResult result;
};

std::string encode_scan_cache(const ScanCacheContents& contents);

// std::nullopt when `bytes` are not one intact cache of this format: a damaged, truncated or
// foreign file is a cache miss, never an answer.
std::optional<ScanCacheContents> decode_scan_cache(std::string_view bytes);

}  // namespace dbmig::scanner
