"""The 户籍档案 tab: persons and households of the village."""
