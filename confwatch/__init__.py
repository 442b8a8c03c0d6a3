"""confwatch: watches conference announcements on counter-terrorism and P/CVE sites.

The code lives in the top-level folders ``spiders/``, ``store/``, ``feeds/`` and ``scheduler/``,
installed as ``confwatch.spiders`` and so on (see docs/decisions/0001-package-layout.md).
"""

__version__ = "0.1.0"
