"""Generators for the pathological inputs of issue 17 (hangs and blow-ups), shared by tests/test_hostile_input.py
and benchmarks/bench_hostile.py so the regression tests and the timed benchmark check the same bytes.

Each input is a Hostile: a file name (its extension picks the reader), the file's bytes, and, for the rows about
brand guides, the guide's bytes (checked with `--brand`) next to an ordinary draft.
"""
from __future__ import annotations

import base64
import random
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

DRAFT = b"Hi Sam,\n\nThanks for writing. We will reply within one business day.\n\nBest,\nAnn\n"


@dataclass(frozen=True)
class Hostile:
    name: str                   # the row of the table it stands for
    filename: str
    data: bytes
    brand: bytes | None = None  # a brand guide to check `data` against


def bracket_markdown(n: int = 20_000) -> Hostile:
    return Hostile(f"markdown, {n:,} '['", "brackets.md", b"Intro text. " + b"[" * n + b" and more.\n")


def long_run(ch: str, n: int = 20_000, ext: str = "txt") -> Hostile:
    body = f"Hello Sam,\n\nPlease see below.\n\n{ch * n}\n\nWe will reply soon.\n".encode()
    return Hostile(f"{ext}, {n:,} {ch!r} without spaces", f"run.{ext}", body)


def dots(n: int = 60_000) -> Hostile:
    return Hostile(f"txt, {n:,} '.'", "dots.txt", b"Hello." + b"." * n + b"\n")


