#!/usr/bin/env bash
# Fuzzes the readers of user input with libFuzzer (docs/fuzzing.md).
#   tools/fuzz.sh TARGET SECONDS   one target: migration_file, project_config, database_url,
#                                  env_file or annotation_options
#   tools/fuzz.sh all SECONDS      each target in turn (CI runs `all 20`)
#   tools/fuzz.sh report           the executions table of docs/fuzzing.md, from the runs so far
# Builds the clang-14 fuzz build into ${FUZZ_BUILD_DIR:-build-fuzz} when needed, then runs the
# target on its corpus: the inputs earlier runs kept (build-fuzz/corpus/<target>), the seeds
# made from the repository (tests/fuzz/seeds.sh) and the committed corpus
# (tests/fuzz/corpus/<target>). Prints the executions run and the CPU time they took and
# appends them to build-fuzz/executions.tsv. Exits non-zero on a finding, whose input is left in
# build-fuzz/artifacts/<target>/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=(migration_file project_config database_url env_file annotation_options)

# Sums build-fuzz/executions.tsv (date, host, target, seconds, CPU seconds, executions) per
# target; only the runs with a CPU time give the rate.
report() {
  awk -F '\t' '
    BEGIN { print "| target | executions, no finding | executions per CPU second | CPU time for 10^7 |"
            print "|---|---:|---:|---:|" }
    { if (!($3 in runs)) order[++n] = $3
      runs[$3] += $6
      if ($5 != "-") { timed[$3] += $6; cpu[$3] += $5 } }
    END { for (i = 1; i <= n; ++i) {
            t = order[i]; rate = cpu[t] > 0 ? timed[t] / cpu[t] : 0
            printf "| `%s` | %d | %s | %s |\n", t, runs[t], rate ? sprintf("%d", rate) : "?",
                   rate ? sprintf("%d min", 1e7 / rate / 60 + 0.5) : "?" } }' "$build/executions.tsv"
}
if [ "$*" = report ]; then
  report
  exit 0
fi

if [ $# -ne 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]] ||
  ! [[ " all ${targets[*]} " == *" $1 "* ]]; then
  echo "usage: tools/fuzz.sh all|$(IFS="|"; echo "${targets[*]}") SECONDS, or tools/fuzz.sh report" >&2
  exit 2
fi
[ "$1" = all ] && selected=("${targets[@]}") || selected=("$1")
seconds="$2"

cmake -S "$root/tests/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${selected[@]/#/fuzz_}" >/dev/null
rm -rf "$build/seeds"
bash "$root/tests/fuzz/seeds.sh" "$build/seeds"

# CPU seconds the finished child processes used: exec/s per CPU second is what tells how long
# a run takes on an idle machine, whatever else shares this one.
children_cpu() {  # not in $(...): a subshell has no children of its own
  times >"$build/times"
  awk 'END { split($1, u, /[ms]/); split($2, s, /[ms]/);
             printf "%.1f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$build/times"
}

for target in "${selected[@]}"; do
  mkdir -p "$build/corpus/$target" "$build/seeds/$target" "$build/artifacts/$target"
  log="$build/artifacts/$target/last-run.log"
  status=0
  children_cpu >"$build/cpu_before"
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
  children_cpu >"$build/cpu_after"
  cpu="$(awk '{ t[NR] = $1 } END { printf "%.1f", t[2] - t[1] }' "$build/cpu_before" "$build/cpu_after")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$(hostname)" "$target" "$seconds" \
    "$cpu" "$runs" >>"$build/executions.tsv"
  echo "fuzz: $target: $runs executions in $seconds s, $cpu CPU s" \
    "($(awk -v r="$runs" -v c="$cpu" 'BEGIN { printf "%d", (c > 0 ? r / c : 0) }')/CPU s), no finding"
done
