"""The frozen data types (``frozen``): real dataclasses, immutable, compared by value, made cheaply."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import field

import pytest
from pydantic import TypeAdapter

from trabong_d8.frozen import Frozen, frozen


@frozen
class Pair(Frozen):
    left: int
    right: str = "r"
    many: tuple[int, ...] = ()
    lookup: dict[str, int] = field(default_factory=dict)


@frozen(kw_only=False)
class Point(Frozen):
    x: int
    y: int = 0


def test_values_by_name_with_defaults() -> None:
    pair = Pair(left=1)
    assert (pair.left, pair.right, pair.many, pair.lookup) == (1, "r", (), {})
    assert Pair(left=1).lookup is not pair.lookup  # a fresh default each time
    with pytest.raises(TypeError, match="needs a value for 'left'"):
        Pair()
    with pytest.raises(TypeError, match="has no field 'wrong'"):
        Pair(left=1, wrong=2)


def test_values_in_order_when_asked_for() -> None:
    assert Point(3, 4) == Point(x=3, y=4) and Point(3).y == 0
    with pytest.raises(TypeError, match="two values for 'x'"):
        Point(3, x=4)
    with pytest.raises(TypeError, match="at most 2 values"):
        Point(1, 2, 3)


def test_frozen_compared_by_value_hashed_and_shown() -> None:
    point = Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 5  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del point.x  # type: ignore[misc]
    assert point == Point(1, 2) and point != Point(2, 1) and point != (1, 2)
    assert hash(point) == hash(Point(1, 2))
    assert repr(point) == "Point(x=1, y=2)"


def test_the_dataclass_tools_work() -> None:
    assert dataclasses.is_dataclass(Pair)
    assert [f.name for f in dataclasses.fields(Pair)] == ["left", "right", "many", "lookup"]
    assert dataclasses.replace(Pair(left=1), right="x") == Pair(left=1, right="x")
    assert dataclasses.asdict(Point(1, 2)) == {"x": 1, "y": 2}


def test_pickled_and_validated_into() -> None:
    pair = Pair(left=1, many=(2, 3), lookup={"a": 1})
    assert pickle.loads(pickle.dumps(pair)) == pair
    validated = TypeAdapter(Pair).validate_python({"left": 1, "many": [2, 3]})
    assert validated == Pair(left=1, many=(2, 3))
    with pytest.raises(Exception, match=r"unexpected_keyword_argument|Unexpected keyword"):
        TypeAdapter(Pair).validate_python({"left": 1, "wrong": 2})


def test_only_for_frozen_types() -> None:
    with pytest.raises(TypeError, match="must derive from Frozen"):

        @frozen
        class Loose:  # type: ignore[type-var]
            x: int


def test_no_method_is_generated() -> None:
    # what makes a class cheap to create: every method is Frozen's own
    for name in ("__init__", "__eq__", "__repr__", "__setattr__", "__hash__"):
        assert getattr(Point, name) is getattr(Frozen, name), name
