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
        if self._settings is None:
            env = None
            if self.log_format:
                env = dict(os.environ, CONFWATCH_LOG_FORMAT=self.log_format)
            self._settings = load_settings(self.config, env)
            setup_logging(
                log_format=self._settings.log_format,
                logs_dir=self._settings.logs_dir,
                secrets=self._settings.secrets(),
                level=logging.DEBUG if self.debug else logging.INFO,
            )
        return self._settings
