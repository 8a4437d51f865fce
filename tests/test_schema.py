"""The JSON Schemas of the data files (``schema``), for editors: the shipped files are what ``d8
schema`` prints, each field's description comes from the types, and commune files point at theirs."""

from __future__ import annotations

import json

import pytest

from trabong_d8.schema import json_schema

from .helpers import DATA, ROOT, run


@pytest.mark.parametrize("kind", ["commune", "plan", "narrative"])
def test_schema_command_matches_the_shipped_schema(kind: str) -> None:
    result = run("schema", kind)
    assert result.exit_code == 0
    shipped = (ROOT / "schema" / f"{kind}.schema.json").read_text("utf-8")
    assert result.output == shipped, "run `d8 schema KIND > schema/KIND.schema.json`"
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False


def test_commune_files_carry_the_schema_modeline() -> None:
    for path in sorted((DATA / "communes").glob("*.yaml")):
        first = path.read_text("utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schema/commune.schema.json", path


def test_descriptions_come_from_the_types() -> None:
    record = json_schema("commune")["$defs"]["Record"]
    assert record["additionalProperties"] is False
    assert record["properties"]["organiser"]["description"].startswith("Cấp tổ chức")
    assert record["properties"]["date"]["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    assert json_schema("plan")["$schema"] == "https://json-schema.org/draft/2020-12/schema"
