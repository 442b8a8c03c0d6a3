"""The application shell: everything that runs confwatch, around the spiders, feeds and store.

Rooms: ``cli/`` (the ``confwatch`` command, one module per command group), ``service/``
(``confwatch serve``: the schedule, its jobs, alerts and the HTTP side), ``crawl/`` (the crawl
child process and the parent that starts and bounds it), ``mail/`` (digests, SMTP and Apprise
notifications). At the root: configuration (``config``, its schema, problems and generated
docs), logging, opening the store, locks, rebuilding the published files, failures as exit
statuses, and the demo. Nothing below the shell imports it (docs/architecture.md).
"""
