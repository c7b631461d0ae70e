"""Audit an mbox archive too big for one machine with Dask: a dask.bag over mbox shards, each partition checking
its messages with tonecheck's public API (tonecheck.check_message), the per-partition totals summed at the end.
The totals are the ones `tonecheck audit --format json` gives in its summary for the same messages.

    pip install 'tonecheck[dask]'
    python examples/dask_audit.py shards/*.mbox                          # a LocalCluster on this machine
    python examples/dask_audit.py --scheduler tcp://10.0.0.5:8786 shards/*.mbox

Shards are plain mbox files (split a big one at envelope lines, e.g. one per month, or as Google Takeout exports
them). Every worker needs tonecheck installed; this file is sent to the workers with Client.upload_file.
"""
from __future__ import annotations

import argparse
import collections
import email.utils
import json
from email.parser import BytesHeaderParser
from email.policy import compat32


def _sender(raw: bytes) -> str:
    """The From address, lower-case (as tonecheck audit counts senders)."""
    msg = BytesHeaderParser(policy=compat32).parsebytes(raw)
    return email.utils.parseaddr(str(msg.get("From", "")))[1].lower() or "(no sender)"


def shard_totals(paths) -> list[dict]:
    """One partition: every message of its shards checked through the public API, counted."""
    import tonecheck
    from tonecheck.archive import ArchiveError, read_archive

    totals = {"messages": 0, "unreadable": 0, "findings": collections.Counter(), "senders": collections.Counter(),
              "sender_findings": collections.Counter()}
    for path in paths:
        try:
            entries = read_archive(path)
            for entry in entries:
                _count(tonecheck, entry, totals)
        except ArchiveError:
            totals["unreadable"] += 1
    return [totals]


def _count(tonecheck, entry, totals: dict) -> None:
    if entry.data is None:
        totals["unreadable"] += 1
        return
    try:
        findings = tonecheck.check_message(entry.data, name=entry.display)
    except tonecheck.InputError:
        totals["unreadable"] += 1
        return
    sender = _sender(entry.data)
    totals["messages"] += 1
    totals["senders"][sender] += 1
    totals["sender_findings"][sender] += len(findings)
    totals["findings"].update(f.category for f in findings)


def merge(parts) -> dict:
    """The partitions' totals added up, as plain dicts."""
    out = {"messages": 0, "unreadable": 0, "findings": collections.Counter(), "senders": collections.Counter(),
           "sender_findings": collections.Counter()}
    for part in parts:
        for key in ("messages", "unreadable"):
            out[key] += part[key]
        for key in ("findings", "senders", "sender_findings"):
            out[key].update(part[key])
    return {k: dict(v) if isinstance(v, collections.Counter) else v for k, v in out.items()}


def audit(shards: list[str], client) -> dict:
    """The totals over `shards`, one bag partition per shard, computed on `client`'s cluster."""
    import dask.bag as db

    client.upload_file(__file__)            # the workers import shard_totals from this file
    bag = db.from_sequence(list(shards), npartitions=len(shards))
    return merge(bag.map_partitions(shard_totals).compute())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shards", nargs="+")
    ap.add_argument("--scheduler", help="a running scheduler's address (default: a LocalCluster here)")
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args()
    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        with Client(args.scheduler) as client:
            totals = audit(args.shards, client)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster, Client(cluster) as client:
            totals = audit(args.shards, client)
    print(json.dumps(totals, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
