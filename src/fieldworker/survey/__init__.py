"""The yearly 动态更新 survey: one record per person and year, filled from a form definition."""
