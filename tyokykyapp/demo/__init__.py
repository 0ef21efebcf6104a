"""Synthetic caseloads for trying the app, tests and the benchmark."""

from tyokykyapp.demo.caseload import generate_caseload

__all__ = ["generate_caseload"]
