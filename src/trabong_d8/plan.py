"""The types of a plan file (``plan_<year>.yaml``): the whole plan, transcribed.

Frozen dataclasses (see :mod:`trabong_d8.frozen`) that pydantic validates a parsed file into; the
shape of one file is checked here (known keys only, types, ranges), while the plan's own consistency
(an item with sub-items carries no targets, targets add up…) is a set of rules in
:mod:`trabong_d8.rules_plan`. Descriptions are bilingual because editors show them as one types.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from .fields import (
    Constrain,
    Date,
    Doc,
    EntityKind,
    ItemId,
    PositiveCount,
    Slug,
    Str,
    TargetId,
    Text,
)
from .frozen import Frozen, frozen

SCHEMA_VERSION = 1

Share = Annotated[float, Constrain(gt=0, le=1, strict=True)]


@frozen
class Label(Frozen):
    """A short name for tables, in both languages."""

    vi: Text
    en: Text


@frozen
class DocumentRef(Frozen):
    """A document cited by the plan (a legal basis, the budget decision, a proposal)."""

    kind: Annotated[Text, Doc("Loại văn bản: Nghị định, Quyết định, Thông tư, Kế hoạch…", "kind")]
    number: Annotated[Text, Doc("Số hiệu, ví dụ 27/2022/NĐ-CP", "number")]
    date: Date
    issuer: Annotated[Text, Doc("Cơ quan ban hành", "issuer")]
    subject: Annotated[Text, Doc("Trích yếu, đúng như văn bản", "subject, as written")]


@frozen
class LegalBasis(Frozen):
    id: Slug
    text: Annotated[Text, Doc("Cả đoạn, đúng như văn bản", "the whole paragraph as written")]
    documents: Annotated[tuple[DocumentRef, ...], Constrain(min_length=1)]


@frozen
class Signature(Frozen):
    authority: Annotated[Text, Doc("ví dụ KT. CHỦ TỊCH", "e.g. KT. CHỦ TỊCH")]
    title: Annotated[Text, Doc("ví dụ PHÓ CHỦ TỊCH", "e.g. PHÓ CHỦ TỊCH")]
    name: Text


@frozen
class DocumentMeta(Frozen):
    issuer: Text
    kind: Text
    number: Annotated[Str | None, Doc("Số văn bản; null khi bản gốc để trống", "null while blank")]
    number_text: Annotated[Text, Doc("Dòng số như in, ví dụ 'Số: /KH-UBND'", "the number line as printed")]
    place: Text
    date_text: Annotated[Text, Doc("Dòng ngày như in", "the date line as printed")]
    year: Annotated[int, Constrain(ge=2000, le=2100, strict=True)]
    month: Annotated[int, Constrain(ge=1, le=12, strict=True)] | None = None
    day: Annotated[int, Constrain(ge=1, le=31, strict=True)] | None = None
    title: Text
    coordinator: Annotated[Text, Doc("Đơn vị chủ trì", "the unit that coordinates the plan")]
    signature: Signature


@frozen
class Section(Frozen):
    """A headed block of prose (purposes, requirements, budget, closing…), paragraphs as written."""

    number: Annotated[Str | None, Doc("Số của tiêu đề như in; null khi không có", "null when none")]
    heading: Text
    paragraphs: Annotated[tuple[Text, ...], Constrain(min_length=1)]
    references: tuple[DocumentRef, ...] = ()


@frozen
class CoreTarget(Frozen):
    """A core target of section II (``Chỉ tiêu cụ thể``)."""

    id: Annotated[TargetId, Doc("Mã chỉ tiêu, ví dụ policy_dialogues", "target id")]
    text: Annotated[Text, Doc("Dòng chỉ tiêu trong mục II, đúng như văn bản", "as written")]
    label: Label
    target: PositiveCount
    unit: Annotated[Text, Doc("Đơn vị đếm: group, dialogue, club, address, percent, class", "unit")]
    unit_label: Annotated[
        Label | None, Doc("Tên đơn vị trong báo cáo, ví dụ cuộc / dialogue(s)", "the unit in words")
    ] = None
    measure: Annotated[
        Literal["count", "ratio"],
        Doc("count: cộng các mục; ratio: phụ nữ được tiếp cận / phụ nữ thuộc nhóm đối tượng", "measure"),
    ]
    counts_from: Annotated[
        tuple[ItemId, ...], Doc("Các mục của bảng hoạt động được cộng vào chỉ tiêu", "items counted")
    ] = ()


@frozen
class Item(Frozen):
    """A numbered line of the activity table (or a dash sub-item of one)."""

    id: ItemId
    number: Annotated[Text, Doc("Số (hoặc '-') ở cột TT", "the number printed in the TT column")]
    text: Annotated[Text, Doc("Nội dung mục, đúng như văn bản", "the item's text, as written")]
    label: Label
    district: Annotated[Str | None, Doc("Chỉ tiêu cấp huyện, đúng như văn bản", "district target")] = None
    commune: Annotated[Str | None, Doc("Chỉ tiêu cấp xã, đúng như văn bản", "commune target")] = None
    unit: Annotated[Str | None, Doc("lớp, cuộc, điểm… cho chỉ tiêu bằng số", "class, session…")] = None
    counts: Annotated[
        Literal["events", "entities"],
        Doc("Kết quả đếm theo hoạt động (events) hay theo mô hình, mỗi mô hình một lần (entities)", "counts"),
    ] = "events"
    entity_kind: EntityKind | None = None
    sub_items: tuple[Item, ...] = ()


@frozen
class Activity(Frozen):
    id: Annotated[str, Constrain(pattern=r"^nd[0-9]+\.hd[0-9]+$", strict=True)]
    number: PositiveCount
    heading: Annotated[Text, Doc("ví dụ 'Hoạt động 1'", "e.g. 'Hoạt động 1'")]
    title: Text
    items: Annotated[tuple[Item, ...], Constrain(min_length=1)]


@frozen
class Content(Frozen):
    id: Annotated[str, Constrain(pattern=r"^nd[0-9]+$", strict=True)]
    number: PositiveCount
    heading: Annotated[Text, Doc("ví dụ 'Nội dung 1'", "e.g. 'Nội dung 1'")]
    title: Text
    activities: tuple[Activity, ...] = ()
    items: Annotated[tuple[Item, ...], Doc("Các mục của nội dung không chia hoạt động", "own items")] = ()


@frozen
class ActivityTable(Frozen):
    number: Text
    heading: Text
    columns: Annotated[tuple[Text, ...], Doc("Tiêu đề các cột, đúng như văn bản", "column headings")]
    contents: Annotated[tuple[Content, ...], Constrain(min_length=1)]


@frozen
class OrgUnit(Frozen):
    id: Slug
    number: Text
    heading: Text
    duties: Annotated[tuple[Text, ...], Constrain(min_length=1)]


@frozen
class Organisation(Frozen):
    number: Text
    heading: Text
    units: Annotated[tuple[OrgUnit, ...], Constrain(min_length=1)]


@frozen
class Quirk(Frozen):
    """Something in the source kept as written and flagged, not fixed."""

    id: Slug
    where: Annotated[Text, Doc("Vị trí trong tệp này, ví dụ document.place", "a key path")]
    as_written: Text
    note: Text


@frozen
class Pace(Frozen):
    """The plan year, and when a target counts as on track (see ``progress.pace_status``)."""

    start: Annotated[Date, Doc("Ngày đầu năm kế hoạch", "first day of the plan year")]
    end: Annotated[Date, Doc("Ngày cuối năm kế hoạch", "last day of the plan year")]
    on_track: Annotated[
        Share, Doc("tỷ lệ đạt ≥ hệ số này × thời gian đã qua → đúng tiến độ", "on track factor")
    ] = 0.9
    at_risk: Annotated[Share, Doc("tỷ lệ đạt < hệ số này × thời gian đã qua → nguy cơ", "at risk factor")] = (
        0.5
    )


@frozen
class Plan(Frozen):
    """``plan_<year>.yaml``: the whole plan of one year, transcribed."""

    schema_version: Literal[1]
    document: DocumentMeta
    legal_bases: Annotated[tuple[LegalBasis, ...], Constrain(min_length=1)]
    preamble: Section
    purposes: Section
    requirements: Section
    core_targets_heading: Text
    core_targets: Annotated[tuple[CoreTarget, ...], Constrain(min_length=1)]
    core_targets_note: Annotated[Text, Doc("Ghi chú về Phụ lục theo xã, như văn bản", "as written")]
    activity_table: ActivityTable
    budget: Section
    organisation: Organisation
    closing: Section
    recipients_heading: Text
    recipients: Annotated[tuple[Text, ...], Constrain(min_length=1)]
    quirks: tuple[Quirk, ...] = ()
    pace: Pace

    @property
    def year(self) -> int:
        """The plan year: the year its pace starts in."""
        return self.pace.start.year

    def covers(self, day: dt.date) -> bool:
        return self.pace.start <= day <= self.pace.end
