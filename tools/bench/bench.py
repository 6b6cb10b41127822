"""dbmig vs Django benchmark runner (see docs/benchmark.md). Run it through run.sh.

Builds the same synthetic history in a dbmig project and a Django project with each tool's
real makemigrations, then measures whole-process wall time (median of --runs runs after one
warm-up; dbmig, Django and the floor of a row take turns) and peak RSS (/usr/bin/time -f %M)
of each command, and the floors: clang++ -fsyntax-only over the same headers, the sqlite3
shell (and psql) running the SQL that `dbmig sqlmigrate` prints, the sqlite3 shell reading the
migration record. Some rows use dbmig installed with `cmake --install` of the build tree
(--build-dir) into a temporary prefix, which builds the installed precompiled prelude. Prints a
Markdown table.
"""

import argparse
import atexit
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import project_writers as writers
import schema_generator

SLOW_MS = 20000  # a command whose warm-up takes longer is measured once (marked "¹")
PYTHON = "/usr/bin/python3"  # Debian's, which has python3-django
# Variables that point dbmig at another prelude or include folder; the installed dbmig runs
# without them, as `cmake --install` runs its build-prelude, so it uses what it ships.
SHIPPED_PRELUDE_UNSET = ("DBMIG_PRELUDE_DIR", "DBMIG_INCLUDE_DIR")


class Measurement:
    def __init__(self, ms, rss_kib, single):
        self.ms, self.rss_kib, self.single = ms, rss_kib, single

    def time_text(self):
        text = f"{self.ms:.0f}" if self.ms >= 10 else f"{self.ms:.1f}"
        return text + ("¹" if self.single else "")


def run_once(cmd, cwd, env, ok_codes=(0,), stdin_path=None):
    with tempfile.NamedTemporaryFile() as rss_file:
        stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file.name] + cmd,
                              cwd=cwd, env=env, stdin=stdin, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        elapsed = (time.perf_counter() - start) * 1000
        if stdin_path:
            stdin.close()
        if proc.returncode not in ok_codes:
            sys.exit(f"bench: {' '.join(cmd)} (in {cwd}) exited {proc.returncode}:\n"
                     + proc.stderr.decode(errors="replace")[-3000:])
        rss = int(Path(rss_file.name).read_text().split()[-1])
        return elapsed, rss


class Run:
    """One command of a table row: `reset` before each run, then run_once."""

    def __init__(self, cmd, cwd, env, reset=lambda: None, **kwargs):
        self.cmd, self.cwd, self.env, self.reset, self.kwargs = cmd, cwd, env, reset, kwargs

    def once(self):
        self.reset()
        return run_once(self.cmd, self.cwd, self.env, **self.kwargs)


def measure(row, runs):
    """Measures the commands of one row (a Run or None each) in turns: a warm-up of each, then
    `runs` rounds of one run of each, so that a machine whose speed drifts while the row is
    measured (a shared VM drifts by tens of percent within minutes) moves them alike and their
    ratios hold. A command whose warm-up took over SLOW_MS is measured by its warm-up alone."""
    warm = [run.once() if run else None for run in row]
    slow = [bool(run) and warm[i][0] > SLOW_MS for i, run in enumerate(row)]
    times, peaks = [[] for _ in row], [[] for _ in row]
    for _ in range(runs):
        for i, run in enumerate(row):
            if run and not slow[i]:
                ms, rss = run.once()
                times[i].append(ms)
                peaks[i].append(rss)
    return [None if not run else Measurement(*warm[i], True) if slow[i]
            else Measurement(statistics.median(times[i]), max(peaks[i]), False)
            for i, run in enumerate(row)]


def check_run(cmd, cwd, env, what):
    proc = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, capture_output=True)
    if proc.returncode != 0:
        sys.exit(f"bench: {what} failed ({' '.join(cmd)}):\n"
                 + (proc.stdout + proc.stderr).decode(errors="replace")[-3000:])
    return proc.stdout.decode()


def files_under(folder):
    return {p for p in Path(folder).rglob("*") if p.is_file()}


