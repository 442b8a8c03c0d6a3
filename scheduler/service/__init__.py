"""``confwatch serve``: the APScheduler schedule and its jobs, alerts, and the HTTP side."""
