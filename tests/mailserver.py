"""A real SMTP server for tests (aiosmtpd on 127.0.0.1): AUTH with one account, STARTTLS with a
self-signed certificate when asked, and a record of every login attempt (and whether it came
over TLS), so a test can prove what went over the wire in clear.

A client trusts the certificate through OpenSSL's standard ``SSL_CERT_FILE`` variable (what
``ssl.create_default_context()`` reads), so the code under test needs no test-only setting.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


@dataclass
class Login:
    mechanism: str
    user: str
    password: str
    over_tls: bool


@dataclass
class MailServer:
    """What the server saw; ``port`` to connect to, ``cert`` to trust (with TLS)."""

    port: int
    user: str
    password: str
    cert: Path | None = None
    logins: list[Login] = field(default_factory=list)
    received: list[bytes] = field(default_factory=list)
    controller: Any = None

    def messages(self) -> list[EmailMessage]:
        return [
            email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[misc]
            for raw in self.received
        ]

    # aiosmtpd hooks ---------------------------------------------------------------------------

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        user, password = data.login.decode(), data.password.decode()
        self.logins.append(Login(mechanism, user, password, over_tls=session.ssl is not None))
        ok = (user, password) == (self.user, self.password)
        return AuthResult(success=ok, handled=False)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.received.append(envelope.original_content or b"")
        return "250 OK"

    def stop(self) -> None:
        self.controller.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (PEM files in ``folder``)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def start_mail_server(
    *, user: str, password: str, tls_folder: Path | None = None, auth_require_tls: bool = True
) -> MailServer:
    """Start a server accepting ``user``/``password``; with ``tls_folder`` it offers STARTTLS.

    ``auth_require_tls=False`` lets the server accept AUTH in clear, so a test can see whether
    a client would send it."""
    server = MailServer(port=free_port(), user=user, password=password)
    kwargs: dict[str, Any] = {
        "authenticator": server.authenticate,
        "auth_require_tls": auth_require_tls,
    }
    if tls_folder is not None:
        server.cert, key = self_signed(tls_folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(server.cert, key)
        kwargs["tls_context"] = context
    server.controller = Controller(server, hostname="127.0.0.1", port=server.port, **kwargs)
    server.controller.start()
    return server
