"""A real `opora serve` subprocess on a free loopback port, and a TCP proxy that breaks."""

from __future__ import annotations

import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tests.sync.network import LAPTOP_PASSWORD, PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def env(password: str | None, lang: str = "en") -> dict[str, str]:
    result = {k: v for k, v in os.environ.items() if not k.startswith("OPORA_")}
    result["PYTHONIOENCODING"] = "utf-8"
    result["OPORA_LANG"] = lang
    if password is not None:
        result["OPORA_PASSWORD"] = password
    return result


class Server:
    """`python -m app --db CENTRE serve --listen 127.0.0.1:PORT` (port 0: any free one)."""

    def __init__(self, db: Path, log: Path, *extra: str, password: str = PASSWORD) -> None:
        self.db, self.log, self.extra, self.password = db, log, extra, password
        self.process: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.port = 0

    def start(self, port: int | None = None) -> Server:
        listen = f"127.0.0.1:{self.port if port is None else port}"
        argv = [sys.executable, "-m", "app", "--db", str(self.db), "serve", "--listen", listen]
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [*argv, *self.extra],
                stdout=subprocess.DEVNULL,
                stderr=out,
                stdin=subprocess.DEVNULL,
                env=env(self.password),
                cwd=str(ROOT),
            )
        deadline = time.monotonic() + 60
        seen = self.log.stat().st_size if False else 0
        while time.monotonic() < deadline:
            text = self.log.read_text("utf-8", errors="replace")[seen:]
            found = re.findall(r"(https?://[\d.]+:(\d+))", text)
            if found:
                self.url, port_text = found[-1]
                self.port = int(port_text)
                if self._answers():
                    return self
            if self.process.poll() is not None:
                raise AssertionError(f"serve exited {self.process.returncode}: {text}")
            time.sleep(0.05)
        raise AssertionError("serve did not start: " + self.log.read_text("utf-8"))

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> int:
        """SIGTERM and wait; the exit status."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=30)

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(timeout=30)

    def text(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


def sync_now(
    db: Path, *args: str, timeout: float = 120, lang: str = "en"
) -> subprocess.CompletedProcess[str]:
    """`python -m app --db LAPTOP sync now …` as a subprocess."""
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "sync", "now", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env(LAPTOP_PASSWORD, lang),
        cwd=str(ROOT),
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


class Proxy:
    """A TCP proxy on a free loopback port in front of `target_port`.

    `cut(connection_number, bytes_sent_upstream)` says when to break a connection: it is
    asked after every piece forwarded towards the server, and a True closes both sides."""

    def __init__(
        self, target_port: int, cut: Callable[[int, int], bool] = lambda _n, _b: False
    ) -> None:
        self.target_port = target_port
        self.cut = cut
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.connections = 0
        self.cuts = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                number = self.connections
            threading.Thread(target=self._pipe, args=(client, number), daemon=True).start()

    def _pipe(self, client: socket.socket, number: int) -> None:
        try:
            server = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        done = threading.Event()

        def close_both() -> None:
            done.set()
            for sock in (client, server):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

        def upstream() -> None:
            sent = 0
            try:
                while piece := client.recv(16384):
                    server.sendall(piece)
                    sent += len(piece)
                    if self.cut(number, sent):
                        with self._lock:
                            self.cuts += 1
                        break
            except OSError:
                pass
            close_both()

        def downstream() -> None:
            try:
                while piece := server.recv(16384):
                    client.sendall(piece)
            except OSError:
                pass
            close_both()

        threading.Thread(target=upstream, daemon=True).start()
        threading.Thread(target=downstream, daemon=True).start()

    def close(self) -> None:
        self._stop.set()
        self.listener.close()


def random_cuts(seed: int, probability: float) -> Callable[[int, int], bool]:
    """Break a connection at random: each forwarded piece with the given probability."""
    rng = random.Random(seed)
    lock = threading.Lock()

    def cut(_number: int, _sent: int) -> bool:
        with lock:
            return rng.random() < probability

    return cut
