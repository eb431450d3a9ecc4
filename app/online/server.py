"""`opora serve`: the centre's exchange endpoint (Starlette on uvicorn).

A laptop uploads one bundle in chunks (resumable), asks the centre to apply it, and downloads
the centre's answer: a bundle of what the laptop lacks. Nothing but bundles crosses: the
upload is applied by `app.sync.exchange.import_bundle`, the very function of `sync import`,
so the device is authenticated by the bundle's signature against the enrolled keys, revoked
and unknown devices are refused, and a bundle applies wholly or not at all.

Every database call runs on one thread (`Spool.in_db`): SQLite has one writer, and two
uploads at once are simply applied one after the other.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from app import __version__
from app.db.database import Database
from app.errors import UsageError
from app.i18n import tr
from app.online.protocol import API, BUNDLE_ID, TOKEN
from app.online.spool import ServeLimits, Spool
from app.sync.bundle import read_header
from app.sync.errors import BundleError, Reason
from app.sync.exchange import REJECTED

log = logging.getLogger("opora.exchange")


def _error(code: int, reason: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"reason": reason, "error": message, **extra}, status_code=code)


def _bundle_id(request: Request) -> str | None:
    value = request.path_params["bundle_id"]
    return value if BUNDLE_ID.match(value) else None


def build_app(spool: Spool) -> Starlette:
    """The ASGI application around one spool."""

    async def hello(request: Request) -> Response:
        return JSONResponse({"service": "opora-exchange", "version": __version__})

    async def status(request: Request) -> Response:
        bundle_id = _bundle_id(request)
        if bundle_id is None:
            return _error(400, "bad-request", "")
        if spool.done(bundle_id).exists():
            return JSONResponse({"received": None, "applied": True})
        return JSONResponse({"received": spool.received(bundle_id), "applied": False})

    async def upload(request: Request) -> Response:
        bundle_id = _bundle_id(request)
        try:
            offset = int(request.query_params["offset"])
            total = int(request.query_params["total"])
            length = int(request.headers.get("content-length", "-1"))
        except (KeyError, ValueError):
            return _error(400, "bad-request", "")
        limits = spool.limits
        if bundle_id is None or offset < 0 or not 0 < total <= limits.max_bundle:
            return _error(400, "bad-request", "")
        if length > limits.max_chunk:
            return _error(413, "too-large", "")
        if spool.done(bundle_id).exists():
            return JSONResponse({"received": total, "applied": True})
        fresh = not spool.part(bundle_id).exists()
        if fresh and len(list((spool.folder / "parts").glob("*.part"))) >= limits.open_uploads:
            return JSONResponse({"reason": "busy"}, status_code=503, headers={"Retry-After": "5"})
        if not await spool.acquire():
            return JSONResponse({"reason": "busy"}, status_code=503, headers={"Retry-After": "2"})
        try:
            body = bytearray()
            try:
                async for piece in request.stream():
                    body += piece
                    if len(body) > limits.max_chunk:
                        return _error(413, "too-large", "")
            except ClientDisconnect:
                return Response(status_code=400)  # nobody is listening; nothing was written
            async with spool.lock(bundle_id):
                held = spool.received(bundle_id)
                if offset != held or offset + len(body) > total:
                    return JSONResponse({"reason": "offset", "received": held}, status_code=409)
                await spool.in_thread(spool.append, bundle_id, total, bytes(body))
                problem = await _check_sender(spool, bundle_id)
                if problem is not None:
                    spool.drop(bundle_id)
                    reason, message = problem
                    code = 403 if reason in ("unknown-device", "revoked-device") else 422
                    log.info("exchange bundle=%s status=rejected reason=%s", bundle_id, reason)
                    return _error(code, reason, message, status=REJECTED)
                return JSONResponse({"received": spool.received(bundle_id), "applied": False})
        finally:
            spool.release()

    async def apply(request: Request) -> Response:
        bundle_id = _bundle_id(request)
        if bundle_id is None:
            return _error(400, "bad-request", "")
        if not await spool.acquire():
            return JSONResponse({"reason": "busy"}, status_code=503, headers={"Retry-After": "2"})
        try:
            async with spool.lock(bundle_id):
                code, answer = await spool.in_db(spool.apply, bundle_id)
            if code != 409:
                spool.forget(bundle_id)
        finally:
            spool.release()
        return JSONResponse(answer, status_code=code)

    async def reply(request: Request) -> Response:
        token = request.path_params["token"]
        path = spool.reply(token)
        if not TOKEN.match(token) or not path.exists():
            return _error(404, "unknown-reply", "")
        size = path.stat().st_size
        start = 0
        wanted = request.headers.get("range", "")
        if wanted.startswith("bytes=") and wanted.endswith("-"):
            try:
                start = int(wanted[6:-1])
            except ValueError:
                start = 0
        start = min(max(start, 0), size)

        def chunks() -> Any:
            with path.open("rb") as handle:
                handle.seek(start)
                while block := handle.read(64 << 10):
                    yield block

        headers = {"Content-Length": str(size - start), "Accept-Ranges": "bytes"}
        if start:
            headers["Content-Range"] = f"bytes {start}-{size - 1}/{size}"
        return StreamingResponse(
            chunks(),
            status_code=206 if start else 200,
            media_type="application/octet-stream",
            headers=headers,
        )

    async def forget_reply(request: Request) -> Response:
        token = request.path_params["token"]
        if TOKEN.match(token):
            spool.reply(token).unlink(missing_ok=True)
        return Response(status_code=204)

    routes = [
        Route(f"{API}/hello", hello, methods=["GET"]),
        Route(f"{API}/uploads/{{bundle_id}}", status, methods=["GET"]),
        Route(f"{API}/uploads/{{bundle_id}}", upload, methods=["PUT"]),
        Route(f"{API}/uploads/{{bundle_id}}/apply", apply, methods=["POST"]),
        Route(f"{API}/replies/{{token}}", reply, methods=["GET"]),
        Route(f"{API}/replies/{{token}}", forget_reply, methods=["DELETE"]),
    ]

    async def failure(request: Request, exc: Exception) -> Response:
        # The log names the kind of failure only: messages may quote a record's values.
        log.error("exchange failed path=%s error=%s", request.url.path, type(exc).__name__)
        return _error(500, "server-error", "")

    return Starlette(routes=routes, exception_handlers={Exception: failure})


async def _check_sender(spool: Spool, bundle_id: str) -> tuple[str, str] | None:
    """Once the clear header has arrived: the bundle's id and sender must be plausible.

    Not yet a proof (the signature is checked when the whole bundle is applied); it only
    stops strangers and revoked laptops from filling the spool."""
    if bundle_id in spool._checked:
        return None
    try:
        header = read_header(spool.part(bundle_id))
    except BundleError as error:
        if error.reason == Reason.TRUNCATED:
            return None
        return str(error.reason), str(error)
    if header.bundle_id != bundle_id:
        error = BundleError(Reason.BAD_HEADER)
        return str(error.reason), str(error)
    problem = await spool.in_db(spool.sender_problem, header.sender)
    if problem is None:
        spool._checked.add(bundle_id)
    return problem


def parse_listen(text: str) -> tuple[str, int]:
    """HOST:PORT (IPv6 in brackets) → (host, port)."""
    host, sep, port = text.rpartition(":")
    try:
        number = int(port)
    except ValueError:
        number = -1
    if not sep or not host or not 0 <= number < 65536:
        raise UsageError(tr("«{value}» is not HOST:PORT", value=text))
    return host.strip("[]"), number


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(
            tr("cannot listen on {host}:{port}: {error}", host=host, port=port, error=exc.strerror)
        ) from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _stopped(_number: int, _frame: Any) -> None:
    raise SystemExit(0)


def run_server(
    db: Database,
    sock: socket.socket,
    spool_folder: Path,
    *,
    tls: tuple[str, str] | None = None,
    limits: ServeLimits | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Serve until SIGTERM/SIGINT; in-flight requests finish, then the database closes."""
    import uvicorn

    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False

    spool: Spool | None = None

    def factory() -> Starlette:
        nonlocal spool
        spool = Spool(db, spool_folder, limits or ServeLimits())
        return build_app(spool)

    config = uvicorn.Config(
        factory,
        factory=True,
        log_level="critical",  # its tracebacks could quote values; ours name types only
        access_log=False,
        ssl_certfile=tls[0] if tls else None,
        ssl_keyfile=tls[1] if tls else None,
        timeout_graceful_shutdown=15,
        timeout_keep_alive=15,
        h11_max_incomplete_event_size=64 << 10,
        lifespan="off",
    )
    server = uvicorn.Server(config)
    host, port = sock.getsockname()[:2]
    scheme = "https" if tls else "http"
    shown = f"[{host}]" if ":" in host else host
    if announce is not None:
        announce(f"{scheme}://{shown}:{port}")
    # uvicorn stops gracefully on SIGTERM/SIGINT, then re-raises the signal to the handler
    # that was there before: let that one end the process with status 0.
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, _stopped)
    try:
        server.run(sockets=[sock])
    finally:
        if spool is not None:
            spool.close()
        log.info("exchange stopped")
