"""Run the whole benchmark and print one Markdown table of medians and ratios.

    python -m bench                 # everything, as recorded in BENCHMARKS.md
    python -m bench --smoke         # a tiny run that only shows that every part works (CI)
    python -m bench --help

Every figure is a whole process, started from here as a user would start it, its wall time read
around it and its peak memory (maximum resident set) from the operating system's accounting of that
one child. Commands that are compared run in turn, A B A B …, and each ratio is the median of the
ratios of the same round, so that a machine that speeds up or slows down during the run moves both
sides alike. Generated data goes into a temporary folder that is removed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .generate import folder_bytes, generate

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "examples" / "half-year-2024"
AS_OF = "2024-06-30"
#: the libraries d8 depends on, as imported (pyproject's dependencies)
DEPS = ("typer", "rich", "pydantic", "yaml", "jinja2")
DEFAULT_SCALES = ("16x50", "100x100", "100x1000", "1000x100")
GOAL_SCALE = "100x1000"
#: below this much YAML the fixed cost of the libraries, not the data, is what a peak shows
MEMORY_FROM = 10 * 2**20
YAMLLINT_CONFIG = "{extends: relaxed, rules: {line-length: disable}}"

Argv = list[str]


@dataclass
class Command:
    """One thing to time: one process, or a few run one after the other (a peer run twice)."""

    label: str
    steps: list[Argv]
    env: dict[str, str] = field(default_factory=dict)
    #: called before each run (to empty a cache folder, say); not timed
    before: object = None
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)  # MiB
    failed: str = ""
    #: the exit codes of a run that went to its end: 1 is a checker that found something (the
    #: default), never a helper of this benchmark that broke (those allow 0 only)
    ok: tuple[int, ...] = (0, 1)

    def run(self) -> None:
        if callable(self.before):
            self.before()
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **self.env}
        total, peak = 0.0, 0.0
        for argv in self.steps:
            seconds, mib, code = _timed(argv, env)
            total += seconds
            peak = max(peak, mib)
            if code not in self.ok and not self.failed:
                self.failed = f"exit {code}"
        self.times.append(total)
        self.peaks.append(peak)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def peak(self) -> float:
        return statistics.median(self.peaks) if self.peaks else float("nan")


def _timed(argv: Argv, env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak MiB (nan where the system does not say) and exit code of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is KiB on Linux, bytes on macOS
        mib = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
        return seconds, mib, proc.returncode
    code = proc.wait()
    return time.perf_counter() - start, float("nan"), code


def _tool(name: str, module: str) -> Argv | None:
    """How to start a console script: next to this Python if installed there, else ``-m``."""
    here = Path(sys.executable).parent
    for candidate in (here / name, here / f"{name}.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which(name)
    if found:
        return [found]
    try:
        __import__(module)
    except ImportError:
        return None
    return [sys.executable, "-m", module]


def _d8() -> Argv:
    return _tool("d8", "trabong_d8") or [sys.executable, "-c", "from trabong_d8.cli import main; main()"]


def _rounds(commands: Sequence[Command], repeats: int, warmup: int) -> None:
    """Run ``commands`` in turn, ``warmup`` uncounted rounds first."""
    for _ in range(warmup):
        for command in commands:
            command.run()
    for command in commands:
        command.times.clear()
        command.peaks.clear()
    for _ in range(repeats):
        for command in commands:
            command.run()


def ratio(a: Command, b: Command) -> float:
    """Median of the round-by-round ratios of a's time to b's (as many rounds as both have)."""
    pairs = list(zip(a.times, b.times, strict=False))
    if not pairs:
        return float("nan")
    return statistics.median(x / y for x, y in pairs)


def _tenfold(scales: list[str]) -> list[tuple[str, str]]:
    """Pairs of scales with the same communes and ten times the records per commune."""
    parsed = {s: tuple(int(x) for x in s.split("x")) for s in scales}
    return [
        (a, b)
        for a, (ca, ra) in parsed.items()
        for b, (cb, rb) in parsed.items()
        if ca == cb and rb == 10 * ra
    ]


def _settle(root: Path) -> None:
    """Date the generated files back an hour: d8 does not cache a file changed seconds ago."""
    past = time.time_ns() - 3600 * 10**9
    for path in [root / "plan_2024.yaml", *(root / "communes").iterdir()]:
        os.utime(path, ns=(past, past))


def _empty(folder: Path) -> object:
    def clear() -> None:
        shutil.rmtree(folder, ignore_errors=True)

    return clear


# --- the benchmark -------------------------------------------------------------------------------


@dataclass
class Row:
    section: str
    command: Command
    compare: str = ""


@dataclass
class Goal:
    text: str
    measured: str
    met: bool | None  # None: not measured in this run


def run(args: argparse.Namespace) -> str:
    d8 = _d8()
    python = [sys.executable]
    rows: list[Row] = []
    goals: list[Goal] = []
    work = Path(tempfile.mkdtemp(prefix="d8-bench-"))
    try:
        shipped = work / "shipped"
        shutil.copytree(SHIPPED, shipped)
        _settle(shipped)
        _startup(args, d8, python, shipped, work, rows, goals)
        schemas = _schemas(d8, work)
        sizes: dict[str, tuple[Command, int]] = {}
        for scale in args.scales:
            communes, records = (int(x) for x in scale.split("x"))
            root = generate(work / f"data-{scale}", communes, records)
            _settle(root)
            sizes[scale] = _scale(args, scale, root, d8, python, schemas, work, rows, goals)
        for small_scale, large_scale in _tenfold(list(sizes)):
            small, large = sizes[small_scale][0], sizes[large_scale][0]
            grown = large.median / small.median
            goals.append(
                Goal(
                    f"10× the records ({small_scale} → {large_scale}) in ≤ ~11× the time (cold validate)",
                    f"{grown:.1f}×",
                    grown <= 11,
                )
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _report(args, rows, goals)


def _startup(
    args: argparse.Namespace,
    d8: Argv,
    python: Argv,
    shipped: Path,
    work: Path,
    rows: list[Row],
    goals: list[Goal],
) -> None:
    warm_cache = work / "cache-shipped"
    first_cache = work / "cache-first"
    status = [*d8, "status", "--data", str(shipped), "--as-of", AS_OF]
    validate = [*d8, "validate", "--data", str(shipped)]
    only = (0,)  # none of these may fail
    nothing = Command("`python -c pass`", [[*python, "-c", "pass"]], ok=only)
    floor = Command(
        f'import floor: `python -c "import {", ".join(DEPS)}"`',
        [[*python, "-c", f"import {', '.join(DEPS)}"]],
        ok=only,
    )
    helps = Command("`d8 --help`", [[*d8, "--help"]], ok=only)
    warm = Command("`d8 status` warm cache", [status], {"D8_CACHE_DIR": str(warm_cache)}, ok=only)
    first = Command(
        "`d8 status` empty cache (writes it)",
        [status],
        {"D8_CACHE_DIR": str(first_cache)},
        before=_empty(first_cache),
        ok=only,
    )
    cold = Command("`d8 status --no-cache`", [[*status, "--no-cache"]], ok=only)
    vwarm = Command("`d8 validate` warm cache", [validate], {"D8_CACHE_DIR": str(warm_cache)})
    vcold = Command("`d8 validate --no-cache`", [[*validate, "--no-cache"]])
    group = [nothing, floor, helps, warm, first, cold, vwarm, vcold]
    warm.run()  # fills the warm cache, whatever the warm-up
    _rounds(group, args.repeats, args.warmup)
    section = "shipped data (examples/half-year-2024)"
    rows.append(Row(section, nothing))
    rows.append(Row(section, floor, f"{ratio(floor, nothing):.1f}× `pass`"))
    for command in group[2:]:
        rows.append(
            Row(
                section,
                command,
                f"{ratio(command, floor):.2f}× import floor; {ratio(command, nothing):.1f}× `pass`",
            )
        )
    warm_ratio = ratio(warm, floor)
    goals.append(
        Goal(
            "warm `d8 status` on the shipped data ≤ 1.3× the import floor",
            f"{warm_ratio:.2f}×",
            warm_ratio <= 1.3,
        )
    )


def _schemas(d8: Argv, work: Path) -> dict[str, Path]:
    schemas = {}
    for kind in ("commune", "plan"):
        path = work / f"{kind}.schema.json"
        text = subprocess.run(
            [*d8, "schema", kind], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
        path.write_text(text, encoding="utf-8")
        schemas[kind] = path
    return schemas


def _scale(
    args: argparse.Namespace,
    scale: str,
    root: Path,
    d8: Argv,
    python: Argv,
    schemas: dict[str, Path],
    work: Path,
    rows: list[Row],
    goals: list[Goal],
) -> tuple[Command, int]:
    data_bytes = folder_bytes(root)
    communes = sorted((root / "communes").glob("*.yaml"))
    warm_cache = work / f"cache-{scale}"
    first_cache = work / f"cache-first-{scale}"
    validate = [*d8, "validate", "--data", str(root)]
    cold = Command("`d8 validate --no-cache` (cold)", [[*validate, "--no-cache"]])
    first = Command(
        "`d8 validate` empty cache (writes it)",
        [validate],
        {"D8_CACHE_DIR": str(first_cache)},
        before=_empty(first_cache),
    )
    warm = Command("`d8 validate` warm cache", [validate], {"D8_CACHE_DIR": str(warm_cache)})
    floor = Command(
        "libyaml floor: events only (`python -m bench.floor`)",
        [[*python, "-m", "bench.floor", str(root)]],
        ok=(0,),
    )
    fast = [cold, first, warm, floor]
    warm.run()  # fills the warm cache, whatever the warm-up
    _rounds(fast, args.repeats, args.warmup)

    slow: list[Command] = [
        Command(
            "baseline: `yaml.load(CSafeLoader)` + models",
            [[*python, "-m", "bench.baseline", str(root)]],
            ok=(0,),
        )
    ]
    yamllint = _tool("yamllint", "yamllint")
    if yamllint is not None:
        slow.append(
            Command(
                "peer: `yamllint` (relaxed, no line length)", [[*yamllint, "-d", YAMLLINT_CONFIG, str(root)]]
            )
        )
    checker = _tool("check-jsonschema", "check_jsonschema")
    if checker is not None:
        slow.append(
            Command(
                "peer: `check-jsonschema` (schemas from `d8 schema`)",
                [
                    [*checker, "--schemafile", str(schemas["plan"]), str(root / "plan_2024.yaml")],
                    [*checker, "--schemafile", str(schemas["commune"]), *map(str, communes)],
                ],
            )
        )
    # the slow ones in turn with the cold d8, so that their ratios are taken side by side too
    pace = Command(cold.label, cold.steps)
    _rounds([pace, *slow], args.slow_repeats, 0)

    records = scale.split("x")
    section = f"{records[0]} communes × {records[1]} records ({data_bytes / 2**20:.1f} MiB of YAML)"
    over = max(cold.peak - _floor_peak(rows), 0.0)
    memory = over * 2**20 / data_bytes
    rows.append(Row(section, cold, f"{ratio(cold, floor):.2f}× libyaml floor; memory {memory:.1f}× the YAML"))
    rows.append(Row(section, first, f"{ratio(first, floor):.2f}× libyaml floor"))
    rows.append(Row(section, warm, f"{ratio(warm, floor):.2f}× libyaml floor"))
    rows.append(Row(section, floor))
    for command in slow:
        rows.append(
            Row(
                section,
                command,
                f"{ratio(command, pace):.1f}× d8 cold" + (f" ({command.failed})" if command.failed else ""),
            )
        )

    if scale == GOAL_SCALE:
        to_floor = ratio(cold, floor)
        goals.append(
            Goal(
                f"cold `d8 validate` at {scale} ≤ 1.5× the libyaml floor", f"{to_floor:.2f}×", to_floor <= 1.5
            )
        )
        speedup = ratio(slow[0], pace)
        goals.append(
            Goal(
                f"cold `d8 validate` at {scale} ≥ 5× faster than the baseline",
                f"{speedup:.1f}×",
                speedup >= 5,
            )
        )
    peers = slow[1:]
    if peers:
        slowest = min(ratio(p, pace) for p in peers)
        goals.append(
            Goal(
                f"cold `d8 validate` faster than both peers at {scale}",
                f"peers ≥ {slowest:.1f}× slower",
                slowest > 1 and len(peers) == 2,
            )
        )
    else:
        goals.append(Goal(f"faster than both peers at {scale}", "peers not installed", None))
    if data_bytes >= MEMORY_FROM:
        goals.append(
            Goal(
                f"memory ≤ 3× the data at {scale} (peak over the import floor's ÷ YAML bytes)",
                f"{memory:.1f}×",
                memory <= 3,
            )
        )
    return cold, data_bytes


def _floor_peak(rows: list[Row]) -> float:
    """Peak memory of the import floor: Python with d8's libraries loaded, and no data."""
    for row in rows:
        if row.command.label.startswith("import floor"):
            return row.command.peak
    return 0.0


