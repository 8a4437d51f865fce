"""Text written by somebody else, made safe to show.

Values and file names come from data files that arrive by git from other people. Before such text
reaches a message it goes through :func:`visible`, which shows what cannot be seen (a non-breaking
space pasted from Word, a zero-width space, a control character) as ``⟨U+00A0⟩``, so that a key that
reads ``title`` but holds an invisible character never looks like ``title``.
"""

from __future__ import annotations

import unicodedata

#: Unicode categories that print nothing a reader can see: spaces other than " ", line and
#: paragraph separators, controls and format characters (zero-width and bidirectional marks)
_INVISIBLE = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})


def visible(text: str) -> str:
    """``text`` with every invisible character shown as ``⟨U+XXXX⟩`` (a plain space stays)."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        f"⟨U+{ord(c):04X}⟩"
        if c != " " and (unicodedata.category(c) in _INVISIBLE or not c.isprintable())
        else c
        for c in text
    )


def fold(text: str) -> str:
    """``text`` for loose matching: no diacritics (đ as d), any case, spaces as hyphens.

    ``Trà Bùi``, ``tra bui`` and ``tra-bui`` all fold to ``tra-bui``.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().strip().replace(" ", "-")
