#!/usr/bin/env python3
"""API throughput under concurrent clients: /entities and /entities/{id}/neighbors.

    .venv/bin/python benchmarks/bench_api.py --store DIR                  # 1 worker, 50 clients, 10 s
    .venv/bin/python benchmarks/bench_api.py --store DIR --workers 2 --clients 50 --seconds 20

Starts ``uvicorn --factory api.app:create_app`` on a free port over the store (VOCGRAPH_STORE),
waits for /health, then runs --clients concurrent clients for --seconds (one asyncio process: a
lean HTTP/1.1 client by default, httpx with --client httpx): each client in turn looks an entity up by name (/entities?name=…) and asks for a
node's neighbours (/entities/{id}/neighbors), names and ids drawn from the store with a fixed
seed. Prints requests per second and latency p50/p95 beside the aim (issue 12: ≥ 200 req/s with
50 clients). The clients run on the same machine as the server: on 2 cores they take part of it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from bench_search import percentile  # noqa: E402
from benchinfo import describe  # noqa: E402

AIM_RPS = 200.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process and its children (uvicorn's workers), from /proc."""
    total, todo = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError, IndexError):
            continue
    return total


def targets(store_path: Path, n: int, seed: int) -> list[str]:
    """Request paths: (entity by name, neighbours of a node) pairs, drawn from the store."""
    from graph.networkx_store import NetworkxStore

    store = NetworkxStore(store_path)
    nodes = sorted((n for n in store.iter_nodes() if store.out_edges(n.id) or store.in_edges(n.id)),
                   key=lambda n: n.id)
    rng = random.Random(seed)
    paths = []
    for node in rng.sample(nodes, min(n, len(nodes))):
        paths.append(f"/entities?name={quote(node.name)}&limit=10")
        paths.append(f"/entities/{quote(node.id)}/neighbors?limit=50")
    return paths


async def run_clients(base: str, paths: list[str], clients: int, seconds: float,
                      client: str = "raw") -> tuple[list[float], int]:
    """Each of ``clients`` coroutines requests ``paths`` in turn over one kept-alive connection
    until ``seconds`` have passed; returns every request's latency and the number of failures.

    ``client="raw"`` speaks HTTP/1.1 over asyncio streams (a request line, Content-Length and
    chunked bodies read, nothing parsed), so that on a 2-core box the clients take little of the
    CPU the server needs; ``client="httpx"`` is the general client (4.5–6.6 ms of CPU per request
    here, more than the server spends)."""
    if client == "httpx":
        return await _httpx_clients(base, paths, clients, seconds)
    host, port = base.split("//", 1)[1].split(":")
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    requests = [f"GET {p} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode("ascii") for p in paths]

    async def one(k: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        i = k
        try:
            while time.perf_counter() < deadline:
                t = time.perf_counter()
                writer.write(requests[i % len(requests)])
                i += clients
                try:
                    ok = await _read_response(reader)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                latencies.append(time.perf_counter() - t)
                errors += not ok
                if not ok:
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
        finally:
            writer.close()

    await asyncio.gather(*(one(k) for k in range(clients)))
    return latencies, errors


async def _read_response(reader: asyncio.StreamReader) -> bool:
    """Read one HTTP/1.1 response (Content-Length or chunked body); True on status 200."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = head[9:12]
    lower = head.lower()
    if b"transfer-encoding: chunked" in lower:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        at = lower.find(b"content-length:")
        if at >= 0:
            length = int(lower[at + 15:lower.index(b"\r\n", at)])
            await reader.readexactly(length)
    return status == b"200"


async def _httpx_clients(base: str, paths: list[str], clients: int, seconds: float) -> tuple[list[float], int]:
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def client(k: int, http) -> None:
        nonlocal errors
        i = k
        while time.perf_counter() < deadline:
            path = paths[i % len(paths)]
            i += clients
            t = time.perf_counter()
            try:
                r = await http.get(base + path)
                ok = r.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies.append(time.perf_counter() - t)
            errors += not ok

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=60) as http:
        await asyncio.gather(*(client(k, http) for k in range(clients)))
    return latencies, errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--client", choices=("raw", "httpx"), default="raw",
                    help="raw: a lean HTTP/1.1 client over asyncio streams (default; little CPU); httpx: the general one")
    ap.add_argument("--http", choices=("auto", "h11", "httptools"), default="auto",
                    help="uvicorn's HTTP parser (auto: httptools when installed)")
    args = ap.parse_args(argv)
    print(describe())
    paths = targets(args.store, 200, args.seed)
    port = free_port()
    env = {**os.environ, "VOCGRAPH_STORE": str(args.store), "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app", "--host", "127.0.0.1",
         "--port", str(port), "--workers", str(args.workers), "--log-level", "warning", "--no-access-log",
         "--http", args.http],
        cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        started = time.perf_counter()
        while True:
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.perf_counter() - started > 120:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        print(f"server: {args.workers} worker(s), http {args.http}, clients {args.client}, up in {time.perf_counter() - started:.1f} s")
        asyncio.run(run_clients(base, paths[:20], args.clients, 1.0, args.client))  # warm-up
        t, cpu, own = time.perf_counter(), server_cpu(server.pid), time.process_time()
        latencies, errors = asyncio.run(run_clients(base, paths, args.clients, args.seconds, args.client))
        wall = time.perf_counter() - t
        cpu, own = server_cpu(server.pid) - cpu, time.process_time() - own
    finally:
        server.terminate()
        server.wait(30)
    rps = len(latencies) / wall
    print(f"{len(latencies):,} requests in {wall:.1f} s from {args.clients} clients: {rps:.0f} req/s, "
          f"p50 {statistics.median(latencies) * 1000:.0f} ms, p95 {percentile(latencies, 95) * 1000:.0f} ms, "
          f"{errors} errors  aim ≥ {AIM_RPS:g} req/s: {'met' if rps >= AIM_RPS and not errors else 'NOT met'}")
    # Steadier than req/s on a shared box: what one request costs the server, and the clients.
    n = max(len(latencies), 1)
    print(f"server CPU {cpu / n * 1000:.2f} ms per request ({n / cpu if cpu else 0:.0f} req/s per CPU-second), "
          f"clients {own / n * 1000:.2f} ms per request")
    return 0


if __name__ == "__main__":
    sys.exit(main())
