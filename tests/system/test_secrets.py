"""Secrets come from the environment and never come back out: not in logs, errors, status output
or tracebacks (even with --debug, where the database URL is shown redacted).

The full run plants a database password (PostgreSQL, whose trust authentication ignores it, so
every command really works) and an SMTP password (a real SMTP server that requires it, over
STARTTLS), runs every command of ``confwatch --help`` with typical arguments, with and without
``--json`` and ``--debug``, plus failing variants, and looks for each secret, raw, URL-encoded
and base64-encoded, in stdout, stderr, the log files and every other file in CONFWATCH_HOME.
"""

from __future__ import annotations

import base64
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from tests.conftest import FIXTURES, PG_URL, start_replay
from tests.mailserver import MailServer, free_port, start_mail_server
from tests.system.conftest import confwatch

SMTP_PASSWORD = "smtp-Pa55-word-xyz"
DB_PASSWORD = "db-Pa55-word-xyz"


@pytest.fixture
def secret_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFWATCH_", "DATABASE_URL"))}
    return env | {
        "CONFWATCH_HOME": str(home),
        "CONFWATCH_SMTP_HOST": "127.0.0.1",
        "CONFWATCH_SMTP_PASSWORD": SMTP_PASSWORD,
        # Nothing listens on port 9: every command that opens the store fails.
        "DATABASE_URL": f"postgresql+psycopg://confwatch:{DB_PASSWORD}@127.0.0.1:9/confwatch",
    }


def files_text(folder: Path) -> str:
    """Every file under ``folder`` as text (logs, feeds, previews): where a secret could hide."""
    if not folder.is_dir():
        return ""
    return "".join(
        p.read_bytes().decode("utf-8", "replace") for p in sorted(folder.rglob("*")) if p.is_file()
    )


@pytest.mark.parametrize("debug", [[], ["--debug"]])
@pytest.mark.parametrize("command", [["status", "--json"], ["crawl", "gia-mn"], ["events"]])
def test_failing_commands_never_print_a_secret(
    secret_env: dict[str, str], home: Path, command: list[str], debug: list[str]
) -> None:
    done = confwatch(secret_env, *debug, *command, timeout=60)
    assert done.returncode != 0
    assert "127.0.0.1:9" in done.stderr  # the error names the database ...
    logs = files_text(home / "logs")
    for secret in (SMTP_PASSWORD, DB_PASSWORD):
        for text in (done.stdout, done.stderr, logs):
            assert secret not in text  # ... but never its password


# -- every command, on a database and a mail server that really use the secrets ---------------

# Characters that URL-encoding changes, so the encoded spellings differ from the raw ones.
PLANTED_DB = "PLANTED-db/secret@123 x"
PLANTED_SMTP = "PLANTED-smtp&secret:456"
SMTP_USER = "confwatch-mailer"


def spellings(secret: str) -> list[str]:
    return [
        secret,
        quote(secret, safe=""),
        quote(secret),
        quote_plus(secret),
        base64.b64encode(secret.encode()).decode(),
    ]


