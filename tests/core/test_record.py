"""`@record` behaves as `@dataclass` does for every use the app makes of it."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from decisionaid.core.record import field, is_record, record, record_fields, replace


def _pair(frozen: bool):  # type: ignore[no-untyped-def]
    """The same class made by @dataclass and by @record."""

    def body() -> dict[str, object]:
        return {
            "__annotations__": {"name": "str", "count": "int", "tags": "list[str]", "note": "str"},
            "count": 1,
            "tags": dataclasses.field(default_factory=list),
            "note": "",
            "shout": lambda self: self.name.upper(),
        }

    as_dataclass = dataclasses.dataclass(frozen=frozen)(type("Thing", (), body()))
    ours = body()
    ours["tags"] = field(default_factory=list)
    as_record = record(frozen=frozen)(type("Thing", (), ours))
    return as_dataclass, as_record


@pytest.mark.parametrize("frozen", [False, True], ids=["mutable", "frozen"])
def test_a_record_behaves_like_the_same_dataclass(frozen: bool) -> None:
    dc, rec = _pair(frozen)
    for args, kwargs in [
        (("a",), {}),
        (("a", 2), {"note": "n"}),
        ((), {"name": "b", "tags": ["x"]}),
    ]:
        d, r = dc(*args, **kwargs), rec(*args, **kwargs)
        assert repr(d) == repr(r)
        assert [getattr(d, f.name) for f in dataclasses.fields(d)] == [
            getattr(r, n) for n in record_fields(r)
        ]
        assert r == rec(*args, **kwargs)
        assert r != rec("other")
        assert (r == d) is False  # another class, as with two dataclasses
        assert r.shout() == d.shout()
        assert copy.deepcopy(r) == r
    assert rec("a").tags is not rec("a").tags  # one new list each, from the factory
    for bad in [((), {}), (("a", 1, [], "", 5), {}), (("a",), {"name": "b"}), ((), {"nam": "a"})]:
        with pytest.raises(TypeError):
            dc(*bad[0], **bad[1])
        with pytest.raises(TypeError):
            rec(*bad[0], **bad[1])
    r = rec("a")
    if frozen:
        with pytest.raises(TypeError):
            hash(r)  # a list field: unhashable, as in the dataclass
        assert hash(rec("a", 1, None)) == hash(dc("a", 1, None))  # the same formula
        with pytest.raises(dataclasses.FrozenInstanceError):
            r.name = "b"
        with pytest.raises(dataclasses.FrozenInstanceError):
            del r.name
    else:
        r.name = "b"
        assert r.name == "b"
        with pytest.raises(TypeError):
            hash(r)  # unhashable, as a dataclass with == is


def test_replace_copies_with_changes() -> None:
    @record(frozen=True)
    class Point:
        x: int
        y: int = 0

    p = replace(Point(1, 2), y=5)
    assert p == Point(1, 5)
    with pytest.raises(TypeError):
        replace(p, z=1)
    assert is_record(p) and is_record(Point) and not is_record(object())


def test_what_records_do_not_support_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError):

        @record
        class Order:
            a: int = 1
            b: int

    with pytest.raises(ValueError):

        @record
        class Shared:
            items: list[int] = []  # noqa: RUF012

    with pytest.raises(TypeError):

        @record
        class Later:
            a: int

            def __post_init__(self) -> None: ...

    @record
    class Base:
        a: int

    with pytest.raises(TypeError):

        @record
        class Child(Base):
            b: int


def test_field_takes_a_default_or_a_factory_not_both() -> None:
    with pytest.raises(ValueError):
        field(default=1, default_factory=int)
