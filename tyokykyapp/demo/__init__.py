"""Synthetic caseloads for trying the app, tests and the benchmark."""

from tyokykyapp.demo.caseload import DEMO_CLIENTS, fill_demo, generate_caseload

__all__ = ["DEMO_CLIENTS", "fill_demo", "generate_caseload"]
