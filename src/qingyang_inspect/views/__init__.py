"""Views: every output a person or a script reads, as a pure function returning a Document.

One module per output family — :mod:`~.catalog` (standards and sites),
:mod:`~.validation`, :mod:`~.rounds`, :mod:`~.findings`, :mod:`~.ledger`,
:mod:`~.acceptance` — built on :mod:`~.base` and labelled only through
:mod:`~.labels`. Renderers (:mod:`qingyang_inspect.render`) write them.
"""
