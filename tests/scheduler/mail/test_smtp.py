"""SMTP credentials never cross the network in clear unless the operator says so.

With a user and password and no CONFWATCH_SMTP_SECURITY, confwatch uses STARTTLS (SSL on port
465) and refuses to log in when the server does not offer it; ``CONFWATCH_SMTP_SECURITY=none``
is honoured, with a ``mail.insecure`` warning each time a password goes out in clear. Every test
talks to a real SMTP server (aiosmtpd) that records each login and whether it came over TLS.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from confwatch.errors import ConfwatchError
from confwatch.scheduler.config import load_settings
from confwatch.scheduler.mail.smtp import send
from tests.mailserver import MailServer, self_signed, start_mail_server

USER = "confwatch"
PASSWORD = "mail-Pa55 word/&"


def message() -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = "confwatch: test"
    msg["From"] = "confwatch@example.org"
    msg["To"] = "ops@example.org"
    msg.set_content("hello\n")
    return msg


def env_for(server: MailServer, **extra: str) -> dict[str, str]:
    return {
        "CONFWATCH_SMTP_HOST": "127.0.0.1",
        "CONFWATCH_SMTP_PORT": str(server.port),
        "CONFWATCH_SMTP_USER": USER,
        "CONFWATCH_SMTP_PASSWORD": PASSWORD,
        **extra,
    }


@pytest.fixture
def plain_server() -> Iterator[MailServer]:
    """No STARTTLS on offer, and AUTH accepted in clear: only the client can refuse."""
    server = start_mail_server(user=USER, password=PASSWORD, auth_require_tls=False)
    yield server
    server.stop()


@pytest.fixture
def tls_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MailServer]:
    """STARTTLS with a self-signed certificate the client trusts (SSL_CERT_FILE)."""
    server = start_mail_server(user=USER, password=PASSWORD, tls_folder=tmp_path / "tls")
    monkeypatch.setenv("SSL_CERT_FILE", str(server.cert))
    yield server
    server.stop()


@pytest.mark.parametrize(
    ("port", "security"), [("25", "starttls"), ("587", "starttls"), ("465", "ssl")]
)
def test_credentials_without_a_security_setting_default_to_tls(port: str, security: str) -> None:
    env = {"CONFWATCH_SMTP_HOST": "mail.example", "CONFWATCH_SMTP_PORT": port}
    mail = load_settings(
        env=env | {"CONFWATCH_SMTP_USER": USER, "CONFWATCH_SMTP_PASSWORD": "x"}
    ).mail
    assert mail.security == security


def test_without_credentials_the_default_stays_plain_smtp() -> None:
    mail = load_settings(env={"CONFWATCH_SMTP_HOST": "localhost"}).mail
    assert (mail.security, mail.port) == ("none", 25)


def test_default_with_credentials_never_sends_the_password_in_clear(
    plain_server: MailServer,
) -> None:
    settings = load_settings(env=env_for(plain_server))
    with pytest.raises(ConfwatchError) as raised:
        send(settings.mail, message())
    error = str(raised.value)
    assert f"127.0.0.1:{plain_server.port}" in error and "STARTTLS" in error
    assert "CONFWATCH_SMTP_SECURITY" in error  # says what to set
    assert raised.value.exit_code == 2
    assert PASSWORD not in error
    assert plain_server.logins == [] and plain_server.received == []


def test_default_with_credentials_logs_in_over_starttls(tls_server: MailServer) -> None:
    settings = load_settings(env=env_for(tls_server))
    send(settings.mail, message())
    assert [(x.user, x.password, x.over_tls) for x in tls_server.logins] == [(USER, PASSWORD, True)]
    assert [m["Subject"] for m in tls_server.messages()] == ["confwatch: test"]


def test_starttls_checks_the_server_certificate(
    tls_server: MailServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Trust another self-signed certificate: not the one the server shows.
    monkeypatch.setenv("SSL_CERT_FILE", str(self_signed(tmp_path / "other")[0]))
    settings = load_settings(env=env_for(tls_server))
    with pytest.raises(ConfwatchError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify"):
        send(settings.mail, message())
    assert tls_server.logins == []


def test_explicit_none_logs_in_in_clear_with_a_warning(
    plain_server: MailServer, caplog: pytest.LogCaptureFixture
) -> None:
    settings = load_settings(env=env_for(plain_server, CONFWATCH_SMTP_SECURITY="none"))
    with caplog.at_level(logging.WARNING):
        send(settings.mail, message())
    assert [(x.password, x.over_tls) for x in plain_server.logins] == [(PASSWORD, False)]
    warnings = [r for r in caplog.records if r.getMessage() == "mail.insecure"]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert getattr(warnings[0], "host", None) == f"127.0.0.1:{plain_server.port}"
    assert PASSWORD not in caplog.text


def test_plain_smtp_without_credentials_sends_without_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    server = start_mail_server(user=USER, password=PASSWORD, auth_require_tls=False)
    try:
        env = {"CONFWATCH_SMTP_HOST": "127.0.0.1", "CONFWATCH_SMTP_PORT": str(server.port)}
        with caplog.at_level(logging.WARNING):
            send(load_settings(env=env).mail, message())
    finally:
        server.stop()
    assert len(server.received) == 1 and server.logins == []
    assert not [r for r in caplog.records if r.getMessage() == "mail.insecure"]
