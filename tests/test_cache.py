"""The parse cache: a hit gives exactly what a fresh load gives, and anything changed is a miss."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trabong_d8 import cache
from trabong_d8.cli import app
from trabong_d8.yamlio import locate

from .helpers import ROOT

EXAMPLE = ROOT / "examples" / "half-year-2024"
ENV = {"COLUMNS": "100", "NO_COLOR": "1", "D8_LANG": "", "D8_DATA": ""}
DAY = dt.date(2024, 6, 30)


def settle(folder: Path) -> None:
    """Date every file a minute back, as files edited a while ago (see cache.SETTLE_SECONDS)."""
    past = time.time_ns() - 60 * 10**9
    narratives = folder / "narratives"
    extra = list(narratives.iterdir()) if narratives.is_dir() else []
    for path in [folder / "plan_2024.yaml", *(folder / "communes").iterdir(), *extra]:
        os.utime(path, ns=(past, past))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(EXAMPLE, folder)
    settle(folder)
    return folder


class Counter:
    """Counts the fresh loads behind cache.load."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.fresh = 0
        real = cache._load_fresh

        def counted(root: Path, today: dt.date | None):  # type: ignore[no-untyped-def]
            self.fresh += 1
            return real(root, today)

        monkeypatch.setattr(cache, "_load_fresh", counted)


def entries() -> list[Path]:
    return sorted(cache.cache_dir().glob("*.pickle"))