# (label, arguments, expected exit status); run in this order, on one home and one database.
COMMANDS: list[tuple[str, list[str], int]] = [
    ("db upgrade", ["db", "upgrade"], 0),
    ("sources", ["sources"], 0),
    ("sources --json", ["sources", "--json"], 0),
    ("crawl --json", ["--log-format", "json", "crawl", "--json"], 0),
    ("crawl unknown --debug", ["--debug", "crawl", "no-such-source"], 2),
    ("feeds", ["feeds"], 0),
    ("status", ["status"], 0),
    ("status --json --debug", ["--debug", "status", "--json"], 0),
    ("events", ["events"], 0),
    ("events --json", ["events", "--json"], 0),
    ("events show --json", ["events", "show", "1", "--json"], 0),
    ("events show missing --debug", ["--debug", "events", "show", "999999"], 2),
    ("events ambiguous", ["events", "ambiguous"], 0),
    ("events merge", ["events", "merge", "1", "2"], 0),
    ("events split unknown", ["events", "split", "1", "no-such-source"], 2),
    ("extract --json", ["extract", "{page}", "--json"], 0),
    ("extract missing", ["extract", "{tmp}/missing.html"], 2),
    ("eval --json", ["eval", "{labelled}", "--json"], 0),
    ("subscribers add", ["subscribers", "add", "analyst@example.org", "--name", "A"], 0),
    ("subscribers add bad", ["subscribers", "add", "not-an-address"], 2),
    ("subscribers list --json", ["subscribers", "list", "--json"], 0),
    ("digest preview", ["digest", "preview", "--out", "{home}/preview/digest.eml"], 0),
    ("digest send --dry-run", ["digest", "send", "--dry-run", "--json"], 0),
    ("digest send --json --debug", ["--debug", "digest", "send", "--json"], 0),
    ("digest send, nothing due", ["digest", "send"], 0),
    ("subscribers remove", ["subscribers", "remove", "analyst@example.org"], 0),
    ("worker --json", ["worker", "--wait", "0", "--json"], 2),
    ("demo --debug", ["--debug", "demo", "--sites", "{sites}"], 0),
]
FAILING: list[tuple[str, dict[str, str], list[str], int]] = [
    # label, environment changes, arguments, expected exit status
    ("status, database down", {"DATABASE_URL": "{db_down}"}, ["status"], 2),
    ("status, database down --debug", {"DATABASE_URL": "{db_down}"}, ["--debug", "status"], 2),
    ("crawl, database down", {"DATABASE_URL": "{db_down}"}, ["crawl", "gia-mn"], 2),
    ("db upgrade, database down", {"DATABASE_URL": "{db_down}"}, ["db", "upgrade"], 2),
    ("sources, bad Redis URL", {"CONFWATCH_REDIS_URL": "{bad_redis}"}, ["sources"], 2),
    ("digest send, mail down", {"CONFWATCH_SMTP_PORT": "9"}, ["digest", "send", "--json"], 1),
    (
        "digest send, wrong user --debug",
        {"CONFWATCH_SMTP_USER": "x"},
        ["--debug", "digest", "send"],
        1,
    ),
]


class Transcript:
    def __init__(self, home: Path, mail: MailServer) -> None:
        self.home = home
        self.mail = mail
        self.runs: dict[str, tuple[list[str], subprocess.CompletedProcess[str], int]] = {}


def _config(folder: Path) -> Path:
    text = resources.files("confwatch.scheduler").joinpath("default.toml").read_text("utf-8")
    text = text.replace('# operator = "ops@example.org"', 'operator = "ops@example.org"')
    path = folder / "confwatch.toml"
    path.write_text(text + '\n[digest]\nempty = "send"\n', "utf-8")
    return path


