"""What an unquoted YAML value means: the one strict resolver both YAML readers use.

PyYAML's ordinary loaders are unsafe for people who are not programmers: they turn ``no`` into
``False``, ``074`` into ``60`` and ``10:30`` into ``630``. Here:

* plain ``true``/``false`` become booleans, ``null``/``~``/empty become ``None``, decimal integers
  without a leading zero become ``int``, decimals with a point become ``float``; everything else
  stays exactly the text that was typed (``no``, ``074``, ``10:30``, ``2024-03-05``);
* quoted and block values are always text;
* every key and text value is normalised to Unicode NFC, so a name typed in decomposed form (as
  macOS does) matches.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")
_NUMBER_START = frozenset("0123456789+-.")
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_WORDS: dict[str, Any] = {
    **dict.fromkeys(NULLS),
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (ASCII, most of a file, is returned at once)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def resolve_plain(text: str) -> Any:
    """The value of an unquoted scalar (see the module docstring); cheapest test first."""
    if text in _WORDS:
        return _WORDS[text]
    first = text[0]
    if first in _NUMBER_START:
        if text.isdigit() and text.isascii():
            if first != "0" or len(text) == 1:
                return int(text)
        elif _INT.match(text):
            return int(text)
        elif "." in text and _FLOAT.match(text):
            return float(text)
    return nfc(text)


def resolve(text: str, quoted: bool) -> Any:
    """A scalar's value: text when it was quoted or written as a block, else :func:`resolve_plain`."""
    return nfc(text) if quoted else resolve_plain(text)
