"""Coverage figures against policy targets and 应补尽补 gap lists, from the roster's fields."""
