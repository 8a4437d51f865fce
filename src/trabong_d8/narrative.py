"""The types of a period's narrative (``narratives/<period>.yaml``): what the coordinator writes for
a report in words. Every part is optional; a missing part shows as "not yet written" in the report.
Text is shown exactly as written."""

from __future__ import annotations

from typing import Annotated, Literal

from .fields import Date, Doc, Narrative, Str, Text
from .frozen import Frozen, frozen

NARRATIVE_PARTS = ("summary", "difficulties", "causes", "next_steps", "proposals")


@frozen
class ReportSigner(Frozen):
    """Who signs the report (bottom right), as printed."""

    authority: Annotated[Str | None, Doc("ví dụ TM. BAN THƯỜNG VỤ", "e.g. TM. BAN THƯỜNG VỤ")] = None
    title: Annotated[Text, Doc("ví dụ CHỦ TỊCH", "e.g. CHỦ TỊCH")]
    name: Text


@frozen
class PeriodNarrative(Frozen):
    """``narratives/<period>.yaml`` (e.g. ``2024-Q3.yaml``)."""

    schema_version: Literal[1]
    number: Annotated[
        Str | None, Doc("Số báo cáo, ví dụ 25/BC-HLHPN (để trống đến khi ban hành)", "report number")
    ] = None
    signed_on: Annotated[Date | None, Doc("Ngày ký (để trống đến khi ký)", "date signed")] = None
    signer: ReportSigner | None = None
    summary: Annotated[Narrative | None, Doc("Đánh giá chung", "overall assessment")] = None
    difficulties: Annotated[Narrative | None, Doc("Khó khăn, vướng mắc", "difficulties")] = None
    causes: Annotated[Narrative | None, Doc("Nguyên nhân", "causes")] = None
    next_steps: Annotated[Narrative | None, Doc("Nhiệm vụ, giải pháp thời gian tới", "next steps")] = None
    proposals: Annotated[Narrative | None, Doc("Đề xuất, kiến nghị", "proposals")] = None
