"""The 动态更新调查 tab: the year's list, the form rendered from its definition, printing."""
