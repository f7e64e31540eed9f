"""Allow ``python -m qingyang_inspect``."""

from qingyang_inspect.cli.main import main

main()
