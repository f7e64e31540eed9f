"""Problems: the failed findings a ledger lists, and the number people call them by.

A problem is a non-voided fail finding. Its *problem number* (问题编号) is what
the ledger, the score sheets and JSON show, what people read aloud and write on
paper: :func:`problem_number` is the one place that decides it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from qingyang_inspect.findings.model import Finding


def is_problem(finding: Finding) -> bool:
    """A non-voided fail finding: something to put on the ledger."""
    return finding.result == "fail" and not finding.voided


def problem_number(finding: Finding) -> str:
    """The problem number (问题编号) of ``finding`` as every report shows it: its number
    (:func:`~qingyang_inspect.findings.ids.number_of`), else its id (a finding made in
    memory without one)."""
    return finding.number or finding.id


def closed_on_time(status: str | None, days_late: int | None) -> bool:
    """按期销号: closed, and not after its due date (a problem closed late counts as late)."""
    return status == "closed" and days_late is None


def percent(part: int, whole: int) -> Decimal | None:
    """``part`` of ``whole`` as a percentage with two decimals (``92.50``); ``None`` of nothing."""
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.01"), ROUND_HALF_UP)


def rate_text(part: int, whole: int) -> str:
    """``92.50%``, or ``—`` when nothing counts."""
    return percent_text(percent(part, whole))


def percent_text(value: Decimal | None) -> str:
    """A :func:`percent` as text: ``92.50%``, or ``—`` for ``None``."""
    return "—" if value is None else f"{value}%"


def json_number(value: Decimal | None) -> float | None:
    """A shown number (a :func:`percent`, a score) as JSON carries it: ``null`` for ``None``."""
    return None if value is None else float(value)
