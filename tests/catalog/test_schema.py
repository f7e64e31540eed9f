"""The committed JSON Schemas match the models, and the bundled files satisfy them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from qingyang_inspect.catalog.schema import render_schemas

REPO = Path(__file__).resolve().parents[2]


def test_committed_schemas_are_current() -> None:
    """Fails when the models change without `inspect schema` being run."""
    for name, text in render_schemas().items():
        committed = (REPO / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run `inspect schema`"


@pytest.mark.parametrize(
    ("folder", "schema_name"),
    [("standards", "standard.schema.json"), ("sites", "sites.schema.json")],
)
def test_bundled_files_satisfy_schema_and_point_at_it(folder: str, schema_name: str) -> None:
    schema = json.loads((REPO / "schema" / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((REPO / folder).glob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../schema/{schema_name}"), path
        data = yaml.safe_load(text)
        # YAML dates load as datetime.date; the schema describes them as strings.
        errors = list(validator.iter_errors(json.loads(json.dumps(data, default=str))))
        assert not errors, f"{path.name}: {errors[0].message}"


def test_schema_command_writes_the_same_files(run_cli, tmp_path: Path) -> None:
    result = run_cli("schema", "--output", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    for name, text in render_schemas().items():
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == text