def _report(args: argparse.Namespace, rows: list[Row], goals: list[Goal]) -> str:
    out = [
        f"Benchmark of d8, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"{args.repeats} runs each (baseline and peers {args.slow_repeats}), {args.warmup} warm-up; "
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores",
        "",
        "| data | command | median s | min–max s | peak MiB | ratio (same rounds) |",
        "| --- | --- | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        c = row.command
        spread = f"{min(c.times):.3f}–{max(c.times):.3f}" if c.times else "—"
        note = row.compare + (f" **{c.failed}**" if c.failed and not row.compare else "")
        out.append(f"| {row.section} | {c.label} | {c.median:.3f} | {spread} | {c.peak:.1f} | {note} |")
    out += ["", "| goal | measured | met |", "| --- | --- | --- |"]
    for goal in goals:
        met = "—" if goal.met is None else ("yes" if goal.met else "**no**")
        out.append(f"| {goal.text} | {goal.measured} | {met} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeats", type=int, default=5, help="counted runs of each d8 command and floor (5)"
    )
    parser.add_argument(
        "--slow-repeats", type=int, default=1, help="counted runs of the baseline and the peers (1)"
    )
    parser.add_argument("--warmup", type=int, default=1, help="uncounted rounds first (1)")
    parser.add_argument("--scales", default=",".join(DEFAULT_SCALES), help="COMMUNESxRECORDS,… (%(default)s)")
    parser.add_argument(
        "--smoke", action="store_true", help="tiny scales, one run each: shows every part works"
    )
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    if args.smoke:
        args.repeats, args.slow_repeats, args.warmup = 1, 1, 0
        args.scales = "2x5,2x50"
    args.scales = [s.strip() for s in args.scales.split(",") if s.strip()]
    for scale in args.scales:
        parts = scale.split("x")
        if len(parts) != 2 or not all(p.isdigit() and int(p) > 0 for p in parts):
            parser.error(f"a scale is COMMUNESxRECORDS, like 100x1000: {scale!r}")
    table = run(args)
    print(table, end="")
    if args.out:
        args.out.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
