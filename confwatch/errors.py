"""The one error type every layer raises for problems a user must read.

The CLI prints it as one line (``Error: osce: https://www.osce.org/event/x: timed out``) and exits
with its ``exit_code``: 2 for bad usage or configuration, 1 when the work ran but failed.
"""

from __future__ import annotations


class ConfwatchError(Exception):
    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        url: str | None = None,
        exit_code: int = 1,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.url = url
        self.exit_code = exit_code

    def __str__(self) -> str:
        parts = [p for p in (self.source, self.url) if p]
        return ": ".join([*parts, self.message])


class ConfigError(ConfwatchError):
    """Bad configuration or usage: exit status 2."""

    def __init__(self, message: str, *, source: str | None = None, url: str | None = None) -> None:
        super().__init__(message, source=source, url=url, exit_code=2)
