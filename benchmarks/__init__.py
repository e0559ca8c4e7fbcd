"""Benchmarks of the SDK against plain urllib3 doing the same work.

Run from the repository root::

    python -m benchmarks                 # every figure, prints a table
    python -m benchmarks --quick         # fewer rounds, a smoke run
    python -m benchmarks --only stub     # one figure (name or number)
    python -m benchmarks --write-results # also writes benchmarks/RESULTS.md
    python -m benchmarks --profile       # cProfile of the SDK call path (figure 2)

Modules: ``common`` (fixtures, timing, result rows), ``server`` (the loopback
HTTP server, run in its own process), ``calls`` (figures measured over HTTP
or a stubbed socket), ``models`` (JSON to models), ``process`` (figures
measured in fresh processes, with ``memory_child`` as the child of figure 7)
and ``run`` (options, table, RESULTS.md).
"""
