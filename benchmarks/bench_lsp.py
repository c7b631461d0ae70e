"""How fast does `tonecheck lsp` re-check a draft after a keystroke?

Starts the real server (`python -m tonecheck lsp`) as a subprocess, speaks JSON-RPC to it over stdio with pygls's
LanguageClient, opens a ~300-word email draft and sends single-character incremental edits, one at a time,
measuring the time from sending didChange to receiving the publishDiagnostics for that version. It also times the
same re-check in-process (read + Engine.check through one Runner) to separate checking from transport.

    .venv/bin/python benchmarks/bench_lsp.py [--keystrokes 60] [--words 300]

Prints plain lines, then one JSON line (prefixed by nothing) with every figure, for CI to collect.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

SENTENCES = [
    "Thanks for getting in touch about your order, and sorry for the wait.",
    "We checked the webshop records and the parcel left our warehouse on Tuesday morning.",
    "Per my last email, the courier needs a signature, so someone will need to be at home.",
    "It should reach you within three working days, and we will reply ASAP if anything changes.",
    "If it has not arrived by Friday, reply to this email and we will send a replacement straight away.",
    "You can also track it yourself with the link in your account under Orders.",
]


def draft(words: int) -> str:
    out, n, i = [], 0, 0
    while n < words:
        s = SENTENCES[i % len(SENTENCES)]
        out.append(s)
        n += len(s.split())
        i += 1
    paras = [" ".join(out[k:k + 3]) for k in range(0, len(out), 3)]
    return "Hi Sam,\n\n" + "\n\n".join(paras) + "\n\nBest,\nAnna\n"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


async def over_stdio(text: str, keystrokes: int, cwd: str) -> dict:
    client = LanguageClient("bench", "0")
    published: dict[int, asyncio.Future] = {}
    arrived: dict[int, float] = {}
    counts: dict[int, int] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams):
        arrived[params.version] = time.perf_counter()
        counts[params.version] = len(params.diagnostics)
        fut = published.get(params.version)
        if fut is not None and not fut.done():
            fut.set_result(None)

    for method in (types.WINDOW_LOG_MESSAGE, types.WINDOW_SHOW_MESSAGE):
        client.feature(method)(lambda params: None)

    t_start = time.perf_counter()
    await client.start_io(sys.executable, "-m", "tonecheck", "lsp", cwd=cwd)
    await client.initialize_async(types.InitializeParams(process_id=os.getpid(), root_uri=Path(cwd).as_uri(),
                                                         capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    t_ready = time.perf_counter()
    uri = (Path(cwd) / "draft.txt").as_uri()
    loop = asyncio.get_running_loop()
    published[1] = loop.create_future()
    t0 = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
    await asyncio.wait_for(published[1], 60)
    first = arrived[1] - t0
    latencies = []
    line = text.split("\n")[2]
    for k in range(keystrokes):
        v = k + 2
        published[v] = loop.create_future()
        col = len(line) // 2 + k
        t0 = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=v),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=2, character=col),
                                  end=types.Position(line=2, character=col)),
                text="x" if k % 5 else " ")]))
        await asyncio.wait_for(published[v], 30)
        latencies.append(arrived[v] - t0)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {"startup_s": t_ready - t_start, "first_check_ms": first * 1000,
            "latencies_ms": [x * 1000 for x in latencies],
            "diagnostics": counts.get(keystrokes + 1)}


def in_process(text: str, keystrokes: int, cwd: str) -> list[float]:
    from tonecheck.readers import read_document
    from tonecheck.runner import Runner

    runner = Runner()
    path = os.path.join(cwd, "draft.txt")
    runner.check_document(read_document(path, data=text.encode(), kind="txt"))  # warm up
    out = []
    for k in range(keystrokes):
        edited = text[:200] + "x" * k + text[200:]
        t0 = time.perf_counter()
        runner.check_document(read_document(path, data=edited.encode(), kind="txt"))
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keystrokes", type=int, default=60)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--budget-ms", type=float, default=100.0, help="fail (exit 1) when the p95 is above this")
    args = ap.parse_args()
    text = draft(args.words)
    words = len(text.split())
    with tempfile.TemporaryDirectory(prefix="tonecheck-bench-") as cwd:
        stdio = asyncio.run(over_stdio(text, args.keystrokes, cwd))
        local = in_process(text, args.keystrokes, cwd)
    lat = stdio["latencies_ms"]
    result = {
        "benchmark": "lsp_recheck", "words": words, "keystrokes": args.keystrokes,
        "server_startup_s": round(stdio["startup_s"], 3), "first_check_ms": round(stdio["first_check_ms"], 2),
        "stdio_median_ms": round(statistics.median(lat), 2), "stdio_p95_ms": round(pct(lat, 95), 2),
        "stdio_max_ms": round(max(lat), 2),
        "in_process_median_ms": round(statistics.median(local), 2), "in_process_p95_ms": round(pct(local, 95), 2),
        "diagnostics": stdio["diagnostics"], "budget_ms": args.budget_ms,
    }
    result["ok"] = result["stdio_p95_ms"] < args.budget_ms
    print(f"draft: {words} words, {args.keystrokes} keystrokes, {result['diagnostics']} diagnostics")
    print(f"server start + initialize: {result['server_startup_s']:.2f} s; first check on open: "
          f"{result['first_check_ms']:.1f} ms")
    print("re-check after a keystroke (didChange -> publishDiagnostics, stdio): "
          f"median {result['stdio_median_ms']:.1f} ms, "
          f"p95 {result['stdio_p95_ms']:.1f} ms, max {result['stdio_max_ms']:.1f} ms")
    print(f"re-check in process (read + check): median {result['in_process_median_ms']:.1f} ms, "
          f"p95 {result['in_process_p95_ms']:.1f} ms")
    print(f"budget {args.budget_ms:.0f} ms (p95): {'OK' if result['ok'] else 'OVER'}")
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
