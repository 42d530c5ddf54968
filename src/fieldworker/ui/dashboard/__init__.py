"""The 统计 tab: coverage against targets, charts, 应补尽补 gap lists."""
