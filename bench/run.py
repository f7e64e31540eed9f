"""Run every benchmark of the performance budget, each against its baseline in the same run.

::

    .venv/bin/python bench/run.py [--smoke] [--out DIR] [--runs N] [--only NAME ...] [--check]

Each benchmark times the tool and a baseline that does the irreducible part of
the same work, alternating the two (baseline, subject, subject, baseline, …)
after a warm-up, and reports medians and their ratio. Shared machines are
noisy; a ratio measured side by side is what can be compared between runs.

Whole processes are timed through this interpreter's own bin folder
(``.venv/bin/inspect`` next to ``sys.executable``), never through a version
manager's shim. Peak memory of a process is its ``ru_maxrss`` from
``os.wait4``, read by a small launcher process so that it is the child's alone.

``--smoke`` runs everything at a tiny size once, to prove the benchmarks still
work (CI runs it); it asserts nothing about time. The exit code is 0 when every
benchmark ran, 1 when one failed to run, and with ``--check`` also 1 when a
ratio misses its target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (a sibling script, found through sys.path above)

BIN = Path(sys.executable).parent
PYTHON = sys.executable
INSPECT = str(BIN / "inspect")
#: Seconds of report runs after the first one (keeps the full run under 10 minutes).
REPORTS_BUDGET_S = 150.0

# --- measuring ---------------------------------------------------------------------------


@dataclass
class ProcessRun:
    """One finished child process: wall time, peak resident memory, exit code."""

    seconds: float
    max_rss_kib: int
    returncode: int
    stderr: str


#: Runs one command and reports its time, peak RSS and exit code as JSON on stdout.
#: A fresh, small process in between matters: Linux keeps a process's peak RSS
#: across ``exec``, so a child forked straight from this (large) runner would
#: report the runner's own size as its peak.
_LAUNCHER = """\
import json, os, subprocess, sys, time
err = open(sys.argv[1], "wb")
start = time.perf_counter()
proc = subprocess.Popen(
    sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err
)
_, status, usage = os.wait4(proc.pid, 0)
seconds = time.perf_counter() - start
print(json.dumps([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]))
"""


def run_process(
    argv: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> ProcessRun:
    """Run ``argv`` to completion, output discarded, and measure it.

    A small launcher process (``python -I -S``) starts the command, times it
    from just before the start to its exit, and reads its peak RSS from
    ``os.wait4``: the figures of this very child, not a running maximum, and
    not inflated by the size of the runner. The launcher's own start-up is
    not in the time.
    """
    with tempfile.NamedTemporaryFile(prefix="bench-stderr-", delete=False) as err_file:
        err_path = Path(err_file.name)
    try:
        done = subprocess.run(
            [PYTHON, "-I", "-S", "-c", _LAUNCHER, str(err_path), *argv],
            cwd=cwd,
            env=env if env is not None else child_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
        )
        err = err_path.read_text(encoding="utf-8", errors="replace")
    finally:
        err_path.unlink(missing_ok=True)
    if done.returncode != 0:
        raise BenchmarkFailed(f"the launcher failed for {argv[0]}: {done.stderr[-2000:]}")
    seconds, max_rss_kib, returncode = json.loads(done.stdout)
    return ProcessRun(float(seconds), int(max_rss_kib), int(returncode), err)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for timed children: no workspace or language leaking in."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"INSPECT_WORKSPACE", "INSPECT_LANG", "INSPECT_INSPECTOR", "PYTHONPATH"}
    }
    env.update({"COLUMNS": "120", "NO_COLOR": "1", "PYTHONHASHSEED": "0"})
    env.update(extra)
    return env


class BenchmarkFailed(RuntimeError):
    """The subject or the baseline did not do its work (non-zero exit, wrong output)."""


def checked(run: ProcessRun, argv: Sequence[str], ok_codes: tuple[int, ...] = (0,)) -> ProcessRun:
    """``run``, or :class:`BenchmarkFailed` naming the command and its stderr."""
    if run.returncode not in ok_codes:
        raise BenchmarkFailed(
            f"{' '.join(map(str, argv))} exited {run.returncode}:\n{run.stderr[-2000:]}"
        )
    return run


@dataclass
class Timings:
    """Alternating measurements of a subject and its baseline."""

    subject: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    subject_rss_kib: list[int] = field(default_factory=list)
    baseline_rss_kib: list[int] = field(default_factory=list)


def alternate(
    subject: Callable[[], float | ProcessRun],
    baseline: Callable[[], float | ProcessRun],
    *,
    runs: int,
    warmup: int,
) -> Timings:
    """Warm both up, then time them ``runs`` times each in ABBA order.

    The order flips every round so a slow drift of the machine (another job
    starting, the CPU clocking down) weighs on both sides alike.
    """
    for _ in range(warmup):
        baseline()
        subject()
    out = Timings()

    def record(fn: Callable[[], float | ProcessRun], times: list[float], rss: list[int]) -> None:
        result = fn()
        if isinstance(result, ProcessRun):
            times.append(result.seconds)
            rss.append(result.max_rss_kib)
        else:
            times.append(result)

    for n in range(runs):
        pair = [
            (baseline, out.baseline, out.baseline_rss_kib),
            (subject, out.subject, out.subject_rss_kib),
        ]
        for fn, times, rss in pair if n % 2 == 0 else reversed(pair):
            record(fn, times, rss)
    return out


def timed(fn: Callable[[], Any]) -> float:
    """Seconds ``fn()`` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# --- results -----------------------------------------------------------------------------


@dataclass
class Row:
    """One line of the results table."""

    name: str
    what: str
    baseline: str
    target: float
    median_s: float | None = None
    baseline_median_s: float | None = None
    ratio: float | None = None
    ok: bool | None = None
    runs: int = 0
    size: str = ""
    #: Extra measurements (peak RSS, growth), each with its own target and verdict.
    checks: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, list[float]] = field(default_factory=dict)
    status: str = "ok"  # ok | failed | skipped
    note: str = ""

    def fill(self, timings: Timings) -> None:
        """Medians, ratio and verdict from ``timings``."""
        self.median_s = statistics.median(timings.subject)
        self.baseline_median_s = statistics.median(timings.baseline)
        self.ratio = self.median_s / self.baseline_median_s
        self.runs = len(timings.subject)
        self.ok = self.ratio <= self.target and all(c["ok"] for c in self.checks)
        self.timings = {"subject_s": timings.subject, "baseline_s": timings.baseline}
        if timings.subject_rss_kib:
            self.timings["subject_max_rss_kib"] = [float(x) for x in timings.subject_rss_kib]
            self.timings["baseline_max_rss_kib"] = [float(x) for x in timings.baseline_rss_kib]


def fmt_seconds(value: float | None) -> str:
    """``12.3 ms`` or ``4.56 s``."""
    if value is None:
        return "-"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(rows: list[Row], *, verdicts: bool = True) -> str:
    """The results as a Markdown table (readable in a terminal, pasteable into a README).

    Without ``verdicts`` (a smoke run, whose sizes mean nothing) the last column
    says so instead of judging the ratios.
    """
    head = ["what", "median", "baseline median", "ratio", "target", "ok?"]
    lines = [head]
    for row in rows:
        if row.status != "ok":
            lines.append([row.what, row.status, "-", "-", f"≤ {row.target:g}×", row.note or "-"])
            continue
        verdict = ("yes" if row.ok else "NO") if verdicts else "(smoke)"
        lines.append(
            [
                row.what,
                fmt_seconds(row.median_s),
                f"{fmt_seconds(row.baseline_median_s)} ({row.baseline})",
                f"{row.ratio:.2f}×",
                f"≤ {row.target:g}×",
                verdict,
            ]
        )
        lines.extend(
            [
                f"↳ {check['what']}",
                check["value"],
                "-",
                "-",
                check["target"],
                ("yes" if check["ok"] else "NO") if verdicts else "(smoke)",
            ]
            for check in row.checks
        )
    out = ["| " + " | ".join(lines[0]) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(cells) + " |" for cells in lines[1:]]
    return "\n".join(out)


