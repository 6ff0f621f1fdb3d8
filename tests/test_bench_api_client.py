"""The API benchmark's lean client reads whole HTTP/1.1 responses over kept-alive connections.

benchmarks/bench_api.py measures the server with a client that costs little CPU (on a 2-core box
httpx's clients cost more than the server); these tests check it against a tiny asyncio server
that answers with Content-Length and chunked bodies, and counts a non-200 status as an error.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_api  # noqa: E402


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer every request on the connection: /chunked chunked, /missing 404, others by length."""
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ")[1]
            if path == b"/chunked":
                writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
                             b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")
            elif path == b"/missing":
                writer.write(b"HTTP/1.1 404 Not Found\r\ncontent-length: 9\r\n\r\nnot found")
            else:
                body = "名称".encode("utf-8") * 50
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        writer.close()


async def _bench(paths: list[str]) -> tuple[list[float], int]:
    server = await asyncio.start_server(_serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        return await bench_api.run_clients(f"http://127.0.0.1:{port}", paths, clients=4, seconds=0.3)


def test_lean_client_reads_length_and_chunked_bodies_on_kept_alive_connections():
    latencies, errors = asyncio.run(_bench(["/entities?name=x", "/chunked"]))
    assert errors == 0
    assert len(latencies) > 20 and all(t > 0 for t in latencies)


def test_lean_client_counts_a_non_200_status_as_an_error():
    latencies, errors = asyncio.run(_bench(["/missing", "/ok"]))
    assert latencies and 0 < errors < len(latencies)
