"""The 数据交换 menu: export to USB, import packages, keys and peers, history, conflicts and flags."""
