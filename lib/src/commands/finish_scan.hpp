// The end of a command's models scan: the models, and at verbosity 2 and up the scan's notes of
// how it read them, on stderr so that the command's output stays its own.
#pragma once

#include "dbmig/console.hpp"
#include "dbmig/scanner.hpp"

namespace dbmig {

inline const ScanResult& finish_scan(PendingScan& scan, Console& console) {
  const ScanResult& result = scan.finish();
  if (console.verbosity >= 2)
    for (const auto& note : scan.notes()) console.err << "dbmig: " << note << "\n";
  return result;
}

}  // namespace dbmig
