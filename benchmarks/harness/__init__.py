"""The benchmark harness behind ``benchmarks/run.py``: one module per concern.

``common`` (rows, statistics, formatting), ``settings`` (profiles, sections), ``timing``
(interleaved chunks, async fan-out), ``peers`` (the sync clients compared), ``sync`` and
``mock`` (per-call rows), ``fanout`` (async rows and connection peaks), ``walk`` (the
100,000-row result walk), ``decoders`` (the optional fast JSON decoder), ``parse``,
``procs`` (fresh interpreters), ``imports`` and ``cold`` (cold start, CLI), ``memory``
(RSS in fresh processes; ``memory_child`` runs there), ``misc`` (regen, build, sequential
connections), ``report`` (machine header, table) and ``main`` (options, the run).
"""
