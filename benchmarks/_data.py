"""Shared helpers for the speed benchmarks: drafts made from examples/ and ../shared/corpus, replicated and varied.

Every benchmark builds its data here, deterministically (a seeded RNG), in a temporary folder:

    pool = paragraph_pool()                      # new-text paragraphs of every corpus email and example draft
    text = draft_text(rng, pool, words=300)      # one ~300-word draft body, varied (names, figures, order)
    write_drafts(folder, n, words=300)           # n .eml drafts (or .txt with kind="txt"); returns (paths, words)

Words are counted as in tonecheck.analysis.readability.word_count ([A-Za-z0-9][A-Za-z0-9'’-]*).
"""
from __future__ import annotations

import email
import email.policy
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
BRAND = CORPUS / "brand.yml" if (CORPUS / "brand.yml").exists() else REPO / "examples" / "brand" / "brand.yml"
PY = str(REPO / ".venv" / "bin" / "python")
TONECHECK = str(REPO / ".venv" / "bin" / "tonecheck")
# TONECHECK_SRC=/path/to/another/src (with its rules/ beside it) benchmarks that tree instead: before/after runs
SRC = os.environ.get("TONECHECK_SRC") or str(REPO / "src")
os.environ["PYTHONPATH"] = SRC + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_QUOTE_START = re.compile(r"^(On .+wrote:|-----Original Message-----|_{5,}|From: |-- ?$|>)", re.M)
NAMES = ["Alex", "Sam", "Priya", "Jordan", "Mei", "Tomasz", "Aisha", "Lars", "Chidi", "Rosa", "Kenji", "Fatima"]
AGENTS = ["Anna", "Ben", "Carla", "Dev", "Elif", "Femi"]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _body(path: Path) -> str:
    raw = path.read_bytes()
    if path.suffix == ".eml":
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        part = msg.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        text = part.get_content()
        if part.get_content_type() == "text/html":
            text = re.sub(r"<[^>]+>", " ", text)
    else:
        text = raw.decode("utf-8", "replace")
        if path.suffix in (".html", ".htm"):
            text = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", text)
            text = re.sub(r"<[^>]+>", " ", text)
        text = re.sub(r"(?s)\A---\n.*?\n---\n", "", text)      # front matter
    m = _QUOTE_START.search(text)
    return text[:m.start()] if m else text


def paragraph_pool() -> list[str]:
    """New-text paragraphs (greetings and sign-offs dropped) of every corpus item and example draft."""
    sources = sorted((CORPUS / "items").glob("*.eml")) + sorted((CORPUS / "items").glob("p*.md")) \
        + sorted((CORPUS / "items").glob("p*.html")) + sorted((REPO / "examples").rglob("*.eml")) \
        + sorted((REPO / "examples").rglob("*.md"))
    pool: list[str] = []
    for p in sources:
        if p.name == "README.md":
            continue
        for para in re.split(r"\n\s*\n", _body(p)):
            para = " ".join(para.split())
            n = word_count(para)
            if n < 8 or re.match(r"^(Hi|Hello|Dear|Best|Thanks,|Kind regards|Regards|Cheers)\b", para):
                continue
            pool.append(para)
    if not pool:
        raise SystemExit("no source text found under examples/ and ../shared/corpus")
    return pool


def _vary(rng: random.Random, para: str) -> str:
    para = re.sub(r"\b\d{1,3}\b", lambda m: str(max(1, int(m.group(0)) + rng.randint(-2, 2))), para)
    for name in ("Alex", "Sam", "Jordan", "Priya", "Daniel"):
        if name in para:
            para = para.replace(name, rng.choice(NAMES))
    return para


def draft_text(rng: random.Random, pool: list[str], words: int = 300) -> str:
    """A draft body of about `words` words: greeting, varied corpus paragraphs, sign-off."""
    paras, n = [], 0
    while n < words - 8:
        p = _vary(rng, rng.choice(pool))
        paras.append(p)
        n += word_count(p)
    name, agent = rng.choice(NAMES), rng.choice(AGENTS)
    return f"Hi {name},\n\n" + "\n\n".join(_wrap(p) for p in paras) + f"\n\nBest,\n{agent}\n"


def _wrap(para: str, width: int = 76) -> str:
    lines, line = [], ""
    for w in para.split():
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "\n".join(lines)


def as_eml(body: str, i: int) -> str:
    return (f"From: Care Team <care@ridgeline.example>\nTo: customer{i}@example.net\n"
            f"Subject: Re: your order {10000 + i}\nDate: Tue, 24 Nov 2026 10:05:00 +0000\n"
            f"Message-ID: <bench-{i}@ridgeline.example>\nMIME-Version: 1.0\n"
            f"Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n{body}")


def write_drafts(folder: Path, n: int, words: int = 300, kind: str = "eml", seed: int = 7) -> tuple[list[str], int]:
    """Write n varied drafts to folder (sub-folders of 1,000); returns (paths, total words of the bodies)."""
    rng = random.Random(seed)
    pool = paragraph_pool()
    paths, total = [], 0
    for i in range(n):
        body = draft_text(rng, pool, words)
        total += word_count(body)
        sub = folder / f"batch{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"draft{i:05d}.{kind}"
        p.write_text(as_eml(body, i) if kind == "eml" else body, encoding="utf-8")
        paths.append(str(p))
    return paths, total


def timed(argv: list[str], **kw) -> dict:
    """Run argv; wall time (perf_counter), child CPU (user+sys) and peak RSS of the child (MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "rc": proc.returncode, "maxrss_mb": after.ru_maxrss / 1024, "stdout": proc.stdout, "stderr": proc.stderr}


def peak_rss_mb(argv: list[str], **kw) -> tuple[float, dict]:
    """Peak RSS (MB) of the largest process of the run, through /usr/bin/time -f %M (covers each worker too)."""
    r = timed(["/usr/bin/time", "-f", "%M", *argv], **kw)
    last = r["stderr"].decode().strip().splitlines()[-1]
    return int(last) / 1024, r


def median(xs):
    return statistics.median(xs)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src"], capture_output=True,
                               text=True).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except OSError:
        return "?"


def emit(name: str, figures: dict) -> None:
    """Plain lines, then one JSON line."""
    for k, v in figures.items():
        print(f"{k}: {round(v, 4) if isinstance(v, float) else v}")
    print(json.dumps({"benchmark": name, "commit": git_commit(), "src": SRC, "cores": os.cpu_count(),
                      "date": time.strftime("%Y-%m-%d %H:%M"), **{k: (round(v, 5) if isinstance(v, float) else v)
                                                                    for k, v in figures.items()}}))
    sys.stdout.flush()


def blank_tokenizer_rate(texts: list[str], reps: int = 3) -> float:
    """Words/s of spaCy's own tokenizer (spacy.blank("en").tokenizer) over texts, in this process: the bound."""
    import spacy

    nlp = spacy.blank("en")
    words = sum(word_count(t) for t in texts)
    best = []
    for _ in range(reps):
        t0 = time.process_time()
        for t in texts:
            nlp.tokenizer(t)
        best.append(time.process_time() - t0)
    return words / median(best)
