"""Messages of the reports area: ``key: (Chinese, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {}
