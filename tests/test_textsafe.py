"""Text from the data files, made safe to show: invisible characters named, loose matching of names."""

from __future__ import annotations

import pytest

from trabong_d8.messages import show_value
from trabong_d8.textsafe import fold, visible


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("title", "title"),
        ("Trà Bồng", "Trà Bồng"),
        ("21115\u00a0", "21115⟨U+00A0⟩"),
        ("ti\u200btle", "ti⟨U+200B⟩tle"),
        ("a\tb", "a⟨U+0009⟩b"),
        ("\ufeffid", "⟨U+FEFF⟩id"),
    ],
)
def test_invisible_characters_are_shown(text: str, shown: str) -> None:
    assert visible(text) == shown
    assert show_value(text) == f"'{shown}'"


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Trà Bùi", "tra-bui"),
        ("tra bui", "tra-bui"),
        ("TRÀ BÙI", "tra-bui"),
        ("Đông", "dong"),
        ("tra-bui", "tra-bui"),
    ],
)
def test_names_fold_without_diacritics_case_or_spaces(typed: str, folded: str) -> None:
    assert fold(typed) == folded


def test_plain_text_is_returned_as_it_is() -> None:
    text = "Trà Bùi, thôn 3"
    assert visible(text) == text
