"""fieldworker — 基层残疾人工作台: an offline workbench for village disability workers."""

__version__ = "0.1.0"
