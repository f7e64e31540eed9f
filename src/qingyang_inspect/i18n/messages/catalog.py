"""Messages of the catalog area: ``key: (Chinese, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
}
