"""The types of a commune file (``communes/<id>.yaml``): one commune-level unit, its share of the
targets per plan year, the entities it founded or strengthened and the activities it recorded.

Frozen dataclasses that pydantic validates a parsed file into (see :mod:`trabong_d8.plan`); checks
that need several files at once (references, totals) are rules in :mod:`trabong_d8.rules_communes`.
The loader brings two older forms to the current one before anything else sees them: a single
``allocation`` becomes ``allocations`` of the one plan year, and an entity's ``date`` and ``action``
become its one event.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Annotated, Literal

from .fields import (
    Bool,
    Code,
    Count,
    Date,
    Doc,
    EntityKind,
    ItemId,
    Level,
    PositiveCount,
    Slug,
    Str,
    Text,
    YearKey,
)
from .frozen import Frozen, frozen

Action = Literal["founded", "strengthened"]


@frozen
class Participants(Frozen):
    """Who took part; every breakdown is optional, none may exceed the total.

    ``women`` and ``men`` count adults; pupils and other children go under ``children`` (and
    ``girls`` among them), so that ``women + men ≤ total`` and ``girls ≤ children``.
    """

    total: Annotated[Count, Doc("Tổng số người tham gia", "everyone who took part")]
    women: Annotated[Count | None, Doc("Phụ nữ (người lớn)", "adult women")] = None
    men: Annotated[Count | None, Doc("Nam giới (người lớn)", "adult men")] = None
    ethnic_minority: Annotated[Count | None, Doc("Người dân tộc thiểu số", "ethnic minority")] = None
    children: Annotated[Count | None, Doc("Trẻ em", "children")] = None
    girls: Annotated[Count | None, Doc("Trẻ em gái (trong số trẻ em)", "girls, among the children")] = None


@frozen
class Allocation(Frozen):
    """The commune's share of one plan year's commune-level targets (the plan's Appendix)."""

    source: Annotated[
        Literal["official_appendix", "estimate"],
        Doc("official_appendix: chép từ Phụ lục đã ký; estimate: ước tính", "where the figures come from"),
    ]
    note: Annotated[Str | None, Doc("Số liệu lấy từ đâu", "where the figures come from")] = None
    items: Annotated[
        Mapping[Annotated[ItemId, Doc("Mã mục", "item id")], Count],
        Doc("Chỉ tiêu cấp xã theo mã mục, ví dụ nd3.hd1.2: 1", "commune-level targets by item id"),
    ] = field(default_factory=dict)
    safe_birth_target_group: Annotated[
        Count | None,
        Doc("Số phụ nữ thuộc nhóm đối tượng sinh đẻ an toàn (mẫu số chỉ tiêu tỷ lệ)", "denominator"),
    ] = None


@frozen
class EntityEvent(Frozen):
    """One time an entity was founded or strengthened."""

    date: Annotated[Date, Doc("Ngày thành lập hoặc củng cố", "date founded or strengthened")]
    action: Annotated[Action, Doc("founded (thành lập) hoặc strengthened (củng cố)", "what was done")]
    organiser: Annotated[Level | None, Doc("Cấp tổ chức, nếu khác của mô hình", "if not the entity's")] = None
    item: Annotated[ItemId | None, Doc("Mục của kế hoạch năm đó, nếu khác", "if not the entity's")] = None
    evidence: tuple[Text, ...] = ()
    notes: Str | None = None


@frozen
class Entity(Frozen):
    """Something founded or strengthened that counts once a plan year: a club, a trusted address,
    a group, a team. Its history is ``events``; the older ``date`` + ``action`` form is one event."""

    id: Slug
    kind: EntityKind
    item: Annotated[ItemId, Doc("Mục của kế hoạch mà mô hình được tính vào", "the plan item it counts for")]
    name: Text
    village: Annotated[Text, Doc("Thôn (hoặc trường) nơi có mô hình", "village or school")]
    date: Annotated[Date | None, Doc("Ngày thành lập hoặc củng cố (một lần)", "date, single form")] = None
    action: Annotated[Action | None, Doc("founded hoặc strengthened (một lần)", "action, single form")] = None
    events: Annotated[
        tuple[EntityEvent, ...], Doc("Các lần thành lập, củng cố, mỗi lần một dòng", "its history")
    ] = ()
    organiser: Level
    members: Participants
    evidence: tuple[Text, ...] = ()
    notes: Str | None = None


@frozen
class Record(Frozen):
    """One dated activity against a plan item."""

    id: Annotated[
        Slug | None, Doc("Mã riêng (không bắt buộc), duy nhất trong toàn bộ dữ liệu", "optional id")
    ] = None
    date: Annotated[Date, Doc("Ngày thực hiện, NĂM-THÁNG-NGÀY", "date, YEAR-MONTH-DAY")]
    item: Annotated[ItemId, Doc("Mã mục của kế hoạch, ví dụ nd3.hd1.2", "the plan item")]
    organiser: Annotated[Level, Doc("Cấp tổ chức: district (huyện) hoặc commune (xã)", "who organised it")]
    title: Annotated[Text, Doc("Tên hoạt động", "what was done")]
    village: Annotated[Str | None, Doc("Thôn, nơi tổ chức", "village")] = None
    count: Annotated[
        PositiveCount,
        Doc("Số cuộc, lớp, buổi mà bản ghi này tính", "sessions, classes this record stands for"),
    ] = 1
    participants: Participants | None = None
    entity: Annotated[Slug | None, Doc("Mã mô hình mà hoạt động này thuộc về", "the entity it is about")] = (
        None
    )
    safe_birth_reached: Annotated[
        Count | None,
        Doc(
            "Số phụ nữ thuộc nhóm đối tượng được tiếp cận lần đầu (mỗi người một lần)", "women newly reached"
        ),
    ] = None
    evidence: Annotated[tuple[Text, ...], Doc("Minh chứng: biên bản, danh sách…", "evidence")] = ()
    notes: Str | None = None


@frozen
class Commune(Frozen):
    """``communes/<id>.yaml``: one commune-level unit, its allocations and its progress."""

    schema_version: Literal[1]
    id: Annotated[Slug, Doc("Mã xã: chữ thường không dấu, ví dụ tra-bui", "commune id, e.g. tra-bui")]
    name: Annotated[Text, Doc("Tên xã, thị trấn", "name")]
    kind: Annotated[Literal["thi_tran", "xa"], Doc("thi_tran (thị trấn) hoặc xa (xã)", "town or commune")]
    code: Annotated[Code | None, Doc("Mã đơn vị hành chính; null nếu chưa biết", "official code")]
    origin: Str | None = None
    especially_difficult: Annotated[Bool | None, Doc("Xã đặc biệt khó khăn; null khi chưa rõ", "ĐBKK")] = None
    ethnic_groups: tuple[Text, ...] = ()
    allocation: Annotated[
        Allocation | None, Doc("Phân bổ chỉ tiêu (dạng cũ, một năm kế hoạch)", "single-year form")
    ] = None
    allocations: Annotated[
        Mapping[YearKey, Allocation],
        Doc('Phân bổ chỉ tiêu theo năm kế hoạch, ví dụ "2024":', "per plan year"),
    ] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    records: tuple[Record, ...] = ()

    def allocation_for(self, year: int) -> Allocation | None:
        """The commune's share of the targets of the plan year ``year``."""
        return self.allocations.get(str(year))