def summary(result) -> list[tuple[str, int, int, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (p.location.path, p.location.line, p.location.column, p.code, p.severity.value)
        for p in result.problems
    ]


def test_cache_lives_where_the_environment_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("D8_CACHE_DIR", str(tmp_path / "here"))
    assert cache.cache_dir() == tmp_path / "here"
    monkeypatch.delenv("D8_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert cache.cache_dir() == tmp_path / "xdg" / "trabong-d8"


def test_second_load_is_a_hit_with_the_same_result(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = Counter(monkeypatch)
    first = cache.load(data, DAY)
    assert count.fresh == 1 and len(entries()) == 1
    second = cache.load(data, DAY)
    assert count.fresh == 1  # from the cache
    assert summary(second) == summary(first)
    assert second.dataset is not None and first.dataset is not None
    assert second.dataset.record_count == first.dataset.record_count
    assert [c.id for c in second.dataset.communes] == [c.id for c in first.dataset.communes]


def test_a_hit_still_locates(data: Path) -> None:
    cache.load(data, DAY)
    hit = cache.load(data, DAY)
    assert hit.dataset is not None
    doc = hit.dataset.commune_docs[0]
    fresh = cache._load_fresh(data, DAY)
    assert fresh.dataset is not None
    path = ("records", 0, "id")
    assert locate(doc, path) == locate(fresh.dataset.commune_docs[0], path)
    assert locate(doc, path).line > 1


def test_changed_time_or_size_is_a_miss(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = Counter(monkeypatch)
    target = data / "communes" / "tra-bui.yaml"
    cache.load(data, DAY)
    st = target.stat()
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    cache.load(data, DAY)
    assert count.fresh == 2
    # the same time, another size
    st = target.stat()
    with target.open("a", encoding="utf-8") as handle:
        handle.write("# một dòng ghi chú / a comment\n")
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
    cache.load(data, DAY)
    assert count.fresh == 3
    cache.load(data, DAY)
    assert count.fresh == 3


def test_new_or_removed_file_and_another_day_are_misses(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = Counter(monkeypatch)
    cache.load(data, DAY)
    (data / "communes" / "tra-bui.yaml").rename(data / "communes" / "tra-bui.yml")
    cache.load(data, DAY)
    assert count.fresh == 2
    cache.load(data, DAY + dt.timedelta(days=1))  # a date in the future is a warning until it comes
    assert count.fresh == 3


def test_a_file_just_written_is_not_cached_yet(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = Counter(monkeypatch)
    target = data / "communes" / "tra-bui.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "# ghi chú / note\n", encoding="utf-8")
    cache.load(data, DAY)
    assert entries() == []
    # an edit of the same size in the same tick of the file clock would look unchanged
    target.write_text(target.read_text(encoding="utf-8").replace("ghi chú", "GHI CHÚ"), encoding="utf-8")
    cache.load(data, DAY)
    assert count.fresh == 2
    settle(data)
    cache.load(data, DAY)
    cache.load(data, DAY)
    assert count.fresh == 3 and len(entries()) == 1


def test_problems_are_kept_on_a_hit(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = data / "communes" / "tra-bui.yaml"
    text = target.read_text(encoding="utf-8").replace("organiser: commune", "organiser: comune", 1)
    target.write_text(text, encoding="utf-8")
    # a cross-file problem too: the town's allocation no longer adds up
    alloc = data / "communes" / "tra-xuan.yaml"
    alloc.write_text(
        alloc.read_text(encoding="utf-8").replace("nd3.hd1.2: 0", "nd3.hd1.2: 3"), encoding="utf-8"
    )
    settle(data)
    count = Counter(monkeypatch)
    first = cache.load(data, DAY)
    second = cache.load(data, DAY)
    assert count.fresh == 1
    assert summary(first) and summary(second) == summary(first)
    assert [p.params for p in second.problems] == [p.params for p in first.problems]
    assert second.dataset is None


def test_corrupt_or_foreign_cache_file_is_a_miss(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    count = Counter(monkeypatch)
    expected = summary(cache.load(data, DAY))
    (entry,) = entries()
    for junk in (b"", b"not a pickle", entry.read_bytes()[:100]):
        entry.write_bytes(junk)
        assert summary(cache.load(data, DAY)) == expected
    assert count.fresh == 4
    assert summary(cache.load(data, DAY)) == expected  # rewritten
    assert count.fresh == 4
    if hasattr(os, "getuid"):
        entry.chmod(0o666)  # writable by others: never trusted
        cache.load(data, DAY)
        assert count.fresh == 5


def test_unwritable_cache_folder_is_no_error(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("D8_CACHE_DIR", str(blocker / "cache"))
    assert cache.load(data, DAY).dataset is not None


def test_switched_off_by_env_and_option(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    args = ["validate", "--data", str(data)]
    assert runner.invoke(app, [*args, "--no-cache"], env=ENV).exit_code == 0
    assert entries() == []
    assert runner.invoke(app, args, env={**ENV, "D8_NO_CACHE": "1"}).exit_code == 0
    assert entries() == []
    monkeypatch.setenv("D8_NO_CACHE", "1")
    count = Counter(monkeypatch)
    cache.load(data, DAY)
    cache.load(data, DAY)
    assert count.fresh == 2 and entries() == []
    monkeypatch.delenv("D8_NO_CACHE")
    assert runner.invoke(app, args, env=ENV).exit_code == 0
    assert len(entries()) == 1


def test_warm_status_is_the_same_output(data: Path) -> None:
    runner = CliRunner()
    for args in (
        ["--as-of", "2024-06-30"],
        ["--as-of", "2024-06-30", "--items"],
        ["--json", "--as-of", "2024-06-30"],
        ["--commune", "tra-bui", "--as-of", "2024-06-30"],
    ):
        fresh = runner.invoke(app, ["status", "--data", str(data), *args, "--no-cache"], env=ENV)
        cold = runner.invoke(app, ["status", "--data", str(data), *args], env=ENV)
        warm = runner.invoke(app, ["status", "--data", str(data), *args], env=ENV)
        assert fresh.exit_code == cold.exit_code == warm.exit_code == 0
        assert fresh.output == cold.output == warm.output


SHOW_IMPORTS = """
import sys
from trabong_d8.cli import app
try:
    app(sys.argv[1:], prog_name="d8")
except SystemExit:
    pass
print("IMPORTED", *sorted(m for m in ("pydantic", "yaml", "jinja2") if m in sys.modules))
"""


def imported(*args: str, env: dict[str, str]) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", SHOW_IMPORTS, *args], capture_output=True, text=True, env=env, check=True
    ).stdout
    return out.rsplit("IMPORTED", 1)[1].split()


def test_what_each_command_imports(data: Path, tmp_path: Path) -> None:
    env = {**os.environ, **ENV, "D8_CACHE_DIR": str(tmp_path / "c")}
    status = ["status", "--data", str(data), "--as-of", "2024-06-30"]
    assert "jinja2" not in imported(*status, env=env)  # cold: parses and validates, never templates
    assert imported(*status, env=env) == []  # warm: neither pydantic nor the YAML parser
    assert imported("--help", env=env) == []


def test_a_changed_or_new_narrative_is_a_miss(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = Counter(monkeypatch)
    first = cache.load(data, DAY)
    assert "2024-Q2" in first.dataset.narratives  # type: ignore[union-attr]
    cache.load(data, DAY)
    assert counter.fresh == 1
    # a broken narrative written after the cache: validate must see it, never the cached "valid"
    (data / "narratives" / "2024-Q3.yaml").write_text("schema_version: 1\ncauses: 12\n", "utf-8")
    settle(data)
    broken = cache.load(data, DAY)
    assert counter.fresh == 2
    assert [p.code for p in broken.errors] == ["expected-narrative"]
    hit = cache.load(data, DAY)
    assert counter.fresh == 2 and [p.code for p in hit.errors] == ["expected-narrative"]
