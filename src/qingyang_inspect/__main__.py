"""Allow ``python -m qingyang_inspect``."""

from qingyang_inspect.cli.app import main

main()
