#!/usr/bin/env bash
# Scanner benchmark (not a test): 50 apps x 10 models x 10 fields. Reports the whole-process
# time of `dbmig inspectmodels` cold (cache deleted) and warm (cache hit), and of
# `clang++ -fsyntax-only` on the same generated translation unit. Medians of RUNS runs.
# Usage: tools/bench_scanner.sh [path/to/dbmig] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dbmig=${1:-$here/build/bin/dbmig}
runs=${2:-5}
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT

for a in $(seq 1 50); do
  dir=$project/apps/app$a
  mkdir -p "$dir"
  {
    echo '#pragma once'
    echo '#include <dbmig/model.hpp>'
    echo '#include <chrono>'
    echo '#include <cstdint>'
    echo '#include <optional>'
    echo '#include <string>'
    echo "namespace app$a {"
    for m in $(seq 1 10); do
      echo "struct DBMIG_MODEL() Model$m {"
      echo '  DBMIG_FIELD(primary_key) std::int64_t id;'
      echo '  DBMIG_FIELD(max_length = 100) std::string name;'
      echo '  std::string body;'
      echo '  bool active = true;'
      echo '  std::int32_t rank = 0;'
      echo '  double score = 1.5;'
      echo '  std::optional<std::string> note;'
      echo '  std::chrono::system_clock::time_point created_at;'
      echo '  std::optional<std::int64_t> parent;'
      echo '  std::uint16_t flags = 0;'
      echo '};'
    done
    echo '}'
  } > "$dir/models.hpp"
  echo "#include \"$dir/models.hpp\"" >> "$project/all.cpp"
done

ms() { local s=$(date +%s%N); "$@" > /dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

clang_ms=$(for i in $(seq "$runs"); do
  ms clang++ -x c++ -std=c++20 -fsyntax-only -I"$here/lib/include" "$project/all.cpp"; done | median)
cold_ms=$(for i in $(seq "$runs"); do
  rm -rf "$project/build"; ms "$dbmig" --project "$project" inspectmodels; done | median)
warm_ms=$(for i in $(seq "$runs"); do ms "$dbmig" --project "$project" inspectmodels; done | median)

echo "models: 500 (50 apps x 10 models x 10 fields), median of $runs runs"
echo "clang++ -fsyntax-only:        ${clang_ms} ms"
echo "dbmig inspectmodels (cold):   ${cold_ms} ms"
echo "dbmig inspectmodels (warm):   ${warm_ms} ms"
