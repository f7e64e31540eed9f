"""Messages of the store area: ``key: (Chinese, English)``."""

MESSAGES: dict[str, tuple[str, str]] = {
}
