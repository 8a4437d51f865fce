"""The benchmark command runs end to end in its smoke mode (timings are never asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .helpers import ROOT


@pytest.mark.bench
def test_benchmark_smoke_prints_its_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "table.md"
    env_run = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert env_run.returncode == 0, env_run.stderr
    table = env_run.stdout
    assert table == out.read_text(encoding="utf-8")
    assert "| data | command | median s |" in table
    for needle in (
        "import floor",
        "`d8 status` warm cache",
        "`d8 validate --no-cache` (cold)",
        "libyaml floor",
        "baseline: `yaml.load(CSafeLoader)` + models",
        "| goal | measured | met |",
        "warm `d8 status` on the shipped data",
    ):
        assert needle in table, needle
    assert "exit " not in table  # every command ran to its end