def memory_checks(
    what: str, small: int, big: int, small_mib: float, big_mib: float, *, limit_mib: int
) -> list[dict[str, Any]]:
    """Checks of a row: peak RSS at the big size within ``limit_mib``, and flat (≤ 1.10×)
    from ``small`` to ``big`` findings."""
    return [
        {
            "what": f"{what}, {big:,} findings",
            "value": f"{big_mib:.0f} MiB",
            "value_mib": round(big_mib, 1),
            "target": f"≤ {limit_mib} MiB",
            "ok": big_mib <= limit_mib,
        },
        {
            "what": f"peak RSS growth from {small:,} to {big:,} findings",
            "value": f"{small_mib:.0f} → {big_mib:.0f} MiB ({big_mib / small_mib:.2f}×)",
            "value_ratio": round(big_mib / small_mib, 3),
            "target": "≤ 1.10×",
            "ok": big_mib <= small_mib * 1.10,
        },
    ]


def machine() -> dict[str, Any]:
    """Where the numbers were measured."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for dist in ("typer", "pydantic", "pydantic-core", "PyYAML", "xlsxwriter", "openpyxl", "rich"):
        try:
            from importlib.metadata import version

            versions[dist] = version(dist)
        except Exception:
            versions[dist] = "?"
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "sqlite": __import__("sqlite3").sqlite_version,
        "packages": versions,
        "commit": commit,
    }


# --- the benchmarks ----------------------------------------------------------------------


@dataclass
class Context:
    """Options of this run and a scratch folder for its workspaces."""

    smoke: bool
    runs: int
    warmup: int
    scratch: Path
    #: Workspaces made once and shared by several benchmarks, by name.
    shared: dict[str, Any] = field(default_factory=dict)

    def copy_bundled_workspace(self, name: str) -> Path:
        """A copy of the repository's own workspace (config, standards, sites; no store)."""
        target = self.scratch / name
        target.mkdir()
        shutil.copy2(REPO / "inspect.toml", target / "inspect.toml")
        shutil.copytree(REPO / "standards", target / "standards")
        shutil.copytree(REPO / "sites", target / "sites")
        return target


Benchmark = Callable[[Context, Row], None]
BENCHMARKS: list[tuple[Row, Benchmark]] = []


def benchmark(
    name: str, what: str, baseline: str, target: float
) -> Callable[[Benchmark], Benchmark]:
    """Register a benchmark function under a row of the table."""

    def wrap(fn: Benchmark) -> Benchmark:
        BENCHMARKS.append((Row(name=name, what=what, baseline=baseline, target=target), fn))
        return fn

    return wrap


def _pass(argv: list[str] | None = None) -> Callable[[], ProcessRun]:
    cmd = argv or [PYTHON, "-c", "pass"]
    return lambda: checked(run_process(cmd), cmd)


@benchmark("help", "`inspect --help`", "`python -c pass`", 9)
def bench_help(ctx: Context, row: Row) -> None:
    """Start-up of the CLI: typer, the app and every command's help text."""
    cmd = [INSPECT, "--help"]
    row.fill(
        alternate(
            lambda: checked(run_process(cmd), cmd),
            _pass(),
            runs=ctx.runs * 2,
            warmup=ctx.warmup,
        )
    )


def _yaml_baseline_script(files: list[Path], target: Path) -> list[str]:
    """A script that parses ``files`` with PyYAML's C loader and nothing else."""
    listing = target / "files.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    script = target / "yaml_only.py"
    script.write_text(
        "import sys\n"
        "import yaml\n"
        "for name in open(sys.argv[1], encoding='utf-8').read().splitlines():\n"
        "    with open(name, 'rb') as f:\n"
        "        yaml.load(f, Loader=yaml.CSafeLoader)\n",
        encoding="utf-8",
    )
    return [PYTHON, str(script), str(listing)]


@benchmark(
    "validate",
    "`inspect validate`, 2,000 items, 1,000 sites",
    "PyYAML C loader over the same files",
    1.5,
)
def bench_validate(ctx: Context, row: Row) -> None:
    """Validation of a large workspace against parsing its YAML and nothing more."""
    size = (
        generate.Size(items=60, sites=30, site_types=4, common_items=10)
        if ctx.smoke
        else generate.Size(items=2000, sites=1000, site_types=10, common_items=100)
    )
    row.size = f"{size.items} items, {size.sites} sites, {size.site_types} site types"
    if ctx.smoke:
        row.what = f"`inspect validate`, {size.items} items, {size.sites} sites (smoke)"
    ws = ctx.scratch / "validate"
    spec = generate.generate_workspace(ws, size)
    cmd = [INSPECT, "--workspace", str(ws), "validate"]
    base = _yaml_baseline_script(spec.files, ctx.scratch)
    row.fill(
        alternate(
            lambda: checked(run_process(cmd), cmd),
            lambda: checked(run_process(base), base),
            runs=ctx.runs,
            warmup=ctx.warmup,
        )
    )


@benchmark(
    "catalog_cache",
    "catalog load on `record`, cache warm (bundled workspace, in-process)",
    "read + `json.loads` of the cache file",
    3,
)
def bench_catalog_cache(ctx: Context, row: Row) -> None:
    """``load_workspace_catalog`` from a warm cache against decoding the same JSON."""
    from qingyang_inspect.catalog.cache import CACHE_NAME, load_workspace_catalog
    from qingyang_inspect.workspace import load_workspace

    ws = load_workspace(ctx.copy_bundled_workspace("catalog_cache"))
    catalog = load_workspace_catalog(ws)  # the first run writes the cache
    cache_file = ws.cache_dir / CACHE_NAME
    if not cache_file.is_file():
        raise BenchmarkFailed(f"no cache written at {cache_file}")
    row.size = (
        f"{len(catalog.items)} items, {len(catalog.sites)} sites, {cache_file.stat().st_size} B"
    )
    # One call takes about a millisecond: time batches so the clock's resolution
    # and the loop do not matter, and report the time of one call.
    batch = 1 if ctx.smoke else 20

    def subject() -> float:
        return timed(lambda: [load_workspace_catalog(ws) for _ in range(batch)]) / batch

    def baseline() -> float:
        return timed(lambda: [json.loads(cache_file.read_bytes()) for _ in range(batch)]) / batch

    row.fill(alternate(subject, baseline, runs=ctx.runs * 4, warmup=ctx.warmup * 3))


def _require_command(*argv: str) -> None:
    """:class:`Skip` unless ``inspect <argv> --help`` works (the command exists)."""
    probe = run_process([INSPECT, *argv, "--help"])
    if probe.returncode != 0:
        raise Skip(f"`inspect {' '.join(argv)}` is not available yet")


