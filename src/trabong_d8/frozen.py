"""Frozen data types without the start-up cost of generated methods.

Every value that flows through the core (the plan, the communes, the results of the maths) is a
*frozen dataclass*: immutable, compared by value, typed. The standard ``@dataclass(frozen=True)``
writes and compiles five methods per class when the module is imported, which on the machines
measured costs about 2 ms a class; with two dozen classes that is a sixth of a warm ``d8 status``.
:func:`frozen` makes the same kind of class (``dataclasses.fields``, ``replace`` and ``asdict``
work, pydantic validates into it, mypy checks constructor calls and refuses assignments) but takes
its methods from :class:`Frozen`, written once, so a class costs a tenth of that.

Pydantic builds instances without calling ``__init__``; the cache brings them back with pickle,
which restores ``__dict__`` directly. ``__init__`` only serves code that builds values by hand.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, overload

if TYPE_CHECKING:  # only type checkers need it (it tells mypy what the decorator makes)
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: Any) -> Any:
        return lambda decorator: decorator


T = TypeVar("T")

#: how pydantic validates every frozen type: unknown keys are mistakes, never dropped
_PYDANTIC_CONFIG = {"extra": "forbid"}


class Frozen:
    """The methods every frozen type shares (see the module docstring)."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]
    __pydantic_config__: ClassVar[dict[str, Any]] = _PYDANTIC_CONFIG

    def __init__(self, *args: Any, **values: Any) -> None:
        fields = self.__dataclass_fields__
        if args:  # a class made with kw_only=False: positional values in the order of the fields
            if len(args) > len(fields):
                raise TypeError(f"{type(self).__name__} takes at most {len(fields)} values")
            for name, value in zip(fields, args, strict=False):  # fewer values than fields: defaults
                if name in values:
                    raise TypeError(f"{type(self).__name__} got two values for {name!r}")
                values[name] = value
        unknown = set(values) - set(fields)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        state: dict[str, Any] = {}
        for name, spec in fields.items():
            if name in values:
                state[name] = values[name]
            elif spec.default is not dataclasses.MISSING:
                state[name] = spec.default
            elif spec.default_factory is not dataclasses.MISSING:
                state[name] = spec.default_factory()
            else:
                raise TypeError(f"{type(self).__name__} needs a value for {name!r}")
        object.__setattr__(self, "__dict__", state)

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return other.__dict__ == self.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({fields})"


@overload
def frozen(cls: type[T], /) -> type[T]: ...
@overload
def frozen(*, kw_only: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, kw_only_default=True)
def frozen(cls: type[T] | None = None, /, *, kw_only: bool = True) -> Any:
    """Make ``cls`` (a subclass of :class:`Frozen`) a frozen dataclass; see the module docstring.

    Values are given by name; ``@frozen(kw_only=False)`` also takes them in the order of the
    fields (for small values such as a location)."""

    def make(cls: type[T]) -> type[T]:
        if not issubclass(cls, Frozen):
            raise TypeError(f"{cls.__name__} must derive from Frozen")
        return dataclasses.dataclass(init=False, repr=False, eq=False, kw_only=kw_only)(cls)

    return make if cls is None else make(cls)
