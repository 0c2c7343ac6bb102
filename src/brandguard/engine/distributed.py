"""``audit --scheduler``: partitions of raw rows checked on a Dask cluster, results in input order.

The same shapes as ``--jobs`` (``parallel.py``): the client reads and decodes the exports but does
not parse the rows; each partition of ``PARTITION`` raw rows ``(text, format, id, path, metadata)``
is one task, and each task returns its PostResults without their source text (the audit writers
never read it). The compiled policy travels once: the client pickles it, scatters the bytes to
every worker, and a worker unpickles them once per process (``_POLICIES``, keyed by the pickle's
SHA-256), so a million-row audit does not ship or rebuild the policy per task. At most
``IN_FLIGHT`` partitions per worker thread are pending, so the client's memory stays flat, and
results are yielded in input order, so the output is byte for byte that of a local run.

``dask`` and ``distributed`` are an optional extra (``pip install 'brandguard[dask]'``); without
them, or with a scheduler that cannot be reached, the audit stops with ``ClusterError`` (exit 2)
before it writes anything.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from ..errors import BrandguardError
from ..model import PostResult
from ..text.formats import parse
from .check import check_posts

PARTITION = 500  # raw rows a task: ~0.5 s of work, so scheduling and transfer stay ~1 %
IN_FLIGHT = 2  # pending partitions per worker thread: one running, one queued
CONNECT_TIMEOUT = "10s"
WORKER_TIMEOUT = 60  # seconds to wait for a first worker to join the scheduler
_POLICIES: dict[str, Any] = {}  # on a worker: policy digest -> CompiledPolicy


class ClusterError(BrandguardError):
    """The Dask extra is missing, or the scheduler cannot be reached or used."""


def _dask() -> Any:
    try:
        import dask  # noqa: F401
        import distributed
    except ImportError:
        raise ClusterError(
            "--scheduler needs the Dask extra: pip install 'brandguard[dask]'"
        ) from None
    return distributed


def connect(scheduler: str, local_workers: int = 2) -> Any:
    """A ``distributed.Client`` for ``scheduler``.

    ``tcp://HOST:PORT`` (or any address Dask takes) joins a running scheduler; ``dask`` takes the
    address from Dask's own configuration (``scheduler-address``, e.g. the environment variable
    ``DASK_SCHEDULER_ADDRESS``); ``local`` starts a cluster on this machine with ``local_workers``
    worker processes of one thread each, closed with the client.
    """
    distributed = _dask()
    import dask

    if scheduler == "local":
        cluster = distributed.LocalCluster(
            n_workers=local_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = distributed.Client(cluster)
        client._brandguard_cluster = cluster  # closed with the client (close())
        return client
    address = scheduler
    if scheduler == "dask":
        address = dask.config.get("scheduler-address", None) or ""
        if not address:
            raise ClusterError(
                "--scheduler dask: Dask's configuration names no scheduler "
                "(set DASK_SCHEDULER_ADDRESS or scheduler-address in ~/.config/dask/)"
            )
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except TimeoutError:
        client.close()
        raise ClusterError(
            f"the Dask scheduler at {address} has had no worker for {WORKER_TIMEOUT} s"
        ) from None
    return client


def close(client: Any) -> None:
    """Close the client and the local cluster it started, if any."""
    cluster = getattr(client, "_brandguard_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _compiled(blob: bytes, digest: str) -> Any:
    """The compiled policy behind ``blob``, unpickled once per worker process."""
    compiled = _POLICIES.get(digest)
    if compiled is None:
        _POLICIES.clear()  # one audit at a time per worker: keep one policy
        compiled = _POLICIES[digest] = pickle.loads(blob)
    return compiled


def _posts(rows: list[Any]) -> Iterator[Any]:
    for row in rows:
        yield parse(*row) if isinstance(row, tuple) else row


def check_partition(blob: bytes, digest: str, rows: list[Any]) -> list[PostResult]:
    """The task: parse and check one partition on a worker, results without source text."""
    compiled = _compiled(blob, digest)
    return [
        replace(result, source="") if result.source else result
        for result in check_posts(compiled, _posts(rows), batch_size=256)
    ]


def check_on_cluster(client: Any, compiled: Any, items: Iterable[Any]) -> Iterator[PostResult]:
    """Check raw rows (tuples for ``parse``) and PostResults on the cluster, in input order."""
    try:
        blob = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - a custom pipeline component that does not pickle
        raise ClusterError(f"the compiled policy cannot be sent to workers: {exc}") from None
    digest = hashlib.sha256(blob).hexdigest()
    [policy] = client.scatter([blob], broadcast=True, hash=False)
    threads = max(1, sum(client.nthreads().values()))
    rows = iter(items)
    pending: deque[Any] = deque()
    while True:
        part = list(islice(rows, PARTITION))
        if part:
            pending.append(client.submit(check_partition, policy, digest, part, pure=False))
        while pending and (len(pending) > IN_FLIGHT * threads or not part):
            yield from pending.popleft().result()
        if not part:
            break


def one_policy(router: Any, paths: list[str]) -> Any:
    """The one compiled policy sent to every worker: ``--policy``'s, or the nearest policy of the
    inputs when they share it (a cluster run does not route posts between policy files)."""
    if not hasattr(router, "for_path"):
        return router
    found = {id(c): c for c in (router.for_path(p)[1] for p in paths or ["."])}
    if len(found) > 1:
        raise ClusterError(
            "the inputs are governed by different policy files; audit them in separate runs "
            "or name one with --policy"
        )
    return next(iter(found.values()))
