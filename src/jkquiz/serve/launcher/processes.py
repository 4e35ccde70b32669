"""The processes a course server started (its kernels), remembered so that none outlives it."""

from __future__ import annotations

from typing import Any


class ProcessTree:
    """The server's process and every process it started (kernels), remembered while they live."""

    def __init__(self, pid: int) -> None:
        import psutil  # only the servers need it

        self._psutil = psutil
        self.root = psutil.Process(pid)
        self.known: dict[int, Any] = {}
        self.refresh()

    def refresh(self) -> None:
        """Remember children started since the last look (kernels start when a page opens)."""
        try:
            for child in self.root.children(recursive=True):
                self.known.setdefault(child.pid, child)
        except self._psutil.Error:
            pass  # the server is gone; what we remember is all we can clean up

    def survivors(self) -> list[Any]:
        """Remembered processes still running (is_running also guards against a reused pid)."""
        alive = []
        for proc in self.known.values():
            try:
                if proc.is_running() and proc.status() != self._psutil.STATUS_ZOMBIE:
                    alive.append(proc)
            except self._psutil.Error:
                pass  # it ended while we looked
        return alive

    def end_survivors(self, grace: float = 5.0) -> int:
        """Terminate, then kill, whatever outlived the server; how many there were."""
        alive = self.survivors()
        for proc in alive:
            quietly(proc.terminate)
        _gone, still = self._psutil.wait_procs(alive, timeout=grace)
        for proc in still:
            quietly(proc.kill)
        self._psutil.wait_procs(still, timeout=grace)
        return len(alive)


def quietly(action: Any) -> None:
    """Run `action`, ignoring its failure (the process is already gone, or not ours to end)."""
    try:
        action()
    except Exception:  # noqa: BLE001 - already gone, or not ours to end: nothing left to do
        pass
