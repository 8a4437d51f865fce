"""The value types of the data files, declared once: what each field must hold.

The plan's and the communes' types (:mod:`trabong_d8.plan`, :mod:`trabong_d8.commune`,
:mod:`trabong_d8.narrative`) are built from these. Each is a plain Python type with markers in
``Annotated[...]`` that only pydantic reads, when a file is validated (:mod:`trabong_d8.validation`)
or a JSON Schema is printed (:mod:`trabong_d8.schema`). Importing this module does not import
pydantic, so a run that brings the data back from the parse cache stays light.

Strictness is per type: a number where text is expected, or text where a number is expected, is a
problem, never a silent conversion; dates and codes have validators of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

ITEM_ID_PATTERN = r"^nd[0-9]+(\.hd[0-9]+)?\.[0-9]+[a-z]?$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
TARGET_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
YEAR_PATTERN = r"^[0-9]{4}$"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


class Level(str, Enum):
    """Who organised an activity: the district or the commune."""

    district = "district"
    commune = "commune"


class EntityKind(str, Enum):
    """What an entity is: each counts once, however many records mention it."""

    communication_team = "communication_team"
    trusted_address = "trusted_address"
    change_leader_club = "change_leader_club"
    livelihood_group = "livelihood_group"


# --- markers read by pydantic --------------------------------------------------------------------


class Constrain:
    """Constraints on a core type, as pydantic-core names them (``ge``, ``min_length``, ``strict``,
    ``pattern`` …)."""

    __slots__ = ("constraints",)

    def __init__(self, **constraints: Any):
        self.constraints = constraints

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema.update(self.constraints)
        return schema


class Doc:
    """A field's description in the editor's hover and completion (Vietnamese / English)."""

    __slots__ = ("text",)

    def __init__(self, vi: str, en: str):
        self.text = f"{vi} / {en}"

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema["description"] = self.text
        return schema


class Invalid(Exception):
    """Raised by a field's own check; ``kind`` becomes the error type pydantic reports."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


class Checked:
    """A field validated by a function of this module rather than by pydantic's own rules."""

    __slots__ = ("check", "json_schema")

    def __init__(self, check: Callable[[Any], Any], json_schema: dict[str, Any]):
        self.check = check
        self.json_schema = json_schema

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import PydanticCustomError, core_schema

        check = self.check

        def validate(value: Any) -> Any:
            try:
                return check(value)
            except Invalid as exc:
                raise PydanticCustomError(exc.kind, exc.kind, {"value": value}) from None

        return core_schema.no_info_plain_validator_function(validate)

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        return dict(self.json_schema)


# --- checks --------------------------------------------------------------------------------------


def parse_date(value: Any) -> dt.date:
    """``YYYY-MM-DD`` exactly (``2024-3-5`` and ``45000`` are refused), and a day that exists."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise Invalid("date_impossible") from None
    raise Invalid("date_format")


def parse_code(value: Any) -> str:
    """An official code: digits. An unquoted 21115 arrives as a number; the strict reader never
    makes numbers of ``0…`` forms, so turning it back into text loses nothing."""
    if isinstance(value, bool):
        raise Invalid("code_format")
    if isinstance(value, int) and value >= 0:
        return str(value)
    if isinstance(value, str) and value.isdigit() and value.isascii():
        return value
    raise Invalid("code_format")


def parse_narrative(value: Any) -> str | tuple[str, ...]:
    """One text, or a list of texts; one check for both, so a number gives one message."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(value)
    raise Invalid("narrative_type")


# --- the types -----------------------------------------------------------------------------------

Date = Annotated[
    dt.date,
    Checked(parse_date, {"type": "string", "format": "date", "pattern": "^" + _ISO_DATE.pattern[:-2] + "$"}),
]
Code = Annotated[str, Checked(parse_code, {"type": ["string", "integer"], "pattern": "^[0-9]+$"})]
Narrative = Annotated[
    "str | tuple[str, ...]",
    Checked(
        parse_narrative,
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
            ]
        },
    ),
]
Count = Annotated[int, Constrain(ge=0, strict=True)]
PositiveCount = Annotated[int, Constrain(ge=1, strict=True)]
Text = Annotated[str, Constrain(min_length=1, strict=True)]
Str = Annotated[str, Constrain(strict=True)]
Bool = Annotated[bool, Constrain(strict=True)]
ItemId = Annotated[str, Constrain(pattern=ITEM_ID_PATTERN, strict=True)]
Slug = Annotated[str, Constrain(pattern=SLUG_PATTERN, strict=True)]
TargetId = Annotated[str, Constrain(pattern=TARGET_ID_PATTERN, strict=True)]
YearKey = Annotated[str, Constrain(pattern=YEAR_PATTERN)]
