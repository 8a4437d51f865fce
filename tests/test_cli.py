"""The command line: exit codes, exact lines, help texts and golden outputs."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from trabong_d8 import cli
from trabong_d8.cli import app

from .helpers import ROOT

EXAMPLE = ROOT / "examples" / "half-year-2024"
DATA = ROOT / "data"
WIDTH = {"COLUMNS": "100", "NO_COLOR": "1", "D8_LANG": "", "D8_DATA": ""}

runner = CliRunner()


def run(*args: str, **env: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={**WIDTH, **env})


def test_every_command_has_help_text() -> None:
    commands = {c.name or c.callback.__name__: c.callback for c in app.registered_commands}
    assert sorted(commands) == ["report", "schema", "status", "validate"]
    overview = " ".join(run("--help").output.split())
    for name, callback in commands.items():
        doc = (callback.__doc__ or "").strip()
        assert doc, f"d8 {name} has no help text"
        summary = " ".join(doc.split("\n\n")[0].split())
        assert " / " in summary, f"d8 {name}: the summary is Vietnamese / English"
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert summary in " ".join(result.output.split()), name
        assert summary[:30] in overview, f"d8 --help does not list {name}"
        for param in typer.main.get_command(app).commands[name].params:  # type: ignore[attr-defined]
            if param.param_type_name == "option":
                assert param.help, f"d8 {name} {param.opts[0]} has no help"


def test_validate_passes_on_shipped_and_example_data() -> None:
    for folder, files in ((DATA, 17), (EXAMPLE, 18)):  # the example also has a period's narrative
        result = run("validate", "--data", str(folder))
        assert result.exit_code == 0, result.output
        assert f"Dữ liệu hợp lệ: {files} tệp" in result.output


def test_status_on_shipped_data_shows_targets_and_provenance_note() -> None:
    result = run("status", "--data", str(DATA), "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.output
    assert "Tiến độ Dự án 8 năm 2024 — huyện Trà Bồng" in result.output
    assert "Lưu ý: phân bổ chỉ tiêu cho 16/16 xã, thị trấn là tạm tính" in result.output
    for needle in ("0 / 21", "0 / 3", "0 / 4", "0 / 2", "0% / 80%"):
        assert needle in result.output


def test_default_data_folder_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert run("status", "--as-of", "2024-06-30", "--json").exit_code == 0
    result = run("status", "--as-of", "2024-06-30", "--json", D8_DATA=str(EXAMPLE))
    assert json.loads(result.stdout)["records"] > 0
    english = run("status", "--as-of", "2024-06-30", D8_LANG="en")
    assert "Project 8 progress, 2024" in english.output


def test_bad_as_of_is_misuse() -> None:
    result = run("status", "--data", str(DATA), "--as-of", "30/06/2024")
    assert result.exit_code == 2
    assert "2024-06-30" in result.output
    assert "Traceback" not in result.output


def test_unknown_commune_suggests_the_close_one() -> None:
    result = run("status", "--data", str(DATA), "--commune", "tra-buj")
    assert result.exit_code == 2
    assert "tra-bui" in result.output


def test_unknown_option_and_language_are_misuse() -> None:
    assert run("status", "--colour").exit_code == 2
    assert run("status", "--lang", "fr").exit_code == 2


def test_status_refuses_bad_data_with_located_problems(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "plan_2024.yaml").write_text((DATA / "plan_2024.yaml").read_text("utf-8"), "utf-8")
    (folder / "communes").mkdir()
    (folder / "communes" / "x.yaml").write_text("id: x\nid: y\n", "utf-8")
    result = run("status", "--data", str(folder))
    assert result.exit_code == 1
    assert "x.yaml:2:1: error[yaml-duplicate-key]: khóa 'id' lặp lại (đã có ở dòng 1)" in (result.output)
    assert "Traceback" not in result.output


def test_internal_fault_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated")

    monkeypatch.setattr("trabong_d8.progress.compute_status", boom)
    monkeypatch.setattr(sys, "argv", ["d8", "status", "--data", str(DATA)])
    monkeypatch.delenv("D8_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("d8: error[internal-error]: lỗi nội bộ của d8 (RuntimeError)")
    assert "Traceback" not in err

    monkeypatch.setattr(sys, "argv", ["d8", "--debug", "status", "--data", str(DATA)])
    with pytest.raises(RuntimeError, match="simulated"):
        cli.main()


def test_default_as_of_is_today_within_the_plan_year(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    monkeypatch.setattr("trabong_d8.clock.today", lambda: dt.date(2024, 6, 30))
    result = run("status", "--data", str(EXAMPLE), "--json")
    assert json.loads(result.stdout)["as_of"] == "2024-06-30"


def test_after_the_plan_year_status_shows_year_end(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    monkeypatch.setattr("trabong_d8.clock.today", lambda: dt.date(2026, 12, 2))
    result = run("status", "--data", str(EXAMPLE))
    assert result.stdout.startswith("Năm kế hoạch đã kết thúc: hiển thị kết quả đến hết ngày 31/12/2024")
    assert json.loads(run("status", "--data", str(EXAMPLE), "--json").stdout)["as_of"] == ("2024-12-31")


# --- exit codes of validate ------------------------------------------------------------------------


def test_validate_misuse_is_exit_2() -> None:
    for args in (["--format", "xml"], ["--colour"], ["--lang", "fr"], ["extra-argument"]):
        result = run("validate", "--data", str(DATA), *args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output


def test_validate_internal_fault_says_how_to_report_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise KeyError("simulated")

    monkeypatch.setattr("trabong_d8.loader.load_dataset", boom)
    monkeypatch.delenv("D8_DEBUG", raising=False)
    for lang, needle in (("vi", "Để báo lỗi: chạy lại"), ("en", "To report it: run")):
        monkeypatch.setattr(sys, "argv", ["d8", "validate", "--data", "my data", "--lang", lang])
        with pytest.raises(SystemExit) as exit_info:
            cli.main()
        assert exit_info.value.code == 3
        captured = capsys.readouterr()
        assert captured.out == ""
        [line] = captured.err.splitlines()  # one short line, no traceback
        assert line.startswith("d8: error[internal-error]: ")
        assert "(KeyError)" in line and needle in line
        assert "`d8 --debug validate --data 'my data' --lang " + lang + "`" in line
    monkeypatch.setattr(sys, "argv", ["d8", "--debug", "validate", "--data", str(DATA)])
    with pytest.raises(KeyError, match="simulated"):
        cli.main()


def test_ctrl_c_is_exit_130_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("trabong_d8.loader.load_dataset", interrupted)
    monkeypatch.delenv("D8_DEBUG", raising=False)
    monkeypatch.setattr(sys, "argv", ["d8", "validate", "--data", str(DATA), "--lang", "en"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 130
    assert "Traceback" not in capsys.readouterr().err


def test_validate_strict_on_shipped_and_example_data() -> None:
    # the shipped data has nothing recorded yet: no warning, so --strict passes
    result = run("validate", "--data", str(DATA), "--strict")
    assert result.exit_code == 0, result.output
    assert result.output == "Dữ liệu hợp lệ: 17 tệp, 0 bản ghi, 0 mô hình.\n"
    # the example is half a year of invented data: after 2024, the six numbered items it never
    # recorded are warnings, shown apart; they fail --strict only
    for args, code in (([], 0), (["--strict"], 1)):
        result = run("validate", "--data", str(EXAMPLE), "--lang", "en", *args)
        assert result.exit_code == code, result.output
        warned = re.findall(
            r"warning\[item-no-progress\]: nothing is recorded yet for item '([^']+)'", result.output
        )
        assert warned == ["nd1.hd1.3", "nd1.hd3.1", "nd1.hd4.2", "nd3.hd1.7", "nd3.hd2.5", "nd4.2"]
        assert "error[" not in result.output
