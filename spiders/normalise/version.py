"""The extractor's version: which reading of a page produced the fields a store holds.

Every page a crawl reads is stored with its body and an extraction tag made of this version and
a hash of its source's extraction settings (``spiders/reextract.py``). When the tag a page was
read with differs from the current one, the next crawl reads the page again from its stored body
(no fetch), and what changes is recorded as a correction, not as news from the site.

BUMP ``EXTRACTOR_VERSION`` WHENEVER EXTRACTION OUTPUT CHANGES: a rule, a lexicon row, a weight
file, a spider's ``page_events`` or ``read_page``. Anything that makes
``confwatch extract PAGE --json`` print something else for some page. Forgetting it leaves
existing stores with the old readings until their pages change (``confwatch reextract`` still
re-reads them on demand). Any string of at most 40 characters; a date and a counter read well.
"""

from __future__ import annotations

EXTRACTOR_VERSION = "2026.15.47"
