"""Pydantic models of the two kinds of YAML file: the plan and a commune.

The models check the shape of one file (known keys only, types, ranges); checks that need several
files at once (references, totals) live in :mod:`trabong_d8.checks`. Every model forbids unknown keys
and is strict: a number where text is expected, or text where a number is expected, is a problem, never
a silent conversion. Descriptions are bilingual because editors show them as the coordinator types.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .kinds import CoreTargetId, EntityKind, Level, plan_items

__all__ = ["CoreTargetId", "EntityKind", "Level"]  # defined without pydantic, see kinds

SCHEMA_VERSION = 1

ITEM_ID_PATTERN = r"^nd[0-9]+(\.hd[0-9]+)?\.[0-9]+[a-z]?$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def _parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError(
                "date_impossible", "impossible date {value}", {"value": value}
            ) from None
    raise PydanticCustomError("date_format", "expected a date YYYY-MM-DD", {"value": value})


def _parse_code(value: Any) -> str:
    # an unquoted 21115 arrives as an int; the strict resolver never makes ints of "0…" forms, so
    # turning it back into text loses nothing
    if isinstance(value, bool):
        raise PydanticCustomError("code_format", "expected a code of digits", {"value": value})
    if isinstance(value, int) and value >= 0:
        return str(value)
    if isinstance(value, str) and value.isdigit() and value.isascii():
        return value
    raise PydanticCustomError("code_format", "expected a code of digits", {"value": value})


Date = Annotated[
    dt.date,
    PlainValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _ISO_DATE.pattern[:-2] + "$"}),
]
Code = Annotated[
    str,
    PlainValidator(_parse_code),
    WithJsonSchema({"type": ["string", "integer"], "pattern": "^[0-9]+$"}),
]
Count = Annotated[int, Field(ge=0, strict=True)]
Text = Annotated[str, Field(min_length=1, strict=True)]
Str = Annotated[str, Field(strict=True)]
Bool = Annotated[bool, Field(strict=True)]
ItemId = Annotated[str, Field(pattern=ITEM_ID_PATTERN, strict=True)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, strict=True)]


class Strict(BaseModel):
    # Strictness is set per type (Text, Count, Str, Bool…) rather than here: a strict model would
    # also refuse the plain strings that name enum members.
    model_config = ConfigDict(extra="forbid")


# --- the plan ------------------------------------------------------------------------------------


class Label(Strict):
    """A short name for tables, in both languages."""

    vi: Text
    en: Text


class DocumentRef(Strict):
    """A document cited by the plan (a legal basis, the budget decision, a proposal)."""

    kind: Text = Field(description="Loại văn bản / kind: Nghị định, Quyết định, Thông tư, Kế hoạch…")
    number: Text = Field(description="Số hiệu / number, e.g. 27/2022/NĐ-CP")
    date: Date
    issuer: Text = Field(description="Cơ quan ban hành / issuer")
    subject: Text = Field(description="Trích yếu / subject, as written")


class LegalBasis(Strict):
    id: Slug
    text: Text = Field(description="The whole paragraph as written")
    documents: list[DocumentRef] = Field(min_length=1)


class Signature(Strict):
    authority: Text = Field(description="e.g. KT. CHỦ TỊCH")
    title: Text = Field(description="e.g. PHÓ CHỦ TỊCH")
    name: Text


class DocumentMeta(Strict):
    issuer: Text
    kind: Text
    number: Str | None = Field(description="The number; null while it is blank in the original")
    number_text: Text = Field(description="The number line as printed, e.g. 'Số: /KH-UBND'")
    place: Text
    date_text: Text = Field(description="The date line as printed")
    year: Annotated[int, Field(ge=2000, le=2100, strict=True)]
    month: Annotated[int, Field(ge=1, le=12, strict=True)] | None = None
    day: Annotated[int, Field(ge=1, le=31, strict=True)] | None = None
    title: Text
    coordinator: Text = Field(description="The unit that coordinates the plan")
    signature: Signature


class Section(Strict):
    """A headed block of prose (purposes, requirements, budget, closing…), paragraphs as written."""

    number: Str | None = Field(description="The heading's number as printed, null when it has none")
    heading: Text
    paragraphs: list[Text] = Field(min_length=1)
    references: list[DocumentRef] = Field(default_factory=list)


class CoreTarget(Strict):
    id: CoreTargetId
    text: Text = Field(description="The target's line in section II, as written")
    label: Label
    target: Annotated[int, Field(gt=0, strict=True)]
    unit: Text = Field(description="What is counted: group, dialogue, club, address, percent, class")
    measure: Literal["count", "ratio"] = Field(
        description="count: sum of the linked items; ratio: women reached / women in the target group"
    )
    counts_from: list[ItemId] = Field(
        default_factory=list, description="The table items whose achievements count toward it"
    )

    @model_validator(mode="after")
    def _ratio_has_no_items(self) -> CoreTarget:
        if self.measure == "ratio" and self.counts_from:
            raise PydanticCustomError("ratio_items", "a ratio target counts from no item", {})
        if self.measure == "count" and not self.counts_from:
            raise PydanticCustomError("count_items", "a count target needs counts_from", {})
        return self


class Item(Strict):
    """A numbered line of the activity table (or a dash sub-item of one)."""

    id: ItemId
    number: Text = Field(description="The number (or '-') printed in the TT column")
    text: Text = Field(description="The item's text, as written")
    label: Label
    district: Str | None = Field(
        default=None,
        description="Chỉ tiêu cấp huyện năm 2024 / district target, exactly as written",
    )
    commune: Str | None = Field(
        default=None, description="Chỉ tiêu cấp xã năm 2024 / commune target, exactly as written"
    )
    unit: Str | None = Field(default=None, description="class, session, site… for numbered targets")
    counts: Literal["events", "entities"] = Field(
        default="events", description="What progress records count: events, or entities (once each)"
    )
    entity_kind: EntityKind | None = None
    sub_items: list[Item] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shape(self) -> Item:
        if self.sub_items:
            if self.district is not None or self.commune is not None:
                raise PydanticCustomError(
                    "parent_targets", "an item with sub-items carries no targets itself", {}
                )
        elif self.district is None or self.commune is None:
            raise PydanticCustomError(
                "missing_targets", "an item needs both a district and a commune target", {}
            )
        if (self.counts == "entities") != (self.entity_kind is not None):
            raise PydanticCustomError(
                "entity_kind", "entity_kind goes with counts: entities, and only with it", {}
            )
        return self


class Activity(Strict):
    id: Annotated[str, Field(pattern=r"^nd[0-9]+\.hd[0-9]+$", strict=True)]
    number: Annotated[int, Field(ge=1, strict=True)]
    heading: Text = Field(description="e.g. 'Hoạt động 1'")
    title: Text
    items: list[Item] = Field(min_length=1)


class Content(Strict):
    id: Annotated[str, Field(pattern=r"^nd[0-9]+$", strict=True)]
    number: Annotated[int, Field(ge=1, strict=True)]
    heading: Text = Field(description="e.g. 'Nội dung 1'")
    title: Text
    activities: list[Activity] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list, description="Items of a content with no activity")

    @model_validator(mode="after")
    def _one_kind(self) -> Content:
        if bool(self.activities) == bool(self.items):
            raise PydanticCustomError("content_shape", "a content has either activities or items", {})
        return self


class ActivityTable(Strict):
    number: Text
    heading: Text
    columns: list[Text] = Field(description="The table's column headings, as written")
    contents: list[Content] = Field(min_length=1)


class OrgUnit(Strict):
    id: Slug
    number: Text
    heading: Text
    duties: list[Text] = Field(min_length=1)


class Organisation(Strict):
    number: Text
    heading: Text
    units: list[OrgUnit] = Field(min_length=1)


class Quirk(Strict):
    """Something in the source kept as written and flagged, not fixed."""

    id: Slug
    where: Text = Field(description="Where in this file (a key path such as document.place)")
    as_written: Text
    note: Text


class Pace(Strict):
    """When a target counts as on track; see ``progress.pace_status`` for the rule."""

    start: Date = Field(description="First day of the plan year")
    end: Date = Field(description="Last day of the plan year")
    on_track: Annotated[float, Field(gt=0, le=1, strict=False)] = Field(
        default=0.9, description="achieved share ≥ this × elapsed share of the year → on_track"
    )
    at_risk: Annotated[float, Field(gt=0, le=1, strict=False)] = Field(
        default=0.5, description="achieved share < this × elapsed share → at_risk (else behind)"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Pace:
        if self.end <= self.start:
            raise PydanticCustomError("pace_dates", "pace.end must come after pace.start", {})
        if self.at_risk > self.on_track:
            raise PydanticCustomError("pace_order", "pace.at_risk must not exceed pace.on_track", {})
        return self

    @field_validator("on_track", "at_risk", mode="before")
    @classmethod
    def _number(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise PydanticCustomError("float_type", "expected a number", {})
        return value


class Plan(Strict):
    """``data/plan_2024.yaml``: the whole plan, transcribed."""

    schema_version: Literal[1]
    document: DocumentMeta
    legal_bases: list[LegalBasis] = Field(min_length=1)
    preamble: Section
    purposes: Section
    requirements: Section
    core_targets_heading: Text
    core_targets: list[CoreTarget] = Field(min_length=1)
    core_targets_note: Text = Field(description="The note on the per-commune Appendix, as written")
    activity_table: ActivityTable
    budget: Section
    organisation: Organisation
    closing: Section
    recipients_heading: Text
    recipients: list[Text] = Field(min_length=1)
    quirks: list[Quirk] = Field(default_factory=list)
    pace: Pace

    def items(self) -> list[Item]:
        """Every item in table order, parents before their sub-items."""
        return plan_items(self)

    def leaf_items(self) -> list[Item]:
        return [item for item in self.items() if not item.sub_items]


# --- a commune -----------------------------------------------------------------------------------


class Participants(Strict):
    """Who took part; every breakdown is optional, none may exceed the total.

    ``women`` and ``men`` count adults; pupils and other children go under ``children`` (and
    ``girls`` among them), so that ``women + men ≤ total`` and ``girls ≤ children``.
    """

    total: Count
    women: Count | None = Field(default=None, description="Phụ nữ (người lớn) / adult women")
    men: Count | None = Field(default=None, description="Nam giới (người lớn) / adult men")
    ethnic_minority: Count | None = Field(default=None, description="Người DTTS / ethnic minority")
    children: Count | None = Field(default=None, description="Trẻ em / children")
    girls: Count | None = Field(default=None, description="Trẻ em gái / girls")


class Allocation(Strict):
    """The commune's share of the commune-level targets (the plan's Appendix)."""

    source: Literal["official_appendix", "estimate"] = Field(
        description="official_appendix: copied from the signed Appendix; estimate: anything else"
    )
    note: Str | None = Field(default=None, description="Where the figures come from")
    items: dict[Annotated[str, Field(pattern=ITEM_ID_PATTERN)], Count] = Field(
        default_factory=dict, description="Commune-level targets by item id, e.g. nd3.hd1.2: 1"
    )
    safe_birth_target_group: Count | None = Field(
        default=None,
        description="Women in the safe-birth target group (denominator of the 80 % target)",
    )


class Entity(Strict):
    """Something founded or strengthened that counts once: a club, a trusted address, a group."""

    id: Slug
    kind: EntityKind
    item: ItemId
    name: Text
    village: Text = Field(description="Thôn / village (or school) where it is")
    date: Date = Field(description="Ngày thành lập hoặc củng cố / date founded or strengthened")
    action: Literal["founded", "strengthened"]
    organiser: Level
    members: Participants
    evidence: list[Text] = Field(default_factory=list)
    notes: Str | None = None


class Record(Strict):
    """One dated activity against a plan item."""

    id: Slug | None = None
    date: Date
    item: ItemId
    organiser: Level
    title: Text
    village: Str | None = None
    count: Annotated[int, Field(ge=1, strict=True)] = Field(
        default=1, description="How many sessions, classes, events this record stands for"
    )
    participants: Participants | None = None
    entity: Slug | None = Field(default=None, description="The entity this activity is about")
    safe_birth_reached: Count | None = Field(
        default=None,
        description="Women of the safe-birth target group newly reached (count each woman once)",
    )
    evidence: list[Text] = Field(default_factory=list)
    notes: Str | None = None


class Commune(Strict):
    """``data/communes/<id>.yaml``: one commune-level unit, its allocation and its progress."""

    schema_version: Literal[1]
    id: Slug
    name: Text
    kind: Literal["thi_tran", "xa"]
    code: Code | None = Field(description="Mã đơn vị hành chính / official code; null if unknown")
    origin: Str | None = None
    especially_difficult: Bool | None = Field(
        default=None, description="Xã đặc biệt khó khăn (ĐBKK); null while unknown"
    )
    ethnic_groups: list[Text] = Field(default_factory=list)
    allocation: Allocation
    entities: list[Entity] = Field(default_factory=list)
    records: list[Record] = Field(default_factory=list)


# --- a period's narrative ------------------------------------------------------------------------


def _parse_narrative(value: Any) -> str | list[str]:
    # one check for both shapes, so that a number typed here gives one message, not one per shape
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return value
    raise PydanticCustomError("narrative_type", "expected text or a list of texts", {"value": value})


#: A block of narrative: one text (paragraphs separated by blank lines) or a list of points.
Narrative = Annotated[
    str | list[str],
    PlainValidator(_parse_narrative),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
            ]
        }
    ),
]


class ReportSigner(Strict):
    """Who signs the report (bottom right), as printed."""

    authority: Str | None = Field(default=None, description="e.g. TM. BAN THƯỜNG VỤ")
    title: Text = Field(description="e.g. CHỦ TỊCH")
    name: Text


class PeriodNarrative(Strict):
    """``data/narratives/<period>.yaml`` (e.g. ``2024-Q3.yaml``): what the coordinator writes for a
    report in words. Every part is optional; a missing part shows as "not yet written" in the
    report. Text is shown exactly as written."""

    schema_version: Literal[1]
    number: Str | None = Field(
        default=None, description="Số báo cáo / report number, e.g. 25/BC-HLHPN (blank until issued)"
    )
    signed_on: Date | None = Field(default=None, description="Ngày ký / date signed (blank until signed)")
    signer: ReportSigner | None = None
    summary: Narrative | None = Field(default=None, description="Đánh giá chung / overall assessment")
    difficulties: Narrative | None = Field(default=None, description="Khó khăn, vướng mắc / difficulties")
    causes: Narrative | None = Field(default=None, description="Nguyên nhân / causes")
    next_steps: Narrative | None = Field(
        default=None, description="Nhiệm vụ, giải pháp thời gian tới / next steps"
    )
    proposals: Narrative | None = Field(default=None, description="Đề xuất, kiến nghị / proposals")
