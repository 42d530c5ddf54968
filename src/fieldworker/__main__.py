from fieldworker.cli import main

raise SystemExit(main())
