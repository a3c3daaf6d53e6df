"""`@record`: a dataclass without the code generation, for classes defined at start-up.

`@dataclass` writes each method it adds (`__init__`, `__repr__`, `__eq__`, and for a frozen
class `__setattr__`, `__delattr__` and `__hash__`) as source text and compiles it. A record
shares one set of methods between all records instead. Measured here (cachegrind, instructions
to define one eight-field class, bench/record_cost.py): `@dataclass` 3.5 M, frozen 5.6 M on
Python 3.11, and 3.9 M and 5.9 M on Python 3.13, which is no faster; `@record` 0.6 M (0.8 M
on 3.13), most of it the class body itself. Start-up defines a few dozen such classes.

Supported, as `@dataclass` does them: fields from the class's annotations, in order; defaults and
`field(default=...)`/`field(default_factory=...)`; `__init__` by position or keyword; `repr`
and `==` by fields, in the dataclass format; `frozen=True` (assignment raises
`dataclasses.FrozenInstanceError`, instances hash by fields); a method the class defines itself
wins. Not supported, and refused when the class is made: inheritance from another record,
`__post_init__`, `ClassVar`/`InitVar` fields and the other `field()` options (use this module's
`field`). `dataclasses.fields()` and `dataclasses.replace()` do not know records: use
`record_fields()` and `replace()` here.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["field", "is_record", "record", "record_fields", "replace"]

T = TypeVar("T")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """What field() returns: a default, or a function making one for each new record."""

    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Any) -> None:
        self.default = default
        self.default_factory = default_factory


@overload
def field(*, default: T) -> T: ...


@overload
def field(*, default_factory: Callable[[], T]) -> T: ...


def field(*, default: Any = MISSING, default_factory: Any = MISSING) -> Any:
    """As dataclasses.field(default=...) or field(default_factory=...). The dataclasses module
    itself is not imported at start-up (about 6 M instructions with what it loads)."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory)


_FIELDS = "__record_fields__"
_DEFAULTS = "__record_defaults__"
_FACTORIES = "__record_factories__"


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field,))
def record(cls: type[T] | None = None, /, *, frozen: bool = False) -> Any:
    """Make `cls` a record (see the module's notes); use it as @record or @record(frozen=True)."""

    def wrap(cls: type[T]) -> type[T]:
        return _make(cls, frozen)

    return wrap if cls is None else wrap(cls)


def is_record(obj: object) -> bool:
    return hasattr(type(obj) if not isinstance(obj, type) else obj, _FIELDS)


def record_fields(obj: object) -> tuple[str, ...]:
    """The names of a record's fields, in order (a class or an instance)."""
    cls = obj if isinstance(obj, type) else type(obj)
    return tuple(getattr(cls, _FIELDS))


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of record `obj` with `changes`, as dataclasses.replace() makes one."""
    values = {name: getattr(obj, name) for name in record_fields(obj)}
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return type(obj)(**values)


def _make(cls: type[T], frozen: bool) -> type[T]:
    if any(hasattr(base, _FIELDS) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: a record cannot inherit from a record")
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: records have no __post_init__")
    names: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    for name, annotation in inspect.get_annotations(cls).items():
        text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
        if text.startswith(("ClassVar", "InitVar", "typing.ClassVar", "dataclasses.InitVar")):
            raise TypeError(f"{cls.__name__}.{name}: records have no ClassVar or InitVar fields")
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            if value.default_factory is not MISSING:
                factories[name] = value.default_factory
                delattr(cls, name)
            elif value.default is not MISSING:
                defaults[name] = value.default
                setattr(cls, name, value.default)
            else:
                delattr(cls, name)
        elif value is not MISSING:
            if isinstance(value, list | dict | set):
                raise ValueError(f"{cls.__name__}.{name}: mutable default; use default_factory")
            defaults[name] = value
        elif defaults or factories:
            raise TypeError(f"{cls.__name__}: non-default field {name!r} follows a default one")
        names.append(name)
    setattr(cls, _FIELDS, tuple(names))
    setattr(cls, _DEFAULTS, defaults)
    setattr(cls, _FACTORIES, factories)
    setattr(cls, "__match_args__", tuple(names))  # noqa: B010
    own = cls.__dict__
    for attr, method in (("__init__", _init), ("__repr__", _repr), ("__eq__", _eq)):
        if attr not in own:
            setattr(cls, attr, method)
    if frozen:
        if "__setattr__" in own or "__delattr__" in own:
            raise TypeError(f"{cls.__name__}: a frozen record cannot define __setattr__")
        cls.__setattr__ = _frozen_setattr  # type: ignore[assignment]
        cls.__delattr__ = _frozen_delattr  # type: ignore[assignment]
        if "__hash__" not in own:
            cls.__hash__ = _hash  # type: ignore[assignment]
    elif "__hash__" not in own:
        cls.__hash__ = None  # type: ignore[assignment]  # like a dataclass with eq: unhashable
    return cls


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    names: tuple[str, ...] = getattr(cls, _FIELDS)
    if len(args) > len(names):
        raise TypeError(
            f"{cls.__name__}() takes {len(names)} positional arguments but {len(args)} were given"
        )
    values = dict(zip(names, args, strict=False))
    for name, value in kwargs.items():
        if name in values:
            raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
        values[name] = value
    if len(values) > len(names):
        unknown = next(name for name in values if name not in names)
        raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {unknown!r}")
    defaults: dict[str, Any] = getattr(cls, _DEFAULTS)
    factories: dict[str, Callable[[], Any]] = getattr(cls, _FACTORIES)
    set_field = object.__setattr__
    for name in names:
        if name in values:
            set_field(self, name, values[name])
        elif name in defaults:
            set_field(self, name, defaults[name])
        elif name in factories:
            set_field(self, name, factories[name]())
        else:
            raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")


def _values(obj: Any) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in getattr(type(obj), _FIELDS))


def _repr(self: Any) -> str:
    names: tuple[str, ...] = getattr(type(self), _FIELDS)
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
    return f"{type(self).__qualname__}({inner})"


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    from dataclasses import FrozenInstanceError  # the exception a frozen dataclass raises

    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    from dataclasses import FrozenInstanceError

    raise FrozenInstanceError(f"cannot delete field {name!r}")
