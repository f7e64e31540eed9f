"""The report fixtures (:mod:`report_fixtures`): the worked example as a catalog and a source."""

from report_fixtures import catalog, evidence, findings, source

__all__ = ["catalog", "evidence", "findings", "source"]
