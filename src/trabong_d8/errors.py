"""The one exception type of ``d8``'s application layer.

Loading never raises on bad data (problems are values); the api raises :class:`D8Error` when a
request cannot be carried out:

* ``kind="data"``: the data (or the user's template) has errors; ``problems`` holds them, located,
  and ``warnings`` counts the data's warnings (``None`` when the errors are not the data's);
* ``kind="usage"``: the request itself is wrong (a bad date, an unknown commune, a period outside
  every plan); ``key`` and ``params`` name the sentence that says why (see
  :mod:`trabong_d8.messages`), ``option`` the option at fault;
* ``kind="internal"``: a fault of ``d8`` itself (a shipped template that does not render).

The command line turns each kind into its exit code (1, 2 and 3).
"""

from __future__ import annotations

from typing import Any, Literal

from .problems import Problem

Kind = Literal["data", "usage", "internal"]


class D8Error(Exception):
    def __init__(
        self,
        kind: Kind,
        *,
        problems: list[Problem] | None = None,
        key: str | None = None,
        params: dict[str, Any] | None = None,
        option: str | None = None,
        warnings: int | None = None,
    ):
        super().__init__(key or (problems[0].code if problems else kind))
        self.kind: Kind = kind
        self.problems = list(problems or [])
        self.key = key
        self.params = dict(params or {})
        self.option = option
        self.warnings = warnings

    @classmethod
    def usage(cls, key: str, option: str | None = None, /, **params: Any) -> D8Error:
        return cls("usage", key=key, params=params, option=option)
