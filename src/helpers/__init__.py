"""Framing-analysis helpers: load news articles and compare how outlets cover one event."""

__version__ = "0.1.0"
