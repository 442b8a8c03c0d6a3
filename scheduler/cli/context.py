"""What every command receives: the global options, and the settings read once on first use."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from confwatch.scheduler.config import Settings, load_settings
from confwatch.scheduler.logs import setup_logging


@dataclass
class Ctx:
    config: str | None
    log_format: str | None
    debug: bool
    _settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        """The settings; logs go to stderr and to the home's log file (creating the home)."""
        return self._load(home_logs=True)

    @property
    def settings_without_home_logs(self) -> Settings:
        """The settings for a command that writes nothing to ``CONFWATCH_HOME`` (``extract``,
        ``eval``, ``try``): logs go to stderr only, so the home is neither created nor written
        by logging (eval-format §1: extract runs offline, with no database)."""
        return self._load(home_logs=False)

    @property
    def reading_settings(self) -> Settings:
        """The settings for a command that only reads (``sources``, ``status``, ``events``...):
        logs go to the home's log file when the home exists, else to stderr only, so reading
        never creates the home (its store is opened with ``open_store(reading=True)``)."""
        return self._load(home_logs=None)

    def _load(self, *, home_logs: bool | None) -> Settings:
        if self._settings is None:
            env = None
            if self.log_format:
                env = dict(os.environ, CONFWATCH_LOG_FORMAT=self.log_format)
            self._settings = load_settings(self.config, env)
            if home_logs is None:
                home_logs = os.path.isdir(self._settings.home)
            setup_logging(
                log_format=self._settings.log_format,
                logs_dir=self._settings.logs_dir if home_logs else None,
                secrets=self._settings.secrets(),
                level=logging.DEBUG if self.debug else logging.INFO,
            )
        return self._settings
