"""Problems: the failed findings a ledger lists, and the number people call them by.

A problem is a non-voided fail finding. Its *problem number* (问题编号) is what
the ledger, the score sheets and JSON show, what people read aloud and write on
paper: :func:`problem_number` is the one place that decides it.
"""

from __future__ import annotations

from qingyang_inspect.findings.model import Finding


def is_problem(finding: Finding) -> bool:
    """A non-voided fail finding: something to put on the ledger."""
    return finding.result == "fail" and not finding.voided


def problem_number(finding: Finding) -> str:
    """The problem number (问题编号) of ``finding`` as every report shows it: its number
    (:func:`~qingyang_inspect.findings.ids.number_of`), else its id (a finding made in
    memory without one)."""
    return finding.number or finding.id
