"""qingyang-inspect: civilized-city site inspection for a district civilization office."""

__version__ = "0.1.0"
