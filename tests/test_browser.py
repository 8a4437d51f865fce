"""The HTML report in a real browser: headless Chromium prints it to an A4 PDF.

Checks the PDF's text (Vietnamese diacritics intact, every core target present) and that nothing is
drawn outside the A4 page's printable width (a table too wide for the page would be). The first
page is kept as a PNG in ``tests/artifacts/`` (or ``$D8_ARTIFACTS``) for a person to look at.

Needs ``chromium`` and poppler's ``pdftotext``/``pdftoppm`` (Debian packages ``chromium`` and
``poppler-utils``, which ``.ci/run`` installs). Without them the test is skipped on a workstation and
fails in CI, where skipping would hide a broken report.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trabong_d8.cli import app

from .helpers import ROOT, load

pytestmark = pytest.mark.browser

EXAMPLE = ROOT / "examples" / "half-year-2024"
CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
)
TOOLS = CHROMIUM and shutil.which("pdftotext") and shutil.which("pdftoppm")

# A4 is 595.3 × 841.9 pt; the report's @page margins are 30 mm left and 15 mm right
PAGE_WIDTH, LEFT, RIGHT = 595.3, 30 / 25.4 * 72, 15 / 25.4 * 72
TOLERANCE = 1.5  # points: glyph boxes may reach a hair past the text box

if not TOOLS:
    if os.environ.get("CI"):
        pytest.fail("CI must install chromium and poppler-utils for the browser test", pytrace=False)
    pytest.skip("chromium or poppler-utils is not installed", allow_module_level=True)


def _print_to_pdf(html: Path, pdf: Path, profile: Path) -> None:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        html.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert pdf.is_file() and pdf.stat().st_size > 0, done.stderr[-2000:]


@pytest.fixture(scope="module", params=["vi", "en"])
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    lang = request.param
    work = tmp_path_factory.mktemp(f"browser-{lang}")
    html = work / "report.html"
    result = CliRunner().invoke(
        app,
        [
            "report",
            "--quarter",
            "2024-Q2",
            "--data",
            str(EXAMPLE),
            "--format",
            "html",
            "--lang",
            lang,
            "--generated-on",
            "2024-07-05",
            "--output",
            str(html),
        ],
        env={"D8_LANG": "", "D8_DATA": ""},
    )
    assert result.exit_code == 0, result.output
    pdf = work / "report.pdf"
    _print_to_pdf(html, pdf, work / "profile")
    return lang, pdf


def _text(pdf: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return " ".join(unicodedata.normalize("NFC", raw).split())


def test_pdf_text_has_diacritics_and_every_core_target(printed: tuple[str, Path]) -> None:
    lang, pdf = printed
    text = _text(pdf)
    plan = load(EXAMPLE).dataset
    assert plan is not None
    labels = [getattr(ct.label, lang) for ct in plan.plans[0].core_targets]
    assert len(labels) == 7
    for label in labels:
        assert label in text, label
    for needle in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" if lang == "vi" else "SOCIALIST REPUBLIC OF VIET NAM",
        "Trà Bồng",
        "Hương Trà",
        "Trà Thủy",
        "Đối thoại chính sách về phòng, chống tảo hôn",
    ):
        assert needle in text, needle
    if lang == "vi":
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert "Kinh phí năm 2024 được giao muộn" in text  # the narrative, as written
    # no replacement characters or boxes where a glyph was missing
    assert "\ufffd" not in text


def test_everything_fits_the_a4_width(printed: tuple[str, Path]) -> None:
    _, pdf = printed
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">', bbox)
    assert pages and all(abs(float(w) - PAGE_WIDTH) < 2 for w, _ in pages), "not A4 portrait"
    words = [
        (float(a), float(b), word)
        for a, b, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', bbox
        )
    ]
    assert len(words) > 500
    outside = [w for w in words if w[0] < LEFT - TOLERANCE or w[1] > PAGE_WIDTH - RIGHT + TOLERANCE]
    assert not outside, f"drawn outside the printable width: {outside[:5]}"
    # Chromium shrinks a page whose content is too wide instead of cutting it: then everything is
    # smaller. The 14 pt title must still measure at least 14 pt high (its box is about 1.1 em).
    title = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(?:BÁO|REPORT)</word>', bbox)
    assert title is not None
    assert float(title.group(2)) - float(title.group(1)) >= 14.0, "the page was shrunk to fit: too wide"


def overlaps(bbox: str) -> list[tuple[str, str]]:
    """Words drawn over each other on one line: text that overflowed its table cell into the next."""
    found = []
    for page in bbox.split("<page ")[1:]:
        lines: dict[int, list[tuple[float, float, str]]] = {}
        for x0, y0, x1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page
        ):
            lines.setdefault(round(float(y0)), []).append((float(x0), float(x1), text))
        for words in lines.values():
            words.sort()
            for (_, end, left), (start, _, right) in itertools.pairwise(words):
                if start < end - 0.5:
                    found.append((left, right))
    return found


def test_no_text_overflows_into_its_neighbour(printed: tuple[str, Path]) -> None:
    _, pdf = printed
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    assert overlaps(bbox.decode()) == []


# Added to a copy of the report (never to the report itself): lists every table cell whose content is
# wider than the cell. On screen the page is as wide as A4's printable width (165 mm), as in print.
_OVERFLOW_PROBE = """<script>
const bad = [];
for (const cell of document.querySelectorAll("td, th")) {
  if (cell.scrollWidth > cell.clientWidth + 1) bad.push(cell.textContent.trim().slice(0, 60));
}
document.body.setAttribute("data-overflow", JSON.stringify(bad));
</script>"""


def test_no_table_cell_overflows(printed: tuple[str, Path], tmp_path: Path) -> None:
    lang, pdf = printed
    html = pdf.with_name("report.html").read_text("utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(html.replace("</body>", _OVERFLOW_PROBE + "</body>"), "utf-8")
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'p'}",
            "--window-size=900,1200",
            "--virtual-time-budget=3000",
            "--dump-dom",
            probe.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    found = re.search(r'data-overflow="([^"]*)"', done.stdout)
    assert found is not None, done.stderr[-2000:]
    assert json.loads(found.group(1).replace("&quot;", '"')) == [], f"cells too narrow ({lang})"


def test_first_page_is_kept_as_a_screenshot(printed: tuple[str, Path]) -> None:
    lang, pdf = printed
    folder = Path(os.environ.get("D8_ARTIFACTS", ROOT / "tests" / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / f"report-2024-Q2-{lang}-page1"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
        capture_output=True,
    )
    png = stem.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
