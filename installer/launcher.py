"""Entry point of the frozen application: the same ``fieldworker`` command as the installed package."""

from fieldworker.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
