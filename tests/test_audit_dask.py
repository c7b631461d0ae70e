"""examples/dask_audit.py on a real local Dask cluster (dask.distributed LocalCluster: a scheduler and two worker
processes on 127.0.0.1): a dask.bag over three mbox shards, each partition checking its messages through the public
API, gives the same totals as `tonecheck audit --format json` over the same messages (messages, unreadable,
findings per category, messages and findings per sender)."""
from __future__ import annotations

import importlib.util
import json

import pytest

from audit_mail import REPO, mbox_bytes, messages, tonecheck

pytest.importorskip("dask.bag", reason="pip install 'tonecheck[dask]' (the test extra installs it)")
distributed = pytest.importorskip("distributed", reason="pip install 'tonecheck[dask]'")


def _example():
    spec = importlib.util.spec_from_file_location("dask_audit", REPO / "examples" / "dask_audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dask_bag_over_shards_gives_the_audit_totals(tmp_path):
    msgs = messages() * 2
    msgs[4] = msgs[4].split(b"\n\n")[0] + b"\n\n" + b"\x00\x01" * 40 + b"\n"       # one unreadable message
    shards = [msgs[0:5], msgs[5:9], msgs[9:]]
    paths = []
    for i, part in enumerate(shards, start=1):
        path = tmp_path / f"shard{i}.mbox"
        path.write_bytes(mbox_bytes(part))
        paths.append(str(path))
    (tmp_path / "All.mbox").write_bytes(b"".join(open(p, "rb").read() for p in paths))

    proc = tonecheck("audit", "All.mbox", "--format", "json", "--jobs", "2", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr                                       # the unreadable message
    s = json.loads(proc.stdout)["summary"]

    example = _example()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, protocol="tcp") as cluster, \
            distributed.Client(cluster) as client:
        assert all(addr.startswith("tcp://127.0.0.1:") for addr in client.scheduler_info()["workers"])
        totals = example.audit(paths, client)

    assert totals["messages"] == s["checked"] == len(msgs) - 1
    assert totals["unreadable"] == s["unreadable"] == 1
    assert totals["findings"] == {c["category"]: c["findings"] for c in s["by_category"]}
    assert sum(totals["findings"].values()) == s["findings"] > 0
    assert totals["senders"] == {g["sender"]: g["messages"] for g in s["by_sender"]}
    assert totals["sender_findings"] == {g["sender"]: g["findings"] for g in s["by_sender"]}
