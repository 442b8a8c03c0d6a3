"""Sending mail over SMTP: plain, STARTTLS or SSL, with login; settings from the environment.

Credentials never cross the network in clear unless the operator asked for it: with a user set
and no ``CONFWATCH_SMTP_SECURITY``, the connection uses STARTTLS (SSL on port 465) with the
server's certificate checked, and a server that does not offer STARTTLS is refused before any
password is sent. ``CONFWATCH_SMTP_SECURITY=none`` is honoured, with a ``mail.insecure`` warning
each time a password goes out in clear. The password is only ever handed to ``smtplib.login``;
it is never logged or printed.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
import ssl
from collections.abc import Sequence
from email.message import EmailMessage

from confwatch.errors import ConfwatchError
from confwatch.scheduler.config import MailSettings

log = logging.getLogger("confwatch.mail")


def mail_configured(mail: MailSettings) -> bool:
    return bool(mail.host)


def connect(mail: MailSettings, *, timeout: float = 30) -> smtplib.SMTP:
    if not mail.host:
        raise ConfwatchError("mail is not configured: set CONFWATCH_SMTP_HOST", exit_code=2)
    server = f"{mail.host}:{mail.port}"
    try:
        if mail.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                mail.host, mail.port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            smtp = smtplib.SMTP(mail.host, mail.port, timeout=timeout)
        try:
            if mail.security == "starttls":
                _starttls(smtp, server, with_password=bool(mail.user))
            if mail.user:
                if mail.security == "none":
                    log.warning(
                        "mail.insecure",
                        extra={
                            "host": server,
                            "reason": "CONFWATCH_SMTP_SECURITY=none: the SMTP password is sent "
                            "in clear",
                        },
                    )
                smtp.login(mail.user, mail.password or "")
        except BaseException:
            smtp.close()
            raise
    except (OSError, smtplib.SMTPException) as exc:
        raise ConfwatchError(f"SMTP {server}: {type(exc).__name__}: {exc}") from None
    return smtp


def _starttls(smtp: smtplib.SMTP, server: str, *, with_password: bool) -> None:
    smtp.ehlo()
    if not smtp.has_extn("starttls"):
        why = ", so the password would go in clear" if with_password else ""
        raise ConfwatchError(
            f"SMTP {server} does not offer STARTTLS{why}: set CONFWATCH_SMTP_SECURITY=ssl "
            "for a server that speaks TLS from the start (port 465), or "
            "CONFWATCH_SMTP_SECURITY=none to send in clear anyway",
            exit_code=2,
        )
    smtp.starttls(context=ssl.create_default_context())
    smtp.ehlo()


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
