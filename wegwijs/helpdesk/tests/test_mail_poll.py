"""IMAP polling against a real Dovecot server that the test starts in a temporary directory."""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django_scopes import scopes_disabled
from imapclient import IMAPClient

from wegwijs.helpdesk.mail_poll import MailboxPasswordMissing, mailbox_poll
from wegwijs.helpdesk.models import InboundEmail, Mailbox, Ticket

pytestmark = pytest.mark.django_db
DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
SAMPLES = Path(__file__).parent / "mail"
PASSWORD = "geheim-imap-wachtwoord"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def imap_server():
    # Not pytest's tmp_path: its parents are private to root, and Dovecot's workers run as another user.
    tmp_path = Path(tempfile.mkdtemp(prefix="wegwijs-imap-"))
    tmp_path.chmod(0o755)
    if not os.path.exists(DOVECOT):
        pytest.fail("Dovecot is not installed: install Debian's dovecot-imapd (see .ci/run)")
    # Dovecot refuses to deliver as root: mail belongs to the dovecot user when the tests run as root.
    owner = pwd.getpwnam("dovecot") if os.geteuid() == 0 else pwd.getpwuid(os.geteuid())
    login_user = "dovenull" if os.geteuid() == 0 else owner.pw_name
    maildir = tmp_path / "mail"
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True)
    port = free_port()
    (tmp_path / "users").write_text(f"helpdesk:{{PLAIN}}{PASSWORD}\n")
    (tmp_path / "dovecot.conf").write_text(f"""
protocols = imap
listen = 127.0.0.1
base_dir = {tmp_path}/run
state_dir = {tmp_path}/run
log_path = {tmp_path}/dovecot.log
ssl = no
disable_plaintext_auth = no
default_internal_user = {owner.pw_name}
default_login_user = {login_user}
mail_location = maildir:{maildir}
first_valid_uid = {owner.pw_uid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {tmp_path}/users
}}
userdb {{
  driver = static
  args = uid={owner.pw_uid} gid={owner.pw_gid} home={tmp_path}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
}}
""")
    (tmp_path / "run").mkdir()
    for path in [tmp_path, *tmp_path.rglob("*")]:
        os.chown(path, owner.pw_uid, owner.pw_gid)
    subprocess.run([DOVECOT, "-c", str(tmp_path / "dovecot.conf")], check=True)
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)

    def deliver(name: str, raw: bytes) -> None:
        path = maildir / "new" / name
        path.write_bytes(raw)
        os.chown(path, owner.pw_uid, owner.pw_gid)

    yield port, deliver
    subprocess.run([DOVECOT, "-c", str(tmp_path / "dovecot.conf"), "stop"], check=False)
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.fixture
def mailbox(organisation, imap_server, settings):
    port, _deliver = imap_server
    settings.MAILBOX_PASSWORDS = {"TEST": PASSWORD}
    return Mailbox.objects.create(
        organisation=organisation, host="127.0.0.1", port=port, use_ssl=False, username="helpdesk", password_key="TEST"
    )


def test_unseen_mail_is_ingested_once_and_marked_seen(mailbox, imap_server):
    port, deliver = imap_server
    deliver("1.eml", (SAMPLES / "plain.eml").read_bytes())
    deliver("2.eml", (SAMPLES / "alternative.eml").read_bytes())
    deliver("3.eml", (SAMPLES / "no_headers.eml").read_bytes())
    with scopes_disabled():
        assert mailbox_poll(mailbox=mailbox) == 3
        assert mailbox_poll(mailbox=mailbox) == 0
        assert Ticket.objects.count() == 3
        assert InboundEmail.objects.filter(is_malformed=True).count() == 1
    with IMAPClient("127.0.0.1", port=port, ssl=False) as client:
        client.login("helpdesk", PASSWORD)
        client.select_folder("INBOX")
        assert client.search(["UNSEEN"]) == []
    mailbox.refresh_from_db()
    assert mailbox.last_polled_at is not None
    assert mailbox.last_error == ""


def test_a_wrong_password_is_recorded_on_the_mailbox(mailbox, settings):
    settings.MAILBOX_PASSWORDS = {"TEST": "fout"}
    with scopes_disabled(), pytest.raises(IMAPClient.Error):
        mailbox_poll(mailbox=mailbox)
    mailbox.refresh_from_db()
    assert mailbox.last_error


def test_a_missing_password_is_recorded_not_guessed(mailbox, settings):
    settings.MAILBOX_PASSWORDS = {}
    with scopes_disabled(), pytest.raises(MailboxPasswordMissing):
        mailbox_poll(mailbox=mailbox)
    mailbox.refresh_from_db()
    assert "WEGWIJS_MAILBOX_PASSWORD_TEST" in mailbox.last_error