@benchmark(
    "record",
    "`inspect record` of one finding with options, bundled workspace",
    "`python -c pass`",
    10,
)
def bench_record(ctx: Context, row: Row) -> None:
    """One ``record`` with every common option into a copy of the bundled workspace.

    The copy keeps the repository's own store untouched. A round is opened and
    one finding recorded first, so the catalog cache is warm as it is on an
    inspector's machine after the first record of the day.
    """
    _require_command("record")
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.workspace import load_workspace

    root = ctx.copy_bundled_workspace("record")
    catalog = load_workspace_catalog(load_workspace(root))
    site = next(iter(catalog.sites.values()))
    item = catalog.items_for_site(site.id)[0]
    base = [INSPECT, "--workspace", str(root)]
    opened = [*base, "round", "open", "2026年6月督导（基准测试）", "--kind", "supervision"]
    checked(run_process(opened, env=child_env(INSPECT_INSPECTOR="基准测试")), opened)
    cmd = [
        *base,
        "record",
        "--site",
        site.id,
        "--item",
        item.id,
        "--result",
        "fail",
        "--count",
        "2",
        "--note",
        "东侧出入口公益广告破损2处",
        "--location",
        "东门入口",
        "--inspector",
        "张晓燕",
    ]
    row.size = f"{site.id} · {item.id}, {len(catalog.items)} items, {len(catalog.sites)} sites"
    row.fill(
        alternate(
            lambda: checked(run_process(cmd), cmd),
            _pass(),
            runs=ctx.runs * 2,
            warmup=ctx.warmup + 1,  # the first record also opens the store's WAL file
        )
    )


@benchmark(
    "bulk_insert",
    "bulk insert of 100,000 findings (`Store.add_findings`)",
    "`executemany` of the same rows into bare tables",
    2,
)
def bench_bulk_insert(ctx: Context, row: Row) -> None:
    """The store's import path against SQLite doing nothing but storing the same rows.

    Both sides start from an empty database file and time the insert and the
    commit only. The baseline's rows are the store's own rows, read back from
    the first subject run, inserted into tables with the same columns but no
    types, keys, constraints, indexes or triggers, with SQLite's defaults.
    """
    try:
        from qingyang_inspect.store import Store
    except ImportError as exc:
        raise Skip(f"the store is not available yet ({exc})") from None
    if not hasattr(Store, "add_findings"):
        raise Skip("Store.add_findings is not available yet")
    import sqlite3

    spec, facts, round_names = _bulk_findings(ctx, row)
    if ctx.smoke:
        row.what = f"bulk insert of {len(facts):,} findings (smoke)"
    runs_dir = ctx.scratch / "bulk-runs"
    runs_dir.mkdir()
    counter = iter(range(1_000_000))
    baseline_rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}

    def subject() -> float:
        path = runs_dir / f"store-{next(counter)}.sqlite"
        with Store.open_path(path) as store:
            with store.transaction():
                generate.open_rounds(store, spec, round_names)
            seconds = timed(lambda: store.add_findings(facts))
        if not baseline_rows:
            conn = sqlite3.connect(path)
            for table in ("findings", "events"):
                cursor = conn.execute(f"SELECT * FROM {table}")
                columns = [d[0] for d in cursor.description]
                baseline_rows[table] = (columns, cursor.fetchall())
            conn.close()
            if len(baseline_rows["findings"][1]) != len(facts):
                raise BenchmarkFailed("the store did not hold every finding")
        path.unlink()
        return seconds

    def baseline() -> float:
        path = runs_dir / f"bare-{next(counter)}.sqlite"
        conn = sqlite3.connect(path, isolation_level=None)
        for table, (columns, _) in baseline_rows.items():
            conn.execute(f"CREATE TABLE {table} ({', '.join(columns)})")

        def insert() -> None:
            conn.execute("BEGIN")
            for table, (columns, values) in baseline_rows.items():
                marks = ", ".join("?" for _ in columns)
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
            conn.execute("COMMIT")

        seconds = timed(insert)
        conn.close()
        path.unlink()
        return seconds

    subject()  # the first run also yields the baseline's rows
    row.fill(alternate(subject, baseline, runs=ctx.runs, warmup=0))


def _bulk_findings(ctx: Context, row: Row) -> tuple[Any, list[Any], list[str]]:
    """The generated workspace, its 100,000 findings (as recorded) and their round names,
    made once for the bulk insert and the merge benchmarks."""
    sites, per_site = (10, 10) if ctx.smoke else (1000, 100)
    row.size = f"{sites} sites × {per_site} items = {sites * per_site} findings, 1 round"
    if "bulk" not in ctx.shared:
        spec = generate.generate_workspace(
            ctx.scratch / "bulk", generate.Size.per_site(per_site, sites, 10)
        )
        rows = generate.generate_findings(spec, rounds=1, items_per_site=per_site)
        facts = [f for f, _ in generate.finding_facts(rows)]
        ctx.shared["bulk"] = (spec, facts, sorted({f.round_name for f in facts}))
    found: tuple[Any, list[Any], list[str]] = ctx.shared["bulk"]
    return found


@benchmark(
    "merge",
    "merging a bundle of 100,000 findings (`inspect merge`'s `merge_bundles`)",
    "bulk insert of the same findings (`Store.add_findings`)",
    2.5,
)
def bench_merge(ctx: Context, row: Row) -> None:
    """Merging a bundle into an empty store against inserting the same findings in bulk.

    The bundle is exported once from a store that holds the findings. The subject
    reads it, checks every hash and row, adds the rounds, pins, snapshot and
    findings, and looks for conflicts, in one transaction; the baseline is the
    store's own bulk insert of the same findings into a store whose round is
    already open (opening it is not timed). Both start from a new store file.
    """
    try:
        from qingyang_inspect.exchange.bundle import export_findings
        from qingyang_inspect.exchange.merge import merge_bundles
        from qingyang_inspect.store import Store
    except ImportError as exc:
        raise Skip(f"merging is not available yet ({exc})") from None

    spec, facts, round_names = _bulk_findings(ctx, row)
    if ctx.smoke:
        row.what = f"merging a bundle of {len(facts):,} findings (smoke)"
    runs_dir = ctx.scratch / "merge-runs"
    runs_dir.mkdir()
    counter = iter(range(1_000_000))
    source = runs_dir / "source" / "store.sqlite"
    with Store.open_path(source) as store:
        with store.transaction():
            generate.open_rounds(store, spec, round_names)
        store.add_findings(facts)
        bundle = runs_dir / "bundle.zip"
        export_findings(store, bundle, round_name=None, since=None, now=dt.datetime.now(dt.UTC))
    row.size += f"; bundle {bundle.stat().st_size / 1e6:.1f} MB"

    def fresh() -> Path:
        folder = runs_dir / f"run-{next(counter)}"
        folder.mkdir()
        return folder / "store.sqlite"

    def subject() -> float:
        path = fresh()
        with Store.open_path(path) as store:
            merged: list[Any] = []
            seconds = timed(lambda: merged.append(merge_bundles(store, [bundle])))
        if merged[0].added["findings"] != len(facts) or merged[0].problems:
            raise BenchmarkFailed("the merge did not add every finding, or found problems")
        shutil.rmtree(path.parent)
        return seconds

    def baseline() -> float:
        path = fresh()
        with Store.open_path(path) as store:
            with store.transaction():
                generate.open_rounds(store, spec, round_names)
            seconds = timed(lambda: store.add_findings(facts))
        shutil.rmtree(path.parent)
        return seconds

    row.fill(alternate(subject, baseline, runs=ctx.runs, warmup=ctx.warmup))


