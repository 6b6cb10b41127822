#!/usr/bin/env bash
# Fuzzes the readers of user input with libFuzzer (docs/fuzzing.md).
#   tools/fuzz.sh TARGET SECONDS   one target: migration_file, project_config, database_url,
#                                  env_file or annotation_options
#   tools/fuzz.sh all SECONDS      each target in turn (CI runs `all 20`)
# Builds the clang-14 fuzz build into ${FUZZ_BUILD_DIR:-build-fuzz} when needed, then runs the
# target on its corpus: the inputs earlier runs kept (build-fuzz/corpus/<target>), the seeds
# made from the repository (tests/fuzz/seeds.sh) and the committed corpus
# (tests/fuzz/corpus/<target>). Prints the executions run and appends them to
# build-fuzz/executions.tsv. Exits non-zero on a finding, whose input is left in
# build-fuzz/artifacts/<target>/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=(migration_file project_config database_url env_file annotation_options)

if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]] ||
  ! [[ " all ${targets[*]} " == *" $1 "* ]]; then
  echo "usage: tools/fuzz.sh all|$(IFS="|"; echo "${targets[*]}") SECONDS" >&2
  exit 2
fi
[ "$1" = all ] && selected=("${targets[@]}") || selected=("$1")
seconds="$2"

cmake -S "$root/tests/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${selected[@]/#/fuzz_}" >/dev/null
rm -rf "$build/seeds"
bash "$root/tests/fuzz/seeds.sh" "$build/seeds"

for target in "${selected[@]}"; do
  mkdir -p "$build/corpus/$target" "$build/seeds/$target" "$build/artifacts/$target"
  log="$build/artifacts/$target/last-run.log"
  status=0
  "$build/fuzz_$target" "$build/corpus/$target" "$build/seeds/$target" \
    "$root/tests/fuzz/corpus/$target" -max_total_time="$seconds" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" >"$log" 2>&1 || status=$?
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz: $target: FINDING after ${runs:-?} executions; the input is in" \
      "$build/artifacts/$target/ (fix it, then add it to tests/fuzz/corpus/$target/)" >&2
    exit 1
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$(hostname)" "$target" "$seconds" "$runs" \
    >>"$build/executions.tsv"
  echo "fuzz: $target: $runs executions in ${seconds} s ($((runs / (seconds > 0 ? seconds : 1)))/s), no finding"
done
