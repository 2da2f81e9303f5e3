"""``python -m reportedly`` runs the command line."""

from reportedly.cli import main

raise SystemExit(main())
