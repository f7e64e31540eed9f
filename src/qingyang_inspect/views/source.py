"""Where report builders read findings from: the store, or a list in tests.

A :class:`FindingSource` is anything called like ``Store.iter_findings``:
keyword filters by round and site (and to failed findings only, which lets
the store skip the passes), findings in recording order (found_at, then id),
voided ones left out. Builders call it once per stream they need
(the whole ledger, one site), so 100,000 findings flow through without being
held in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from qingyang_inspect.findings.model import Finding


class FindingSource(Protocol):
    """Findings filtered by round and site, in recording order, voided ones left out."""

    def __call__(
        self,
        *,
        round_name: str | None = None,
        site_id: str | None = None,
        failed_only: bool = False,
    ) -> Iterable[Finding]:
        """The findings of ``round_name`` (all rounds if ``None``) at ``site_id`` (all sites).

        ``failed_only``: only those whose current result is fail.
        """
        ...  # pragma: no cover


class ListSource:
    """A :class:`FindingSource` over findings held in memory (tests, small scripts)."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self._findings = sorted(findings, key=lambda f: (f.found_at, f.id))

    def __call__(
        self,
        *,
        round_name: str | None = None,
        site_id: str | None = None,
        failed_only: bool = False,
    ) -> Iterator[Finding]:
        """Matching, non-voided findings in recording order."""
        for finding in self._findings:
            if finding.voided:
                continue
            if failed_only and finding.result != "fail":
                continue
            if round_name is not None and finding.round_name != round_name:
                continue
            if site_id is not None and finding.site_id != site_id:
                continue
            yield finding
