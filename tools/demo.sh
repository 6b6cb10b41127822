#!/usr/bin/env bash
# README command (1): set up, build, and run the main job on the demo project at the root:
# makemigrations (reports no changes: the committed migrations are in sync), migrate into the
# default SQLite file db.sqlite3, showmigrations.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/tools/setup.sh"
bash "$root/tools/build.sh"
dbmig="${BUILD_DIR:-$root/build}/bin/dbmig"
cd "$root"
set -x
"$dbmig" makemigrations
"$dbmig" migrate
"$dbmig" showmigrations
