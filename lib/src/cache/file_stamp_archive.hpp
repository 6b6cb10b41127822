// The binary form of a StampedFile, for the caches that keep the files they were computed from.
#pragma once

#include "cache/binary_archive.hpp"
#include "cache/file_stamp.hpp"

namespace dbmig {

DBMIG_BINARY_MEMBERS(StampedFile, file, file.path, file.hash, file.stamp)

}  // namespace dbmig
