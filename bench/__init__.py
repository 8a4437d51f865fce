"""The benchmark of ``d8``: synthetic data at chosen scales, and one command that times everything.

Run ``python -m bench --help`` from the repository's root; see BENCHMARKS.md.
"""
