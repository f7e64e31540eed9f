"""Messages of the cli area: ``key: (Chinese, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
}
