"""The one strict resolver of unquoted YAML values (``yamlscalar``), shared by both readers."""

from __future__ import annotations

import pytest

from trabong_d8.yamlscalar import nfc, resolve, resolve_plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("2.5", 2.5),
        ("true", True),
        ("False", False),
        ("null", None),
        ("~", None),
        ("", None),
        # YAML 1.1 would change all of these; they stay exactly as typed
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("074", "074"),
        ("08", "08"),
        ("10:30", "10:30"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        ("2024-03-05", "2024-03-05"),
        (".inf", ".inf"),
        ("1e3", "1e3"),
    ],
)
def test_plain_scalars_resolve_strictly(text: str, expected: object) -> None:
    value = resolve_plain(text)
    assert value == expected
    assert type(value) is type(expected)


def test_quoted_or_block_values_are_text_and_every_text_is_nfc() -> None:
    assert resolve("12", quoted=True) == "12"
    assert resolve("cafe\u0301", quoted=False) == "café" == nfc("cafe\u0301")
    assert resolve("null", quoted=True) == "null"
