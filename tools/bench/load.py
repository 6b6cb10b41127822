"""Load benchmark: `dbmig migrate` on a live table (see docs/benchmark.md "Load: migrations on
a live table"). Run it through load.sh, which starts throwaway servers.

Per case: a fresh database, a table of --rows rows (filled by the server itself: PostgreSQL
generate_series, MariaDB's seq_1_to_N), then a bounded write load from the loopback: --writers
threads, each with its own connection, each running --rate statements per second (single-row
INSERTs and UPDATEs, alternating) for --seconds seconds and stopping by itself; one second in,
`dbmig migrate` applies the case's migration (written as JSON into a temporary dbmig project).
Each statement's latency is measured from the moment it was due, so a stall counts for every
statement it delayed. Prints a Markdown table: the writers' p50/p99/max latency over the
statements due while the migration ran, and the migration's duration and exit status.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

PARENTS = 1000

ITEM_FIELDS = [
    {"name": "id", "type": "int64", "primary_key": True, "auto_increment": True},
    {"name": "parent_id", "type": "int64", "null": True},
    {"name": "note", "type": "string", "max_length": 100, "null": True},
    {"name": "counter", "type": "int64", "default": 0},
]

# Each case's operation; "online" adds {"online": true} and "atomic": false.
OPERATIONS = {
    "add index": {"op": "AddIndex", "model": "Item",
                  "index": {"name": "load_items_note_idx", "fields": ["note"]}},
    "add NOT NULL column with default": {
        "op": "AddField", "model": "Item", "field": {"name": "flag", "type": "int64", "default": 0}},
    "add foreign key": {
        "op": "AlterField", "model": "Item",
        "field": {"name": "parent_id", "type": "int64", "null": True, "references": "load.Parent",
                  "on_delete": "cascade"}},
    "set NOT NULL": {"op": "AlterField", "model": "Item",
                     "field": {"name": "note", "type": "string", "max_length": 100}},
}
LONG_TRANSACTION_OPERATION = OPERATIONS["add NOT NULL column with default"]


def migration(name, operations, dependencies=(), atomic=True):
    return {"dbmig": 1, "app": "load", "name": name, "dependencies": [list(d) for d in dependencies],
            "atomic": atomic, "operations": operations}


INITIAL = migration("0001_initial", [
    {"op": "CreateModel", "name": "Parent", "table": "load_parent",
     "fields": [{"name": "id", "type": "int64", "primary_key": True}]},
    {"op": "CreateModel", "name": "Item", "table": "load_items", "fields": ITEM_FIELDS},
])


class Dialect:
    """What differs between the servers: driver, URLs, filling the table, the placeholder."""

    def __init__(self, name, admin_url):
        self.name, self.admin_url = name, urllib.parse.urlsplit(admin_url)

    def url(self, database):
        return urllib.parse.urlunsplit(self.admin_url._replace(path="/" + database))

    def connect(self, database):
        u = self.admin_url
        if self.name == "postgresql":
            import psycopg2
            connection = psycopg2.connect(host=u.hostname, port=u.port, user=u.username,
                                          password=u.password, dbname=database)
        else:
            import pymysql
            connection = pymysql.connect(host=u.hostname, port=u.port, user=u.username,
                                         password=u.password, database=database)
        self.set_autocommit(connection, True)
        return connection

    def set_autocommit(self, connection, on):
        if self.name == "postgresql":
            connection.autocommit = on
        else:
            connection.autocommit(on)

    def create_database(self, database):
        admin = self.connect("postgres" if self.name == "postgresql" else "mysql")
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {database}")
            cursor.execute(f"CREATE DATABASE {database}")
        admin.close()

    def fill(self, connection, rows):
        series = ("generate_series(1, {n}) AS s(g)" if self.name == "postgresql"
                  else "seq_1_to_{n} AS s")
        g = "g" if self.name == "postgresql" else "s.seq"
        concat = f"'note ' || {g}" if self.name == "postgresql" else f"CONCAT('note ', {g})"
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO load_parent (id) SELECT {g} FROM {series.format(n=PARENTS)}")
            cursor.execute(f"INSERT INTO load_items (parent_id, note, counter) SELECT "
                           f"({g} % {PARENTS}) + 1, {concat}, 0 FROM {series.format(n=rows)}")
            cursor.execute("ANALYZE load_items" if self.name == "postgresql"
                           else "ANALYZE TABLE load_items")
            if self.name == "mysql":
                cursor.fetchall()


class Writer(threading.Thread):
    """One connection running `rate` statements a second for `seconds`, then stopping."""

    def __init__(self, dialect, database, rate, seconds, start_at, index, rows):
        super().__init__(daemon=True)
        self.connection = dialect.connect(database)
        self.rate, self.seconds, self.start_at = rate, seconds, start_at
        self.index, self.rows = index, rows
        self.samples = []  # (due, latency seconds)
        self.errors = []

    def run(self):
        count = int(self.rate * self.seconds)
        with self.connection.cursor() as cursor:
            for n in range(count):
                due = self.start_at + n / self.rate
                time.sleep(max(0.0, due - time.monotonic()))
                try:
                    if n % 2 == 0:
                        cursor.execute("INSERT INTO load_items (parent_id, note, counter) "
                                       "VALUES (%s, %s, 0)", (n % PARENTS + 1, f"w{self.index}"))
                    else:
                        cursor.execute("UPDATE load_items SET counter = counter + 1 WHERE id = %s",
                                       ((n * 7919 + self.index) % self.rows + 1,))
                except Exception as error:  # a failing write is reported, the load goes on
                    self.errors.append(str(error).splitlines()[0])
                self.samples.append((due, time.monotonic() - due))
        self.connection.close()


def write_project(folder, url, settings, case_migration):
    (folder / "migrations" / "load").mkdir(parents=True, exist_ok=True)
    (folder / "dbmig.json").write_text(json.dumps({"databases": {"default": url}, **settings}))
    (folder / "migrations" / "load" / "0001_initial.json").write_text(json.dumps(INITIAL, indent=2))
    if case_migration:
        path = folder / "migrations" / "load" / (case_migration["name"] + ".json")
        path.write_text(json.dumps(case_migration, indent=2))


def run_dbmig(dbmig, folder):
    start = time.monotonic()
    proc = subprocess.run([dbmig, "migrate", "-v", "0"], cwd=folder, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL)
    return start, time.monotonic(), proc


class Case:
    def __init__(self, name, operation, online=False, hold=None, settings=None):
        self.name, self.operation, self.online = name, operation, online
        self.hold, self.settings = hold, settings or {}

    def migration(self):
        operation = dict(self.operation, **({"online": True} if self.online else {}))
        return migration("0002_case", [operation], [("load", "0001_initial")],
                         atomic=not self.online)


def cases(args):
    found = []
    for name, operation in OPERATIONS.items():
        found.append(Case(name, operation))
        found.append(Case(name + ", online", operation, online=True))
    off = {"statement_lock_timeout": 0}
    on = {"statement_lock_timeout": args.lock_timeout, "statement_lock_retries": 10,
          "statement_lock_retry_delay": 0.25}
    found.append(Case(f"long transaction ({args.hold:g} s), no lock timeout",
                      LONG_TRANSACTION_OPERATION, hold=args.hold, settings=off))
    found.append(Case(f"long transaction ({args.hold:g} s), lock timeout {args.lock_timeout:g} s",
                      LONG_TRANSACTION_OPERATION, hold=args.hold, settings=on))
    return found


def hold_lock(dialect, database, seconds, holding):
    """An open transaction that read the table and stays open for `seconds`."""
    connection = dialect.connect(database)
    dialect.set_autocommit(connection, False)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM load_items LIMIT 1")
        cursor.fetchall()
        holding.set()
        time.sleep(seconds)
    connection.commit()
    connection.close()


def run_case(dialect, case, number, args):
    database = f"dbmig_load_{number}"
    dialect.create_database(database)
    with tempfile.TemporaryDirectory(prefix="dbmig-load-") as tmp:
        folder = Path(tmp)
        write_project(folder, dialect.url(database), case.settings, None)
        _, _, initial = run_dbmig(args.dbmig, folder)
        if initial.returncode != 0:
            sys.exit(f"load: the initial migration failed:\n{initial.stderr}")
        filler = dialect.connect(database)
        dialect.fill(filler, args.rows)
        filler.close()
        write_project(folder, dialect.url(database), case.settings, case.migration())

        start_at = time.monotonic() + 0.5
        writers = [Writer(dialect, database, args.rate, args.seconds, start_at, i, args.rows)
                   for i in range(args.writers)]
        for writer in writers:
            writer.start()
        time.sleep(max(0.0, start_at + 1.0 - time.monotonic()))
        holder = None
        if case.hold:
            holding = threading.Event()
            holder = threading.Thread(target=hold_lock,
                                      args=(dialect, database, case.hold, holding), daemon=True)
            holder.start()
            holding.wait()
        began, ended, proc = run_dbmig(args.dbmig, folder)
        for writer in writers:
            writer.join()
        if holder:
            holder.join()
    latencies = sorted(latency for writer in writers for due, latency in writer.samples
                       if began <= due <= ended)
    errors = [error for writer in writers for error in writer.errors]
    return case, began, ended, proc, latencies, errors


def percentile(values, fraction):
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(fraction * len(values)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dbmig", required=True)
    parser.add_argument("--dialect", choices=["postgresql", "mysql", "both"], default="both")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--rate", type=float, default=50, help="statements a second per writer")
    parser.add_argument("--seconds", type=float, default=8, help="how long the writers run")
    parser.add_argument("--hold", type=float, default=4,
                        help="seconds the long transaction stays open")
    parser.add_argument("--lock-timeout", type=float, default=1,
                        help="statement_lock_timeout of the long-transaction case")
    parser.add_argument("--only", help="run only the cases whose name contains this text")
    args = parser.parse_args()
    args.dbmig = str(Path(args.dbmig).resolve())  # dbmig runs in the project folder

    urls = {"postgresql": os.environ.get("DBMIG_TEST_POSTGRES_URL"),
            "mysql": os.environ.get("DBMIG_TEST_MYSQL_URL")}
    names = ["postgresql", "mysql"] if args.dialect == "both" else [args.dialect]
    print(f"{args.rows} rows; {args.writers} writers x {args.rate:g} statements/s for "
          f"{args.seconds:g} s; latency from the time each statement was due (ms)\n")
    print("| database | case | p50 | p99 | max | statements | migration | exit |")
    print("|---|---|---|---|---|---|---|---|")
    number = 0
    for name in names:
        if not urls[name]:
            sys.exit(f"load: no {name} server (run load.sh)")
        dialect = Dialect(name, urls[name])
        for case in cases(args):
            if args.only and args.only not in case.name:
                continue
            number += 1
            case, began, ended, proc, latencies, errors = run_case(dialect, case, number, args)
            ms = [1000 * latency for latency in latencies]
            print(f"| {'PostgreSQL' if name == 'postgresql' else 'MariaDB'} | {case.name} | "
                  f"{statistics.median(ms) if ms else float('nan'):.1f} | "
                  f"{percentile(ms, 0.99):.1f} | {max(ms) if ms else float('nan'):.0f} | "
                  f"{len(ms)} | {1000 * (ended - began):.0f} ms | {proc.returncode} |", flush=True)
            if proc.returncode != 0:
                print(f"<!-- {case.name}: {proc.stderr.strip().splitlines()[-1] if proc.stderr else ''} -->",
                      file=sys.stderr)
            if errors:
                print(f"<!-- {case.name}: {len(errors)} writer errors, e.g. {errors[0]} -->",
                      file=sys.stderr)


if __name__ == "__main__":
    main()
