"""The kept core schemas: the adapters' own, and validating exactly as the adapters do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pydantic
import pytest
from pydantic_core import ValidationError

from qingyang_inspect.catalog import core_schemas, validation
from qingyang_inspect.catalog.coregen import KEPT, kept_schema, source
from qingyang_inspect.catalog.models import SitesFile, StandardFile
from qingyang_inspect.catalog.yamlfile import YamlProblem, read_document
from qingyang_inspect.files import FileProblem

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_the_kept_schemas_are_the_adapters_own() -> None:
    """Run ``python -m qingyang_inspect.catalog.coregen`` (then ruff format) when this fails."""
    assert core_schemas.PYDANTIC_VERSION == pydantic.VERSION
    assert core_schemas.SCHEMAS == {model: kept_schema(model) for model in KEPT}
    compile(source(), "core_schemas.py", "exec")  # what the generator writes is Python


def outcome(validate: Any, data: Any) -> Any:
    """The model made of ``data``, or the errors (as the loader reads them)."""
    try:
        return validate(data)
    except ValidationError as exc:
        return exc.errors(include_url=False)


def documents() -> list[tuple[str, Any]]:
    """The data of every example file that parses to a mapping, valid or not."""
    found = []
    for path in sorted(EXAMPLES.rglob("*.y*ml")):
        try:
            data = read_document(path).data
        except (YamlProblem, FileProblem):
            continue
        if isinstance(data, dict):
            found.append((str(path.relative_to(EXAMPLES)), data))
    return found


DOCUMENTS = documents()


@pytest.mark.parametrize(("name", "data"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
@pytest.mark.parametrize("model", [StandardFile, SitesFile], ids=lambda m: m.__name__)
def test_the_kept_schemas_validate_as_the_adapters_do(name: str, data: Any, model: Any) -> None:
    kept = validation.kept_validator(model)
    assert kept is not None
    assert outcome(kept.validate_python, data) == outcome(
        validation.adapter(model).validate_python, data
    )


def test_another_pydantic_builds_the_adapters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation, "_KEPT", {})
    monkeypatch.setattr(core_schemas, "PYDANTIC_VERSION", "0.0")
    assert validation.kept_validator(SitesFile) is None
    data = {"sites": [{"id": "S1"}]}
    assert outcome(lambda d: validation.validate(SitesFile, d), data) == outcome(
        validation.adapter(SitesFile).validate_python, data
    )