# --- the team store on a PostgreSQL server -------------------------------------------------


def _server(ctx: Context) -> Any:
    """The run's throwaway PostgreSQL cluster (tests/pg_cluster.py), started on first use;
    :class:`Skip` when PostgreSQL or psycopg is not installed."""
    if "pg" in ctx.shared:
        return ctx.shared["pg"]
    try:
        import psycopg  # noqa: F401  (the server store's driver)
    except ImportError:
        raise Skip("psycopg is not installed (pip install -e '.[postgres]')") from None
    sys.path.insert(0, str(REPO / "tests"))
    from pg_cluster import start_cluster

    try:
        cluster = start_cluster()
    except RuntimeError as missing:
        raise Skip(str(missing)) from None
    import atexit

    atexit.register(cluster.remove)
    ctx.shared["pg"] = cluster
    return cluster


@benchmark(
    "record_server",
    "`inspect record` of one finding into a store on a local PostgreSQL server",
    "the same `inspect record` into a SQLite store",
    1.3,
)
def bench_record_server(ctx: Context, row: Row) -> None:
    """``record`` as in the ``record`` row, the store on a server (Unix socket) or in a file.

    Both workspaces are copies of the bundled one with a round open and one
    finding recorded (catalog cache warm, store created); only ``INSPECT_STORE``
    differs.
    """
    cluster = _server(ctx)
    from qingyang_inspect.catalog.cache import load_workspace_catalog
    from qingyang_inspect.workspace import load_workspace

    url = cluster.url(cluster.new_database("bench_record"))
    roots = {"server": ctx.copy_bundled_workspace("record-server")}
    roots["file"] = ctx.copy_bundled_workspace("record-file")
    catalog = load_workspace_catalog(load_workspace(roots["file"]))
    site = next(iter(catalog.sites.values()))
    item = catalog.items_for_site(site.id)[0]
    stores = {"server": url, "file": ""}
    commands = {}
    for tag, root in roots.items():
        env = child_env(INSPECT_INSPECTOR="基准测试", INSPECT_STORE=stores[tag])
        base = [INSPECT, "--workspace", str(root)]
        opened = [*base, "round", "open", "2026年6月督导（基准测试）", "--kind", "supervision"]
        checked(run_process(opened, env=env), opened)
        cmd = [*base, "record", "--site", site.id, "--item", item.id, "--result", "fail"]
        cmd += ["--count", "2", "--note", "东侧出入口公益广告破损2处", "--location", "东门入口"]
        commands[tag] = (cmd, env)
        checked(run_process(cmd, env=env), cmd)  # the first record creates the catalog cache

    def run(tag: str) -> ProcessRun:
        cmd, env = commands[tag]
        return checked(run_process(cmd, env=env), cmd)

    row.size = f"{site.id} · {item.id}, server on a Unix socket"
    row.fill(
        alternate(
            lambda: run("server"), lambda: run("file"), runs=ctx.runs * 2, warmup=ctx.warmup + 1
        )
    )


@benchmark(
    "bulk_insert_server",
    "bulk insert of 100,000 findings into a server store (`Store.add_findings`, COPY)",
    "`COPY` of the same rows into bare tables on the same server",
    2.0,
)
def bench_bulk_insert_server(ctx: Context, row: Row) -> None:
    """The store's import path on the server against the server storing the same rows.

    Each side gets a new database; the subject's store is created (tables, keys,
    CHECKs, indexes, triggers) before the clock starts. The baseline copies the
    store's own rows, read back from the first subject run, into tables of the
    same columns with no types, keys, constraints or indexes, in one transaction.
    """
    cluster = _server(ctx)
    import psycopg

    from qingyang_inspect.store import Store

    spec, facts, round_names = _bulk_findings(ctx, row)
    if ctx.smoke:
        row.what = f"bulk insert of {len(facts):,} findings into a server store (smoke)"
    evidence = ctx.scratch / "bulk-server-evidence"
    stored: list[tuple[Any, ...]] = []
    columns: list[str] = []

    def subject() -> float:
        name = cluster.new_database("bench_bulk")
        with Store.open_url(cluster.url(name), evidence_dir=evidence) as store:
            with store.transaction():
                generate.open_rounds(store, spec, round_names)
            seconds = timed(lambda: store.add_findings(facts))
            if not stored:
                cursor = store._conn.execute("SELECT * FROM findings")
                columns.extend(d[0] for d in cursor.description)
                stored.extend(tuple(r) for r in cursor.fetchall())
        cluster.drop_database(name)
        return seconds

    def baseline() -> float:
        name = cluster.new_database("bench_bare")
        with psycopg.connect(cluster.url(name), autocommit=True) as conn:
            conn.execute(f"CREATE TABLE findings ({', '.join(f'{c} text' for c in columns)})")

            def insert() -> None:
                with conn.transaction(), conn.cursor() as cursor:
                    statement = f"COPY findings ({', '.join(columns)}) FROM STDIN"
                    with cursor.copy(statement) as copy:
                        for values in stored:
                            copy.write_row(values)

            seconds = timed(insert)
        cluster.drop_database(name)
        return seconds

    subject()  # the first run also yields the baseline's rows
    if len(stored) != len(facts):
        raise BenchmarkFailed("the server store did not hold every finding")
    row.fill(alternate(subject, baseline, runs=ctx.runs, warmup=0))


@benchmark(
    "reports_server",
    "acceptance + rectification reports from a server store of 100,000 findings",
    "the same reports from the SQLite store they were copied from",
    1.2,
)
def bench_reports_server(ctx: Context, row: Row) -> None:
    """Both Excel reports of one round, from a server store and from a SQLite file.

    The SQLite store is the ``reports`` row's (1,000 sites × 100 items); ``inspect
    store copy`` moves it onto the server and then from the server into a new
    SQLite file (the round trip the team store promises), and the reports from
    all three must hold the same cells, or the row fails. Time-boxed like
    ``reports``.
    """
    cluster = _server(ctx)
    per_site, sites = (10, 10) if ctx.smoke else (100, 1000)
    row.size = f"{sites} sites × {per_site} items = {sites * per_site} findings, 1 round"
    if ctx.smoke:
        row.what = f"both reports from a server store of {sites * per_site:,} findings (smoke)"
    (round_name, _, day) = generate.rounds_for(1)[0]
    ws = ctx.scratch / "reports-server"
    spec = generate.generate_workspace(ws, generate.Size.per_site(per_site, sites, 10))
    generate.write_findings(
        ws, spec, generate.generate_findings(spec, rounds=1, items_per_site=per_site)
    )
    url = cluster.url(cluster.new_database("bench_reports"))
    back = ctx.scratch / "reports-server-back" / "store.sqlite"
    out = ctx.scratch / "reports-server-out"
    out.mkdir()
    stores = {"file": "", "server": url, "back": str(back)}
    copies = []
    for source, target in (("file", url), ("server", str(back))):
        cmd = [INSPECT, "--workspace", str(ws), "store", "copy", "--to", target]
        copies.append(checked(run_process(cmd, env=child_env(INSPECT_STORE=stores[source])), cmd))
    as_of = (day + dt.timedelta(days=16)).isoformat()

    def reports(tag: str) -> ProcessRun:
        env = child_env(INSPECT_STORE=stores[tag])
        runs = []
        for kind in ("acceptance", "rectification"):
            cmd = [INSPECT, "--workspace", str(ws), "report", kind, "--round", round_name]
            cmd += ["--as-of", as_of, "--force", "--output", str(out / f"{kind}-{tag}.xlsx")]
            runs.append(checked(run_process(cmd, env=env), cmd))
        return ProcessRun(
            seconds=sum(r.seconds for r in runs),
            max_rss_kib=max(r.max_rss_kib for r in runs),
            returncode=0,
            stderr="",
        )

    first = reports("server")
    reports("back")
    baseline_first = reports("file")
    for kind in ("acceptance", "rectification"):
        cells = {tag: _read_cells(out / f"{kind}-{tag}.xlsx") for tag in stores}
        if not cells["server"] == cells["file"] == cells["back"]:
            raise BenchmarkFailed(f"the {kind} report differs between the stores")
    extra = max(0, min(ctx.runs - 1, int(REPORTS_BUDGET_S / first.seconds) - 1))
    if ctx.smoke:
        extra = 0
    timings = alternate(lambda: reports("server"), lambda: reports("file"), runs=extra, warmup=0)
    timings.subject.insert(0, first.seconds)
    timings.baseline.insert(0, baseline_first.seconds)
    row.note = (
        f"store copy file → server {copies[0].seconds:.1f} s, server → file "
        f"{copies[1].seconds:.1f} s; the reports of all three stores hold the same cells"
    )
    row.fill(timings)


