"""pydantic as the catalog's validator: the models' rules turned into its schemas.

The models (:mod:`qingyang_inspect.catalog.models`) are frozen dataclasses
whose fields carry :class:`~qingyang_inspect.catalog.models.Rule` metadata.
pydantic validates them through a ``TypeAdapter`` (it supports standard
dataclasses and reads their ``__pydantic_config__``), calling
:func:`rule_core_schema` for each rule; the JSON Schema comes from the same
adapters. Only loading files and writing schemas import this module.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, GetCoreSchemaHandler, TypeAdapter
from pydantic_core import PydanticCustomError, core_schema

from qingyang_inspect.catalog.models import Rule

#: Constraints pydantic's core schemas take under the same names.
_CONSTRAINTS = ("gt", "ge", "le", "min_length", "max_length", "pattern")
#: Schemas that wrap the one holding the value's type (a validator around it).
_WRAPPERS = ("function-before", "function-after", "function-wrap", "nullable")


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def adapter(model: type[Any]) -> TypeAdapter[Any]:
    """The pydantic adapter that validates and describes ``model`` (built once)."""
    found = _ADAPTERS.get(model)
    if found is None:
        found = _ADAPTERS[model] = TypeAdapter(model)
    return found


def validate(model: type[Any], data: Any) -> Any:
    """``data`` as an instance of ``model``; :class:`pydantic.ValidationError` if it is not one."""
    return adapter(model).validate_python(data)


def json_schema(model: type[Any]) -> dict[str, Any]:
    """The JSON Schema of ``model``."""
    return adapter(model).json_schema()


def rule_core_schema(rule: Rule, source: Any, handler: GetCoreSchemaHandler) -> Any:
    """The core schema of ``source`` with ``rule`` applied (pydantic calls this)."""
    if rule.discriminator is not None:
        return handler.generate_schema(Annotated[source, Discriminator(rule.discriminator)])
    schema: Any = handler(source)
    constraints = {name: getattr(rule, name) for name in _CONSTRAINTS}
    if rule.earliest is not None or rule.latest is not None:
        constraints.update(ge=rule.earliest, le=rule.latest)
    if any(value is not None for value in constraints.values()):
        inner = schema
        while inner.get("type") in _WRAPPERS:
            inner = inner["schema"]
        inner.update({k: v for k, v in constraints.items() if v is not None})
    if rule.not_bool:
        schema = core_schema.no_info_before_validator_function(_not_bool, schema)
    return schema


def _not_bool(value: object) -> object:
    if isinstance(value, bool):
        raise PydanticCustomError("float_type", "Input should be a valid number")
    return value
