"""Machine information every benchmark prints first (figures mean little without it)."""

from __future__ import annotations

import os
import platform
import resource


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def describe() -> str:
    """One line: CPU, cores, memory, Python, load average (the box is shared)."""
    mem = memory_gib()
    return (f"machine: {cpu_model()}, {os.cpu_count()} cores"
            + (f", {mem:.0f} GiB" if mem else "")
            + f", Python {platform.python_version()}, {platform.system()} {platform.release()}"
            + f", load average {os.getloadavg()[0]:.2f}")


def peak_rss_mib() -> float:
    """This process's peak resident set size (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