#: Seconds of timed ``findings list`` runs per format after the first pair (time box).
LIST_BUDGET_S = 120.0

#: The baseline of ``findings list``: the store's own history query, every row written
#: with ``csv.writer`` to stdout; nothing folded, looked up, labelled or escaped.
_QUERY_CSV_SCRIPT = """\
import csv, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
out = csv.writer(sys.stdout, lineterminator="\\r\\n")
for row in conn.execute(open(sys.argv[2], encoding="utf-8").read()):
    out.writerow(row)
"""


def _list_stores(ctx: Context) -> tuple[Path, Path, int, int]:
    """Two workspaces with the same catalog: a large store and one a hundredth its size.

    Made once per run and shared by the ``findings list`` rows: 1,000 sites ×
    100 items × 10 rounds = 1,000,000 findings, and 1,000 sites × 10 items in
    one round = 10,000 findings (every site appears in both, so both lists
    look up the same catalog entries: what grows is the number of findings);
    tiny for ``--smoke``.
    """
    if "list" in ctx.shared:
        return ctx.shared["list"]  # type: ignore[no-any-return]
    sites, per_site, rounds = (10, 10, 2) if ctx.smoke else (1000, 100, 10)
    big_ws = ctx.scratch / "list-big"
    spec = generate.generate_workspace(big_ws, generate.Size.per_site(per_site, sites, 10))
    big = generate.write_findings(
        big_ws, spec, generate.generate_findings(spec, rounds=rounds, items_per_site=per_site)
    )
    small_ws = ctx.scratch / "list-small"
    small_ws.mkdir()
    for part in ("inspect.toml", "standards", "sites"):
        (shutil.copytree if (big_ws / part).is_dir() else shutil.copy2)(
            big_ws / part, small_ws / part
        )
    little = generate.write_findings(
        small_ws,
        spec,
        generate.generate_findings(spec, rounds=1, items_per_site=max(1, per_site // 10)),
    )
    result = (big_ws, small_ws, big, little)
    ctx.shared["list"] = result
    return result


def _bench_findings_list(ctx: Context, row: Row, fmt: str) -> None:
    """``inspect findings list -f FMT`` of the whole store against its query written as CSV.

    Both are whole processes writing to /dev/null. The baseline runs the very
    statement the store runs for the list (findings joined with their events
    and photos, in the list's order) and writes each row it returns with
    ``csv.writer``: reading the same data out of SQLite and writing it as
    text is the floor. Folding events into a state, the catalog's names,
    labels and formula-safety are the overhead measured. Peak RSS is measured
    at both sizes.
    """
    _require_command("findings", "list")
    from qingyang_inspect.store import sql

    big_ws, small_ws, big, little = _list_stores(ctx)
    row.size = f"{big:,} findings (1,000 sites × 100 items × 10 rounds)"
    if ctx.smoke:
        row.what = f"`inspect findings list -f {fmt}`, {big:,} findings (smoke)"
    statement = ctx.scratch / "history.sql"
    statement.write_text(sql.select_history(), encoding="utf-8")
    script = ctx.scratch / "query_csv.py"
    script.write_text(_QUERY_CSV_SCRIPT, encoding="utf-8")
    store = big_ws / ".inspect" / "store.sqlite"
    base = [PYTHON, str(script), str(store), str(statement)]

    def listing(ws: Path) -> list[str]:
        return [INSPECT, "--workspace", str(ws), "findings", "list", "--format", fmt]

    for ws in (big_ws, small_ws):
        # Load the catalog once (an unknown site stops the list right after): each
        # measured run then reads it from its cache, as every run after the first does.
        warm = [INSPECT, "--workspace", str(ws), "findings", "list", "--site", "NO-SUCH-SITE"]
        checked(run_process(warm), warm, ok_codes=(2,))
    cmd = listing(big_ws)
    first = checked(run_process(cmd), cmd)
    extra = 0 if ctx.smoke else max(0, min(ctx.runs - 1, int(LIST_BUDGET_S / first.seconds) - 1))
    timings = alternate(
        lambda: checked(run_process(cmd), cmd),
        lambda: checked(run_process(base), base),
        runs=max(extra, 1),
        warmup=0,
    )
    timings.subject.insert(0, first.seconds)
    timings.subject_rss_kib.insert(0, first.max_rss_kib)
    if extra + 1 < ctx.runs and not ctx.smoke:
        row.note = (
            f"time-boxed to {len(timings.subject)} run(s): one list took {first.seconds:.0f} s"
        )
    small_cmd = listing(small_ws)
    small_mib = checked(run_process(small_cmd), small_cmd).max_rss_kib / 1024
    big_mib = statistics.median(timings.subject_rss_kib) / 1024
    row.checks = memory_checks("peak RSS", little, big, small_mib, big_mib, limit_mib=80)
    row.fill(timings)


@benchmark(
    "findings_list_csv",
    "`inspect findings list -f csv`, 1,000,000 findings",
    "the same query written with `csv.writer`",
    1.5,
)
def bench_findings_list_csv(ctx: Context, row: Row) -> None:
    """The CSV listing of a million findings (see :func:`_bench_findings_list`)."""
    _bench_findings_list(ctx, row, "csv")


@benchmark(
    "findings_list_json",
    "`inspect findings list -f json`, 1,000,000 findings",
    "the same query written with `csv.writer`",
    1.5,
)
def bench_findings_list_json(ctx: Context, row: Row) -> None:
    """The JSON listing of a million findings (see :func:`_bench_findings_list`)."""
    _bench_findings_list(ctx, row, "json")


_DUMP_SCRIPT = """\
import pickle
import sys

from openpyxl import Workbook

with open(sys.argv[1], "rb") as f:
    sheets = pickle.load(f)
book = Workbook(write_only=True)
for title, rows in sheets:
    sheet = book.create_sheet(title)
    for row in rows:
        sheet.append(row)
book.save(sys.argv[2])
"""


def _read_cells(path: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every sheet's title and cell values, as a reader of the workbook sees them."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [(ws.title, list(ws.iter_rows(values_only=True))) for ws in book.worksheets]
    finally:
        book.close()


@benchmark(
    "reports",
    "acceptance + rectification reports, 1,000 sites × 100 items = 100,000 findings",
    "openpyxl write-only dump of the same cells",
    0.8,
)
def bench_reports(ctx: Context, row: Row) -> None:
    """Both Excel reports of one round, each a whole process, against dumping their cells.

    The baseline process loads the very cells the reports wrote (read back
    with openpyxl, pickled) and writes them with openpyxl's write-only
    workbook: no styles, charts or formulas, nothing computed. Peak RSS of
    each report process is measured on two workspaces whose work grows tenfold
    in every dimension: 100 sites × 100 items (10,000 findings, 100 score
    sheets) and 1,000 sites × 100 items (100,000 findings, 1,000 score sheets).
    """
    _require_command("report", "acceptance")
    _require_command("report", "rectification")
    import pickle

    per_site = 10 if ctx.smoke else 100
    big, small = (10, 5) if ctx.smoke else (1000, 100)
    row.size = f"{big} sites × {per_site} items = {big * per_site} findings, 1 acceptance round"
    if ctx.smoke:
        row.what = f"acceptance + rectification reports, {big * per_site:,} findings (smoke)"
    (round_name, _, day) = generate.rounds_for(1)[0]
    workspaces = {}
    for tag, sites in (("big", big), ("small", small)):
        ws = ctx.scratch / f"reports-{tag}"
        size = generate.Size.per_site(per_site, sites, min(10, sites))
        spec = generate.generate_workspace(ws, size)
        generate.write_findings(
            ws, spec, generate.generate_findings(spec, rounds=1, items_per_site=per_site)
        )
        workspaces[tag] = ws
    as_of = (day + dt.timedelta(days=16)).isoformat()
    out = ctx.scratch / "reports-out"
    out.mkdir()

    def commands(ws: Path, tag: str) -> list[list[str]]:
        base = [INSPECT, "--workspace", str(ws), "report"]
        tail = ["--round", round_name, "--as-of", as_of, "--force", "--output"]
        return [
            [*base, "acceptance", *tail, str(out / f"acceptance-{tag}.xlsx")],
            [*base, "rectification", *tail, str(out / f"ledger-{tag}.xlsx")],
        ]

    big_cmds = commands(workspaces["big"], "big")
    small_cmds = commands(workspaces["small"], "small")

    def both(cmds: list[list[str]]) -> ProcessRun:
        runs = [checked(run_process(cmd), cmd) for cmd in cmds]
        return ProcessRun(
            seconds=sum(r.seconds for r in runs),
            max_rss_kib=max(r.max_rss_kib for r in runs),
            returncode=0,
            stderr="",
        )

    first = both(big_cmds)  # also the files whose cells the baseline writes
    script = ctx.scratch / "dump_cells.py"
    script.write_text(_DUMP_SCRIPT, encoding="utf-8")
    dumps = []
    for name in ("acceptance-big", "ledger-big"):
        cells = ctx.scratch / f"{name}.pickle"
        with cells.open("wb") as f:
            pickle.dump(_read_cells(out / f"{name}.xlsx"), f, protocol=pickle.HIGHEST_PROTOCOL)
        dumps.append([PYTHON, str(script), str(cells), str(out / f"{name}-raw.xlsx")])
    # The first run counts (it warmed the caches like any later one would). Further
    # runs are time-boxed so that slow reports cannot push the whole run past its
    # 10 minutes: with reports of minutes, fewer runs and a note say so.
    extra = max(0, min(ctx.runs - 1, int(REPORTS_BUDGET_S / first.seconds) - 1))
    if ctx.smoke:
        extra = 0
    timings = alternate(lambda: both(big_cmds), lambda: both(dumps), runs=extra, warmup=0)
    timings.subject.insert(0, first.seconds)
    timings.subject_rss_kib.insert(0, first.max_rss_kib)
    if not timings.baseline:
        done = both(dumps)
        timings.baseline.append(done.seconds)
        timings.baseline_rss_kib.append(done.max_rss_kib)
    if extra + 1 < ctx.runs and not ctx.smoke:
        row.note = (
            f"time-boxed to {extra + 1} run(s): one pair of reports took {first.seconds:.0f} s"
        )
    small_rss = [both(small_cmds).max_rss_kib for _ in range(1 if extra < 2 else 3)]
    big_mib = statistics.median(timings.subject_rss_kib) / 1024
    small_mib = statistics.median(small_rss) / 1024
    row.checks = memory_checks(
        "peak RSS of a report process",
        small * per_site,
        big * per_site,
        small_mib,
        big_mib,
        limit_mib=120,
    )
    row.checks[1]["what"] += f" ({small} to {big} sites, each with its own catalog)"
    row.fill(timings)


@benchmark(
    "progress",
    "`inspect report progress -f json`, 100,000 findings in 5 rounds",
    "`inspect report rectification -f json` over the same store",
    1.5,
)
def bench_progress(ctx: Context, row: Row) -> None:
    """The progress report of a campaign (200 sites × 100 items × 5 rounds = 100,000 findings,
    about 15,000 problems) against the rectification ledger's JSON of the same store: both
    read every problem once; the progress report counts them per street and round and
    looks back for recurring ones instead of writing a record per problem."""
    _require_command("report", "progress")
    sites, per_site, rounds = (10, 10, 5) if ctx.smoke else (200, 100, 5)
    ws = ctx.scratch / "progress"
    spec = generate.generate_workspace(ws, generate.Size.per_site(per_site, sites, 10))
    count = generate.write_findings(
        ws, spec, generate.generate_findings(spec, rounds=rounds, items_per_site=per_site)
    )
    row.size = f"{count:,} findings ({sites} sites × {per_site} items × {rounds} rounds)"
    if ctx.smoke:
        row.what = f"`inspect report progress -f json`, {count:,} findings (smoke)"
    base = [INSPECT, "--workspace", str(ws), "report"]
    subject = [*base, "progress", "--format", "json"]
    baseline = [*base, "rectification", "--format", "json"]
    checked(run_process(baseline), baseline)  # the catalog's cache, written once
    row.fill(
        alternate(
            lambda: checked(run_process(subject), subject),
            lambda: checked(run_process(baseline), baseline),
            runs=1 if ctx.smoke else ctx.runs,
            warmup=0 if ctx.smoke else 1,
        )
    )


#: Seconds of photo-ledger runs after the first pair (keeps the full run under 10 minutes).
PHOTOS_BUDGET_S = 60.0


@benchmark(
    "ledger_photos",
    "rectification ledger with 2,000 photos (4000×3000 JPEGs, thumbnails made at ingest)",
    "the same ledger without photos (--max-photos 0)",
    3.0,
)
def bench_ledger_photos(ctx: Context, row: Row) -> None:
    """The ledger of 2,000 problems, each with a photo, against the same ledger that
    embeds none (its cells name the photos instead).

    The photos are 4000×3000 JPEGs, distinct files (a comment segment tells them
    apart), in the evidence store with their thumbnails, as ``inspect record
    --photo`` leaves them: a thumbnail is made once at ingest, so the report reads
    480-pixel thumbnails, never the originals. Each photo appears on the
    printable ledger and on its unit's sheet.
    """
    _require_command("report", "rectification")
    from PIL import Image

    from qingyang_inspect.findings.model import Photo
    from qingyang_inspect.thumbnails import make_thumbnail, thumbnail_path

    sites, per_site = (10, 5) if ctx.smoke else (100, 20)
    count = sites * per_site
    row.size = f"{count} problems with a photo each, {sites} sites"
    if ctx.smoke:
        row.what = f"rectification ledger with {count} photos (smoke)"
    ws = ctx.scratch / "photos"
    spec = generate.generate_workspace(ws, generate.Size.per_site(per_site, sites, 10))
    evidence = ws / ".inspect" / "evidence"
    base = ctx.scratch / "photo.jpg"
    img = Image.new("RGB", (4000, 3000), (150, 190, 225))
    img.paste((110, 105, 95), (0, 1600, 4000, 3000))
    img.paste((200, 210, 170), (600, 500, 2600, 1600))
    img.save(base, "JPEG", quality=90)
    original = base.read_bytes()
    small = make_thumbnail(base)
    assert small is not None

    def variant(data: bytes, n: int) -> bytes:
        comment = f"qingyang bench photo {n}".encode()
        return data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]

    import hashlib

    photos: list[Photo] = []
    for n in range(count):
        data = variant(original, n)
        sha = hashlib.sha256(data).hexdigest()
        relpath = f"{sha[:2]}/{sha}.jpg"
        (evidence / relpath).parent.mkdir(parents=True, exist_ok=True)
        (evidence / relpath).write_bytes(data)
        thumb = thumbnail_path(evidence, relpath)
        thumb.parent.mkdir(parents=True, exist_ok=True)
        thumb.write_bytes(variant(small, n))
        photos.append(Photo(sha, f"IMG_{n:04d}.jpg", "before", relpath))
    rows = generate.generate_findings(spec, rounds=1, items_per_site=per_site, fail_share=1.0)
    generate.write_findings(ws, spec, rows, photos=photos)
    (round_name, _, day) = generate.rounds_for(1)[0]
    out = ctx.scratch / "photos-out"
    out.mkdir()
    base_cmd = [
        INSPECT, "--workspace", str(ws), "report", "rectification", "--round", round_name,
        "--as-of", (day + dt.timedelta(days=16)).isoformat(), "--force", "--output",
    ]  # fmt: skip
    with_photos = [*base_cmd, str(out / "with.xlsx")]
    without = [*base_cmd, str(out / "without.xlsx"), "--max-photos", "0"]
    first = checked(run_process(with_photos), with_photos)
    extra = max(0, min(ctx.runs - 1, int(PHOTOS_BUDGET_S / (2 * first.seconds))))
    if ctx.smoke:
        extra = 0
    timings = alternate(
        lambda: checked(run_process(with_photos), with_photos),
        lambda: checked(run_process(without), without),
        runs=max(1, extra),
        warmup=0,
    )
    timings.subject.insert(0, first.seconds)
    if extra + 1 < ctx.runs and not ctx.smoke:
        row.note = f"time-boxed to {max(1, extra) + 1} run(s)"
    row.fill(timings)


_READ_CHECKLISTS_SCRIPT = """\
import sys
from pathlib import Path

from openpyxl import load_workbook

cells = 0
for path in sorted(Path(sys.argv[1]).glob("*.xlsx")):
    book = load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells += sum(value is not None for value in row)
    book.close()
print(cells)
"""


def _fill_checklists(folder: Path, day: dt.date) -> int:
    """Answer every item row of every checklist in ``folder`` as an inspector would
    (mostly 符合, every seventh 不符合 with a count and a note, every thirteenth 不适用
    with a reason); returns the number of answers."""
    from openpyxl import load_workbook

    answers = 0
    for path in sorted(folder.glob("*.xlsx")):
        book = load_workbook(path)
        meta, sheet = book["_inspect"], book.worksheets[0]
        values = {str(k): v for k, v in meta.iter_rows(max_col=2, values_only=True)}
        sheet[values["inspector_cell"]] = "王督导"
        sheet[values["date_cell"]] = day.isoformat()
        for n, key in enumerate(k for k in values if k.isdigit()):
            row = int(key)
            if n % 13 == 12:
                sheet[f"C{row}"], sheet[f"E{row}"] = "不适用", "无此设施"
            elif n % 7 == 6:
                sheet[f"C{row}"], sheet[f"D{row}"] = "不符合", 2
                sheet[f"E{row}"], sheet[f"F{row}"] = "有乱张贴", "东侧入口"
            else:
                sheet[f"C{row}"] = "符合"
            sheet[f"I{row}"] = f"{9 + n // 30}:{n % 30 * 2:02d}"
            answers += 1
        book.save(path)
    return answers


@benchmark(
    "checklist_import",
    "`inspect import` of 130 filled site checklists (bundled workspace)",
    "reading the same workbooks with openpyxl read-only, nothing else",
    2.0,
)
def bench_checklist_import(ctx: Context, row: Row) -> None:
    """Every answer of 130 filled checklists recorded (a fresh store each run) against a
    process that opens the same workbooks read-only and reads every cell."""
    _require_command("import")
    ws = ctx.copy_bundled_workspace("checklists")
    env = child_env(INSPECT_INSPECTOR="王督导")
    day = dt.date.today() - dt.timedelta(days=1)
    setup = [
        [INSPECT, "-w", str(ws), "round", "open", "督导", "--kind", "supervision",
         "--date", day.isoformat()],
        [INSPECT, "-w", str(ws), "checklist", "export", "--round", "督导", "-o", str(ws / "lists")],
    ]  # fmt: skip
    for cmd in setup:
        subprocess.run(cmd, env=env, check=True, capture_output=True)
    lists = ws / "lists"
    if ctx.smoke:
        for extra in sorted(lists.glob("*.xlsx"))[10:]:
            extra.unlink()
    answers = _fill_checklists(lists, day)
    files = len(list(lists.glob("*.xlsx")))
    row.size = f"{files} workbooks, {answers:,} answers"
    pristine = ws / ".inspect-pristine"
    shutil.copytree(ws / ".inspect", pristine)
    subject_cmd = [INSPECT, "-w", str(ws), "import", str(lists)]
    script = ctx.scratch / "read_checklists.py"
    script.write_text(_READ_CHECKLISTS_SCRIPT, encoding="utf-8")
    baseline_cmd = [PYTHON, str(script), str(lists)]

    def subject() -> ProcessRun:
        shutil.rmtree(ws / ".inspect")
        shutil.copytree(pristine, ws / ".inspect")
        done = checked(run_process(subject_cmd, env=env), subject_cmd)
        return done

    first = subject()
    check = sqlite3_count(ws / ".inspect" / "store.sqlite")
    if check != answers:
        raise BenchmarkFailed(f"import recorded {check} findings, expected {answers}")
    del first
    timings = alternate(
        subject,
        lambda: checked(run_process(baseline_cmd), baseline_cmd),
        runs=ctx.runs,
        warmup=0 if ctx.smoke else 1,
    )
    row.fill(timings)


def sqlite3_count(path: Path) -> int:
    """Findings in the store at ``path``."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM findings").fetchone()[0])


#: Seconds of as-of runs after the first pair, per row (keeps the full run under 10 minutes).
AS_OF_BUDGET_S = 90.0


def _as_of_store(ctx: Context) -> tuple[Path, str, str, int]:
    """A workspace of 100,000 findings over two rounds weeks apart, with their
    rectifications and re-checks spread over the days after, made once per run.

    Returns the workspace, the later round's name, a date in the middle of its
    history and the number of findings. On that date the earlier round is all
    there with most of its steps, the later one found but only partly
    rectified, and steps after the date exist in the store, so an as-of read
    has events to leave out.
    """
    if "as_of" in ctx.shared:
        return ctx.shared["as_of"]  # type: ignore[no-any-return]
    sites, per_site = (10, 10) if ctx.smoke else (1000, 50)
    ws = ctx.scratch / "as-of"
    spec = generate.generate_workspace(ws, generate.Size.per_site(per_site, sites, 10))
    count = generate.write_findings(
        ws, spec, generate.generate_findings(spec, rounds=2, items_per_site=per_site)
    )
    (round_name, _, day) = generate.rounds_for(2)[-1]
    result = (ws, round_name, (day + dt.timedelta(days=3)).isoformat(), count)
    ctx.shared["as_of"] = result
    return result


def _bench_as_of(ctx: Context, row: Row, argv: list[str], output: str | None) -> None:
    """``inspect ARGV --as-of D`` against the very same command without ``--as-of``.

    Both are whole processes on the same store of 100,000 findings; ``output``
    names the file a report writes (``--output``, one per side), else stdout
    goes to /dev/null. The baseline shows today's state of every finding; the
    subject leaves out what was found or done after D and judges overdue on D.
    Reading a past state should cost about what reading the present does.
    """
    ws, round_name, as_of, count = _as_of_store(ctx)
    row.size = f"{count:,} findings, 2 rounds, as of {as_of}"
    if ctx.smoke:
        row.what = row.what.replace("100,000", f"{count:,}") + " (smoke)"
    argv = [a.replace("{round}", round_name) for a in argv]
    out = ctx.scratch / "as-of-out"
    out.mkdir(exist_ok=True)

    def command(*extra: str, tag: str) -> list[str]:
        tail = ["--force", "--output", str(out / f"{tag}-{output}")] if output else []
        return [INSPECT, "--workspace", str(ws), *argv, *extra, *tail]

    subject = command("--as-of", as_of, tag="as-of")
    baseline = command(tag="today")
    checked(run_process(baseline), baseline)  # the catalog cache, warm for both sides
    first = checked(run_process(subject), subject)
    extra = 0 if ctx.smoke else max(1, min(ctx.runs, int(AS_OF_BUDGET_S / (2 * first.seconds))))
    timings = alternate(
        lambda: checked(run_process(subject), subject),
        lambda: checked(run_process(baseline), baseline),
        runs=max(extra, 1),
        warmup=0,
    )
    if extra < ctx.runs and not ctx.smoke:
        row.note = f"time-boxed to {len(timings.subject)} run(s) of each side"
    row.fill(timings)


@benchmark(
    "as_of_list",
    "`inspect findings list -f csv --as-of D`, 100,000 findings",
    "the same list without `--as-of`",
    1.2,
)
def bench_as_of_list(ctx: Context, row: Row) -> None:
    """The CSV listing of the store as of a date (see :func:`_bench_as_of`)."""
    _require_command("findings", "list")
    _bench_as_of(ctx, row, ["findings", "list", "--format", "csv"], None)


@benchmark(
    "as_of_ledger",
    "`inspect report rectification --as-of D` (xlsx), 100,000 findings",
    "the same ledger without `--as-of`",
    1.2,
)
def bench_as_of_ledger(ctx: Context, row: Row) -> None:
    """The ledger of the whole store as of a date (see :func:`_bench_as_of`)."""
    _require_command("report", "rectification")
    _bench_as_of(ctx, row, ["report", "rectification"], "ledger.xlsx")


@benchmark(
    "as_of_acceptance",
    "`inspect report acceptance --as-of D` (xlsx), 100,000 findings",
    "the same report without `--as-of`",
    1.2,
)
def bench_as_of_acceptance(ctx: Context, row: Row) -> None:
    """The later round's acceptance report as of a date (see :func:`_bench_as_of`)."""
    _require_command("report", "acceptance")
    _bench_as_of(ctx, row, ["report", "acceptance", "--round", "{round}"], "acceptance.xlsx")


# --- main --------------------------------------------------------------------------------


def compile_package() -> None:
    """Write the package's bytecode first, as ``pip install`` does for its users.

    With ``PYTHONDONTWRITEBYTECODE`` set (some sandboxes and CI images set it) an
    editable install would recompile ~30 modules on every run (~37 ms), a cost
    no installed copy pays and the baselines never pay.
    """
    import compileall

    import qingyang_inspect

    compileall.compile_dir(Path(qingyang_inspect.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table, write ``results.json``; the exit code."""
    parser = argparse.ArgumentParser(description="Run the performance budget benchmarks.")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run, no verdicts")
    parser.add_argument("--out", type=Path, default=BENCH / "results", help="folder for JSON")
    parser.add_argument("--runs", type=int, default=None, help="timed runs per benchmark")
    parser.add_argument("--only", nargs="*", default=None, help="benchmark names to run")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--keep", action="store_true", help="keep the scratch workspaces")
    args = parser.parse_args(argv)

    if not Path(INSPECT).exists():
        print(f"error: {INSPECT} not found; install the project into this venv", file=sys.stderr)
        return 2
    runs = args.runs if args.runs is not None else (1 if args.smoke else 5)
    compile_package()
    scratch = Path(tempfile.mkdtemp(prefix="qingyang-bench-"))
    ctx = Context(smoke=args.smoke, runs=runs, warmup=0 if args.smoke else 1, scratch=scratch)
    rows: list[Row] = []
    started = time.perf_counter()
    try:
        for template, fn in BENCHMARKS:
            if args.only is not None and template.name not in args.only:
                continue
            row = Row(**asdict(template))
            print(f"--- {row.name}: {row.what}", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            try:
                fn(ctx, row)
            except Skip as skip:
                row.status, row.note = "skipped", str(skip)
            except Exception as exc:  # report and go on: one broken benchmark is one row
                row.status, row.note = "failed", f"{type(exc).__name__}: {exc}"
                traceback.print_exc()
            print(f"    {row.status} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
            rows.append(row)
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            print(f"scratch kept in {scratch}", file=sys.stderr)
    elapsed = time.perf_counter() - started

    print(table(rows, verdicts=not args.smoke))
    if args.smoke:
        print("(smoke run: tiny sizes, one run; the ratios mean nothing)")
    info = machine()
    print(
        f"\nmachine: {info['nproc']} CPUs, {info['cpu']}, Python {info['python']}; "
        f"{elapsed:.0f} s in total"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": "python bench/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "smoke": args.smoke,
        "runs": runs,
        "elapsed_s": round(elapsed, 1),
        "machine": info,
        "rows": [asdict(r) for r in rows],
    }
    out_file = args.out / ("smoke.json" if args.smoke else "results.json")
    out_file.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"results: {out_file}")

    if any(r.status == "failed" for r in rows):
        return 1
    if args.check and not args.smoke and any(r.status == "ok" and not r.ok for r in rows):
        return 1
    return 0


class Skip(Exception):
    """A benchmark whose code under test does not exist yet."""


if __name__ == "__main__":
    raise SystemExit(main())
