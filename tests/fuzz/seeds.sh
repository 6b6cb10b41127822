#!/usr/bin/env bash
# Writes the fuzz targets' seed inputs, taken from the repository itself, into OUT/<target>/
# (one file per input, named by its SHA-1 as libFuzzer names its own): every migration file,
# each app's migrations folded into one migration (so the later operations replay onto the
# models they change), every dbmig.json, the database URLs the docs and configurations show,
# and every DBMIG_MODEL/DBMIG_FIELD option list. Hand-written seeds and crash regressions are
# committed in tests/fuzz/corpus/<target>/ instead. Usage: seeds.sh OUT
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$1"
cd "$root"

seed() {  # seed TARGET: stdin becomes one seed of TARGET
  local content
  content="$(cat; echo x)"  # keeps trailing newlines
  content="${content%x}"
  mkdir -p "$out/$1"
  printf '%s' "$content" >"$out/$1/$(printf '%s' "$content" | sha1sum | cut -d' ' -f1)"
}

migration_folders="$(find migrations examples/*/migrations -mindepth 1 -maxdepth 1 -type d | sort)"
for folder in $migration_folders; do
  for file in "$folder"/*.json; do seed migration_file <"$file"; done
  # References to other apps' models are dropped: the fold replays onto an empty state.
  jq -s '.[0].app as $app | {dbmig: 1, app: $app, name: "0001_all", dependencies: [],
          atomic: true, operations: (map(.operations) | add)}
         | walk(if type == "object" and ((.references? // $app + ".") | startswith($app + ".") | not)
                then del(.references, .on_delete) else . end)' "$folder"/*.json | seed migration_file
done

configs="$(find . examples -maxdepth 2 -name dbmig.json -not -path './build*' | sort -u)"
for config in $configs; do seed project_config <"$config"; done

{
  for config in $configs; do jq -r '.databases // {} | .[]' "$config"; done
  grep -rhoE "(sqlite|sqlite3|postgresql|postgres|mysql|mariadb)://[^ \`\"'),]*" README.md docs examples
} | sort -u | while IFS= read -r url; do printf '%s' "$url" | seed database_url; done

headers="$(grep -rlE 'DBMIG_(FIELD|MODEL)' apps examples tests --include='*.hpp' --include='*.cpp' | sort)"
perl -ne 'while (/DBMIG_(?:FIELD|MODEL)\s*(\((?:[^()]++|(?1))*\))/g) { print substr($1, 1, -1), "\n" }' \
  $headers | sort -u | while IFS= read -r options; do printf '%s' "$options" | seed annotation_options; done
