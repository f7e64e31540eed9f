"""The rules about findings, free of SQL and of output.

* :mod:`~qingyang_inspect.findings.model` — the one definition of a round, a
  finding (its recorded facts and its state), events and photos;
* :mod:`~qingyang_inspect.findings.recording` — opening and closing rounds,
  checking and recording findings;
* :mod:`~qingyang_inspect.findings.lifecycle` — rectify, re-check, amend, void;
* :mod:`~qingyang_inspect.findings.replay` — folding events into a finding's state;
* :mod:`~qingyang_inspect.findings.ids` — finding ids (ULIDs);
* :mod:`~qingyang_inspect.findings.select` — which findings a list shows.

The store (:mod:`qingyang_inspect.store`) persists what these rules decide.
"""