class MaxLengthEdit:
    """Edits one field's max_length, in the dbmig project and in the Django project, each time
    to a value never used before in this run: dbmig's caches are keyed by content, so a value
    seen before would be answered from the cache. The field is the first `max_length = N` of
    the dbmig header; the Django models.py has the same field in the class of the same name."""

    def __init__(self, header: Path, models_py):
        self.header, self.models_py = header, models_py
        self.header_text = header.read_text()
        lines = self.header_text.splitlines(keepends=True)
        self.header_line = next((i for i, line in enumerate(lines)
                                 if re.search(r"max_length = \d+", line)), None)
        if self.header_line is None:
            sys.exit(f"bench: no `max_length = N` field in {header}")
        field = re.match(r"\s*DBMIG_FIELD\([^()]*\)\s+[\w:<>]+\s+(\w+)",
                         lines[self.header_line])
        models = [re.match(r"struct DBMIG_MODEL\(.*\) (\w+) \{", line)
                  for line in lines[:self.header_line]]
        models = [m.group(1) for m in models if m]
        if not field or not models:
            sys.exit(f"bench: cannot read the field of {header}:{self.header_line + 1}")
        self.model, self.field = models[-1], field.group(1)
        used = [int(n) for n in re.findall(r"max_length ?= ?(\d+)", self.header_text)]
        self.models_py_text = None
        if models_py:
            self.models_py_text = models_py.read_text()
            self.models_py_line = self._django_line(self.models_py_text.splitlines(keepends=True))
            used += [int(n) for n in re.findall(r"max_length=(\d+)", self.models_py_text)]
        self.next_value = max([1000] + [n + 1 for n in used])

    def _django_line(self, lines):
        in_class = False
        for i, line in enumerate(lines):
            if line.startswith("class "):
                in_class = line.startswith(f"class {self.model}(")
            elif in_class and line.startswith(f"    {self.field} = ") and \
                    re.search(r"max_length=\d+", line):
                return i
        sys.exit(f"bench: no field {self.model}.{self.field} with max_length in {self.models_py}")

    def _fresh_value(self):
        value, self.next_value = self.next_value, self.next_value + 1
        return value

    @staticmethod
    def _write(path, text, index, pattern, replacement):
        lines = text.splitlines(keepends=True)
        lines[index] = re.sub(pattern, replacement, lines[index], count=1)
        path.write_text("".join(lines))

    def edit_dbmig(self):
        self._write(self.header, self.header_text, self.header_line, r"max_length = \d+",
                    f"max_length = {self._fresh_value()}")

    def edit_django(self):
        self._write(self.models_py, self.models_py_text, self.models_py_line, r"max_length=\d+",
                    f"max_length={self._fresh_value()}")

    def restore_dbmig(self):
        self.header.write_text(self.header_text)

    def restore(self):
        self.restore_dbmig()
        if self.models_py:
            self.models_py.write_text(self.models_py_text)


def psql(url, sql, env):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", sql], check=True,
                   stdout=subprocess.DEVNULL, env=env)


def database_url(server_url, name):
    return server_url.rsplit("/", 1)[0] + "/" + name


