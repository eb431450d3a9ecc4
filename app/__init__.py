"""Opora core: domain, storage, sync and reports. Never imports Qt."""

__version__ = "0.1.0"
