# The GUI starts through the command line's main, which disables core dumps first (tyokykyapp/hardening.py).
from tyokykyapp.cli import main

raise SystemExit(main([]))
