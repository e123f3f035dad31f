"""Benchmarks that print measured numbers; ``python -m benchmarks`` runs them all (see run_all.py)."""
