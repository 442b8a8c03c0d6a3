"""Where jobs stored by releases before issue 18 find their functions.

APScheduler keeps each job's function as ``"module:name"`` in the job table; a job whose path no
longer imports is dropped when the table is read. Jobs written before the scheduler's modules
moved name ``confwatch.scheduler.jobs``; ``serve`` rewrites them to ``service.jobs`` at its first
start (``sync_jobs``), and this module keeps the old names importable until then.
"""

from confwatch.scheduler.service.jobs import crawl_job, digest_job

__all__ = ["crawl_job", "digest_job"]
