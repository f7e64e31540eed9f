"""Offline checklist workbooks: sent out per site, filled in the field, taken back as findings.

* :mod:`.form` — the workbook's contract, shared by both directions: which
  cell holds what, the words a filled cell may hold, the fingerprint that
  ties a workbook to its round's pinned content. No Excel library here.
* :mod:`.export` — which sites get a workbook, each a document the
  workbook renderer (``render/xlsx/checklist.py``, xlsxwriter) lays out.
* :mod:`.reader` — a filled workbook read with openpyxl (read-only) into
  answers, or problems with their cell.
* :mod:`.importing` — answers checked against the store and recorded with
  the rules of ``inspect record``, all or nothing.
"""
