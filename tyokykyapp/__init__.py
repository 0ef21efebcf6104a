"""Työkyky: the Qt-free core (domain, vault, process rules, services, CLI)."""

__version__ = "0.1.0"