class Bench:
    def __init__(self, args):
        self.args = args
        self.dbmig = [str(Path(args.dbmig).resolve())]
        self.root = Path(args.workdir).resolve()
        self.dm = self.root / "dbmig"
        self.dj = self.root / "django"
        self.include = Path(args.include).resolve()
        self.env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1",
                        PGOPTIONS="-c client_min_messages=warning")
        self.rows = []  # (command, dbmig, django, floor)
        self.installed = None  # dbmig installed into a temporary prefix (install())

    def dbmig_cmd(self, *words):
        return self.dbmig + ["--project", str(self.dm)] + list(words)

    def django_cmd(self, *words):
        return [PYTHON, "manage.py"] + list(words)

    def django_env(self, database):
        return dict(self.env, BENCH_DATABASE=database)

    def write(self, apps):
        writers.write_dbmig(self.dm, apps)
        if self.args.django:
            writers.write_django(self.dj, apps)

    def installed_cmd(self, *words):
        return [str(self.installed), "--project", str(self.dm)] + list(words)

    def install(self):
        """`cmake --install` of the build tree into a temporary prefix; the install builds the
        installed dbmig's precompiled prelude (<prefix>/lib/dbmig)."""
        build_dir = Path(self.args.build_dir).resolve()
        temporary = tempfile.mkdtemp(prefix="dbmig-bench-install-")
        atexit.register(shutil.rmtree, temporary, ignore_errors=True)
        prefix = Path(temporary) / "prefix"
        self.log(f"installing dbmig from {build_dir} into {prefix}")
        cmd = ["cmake", "--install", str(build_dir), "--prefix", str(prefix)]
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
        except FileNotFoundError:
            sys.exit("bench: cannot install dbmig: cmake is not installed")
        self.installed = prefix / "bin" / "dbmig"
        if proc.returncode != 0 or not self.installed.is_file():
            sys.exit(f"bench: cannot install dbmig: `{' '.join(cmd)}` exited {proc.returncode}"
                     f" (is --build-dir {build_dir} a configured and built dbmig build tree?):\n"
                     + (proc.stdout + proc.stderr).decode(errors="replace")[-3000:])
        self.installed_env = {k: v for k, v in self.env.items() if k not in SHIPPED_PRELUDE_UNSET}

    def clear_cache(self):
        shutil.rmtree(self.dm / "build" / "dbmig-cache", ignore_errors=True)

    def clang_floor(self, apps):
        tu = writers.clang_translation_unit(self.dm, apps)
        cmd = ["clang++", "-x", "c++", "-std=c++20", "-fsyntax-only", f"-I{self.include}",
               str(tu)]
        return Run(cmd, self.dm, self.env)

    def clang_pch_floor(self, apps):
        """clang++ -fsyntax-only over the headers of `apps` with the installed dbmig's
        precompiled prelude and the flags it was built for: the cost of the parse that a
        first scan or an edit makes, with the same PCH, in clang's own process."""
        prelude = self.installed.parent.parent / "lib" / "dbmig"
        flags = (prelude / "prelude.arguments").read_text().splitlines()[1:]
        pch = next(prelude.glob("prelude-*.pch"))
        tu = writers.clang_translation_unit(self.dm, apps, "pch_floor.cpp")
        cmd = (["clang++"] + flags + ["-fsyntax-only", "-Xclang", "-detailed-preprocessing-record",
                                      "-fmodules-validate-system-headers", "-include-pch",
                                      str(pch), str(tu)])
        return Run(cmd, self.dm, self.env)

    def run(self):
        history = schema_generator.history(self.args.size)
        steps = len(history) - 2
        if self.root.exists():
            shutil.rmtree(self.root)
        self.install()  # first, so that a build tree that cannot be installed stops the run early
        self.dm.mkdir(parents=True)
        self.dj.mkdir()
        sqlite_env = self.django_env("sqlite:///" + str(self.root / "django.sqlite3"))

        # makemigrations initial (cold cache: a new project has none).
        initial = history[0][1]
        self.write(initial)
        dm_migrations, dj_apps = self.dm / "migrations", [self.dj / a.name for a in initial]

        def reset_dbmig_initial():
            shutil.rmtree(dm_migrations, ignore_errors=True)
            self.clear_cache()

        def reset_django_initial():
            for app in dj_apps:
                for p in (app / "migrations").glob("0*.py"):
                    p.unlink()

        self.log("makemigrations initial")
        self.add("makemigrations (initial)",
                 Run(self.dbmig_cmd("makemigrations", "--noinput"), self.dm, self.env,
                     reset_dbmig_initial),
                 self.django_run(self.django_cmd("makemigrations", "--noinput"), sqlite_env,
                                 reset_django_initial),
                 self.clang_floor(initial))

        # The history: one migration per edit step, with each tool's makemigrations.
        self.log(f"building the history ({steps} steps)")
        for number, (description, apps) in enumerate(history[1:-1], start=1):
            self.write(apps)
            before = files_under(dm_migrations)
            check_run(self.dbmig_cmd("makemigrations", "--noinput"), self.dm, self.env,
                      f"dbmig step {number} ({description})")
            if len(files_under(dm_migrations) - before) != 1:
                sys.exit(f"bench: dbmig step {number} ({description}) did not write one migration")
            if self.args.django:
                check_run(self.django_cmd("makemigrations", "--noinput"), self.dj, sqlite_env,
                          f"Django step {number} ({description})")

        self.log("makemigrations --check")
        check = ("makemigrations", "--check", "--noinput")
        django_check = self.django_run(
            self.django_cmd("makemigrations", "--check", "--dry-run", "--noinput"), sqlite_env)
        self.add("makemigrations --check, no change (cold cache)",
                 Run(self.dbmig_cmd(*check), self.dm, self.env, self.clear_cache),
                 django_check, self.clang_floor(history[-2][1]))
        self.add("makemigrations --check, no change (warm cache)",
                 Run(self.dbmig_cmd(*check), self.dm, self.env), django_check, None)

        self.log("makemigrations after one edit")
        edit_description, edited = history[-1]
        # A developer's edit: the caches of their last run are there (the parsed migrations, the
        # precompiled prelude, built by the warm-up, which is the first edit), and the scan cache
        # describes the models before the edit, so every run parses the edited headers.
        cache = self.dm / "build" / "dbmig-cache"
        unedited_scan = {path.name: path.read_bytes() for path in cache.glob("models-*")}
        self.write(edited)
        dm_before, dj_before = files_under(dm_migrations), files_under(self.dj)

        def reset_dbmig_edit():
            writers.remove_new_files(dm_migrations, dm_before)
            for path in cache.glob("models-*"):
                path.unlink()
            for name, data in unedited_scan.items():
                (cache / name).write_bytes(data)

        self.add(f"makemigrations, one edit after {steps} steps ({edit_description.split()[0]} "
                 f"{edit_description.split()[1]})",
                 Run(self.dbmig_cmd("makemigrations", "--noinput"), self.dm, self.env,
                     reset_dbmig_edit),
                 self.django_run(
                     self.django_cmd("makemigrations", "--noinput"), sqlite_env,
                     lambda: writers.remove_new_files(self.dj, dj_before)),
                 self.clang_floor(edited))

        self.measure_new_edits(django_check, sqlite_env)
        if self.args.databases:
            self.measure_databases(sqlite_env)
        return self.table()

    # A fresh clone with the installed dbmig (no project cache; the installed precompiled
    # prelude), and edits whose content no cache has seen. The project is at the last history
    # step, with its migration: nothing changed. Everything is restored at the end.
    def measure_new_edits(self, django_check, django_sqlite_env):
        migrations = self.dm / "migrations"
        self.log("makemigrations --check, fresh clone, installed dbmig")
        apps = schema_generator.history(self.args.size)[-2][1]
        self.add("makemigrations --check, fresh clone, installed dbmig",
                 Run(self.installed_cmd("makemigrations", "--check", "--noinput"), self.dm,
                     self.installed_env, self.clear_cache),
                 django_check, self.clang_pch_floor(apps))
        # An edit parses the edited app alone (docs/models.md "Reading only the apps that
        # changed"), with the same PCH.
        edit_floor = self.clang_pch_floor([app for app in apps if app.name == "app1"])

        edit = MaxLengthEdit(self.dm / "apps" / "app1" / "models.hpp",
                             self.dj / "app1" / "models.py" if self.args.django else None)
        self.log(f"makemigrations after new edits of app1.{edit.model}.{edit.field} max_length")
        dm_before = files_under(migrations)
        dj_before = files_under(self.dj) if self.args.django else set()

        def one_new_migration(folder, before, what):
            # Before each run (the first excepted): the previous run must have written exactly
            # one migration, or it did not see its edit.
            runs_done = 0

            def check_and_remove():
                nonlocal runs_done
                written = files_under(folder) - before
                if runs_done and len(written) != 1:
                    sys.exit(f"bench: {what}: a run wrote {len(written)} migrations, not one: "
                             + ", ".join(sorted(str(p) for p in written)))
                runs_done += 1
                writers.remove_new_files(folder, before)
            return check_and_remove

        remove_dbmig_fresh = one_new_migration(migrations, dm_before, "first edit, installed")

        def reset_dbmig_fresh_clone():
            # The clone as committed, a first run (no cache: it builds the project's cache with
            # the installed prelude), then a new edit.
            remove_dbmig_fresh()
            edit.restore_dbmig()
            self.clear_cache()
            check_run(self.installed_cmd("makemigrations", "--check", "--noinput"), self.dm,
                      self.installed_env, "the installed dbmig's makemigrations --check on a "
                      "fresh clone")
            edit.edit_dbmig()

        remove_django = one_new_migration(self.dj, dj_before, "Django's edit")

        def reset_django():
            remove_django()
            edit.edit_django()

        # Django has no cache: the same command for both rows, measured with each.
        django_edit = self.django_run(self.django_cmd("makemigrations", "--noinput"),
                                      django_sqlite_env, reset_django)
        self.add("makemigrations, first edit after a fresh clone, installed dbmig",
                 Run(self.installed_cmd("makemigrations", "--noinput"), self.dm,
                     self.installed_env, reset_dbmig_fresh_clone),
                 django_edit, edit_floor)
        remove_dbmig_fresh()

        # A developer editing again and again: the caches of the previous run are kept.
        self.log("makemigrations after one new edit (caches kept)")
        remove_dbmig_new = one_new_migration(migrations, dm_before, "one new edit")

        def reset_dbmig_new_edit():
            remove_dbmig_new()
            edit.edit_dbmig()

        self.add("makemigrations, one new edit (max_length never seen)",
                 Run(self.dbmig_cmd("makemigrations", "--noinput"), self.dm, self.env,
                     reset_dbmig_new_edit),
                 django_edit, edit_floor)
        remove_dbmig_new()
        if self.args.django:
            remove_django()
        edit.restore()

    def measure_databases(self, django_sqlite_env):
        sqlite_db = self.root / "dbmig.sqlite3"
        django_db = self.root / "django.sqlite3"
        plan = json.loads(check_run(self.dbmig_cmd("showmigrations", "--plan", "--format", "json"),
                                    self.dm, self.env, "showmigrations --plan"))["plan"]
        total = len(plan)

        def all_sql(dialect):
            path = self.root / f"all-{dialect}.sql"
            with open(path, "w") as out:
                for m in plan:
                    out.write(check_run(self.dbmig_cmd("sqlmigrate", m["app"], m["name"],
                                                       "--dialect", dialect),
                                        self.dm, self.env, "sqlmigrate"))
            return path

        def remove(path):
            return lambda: path.unlink(missing_ok=True)

        self.log(f"migrate to SQLite ({total} migrations)")
        sqlite_sql = all_sql("sqlite")
        floor_db = self.root / "floor.sqlite3"
        self.add(f"migrate, {total} migrations, fresh SQLite file",
                 Run(self.dbmig_cmd("--database", f"sqlite:///{sqlite_db}", "migrate"),
                     self.dm, self.env, remove(sqlite_db)),
                 self.django_run(self.django_cmd("migrate", "--noinput"), django_sqlite_env,
                                 remove(django_db)),
                 Run(["sqlite3", "-bail", str(floor_db)], self.root, self.env,
                     remove(floor_db), stdin_path=sqlite_sql))

        server = self.env.get("DBMIG_TEST_POSTGRES_URL")
        if server:
            self.log("migrate to PostgreSQL")
            pg_sql = all_sql("postgresql")
            urls = {n: database_url(server, n) for n in ("bench_dbmig", "bench_django", "bench_floor")}

            def recreate(name):
                def reset():
                    psql(server, f"DROP DATABASE IF EXISTS {name}", self.env)
                    psql(server, f"CREATE DATABASE {name}", self.env)
                return reset

            self.add(f"migrate, {total} migrations, fresh PostgreSQL database",
                     Run(self.dbmig_cmd("--database", urls["bench_dbmig"], "migrate"),
                         self.dm, self.env, recreate("bench_dbmig")),
                     self.django_run(self.django_cmd("migrate", "--noinput"),
                                     self.django_env(urls["bench_django"]),
                                     recreate("bench_django")),
                     Run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", str(pg_sql),
                          urls["bench_floor"]], self.root, self.env, recreate("bench_floor")))

        # Both SQLite databases are fully migrated now (and PostgreSQL's, by the last run).
        self.measure_live_schema(sqlite_db, urls["bench_dbmig"] if server else None,
                                 django_sqlite_env)
        self.log("sqlmigrate, showmigrations")
        first = plan[0]
        self.add(f"sqlmigrate {first['app']} {first['name']}",
                 Run(self.dbmig_cmd("--database", f"sqlite:///{sqlite_db}", "sqlmigrate",
                                    first["app"], first["name"]), self.dm, self.env),
                 self.django_run(self.django_cmd("sqlmigrate", first["app"],
                                                 first["name"][:4]), django_sqlite_env),
                 None)
        # The floor reads the record as dbmig does: SQLite loads the whole schema first.
        read_record = ("SELECT app, name, applied_at, batch, checksum, state, statements_done "
                       "FROM dbmig_migrations ORDER BY batch, app, name")
        self.add("showmigrations",
                 Run(self.dbmig_cmd("--database", f"sqlite:///{sqlite_db}", "showmigrations"),
                     self.dm, self.env),
                 self.django_run(self.django_cmd("showmigrations"), django_sqlite_env),
                 Run(["sqlite3", str(sqlite_db), read_record], self.root, self.env))

    # Reading the live catalog back: the drift check (Django has none) and inspectdb; the floors
    # read the whole schema with the databases' own tools.
    def measure_live_schema(self, sqlite_db, pg_url, django_sqlite_env):
        databases = [("SQLite", f"sqlite:///{sqlite_db}", django_sqlite_env,
                      ["sqlite3", str(sqlite_db), ".schema"])]
        if pg_url:
            databases.append(("PostgreSQL", pg_url, self.django_env(pg_url.replace(
                "bench_dbmig", "bench_django")), ["pg_dump", "--schema-only", pg_url]))
        for name, url, django_env, floor in databases:
            self.log(f"check and inspectdb on {name}")
            self.add(f"check, {name}",
                     Run(self.dbmig_cmd("--database", url, "check"), self.dm, self.env),
                     None, Run(floor, self.root, self.env))
            out = self.root / "inspected"
            self.add(f"inspectdb, {name}",
                     Run(self.dbmig_cmd("--database", url, "inspectdb", "--app", "legacy",
                                        "--output", str(out), "--force"),
                         self.dm, self.env),
                     self.django_run(self.django_cmd("inspectdb"), django_env),
                     Run(floor, self.root, self.env))

    def django_run(self, cmd, env, reset=lambda: None):
        return Run(cmd, self.dj, env, reset) if self.args.django else None

    def add(self, command, dbmig, django, floor):
        self.rows.append((command, *measure([dbmig, django, floor], self.args.runs)))

    def log(self, text):
        print(f"bench: {text}", file=sys.stderr, flush=True)

    def table(self):
        def ratio(a, b):
            return f"{a.ms / b.ms:.2f}" if a and b else "—"

        def cell(m):
            return m.time_text() if m else "—"

        def rss(m):
            return f"{m.rss_kib / 1024:.0f}" if m else "—"

        a, m, f, k = schema_generator.SIZES[self.args.size]
        lines = [
            f"**{self.args.size}**: {a} apps × {m} models × {f} fields, {k} edit steps; "
            f"wall time in ms, median of {self.args.runs} runs after a warm-up "
            f"(¹ one run: the warm-up took over {SLOW_MS // 1000} s); peak RSS in MiB.",
            "",
            "| command | dbmig | Django | floor | dbmig/Django | dbmig/floor "
            "| dbmig RSS | Django RSS | floor RSS |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for command, dm, dj, floor in self.rows:
            lines.append(f"| {command} | {cell(dm)} | {cell(dj)} | {cell(floor)} | "
                         f"{ratio(dm, dj)} | {ratio(dm, floor)} | "
                         f"{rss(dm)} | {rss(dj)} | {rss(floor)} |")
        return "\n".join(lines) + "\n"


def main():
    here = Path(__file__).resolve().parent
    repo = here.parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", nargs="?", default="small", choices=schema_generator.SIZES)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dbmig", default=str(repo / "build" / "bin" / "dbmig"))
    parser.add_argument("--build-dir", default=None,
                        help="the build tree installed for the rows of the installed dbmig "
                        "(default: the folder above the folder of --dbmig)")
    parser.add_argument("--include", default=str(repo / "lib" / "include"))
    parser.add_argument("--workdir", default=None,
                        help="where the projects go (default /tmp/dbmig-bench-SIZE)")
    parser.add_argument("--no-django", dest="django", action="store_false")
    # The makemigrations rows alone: without migrate, check, inspectdb, sqlmigrate and
    # showmigrations, whose Django runs take most of the time, so more runs fit.
    parser.add_argument("--makemigrations-only", dest="databases", action="store_false")
    args = parser.parse_args()
    args.workdir = args.workdir or f"/tmp/dbmig-bench-{args.size}"
    args.build_dir = args.build_dir or str(Path(args.dbmig).resolve().parent.parent)
    print(Bench(args).run())


if __name__ == "__main__":
    main()
