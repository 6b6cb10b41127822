"""Many databases and clusters benchmark (see docs/benchmark.md "Many databases and a Galera
cluster"). Run it through clusters.sh, which starts the servers.

Builds the benchmark project's migration history (tools/bench/schema_generator.py, the size
given) with dbmig's real makemigrations, then measures whole-process wall time:
- `migrate` of the whole history into one fresh tenant schema of a PostgreSQL database (median
  of --runs), the reference for one tenant;
- `migrate --database all -j J` into --tenants tenant schemas of one fresh database (one alias
  per tenant in dbmig.json, `?schema=tNNN`), once per J of --jobs; every tenant's record is
  checked afterwards;
- `migrate` of the whole history into a fresh database on one MariaDB server and through one
  node of the three-node Galera cluster (median of --runs each): the cost of replicated DDL.
Prints a Markdown table.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import project_writers as writers
import schema_generator


def run(cmd, cwd, what):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"clusters: {what} failed ({' '.join(cmd)}):\n"
                 + (proc.stdout + proc.stderr).decode(errors="replace")[-3000:])
    return elapsed, proc.stdout.decode()


def with_database(url, database, query=""):
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + database, query=query))


def sql(dialect_tool, url, statement):
    """Runs one statement with the server's own shell (psql or mariadb), returns its output."""
    u = urllib.parse.urlsplit(url)
    if dialect_tool == "psql":
        cmd = ["psql", "-qAt", "-v", "ON_ERROR_STOP=1", url, "-c", statement]
    else:
        cmd = ["mariadb", "-h", u.hostname, "-P", str(u.port), "-u", u.username,
               f"-p{urllib.parse.unquote(u.password)}", "-N", "-e", statement]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()


class Clusters:
    def __init__(self, args):
        self.args = args
        self.dbmig = str(Path(args.dbmig).resolve())
        self.project = Path(args.workdir).resolve()
        self.rows = []
        self.migrations = 0

    def dbmig_cmd(self, *words):
        return [self.dbmig, "--project", str(self.project)] + list(words)

    def log(self, text):
        print(f"clusters: {text}", file=sys.stderr, flush=True)

    def build_history(self):
        history = schema_generator.history(self.args.size)[:-1]
        self.log(f"building the {self.args.size} history ({len(history)} migrations per app set)")
        subprocess.run(["rm", "-rf", str(self.project)], check=True)
        self.project.mkdir(parents=True)
        for number, (description, apps) in enumerate(history):
            writers.write_dbmig(self.project, apps)
            run(self.dbmig_cmd("makemigrations", "--noinput"), self.project,
                f"makemigrations step {number} ({description})")
        self.migrations = len(list((self.project / "migrations").rglob("*.json")))

    def migrate(self, database, *flags):
        return run(self.dbmig_cmd("migrate", "--database", database, *flags), self.project,
                   f"migrate {database.split('@')[-1]}")[0]

    def fresh_database(self, tool, server_url, name):
        if tool == "psql":
            sql(tool, server_url, f"DROP DATABASE IF EXISTS {name}")
            sql(tool, server_url, f"CREATE DATABASE {name}")
        else:
            sql(tool, server_url, f"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name}")
        return with_database(server_url, name)

    def median_migrate(self, tool, server_url, name, query=""):
        times = []
        for run_number in range(self.args.runs):
            url = self.fresh_database(tool, server_url, f"{name}_{run_number}")
            times.append(self.migrate(with_database(url, f"{name}_{run_number}", query)))
        return statistics.median(times)

    def tenants(self):
        pg = os.environ["DBMIG_TEST_POSTGRES_URL"]
        self.log("one tenant schema")
        single = self.median_migrate("psql", pg, "bench_single", "schema=tenant")
        self.rows.append(("PostgreSQL, one tenant schema (reference)", f"{single:.2f}",
                          f"{single * 1000:.0f}", "—"))
        count = self.args.tenants
        names = [f"t{n:03d}" for n in range(1, count + 1)]
        for jobs in self.args.jobs:
            self.log(f"{count} tenant schemas, -j {jobs}")
            url = self.fresh_database("psql", pg, f"bench_tenants_j{jobs}")
            aliases = ",\n".join(f'    "{name}": "{with_database(url, f"bench_tenants_j{jobs}", "schema=" + name)}"'
                                 for name in names)
            (self.project / "dbmig.json").write_text('{\n  "databases": {\n' + aliases + "\n  }\n}\n")
            total = self.migrate("all", "-j", str(jobs))
            (self.project / "dbmig.json").unlink()
            applied = sql("psql", url, " UNION ALL ".join(
                f"SELECT COUNT(*) FROM {name}.dbmig_migrations" for name in names))
            counts = [int(line) for line in applied.split()]
            if counts != [self.migrations] * count:
                sys.exit(f"clusters: -j {jobs}: the tenants' records hold {sorted(set(counts))} "
                         f"migrations, expected {self.migrations} each")
            per_tenant = total / count
            self.rows.append((f"PostgreSQL, {count} tenant schemas, `-j {jobs}`", f"{total:.2f}",
                              f"{per_tenant * 1000:.0f}",
                              f"{(per_tenant - single) * 1000:+.0f} ms ({per_tenant / single:.2f}×)"))

    def galera(self):
        mariadb = os.environ["DBMIG_TEST_MYSQL_URL"]
        node = os.environ["DBMIG_TEST_GALERA_URL_1"]
        self.log("one MariaDB server")
        single = self.median_migrate("mariadb", mariadb, "bench_single")
        self.rows.append(("MariaDB, one server", f"{single:.2f}", "—", "—"))
        self.log("Galera, three nodes")
        cluster = self.median_migrate("mariadb", node, "bench_galera")
        self.rows.append(("MariaDB Galera, three nodes (through node 1)", f"{cluster:.2f}", "—",
                          f"{cluster / single:.2f}× one server"))

    def table(self):
        lines = [f"{self.args.size}: {self.migrations} migrations; wall time of the whole "
                 f"`dbmig migrate` process",
                 "",
                 "| run | total (s) | per tenant (ms) | against one tenant / one server |",
                 "|---|---:|---:|---|"]
        lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in self.rows]
        return "\n".join(lines)


def main():
    repo = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="medium", choices=schema_generator.SIZES)
    parser.add_argument("--tenants", type=int, default=200)
    parser.add_argument("--jobs", type=lambda text: [int(j) for j in text.split(",")],
                        default=[1, 4, 8])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dbmig", default=str(repo / "build" / "bin" / "dbmig"))
    parser.add_argument("--workdir", default="/tmp/dbmig-bench-clusters")
    parser.add_argument("--only", choices=["tenants", "galera"], default=None)
    args = parser.parse_args()
    bench = Clusters(args)
    bench.build_history()
    if args.only in (None, "tenants"):
        bench.tenants()
    if args.only in (None, "galera"):
        bench.galera()
    print(bench.table())


if __name__ == "__main__":
    main()