def alias_bomb() -> Hostile:
    """'Billion laughs': nine levels of nine aliases each, 387 bytes that expand to 9**9 strings."""
    lines = ['name: Bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{cur}: &{cur} [{','.join('*' + prev for _ in range(9))}]")
    lines.append("terminology:\n  - use: member\n    instead_of: *i")
    return Hostile("brand guide, YAML alias bomb", "draft.txt", DRAFT, "\n".join(lines).encode() + b"\n")


def bracket_term(n: int = 20_000) -> Hostile:
    guide = f'name: Brackets\nterminology:\n  - use: member\n    instead_of: ["{"[" * n}"]\n'.encode()
    return Hostile(f"brand guide, {n:,} '[' in a term", "draft.txt", DRAFT, guide)


def many_terms(n: int = 20_000) -> Hostile:
    rows = "".join(f"  - use: term{i} word\n    instead_of: [variant{i} word, other{i}]\n" for i in range(n))
    return Hostile(f"brand guide, {n:,} terms", "draft.txt", DRAFT, f"name: Many\nterminology:\n{rows}".encode())


def folded_header(size: int = 1_000_000, name: str = "Subject") -> Hostile:
    words = " ".join(f"w{i % 997}" for i in range(size // 6))
    lines, line = [], []
    for w in words.split(" "):       # folded at ~70 characters, as a mail client folds
        line.append(w)
        if sum(len(x) + 1 for x in line) > 70:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    value = "\n ".join(lines)
    head = f"From: Ann <ann@example.com>\nTo: sam@example.com\n{name}: {value}\n"
    if name != "Subject":
        head += "Subject: Your order\n"
    return Hostile(f"eml, {size / 1e6:g} MB folded {name}", "folded.eml",
                   head.encode() + b"\nHi Sam,\n\nWe will reply soon.\n")


def attachment(size: int = 50_000_000, seed: int = 17) -> Hostile:
    """A draft with one base64 attachment of `size` encoded bytes."""
    raw = random.Random(seed).randbytes(size * 3 // 4)
    enc = base64.encodebytes(raw)
    head = (b"From: Ann <ann@example.com>\nTo: sam@example.com\nSubject: The file\nMIME-Version: 1.0\n"
            b'Content-Type: multipart/mixed; boundary="XYZ"\n\n--XYZ\nContent-Type: text/plain; charset=utf-8\n\n'
            b"Hi Sam,\n\nThe file you asked for is attached. We will reply soon.\n\n--XYZ\n"
            b"Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n"
            b'Content-Disposition: attachment; filename="big.bin"\n\n')
    return Hostile(f"eml, {size / 1e6:g} MB attachment", "attached.eml", head + enc + b"--XYZ--\n")


def prose(size: int = 10_000_000, ext: str = "txt", seed: int = 17) -> Hostile:
    """Ordinary sentences, `size` bytes of them: the target's largest input that is not hostile at all."""
    rng = random.Random(seed)
    words = ("we will reply to your order soon and the team can send a new filter cartridge by Friday if you "
             "confirm the address thanks for your patience").split()
    out, n = [], 0
    while n < size:
        para = ". ".join(" ".join(rng.choice(words) for _ in range(rng.randint(6, 18))).capitalize()
                         for _ in range(rng.randint(2, 6))) + ".\n\n"
        out.append(para)
        n += len(para)
    return Hostile(f"{ext}, {size / 1e6:g} MB of ordinary prose", f"prose.{ext}", "".join(out).encode())


HIT_PHRASE = "Thanks SO much for ignoring us!!! As per my last email, "


def repeated_hits(size: int = 60_000, phrase: str = HIT_PHRASE) -> Hostile:
    """One line of a phrase rules flag, repeated: thousands of hits in one line and one sentence (found by fuzzing:
    analyses that read each hit's line or sentence made it quadratic)."""
    data = (phrase * (size // len(phrase))).encode()
    return Hostile(f"txt, {size // 1000} KB line of repeated findings", "hits.txt", data)


def quoted_words(size: int = 60_000) -> Hostile:
    """'"a" "a" "a" ...': every word a quotation (scare-quote candidates, each testing its sentence)."""
    return Hostile(f"txt, {size // 1000} KB of quoted words", "quoted.txt", b'"a" ' * (size // 4))


def table_rows(scale: float = 1.0) -> list[Callable[[], Hostile]]:
    """Every row of the issue's table, as functions that make it (one at a time: the largest is 50 MB); scale < 1
    shrinks the sizes, for quick runs."""
    def n(x: int) -> int:
        return max(10, int(x * scale))
    return [partial(bracket_markdown, n(20_000)),
            *[partial(long_run, c, n(20_000)) for c in "=_<!*"],
            partial(long_run, "*", n(20_000), "md"), partial(long_run, "<", n(20_000), "html"),
            partial(dots, n(60_000)), alias_bomb, partial(bracket_term, n(20_000)),
            partial(folded_header, n(1_000_000)), partial(folded_header, n(1_000_000), "To"),
            partial(attachment, n(50_000_000)), partial(many_terms, n(20_000)),
            partial(prose, n(10_000_000)), partial(prose, n(10_000_000), "md"),
            partial(repeated_hits, n(60_000)), partial(quoted_words, n(60_000))]


# -- seeded fuzzing ------------------------------------------------------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
KINDS = ("txt", "md", "html", "eml")
_PUNCT = "=_<>!*[](){}`~#-|.\\&;:'\"/+^%$@?,"
_SNIPPETS = ["[", "](", "![", "<!--", "-->", "<p>", "</p>", "<a href='", "&amp;", "&#", "```", "`", "> ", "- ",
             "1. ", "# ", "---\n", "|", "\n\n", "\r\n", " ", "\t", "=?utf-8?b?", "=\n", "--XYZ\n",
             "Content-Type: text/html\n", "Content-Transfer-Encoding: base64\n", "On Mon, Ann wrote:\n",
             "-----Original Message-----\n", "http://example.com/", "www.", "@", "We will look into it soon. ",
             "As per my last email, ", "Thanks SO much!!! ", "<!-- tonecheck: ignore defensive -->"]


def seed_documents() -> list[tuple[str, bytes]]:
    """(kind, bytes) of the repository's own example drafts and pages, the material mutations start from."""
    out = []
    for path in sorted((REPO / "examples").rglob("*")):
        kind = {".eml": "eml", ".md": "md", ".html": "html", ".txt": "txt"}.get(path.suffix)
        if kind and path.is_file() and path.stat().st_size < 20_000:
            out.append((kind, path.read_bytes()))
    return out or [("txt", DRAFT)]


def _run(rng: random.Random) -> bytes:
    """A hostile run: one character or a short pattern repeated a few hundred to a few thousand times."""
    unit = rng.choice([rng.choice(_PUNCT), "".join(rng.choice(_PUNCT) for _ in range(rng.randint(2, 4))),
                       rng.choice(_SNIPPETS), rng.choice(["a", "ab ", "x" * 40])])
    return (unit * rng.randint(50, 3000)).encode("utf-8")


def mutate(rng: random.Random, data: bytes) -> bytes:
    """One to four edits: insert a hostile run or a snippet, flip bytes, cut, duplicate a slice, add raw bytes."""
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(data))
        op = rng.random()
        if op < 0.35:
            data = data[:at] + _run(rng) + data[at:]
        elif op < 0.6:
            data = data[:at] + rng.choice(_SNIPPETS).encode() * rng.randint(1, 20) + data[at:]
        elif op < 0.7 and data:
            b = bytearray(data)
            for _ in range(rng.randint(1, 10)):
                b[rng.randrange(len(b))] = rng.randrange(256)
            data = bytes(b)
        elif op < 0.8:
            data = data[:at]
        elif op < 0.9:
            end = min(len(data), at + rng.randint(1, 2000))
            data = data[:end] + data[at:end] * rng.randint(1, 5) + data[end:]
        else:
            data = data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]
    return data


def fuzz_inputs(seed: int, n: int, max_bytes: int = 60_000) -> Iterator[tuple[str, bytes]]:
    """`n` (file name, bytes) fuzz inputs from `seed`: mostly mutated example documents, some read as another
    kind than they are, each at most `max_bytes`."""
    rng = random.Random(seed)
    seeds = seed_documents()
    for i in range(n):
        kind, data = rng.choice(seeds)
        data = mutate(rng, data)[:max_bytes]
        if rng.random() < 0.15:
            kind = rng.choice(KINDS)
        yield f"fuzz{i}.{kind}", data
