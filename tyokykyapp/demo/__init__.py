"""Synthetic caseloads for trying the app, tests and the benchmark."""

from tyokykyapp.demo.caseload import fill_demo, generate_caseload
from tyokykyapp.demo.personas import DEMO_CLIENTS

__all__ = ["DEMO_CLIENTS", "fill_demo", "generate_caseload"]
