"""USB exchange between installations: device keys, signed and encrypted ``.fwpkg`` packages,
incremental export by per-device sequence numbers, and a merge that converges in any order.

Modules: ``keys`` (device keys, key cards, trust, ``seal_to``/``open_sealed``), ``package``
(the file format, see docs/fwpkg-format.md), ``writes`` (the write graph a record's state is
computed from), ``export``, ``merge``, ``conflicts``, ``flags`` (有问题/退回 marks flowing down).
"""
