"""Sending mail over SMTP: plain, STARTTLS or SSL, with login; settings from the environment.

The password is only ever handed to ``smtplib.login``; it is never logged or printed.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage

from confwatch.errors import ConfwatchError
from confwatch.scheduler.config import MailSettings


def mail_configured(mail: MailSettings) -> bool:
    return bool(mail.host)


def connect(mail: MailSettings, *, timeout: float = 30) -> smtplib.SMTP:
    if not mail.host:
        raise ConfwatchError("mail is not configured: set CONFWATCH_SMTP_HOST", exit_code=2)
    try:
        if mail.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                mail.host, mail.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(mail.host, mail.port, timeout=timeout)
            if mail.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
        if mail.user:
            smtp.login(mail.user, mail.password or "")
    except (OSError, smtplib.SMTPException) as exc:
        raise ConfwatchError(f"SMTP {mail.host}:{mail.port}: {type(exc).__name__}: {exc}") from None
    return smtp


def send(
    mail: MailSettings, message: EmailMessage, recipients: Sequence[str] | None = None
) -> None:
    """Send one message; raises ConfwatchError naming the server on failure."""
    smtp = connect(mail)
    try:
        smtp.send_message(message, to_addrs=list(recipients) if recipients else None)
    except (OSError, smtplib.SMTPException) as exc:
        raise ConfwatchError(f"SMTP {mail.host}:{mail.port}: {type(exc).__name__}: {exc}") from None
    finally:
        with contextlib.suppress(OSError, smtplib.SMTPException):
            smtp.quit()