def _run_serve(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``confwatch serve`` for as long as it takes to answer /healthz and /, then SIGTERM."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "confwatch.scheduler", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    bodies = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                for path in ("/healthz", "/"):
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as r:
                            bodies.append(r.read().decode("utf-8", "replace"))
                    except urllib.error.HTTPError as exc:  # 503 when a source is overdue
                        bodies.append(exc.read().decode("utf-8", "replace"))
                break
            except OSError:
                time.sleep(0.3)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert len(bodies) == 2, err[-3000:]
    return subprocess.CompletedProcess(proc.args, proc.returncode, out + "".join(bodies), err)


@pytest.fixture(scope="module")
def transcript(
    tmp_path_factory: pytest.TempPathFactory, postgres_available: str | None
) -> Iterator[Transcript]:
    if postgres_available:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI requires PostgreSQL: {postgres_available}")
        pytest.skip(postgres_available)
    import psycopg

    tmp = tmp_path_factory.mktemp("secrets")
    home = tmp / "home"
    schema = f"t_{uuid.uuid4().hex[:12]}"
    raw = PG_URL.replace("+psycopg", "")
    with psycopg.connect(raw, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    db_url = (
        PG_URL.replace("postgres@", f"postgres:{quote(PLANTED_DB, safe='')}@")
        + f"?options=-csearch_path%3D{schema}"
    )
    assert PLANTED_DB not in db_url and quote(PLANTED_DB, safe="") in db_url
    sites = tmp / "sites"
    shutil.copytree(FIXTURES / "sites", sites)
    replay = start_replay(sites)
    mail = start_mail_server(user=SMTP_USER, password=PLANTED_SMTP, tls_folder=tmp / "tls")
    assert mail.cert is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFWATCH_", "DATABASE_URL"))}
    env |= {
        "CONFWATCH_HOME": str(home),
        "CONFWATCH_CONFIG": str(_config(tmp)),
        "CONFWATCH_REPLAY_URL": replay.url,
        "CONFWATCH_DOWNLOAD_DELAY": "0",
        "DATABASE_URL": db_url,
        "CONFWATCH_SMTP_HOST": "127.0.0.1",
        "CONFWATCH_SMTP_PORT": str(mail.port),
        "CONFWATCH_SMTP_USER": SMTP_USER,
        "CONFWATCH_SMTP_PASSWORD": PLANTED_SMTP,
        "CONFWATCH_SMTP_SECURITY": "starttls",
        "CONFWATCH_MAIL_FROM": "confwatch@example.org",
        "SSL_CERT_FILE": str(mail.cert),  # trust the test server's self-signed certificate
    }
    values = {
        "page": str(
            FIXTURES / "sites" / "gia.gov.mn" / "en" / "12" / "item" / "514" / "index.html"
        ),
        "tmp": str(tmp),
        "labelled": str(FIXTURES / "labelled"),
        "home": str(home),
        "sites": str(FIXTURES / "sites"),
        "db_down": db_url.replace("127.0.0.1:5432", "127.0.0.1:9"),
        "bad_redis": f"http://:{quote(PLANTED_DB, safe='')}@127.0.0.1:6379/0",
    }
    result = Transcript(home, mail)
    try:
        for label, args, expected in COMMANDS:
            args = [a.format(**values) for a in args]
            result.runs[label] = (args, confwatch(env, *args, timeout=300), expected)
            if label == "digest preview":
                result.runs["serve"] = (["serve"], _run_serve(env), 0)  # a clean stop
        for n, (label, changes, args, expected) in enumerate(FAILING):
            changed = env | {k: v.format(**values) for k, v in changes.items()}
            if "digest" in args:  # a digest due: a new subscriber has one for last week
                confwatch(env, "subscribers", "add", f"due{n}@example.org")
            result.runs[label] = (args, confwatch(changed, *args, timeout=300), expected)
        yield result
    finally:
        mail.stop()
        replay.proc.terminate()
        replay.proc.wait(timeout=10)
        with psycopg.connect(raw, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


LABELS = [label for label, _, _ in COMMANDS] + ["serve"] + [label for label, *_ in FAILING]


@pytest.mark.parametrize("label", LABELS)
def test_command_output_holds_no_planted_secret(transcript: Transcript, label: str) -> None:
    args, done, _ = transcript.runs[label]
    for secret in (PLANTED_DB, PLANTED_SMTP):
        for spelled in spellings(secret):
            assert spelled not in done.stdout, (args, "stdout", spelled)
            assert spelled not in done.stderr, (args, "stderr", spelled)


@pytest.mark.parametrize("label", LABELS)
def test_command_ran_to_its_expected_exit_status(transcript: Transcript, label: str) -> None:
    args, done, expected = transcript.runs[label]
    assert done.returncode == expected, (args, done.stdout[-1500:], done.stderr[-3000:])
    assert "unexpected" not in done.stderr, (args, done.stderr[-3000:])


def test_logs_and_every_file_in_home_hold_no_planted_secret(transcript: Transcript) -> None:
    text = files_text(transcript.home)
    assert "crawl.finish" in text and "digest.sent" in text  # the logs are really there
    for secret in (PLANTED_DB, PLANTED_SMTP):
        for spelled in spellings(secret):
            assert spelled not in text, spelled


def test_the_mail_server_really_received_the_planted_password_over_tls(
    transcript: Transcript,
) -> None:
    good = [x for x in transcript.mail.logins if x.password == PLANTED_SMTP and x.user == SMTP_USER]
    assert good and all(x.over_tls for x in transcript.mail.logins)
    assert transcript.mail.received  # digests were sent
