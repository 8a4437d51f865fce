"""JSON Schemas of the YAML files, for editors (VS Code's YAML extension) to complete and check."""

from __future__ import annotations

import json
from typing import Any

from .commune import Commune
from .narrative import PeriodNarrative
from .plan import Plan

_KINDS: dict[str, type[Any]] = {"commune": Commune, "plan": Plan, "narrative": PeriodNarrative}
_TITLES = {
    "narrative": "trabong-d8: nhận xét của kỳ báo cáo / a period's narrative (data/narratives/*.yaml)",
    "commune": "trabong-d8: tệp xã / commune file (data/communes/*.yaml)",
    "plan": "trabong-d8: kế hoạch / plan file (data/plan_<year>.yaml)",
}


def json_schema(kind: str) -> dict[str, Any]:
    from .validation import adapter

    schema = adapter(_KINDS[kind]).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = _TITLES[kind]
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
