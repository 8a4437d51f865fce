"""``d8 status`` as a rich table, and as the JSON object other tools read.

The text views take a :class:`~trabong_d8.progress.StatusReport` and return renderables or plain
data; they never compute completion themselves.
"""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .formatting import format_date, format_number
from .messages import word
from .planindex import PlanIndex, TargetKind
from .progress import Completion, Status, StatusReport

BAR_WIDTH = 8
STATUS_STYLE = {
    Status.achieved: "bold green",
    Status.on_track: "green",
    Status.behind: "yellow",
    Status.at_risk: "bold red",
    Status.not_started: "dim",
}


def status_word(status: Status | None, lang: str) -> str:
    return word(f"status_{status.value}" if status else "status_none", lang)


def bar(percent: float | None) -> Text:
    if percent is None:
        return Text("")
    filled = min(BAR_WIDTH, int(percent / 100 * BAR_WIDTH + 0.5))
    text = Text("█" * filled, style="cyan")
    text.append("░" * (BAR_WIDTH - filled), style="dim")
    return text


def _labels(plan: PlanIndex, lang: str) -> dict[str, str]:
    labels = {ct.id: label(ct.label, lang) for ct in plan.core_targets}
    labels.update({entry.id: label(entry.item.label, lang) for entry in plan.items})
    return labels


def label(pair: Any, lang: str) -> str:
    """A label of the plan in ``lang`` (the plan gives Vietnamese and English)."""
    return str(getattr(pair, lang, None) or pair.vi)


def _progress_cell(row: Completion, lang: str) -> Text:
    if row.percent is None:
        return Text("")
    cell = bar(row.percent)
    cell.append(f" {format_number(row.percent, lang)}%")
    return cell


def _status_cell(row: Completion, lang: str) -> Text:
    if row.status is None:
        return Text("—", style="dim")
    return Text(status_word(row.status, lang), style=STATUS_STYLE[row.status])


def _target_cell(row: Completion, lang: str) -> str:
    if row.target is None:
        if row.target_text is None:
            return word("district_wide", lang)
        if row.target_kind is TargetKind.discretionary:
            return word("discretionary", lang)
        return row.target_text
    return _in_unit(row.target, row, lang)


def _in_unit(value: float | None, row: Completion, lang: str) -> str:
    """A figure of ``row`` as shown: with a per cent sign when the row counts per cent."""
    return format_number(value, lang) + ("%" if row.unit == "percent" else "")


def _done_cell(row: Completion, lang: str) -> str:
    return _in_unit(row.achieved, row, lang)


def _done_of_target(row: Completion, lang: str) -> str:
    if row.target is None:
        return f"{_done_cell(row, lang)} / —"
    return f"{_done_cell(row, lang)} / {_target_cell(row, lang)}"


def _target_label(row: Completion, labels: dict[str, str], lang: str) -> str:
    label = labels.get(row.id, row.id)
    if row.numerator is not None:
        label += f"\n({word('safe_birth_detail', lang, reached=row.numerator, group=row.denominator)})"
    return label


def _remaining_cell(row: Completion, lang: str) -> str:
    return "" if row.remaining is None else _in_unit(row.remaining, row, lang)


def targets_table(report: StatusReport, plan: PlanIndex, lang: str) -> Table:
    labels = _labels(plan, lang)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(word("col_target", lang), min_width=12)
    table.add_column(word("col_done_of_goal", lang), justify="right", no_wrap=True)
    table.add_column(word("col_remaining", lang), justify="right", no_wrap=True)
    table.add_column(word("col_progress", lang), no_wrap=True)
    table.add_column(word("col_status", lang), min_width=8)
    for row in report.targets:
        table.add_row(
            _target_label(row, labels, lang),
            _done_of_target(row, lang),
            _remaining_cell(row, lang),
            _progress_cell(row, lang),
            _status_cell(row, lang),
        )
    return table


def items_table(report: StatusReport, plan: PlanIndex, lang: str) -> Table:
    labels = _labels(plan, lang)
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title=word("title_items", lang),
        title_justify="left",
        title_style="bold",
    )
    table.add_column(word("col_item", lang), no_wrap=True)
    table.add_column(word("col_label", lang), min_width=16)
    table.add_column(word("col_level", lang), no_wrap=True)
    table.add_column(word("col_goal", lang), overflow="fold", max_width=14)
    table.add_column(word("col_done", lang), justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    table.add_column(word("col_status", lang), min_width=8)
    for row in report.items:
        if row.target is None and row.achieved == 0 and row.target_text == "0":
            continue  # nothing planned at this level and nothing done: a row of noise
        level = word(f"level_{row.level}", lang) if row.level in ("district", "commune") else ""
        table.add_row(
            row.id,
            labels.get(row.id, row.id),
            level,
            _target_cell(row, lang),
            format_number(row.achieved, lang),
            f"{format_number(row.percent, lang)}%" if row.percent is not None else "",
            _status_cell(row, lang),
        )
    return table


def status_view(
    report: StatusReport,
    plan: PlanIndex,
    lang: str,
    *,
    commune_name: str | None = None,
    show_items: bool = False,
) -> RenderableType:
    year = report.plan_year
    title = (
        word("title_commune", lang, commune=commune_name, year=year)
        if commune_name
        else word("title", lang, year=year)
    )
    elapsed = format_number(round(report.elapsed * 100, 1), lang)
    parts: list[RenderableType] = [
        Text(title, style="bold"),
        Text(word("as_of", lang, date=format_date(report.as_of, lang), elapsed=elapsed)),
        Text(""),
        targets_table(report, plan, lang),
        Text(""),
    ]
    if report.commune and any(row.target is None for row in report.targets):
        parts.append(Text(word("district_wide_note", lang), style="dim"))
    if show_items:
        parts += [items_table(report, plan, lang), Text("")]
    parts.append(
        Text(word("footer_counts", lang, records=report.records, entities=report.entities), style="dim")
    )
    if report.estimated_allocations:
        parts.append(
            Text(
                word("allocation_estimate_note", lang, n=report.estimated_allocations, total=report.communes),
                style="yellow",
            )
        )
    return Group(*parts)


def _row_json(row: Completion, include_level: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.id,
        "unit": row.unit,
        "target": row.target,
        "achieved": row.achieved,
        "percent": row.percent,
        "remaining": row.remaining,
        "status": row.status.value if row.status else None,
    }
    if include_level:
        data["level"] = row.level
        data["target_text"] = row.target_text
    if row.numerator is not None:
        data["numerator"] = row.numerator
        data["denominator"] = row.denominator
    return data


def status_json(report: StatusReport, *, show_items: bool = False) -> dict[str, Any]:
    """The stable JSON form of ``d8 status --json`` (keys documented in the README)."""
    data: dict[str, Any] = {
        "plan_year": report.plan_year,
        "as_of": report.as_of.isoformat(),
        "elapsed": round(report.elapsed, 4),
        "commune": report.commune,
        "targets": [_row_json(row, include_level=False) for row in report.targets],
        "allocation": {
            "estimated": report.estimated_allocations,
            "communes": report.communes,
            "official": report.estimated_allocations == 0,
        },
        "records": report.records,
        "entities": report.entities,
    }
    if show_items:
        data["items"] = [_row_json(row, include_level=True) for row in report.items]
    return data
