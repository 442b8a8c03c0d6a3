"""``python -m confwatch.scheduler`` is the ``confwatch`` command."""

from confwatch.scheduler.cli import main

main()
