"""irctest controller for chat: starts the server built in $CHAT_HOME/build the way irctest expects a
server under test (server name My.Little.Server, oper block operuser/operpassword, NickServ built in, no
default channel, no flood control for loopback), one process per test, stopped by irctest.

Used by scripts/conformance.sh; not a part of irctest (irctest is not vendored: give its checkout in IRCTEST_DIR).
"""
import os
import subprocess
from pathlib import Path
from typing import Optional, Set, Type

from irctest.basecontrollers import BaseServerController, DirectoryBasedController
from irctest.runner import NotImplementedByController
from irctest.specifications import Capabilities, OptionalBehaviors

CHAT_HOME = Path(os.environ.get("CHAT_HOME", Path(__file__).resolve().parents[2]))
JAVA = os.environ.get("CHAT_JAVA", "java")


def _oper_hash() -> str:
    """The hash of irctest's oper password, made once per run by the server's own --hash-password."""
    cached = os.environ.get("CHAT_IRCTEST_OPER_HASH")
    if cached:
        return cached
    out = subprocess.run(_java() + ["--hash-password"], input="operpassword\n", capture_output=True,
                         text=True, check=True).stdout
    value = out.strip().splitlines()[-1].strip()
    os.environ["CHAT_IRCTEST_OPER_HASH"] = value
    return value


def _java():
    build = CHAT_HOME / "build"
    # The JVM's own log (the shared archive's warnings when it is dumped again at exit) goes to stderr: on stdout
    # it followed --hash-password's hash, which was then taken for the hash and made every server refuse its config.
    return [JAVA, "--enable-native-access=com.sun.jna,org.xerial.sqlitejdbc",
            "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:TieredStopAtLevel=1", "-XX:+AutoCreateSharedArchive",
            "-XX:SharedArchiveFile=" + str(Path(os.environ.get("TMPDIR", "/tmp")) / "chat-irctest.jsa"),
            "-p", f"{build}/modules:{build}/lib", "-m", "chat.server/chat.server.Main"]


class ChatController(BaseServerController, DirectoryBasedController):
    software_name = "chat"
    supported_sasl_mechanisms: Set[str] = {"PLAIN", "SCRAM-SHA-256"}
    supports_sts = False
    extban_mute_char = "m"
    capabilities = frozenset({
        Capabilities.ACCOUNT_NOTIFY, Capabilities.ACCOUNT_TAG, Capabilities.AWAY_NOTIFY, Capabilities.BATCH,
        Capabilities.ECHO_MESSAGE, Capabilities.EXTENDED_JOIN, Capabilities.EXTENDED_MONITOR,
        Capabilities.LABELED_RESPONSE, Capabilities.MESSAGE_REDACTION, Capabilities.MESSAGE_TAGS,
        Capabilities.MULTILINE, Capabilities.READ_MARKER, Capabilities.MULTI_PREFIX, Capabilities.SERVER_TIME,
        Capabilities.SETNAME,
    })
    optional_behaviors = frozenset({
        OptionalBehaviors.BAN_EXCEPTION_MODE, OptionalBehaviors.CAP_REQ_MINUS,
        OptionalBehaviors.INVITE_EXCEPTION_MODE,
    })

    def run(self, hostname: str, port: int, *, password: Optional[str], ssl: bool, run_services: bool,
            faketime: Optional[str], websocket_hostname: Optional[str], websocket_port: Optional[int]) -> None:
        if password is not None:
            raise NotImplementedByController("PASS (a server password)")
        if faketime is not None:
            raise NotImplementedByController("faketime")
        assert self.proc is None
        self.create_config()
        assert self.directory
        self.hostname = hostname
        self.port = port
        with self.open_file("chat.properties") as f:
            f.write("oper.operuser.password = %s\n" % _oper_hash())
        args = ["--config", str(self.directory / "chat.properties"), "--host", hostname,
                "--server-name", "My.Little.Server", "--server-description", "test server",
                "--network-name", "IRCTest",
                "--default-channel", "none", "--bots", "none", "--monitor-interval", "0",
                "--data-dir", str(self.directory / "data"),
                "--password-iterations", "4096", "--password-min-length", "1",
                "--exempt", "127.0.0.0/8,::1/128", "--flood-rate", "0", "--nick-claim-timeout", "600",
                "--http-port", str(websocket_port) if websocket_port else "-1"]
        if ssl:
            self.gen_ssl()
            (_, plain_port) = self.get_hostname_and_port()
            args += ["--port", str(plain_port), "--tls-port", str(port),
                     "--tls-cert", str(self.pem_path), "--tls-key", str(self.key_path)]
        else:
            args += ["--port", str(port), "--tls-port", "-1"]
        self.proc = self.execute(_java() + args)
        if run_services:
            self.wait_for_port()

    def wait_for_services(self) -> None:
        # NickServ is built into the server: it is up when the port is.
        self.wait_for_port()

    def registerUser(self, case, username: str, password: Optional[str] = None) -> None:
        if not case.run_services:
            raise ValueError("registerUser needs run_services")
        client = case.addClient(show_io=True)
        case.sendLine(client, "NICK " + username)
        case.sendLine(client, "USER r e g :user")
        while case.getRegistrationMessage(client).command != "001":
            pass
        case.getMessages(client)
        case.sendLine(client, f"PRIVMSG NickServ :REGISTER {password}")
        replies = case.getMessages(client)
        assert any(m.command == "NOTICE" and " registered" in m.params[-1] for m in replies), replies
        case.sendLine(client, "QUIT")
        case.assertDisconnected(client)


def get_irctest_controller_class() -> Type[ChatController]:
    return ChatController
