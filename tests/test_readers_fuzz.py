"""Property tests: no input makes a reader raise anything but InputError, and verbatim mapping never lies."""
from __future__ import annotations

import base64
import quopri
from email.message import EmailMessage

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tonecheck.model import Document, InputError
from tonecheck.readers import read_document

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def read_or_error(path: str, data: bytes, kind: str | None = None) -> Document | None:
    try:
        doc = read_document(path, data, kind)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    check_invariants(doc)
    return doc


def check_invariants(doc: Document) -> None:
    assert isinstance(doc, Document) and isinstance(doc.text, str)
    n = len(doc.text)
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in (doc.source_text or "").split("\n")]
    for p in doc.source_map.pieces:
        assert 0 <= p.start < p.end <= n and p.line >= 1 and p.column >= 1
        if p.verbatim and doc.kind != "eml":
            assert lines[p.line - 1][p.column - 1:p.column - 1 + p.end - p.start] == doc.text[p.start:p.end], p
    for off in range(0, n, max(1, n // 50)):
        line, col = doc.source_map.position(off)
        assert line >= 1 and col >= 1
    for r in doc.regions:
        assert 0 <= r.start <= r.end <= n
    for s in doc.suppressions:
        assert s.start is None or 0 <= s.start <= (s.end or 0) <= n


@settings(max_examples=150, **SETTINGS)
@given(data=st.binary(max_size=2000), kind=st.sampled_from(["eml", "txt", "md", "html", None]))
def test_arbitrary_bytes(data, kind):
    read_or_error("-" if kind is None else f"x.{kind}", data)


MARKUP = st.lists(st.sampled_from(list("ab cé’🔥\n\t<>/&;#*_~`[]()!-|=:\"'>\\") +
                                          ["<p>", "</p>", "<br>", "&amp;", "&#39;", "<!--", "-->", "```", "# ",
                                           "- ", "1. ", "](http://x.y/z)", "![", "<img alt='q'>", "<script>",
                                           "</script>", "<title>", "---\n", "    ", "http://a.b/c ", "\r\n",
                                           "<!-- tonecheck: ignore x -->"]), max_size=120).map("".join)


@settings(max_examples=200, **SETTINGS)
@given(text=MARKUP, kind=st.sampled_from(["md", "html", "txt"]))
def test_markup_mapping_is_exact(text, kind):
    """Every verbatim piece of judged text is literally at its (line, column) in the source (checked inside)."""
    read_or_error(f"x.{kind}", text.encode("utf-8"))


CHARSETS = ["utf-8", "us-ascii", "iso-8859-1", "windows-1252", "utf-16", "x-unknown-123", "koi8-r", ""]
CTES = ["7bit", "8bit", "quoted-printable", "base64", "binary", "x-weird"]
TEXTS = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200) | st.sampled_from(
    ["Hi,\n\nWe'll look into it soon.\n\nBest,\nAnn\n-- \nAnn\n+1 555\n", "> quoted\n", "On x wrote:\n> y\n",
     "<p>Hello &amp; bye</p><blockquote>q</blockquote>", "-----Original Message-----\nFrom: a\nSent: b\n\nc"])


@st.composite
def leaf(draw):
    ctype = draw(st.sampled_from(["text/plain", "text/html", "application/pdf", "text/csv", "image/png"]))
    cs = draw(st.sampled_from(CHARSETS))
    cte = draw(st.sampled_from(CTES))
    text = draw(TEXTS)
    try:
        raw = text.encode(cs or "utf-8", errors="replace")
    except LookupError:
        raw = text.encode("latin-1", errors="replace")
    if draw(st.booleans()):
        raw += draw(st.binary(max_size=20))
    if cte == "base64":
        body = base64.encodebytes(raw).decode("ascii")
    elif cte == "quoted-printable":
        body = quopri.encodestring(raw).decode("ascii")
    else:
        body = raw.decode("ascii", "surrogateescape")
    m = EmailMessage()
    m["Content-Type"] = f'{ctype}; charset="{cs}"' if cs else ctype
    m["Content-Transfer-Encoding"] = cte
    if draw(st.booleans()):
        m["Content-Disposition"] = draw(st.sampled_from(["attachment; filename=a.bin", "inline"]))
    m.set_payload(body)
    return m


def container(children):
    @st.composite
    def build(draw):
        kind = draw(st.sampled_from(["mixed", "alternative", "related", "rfc822"]))
        m = EmailMessage()
        if kind == "rfc822":
            m["Content-Type"] = "message/rfc822"
            inner = draw(children)
            inner["From"] = "Fwd Person <f@example.com>"
            m.set_payload([inner])
            return m
        m["Content-Type"] = f'multipart/{kind}; boundary="=={draw(st.integers(0, 10**6))}=="'
        for c in draw(st.lists(children, max_size=4)):
            m.attach(c)
        return m
    return build()


MESSAGES = st.recursive(leaf(), container, max_leaves=8)


@settings(max_examples=200, **SETTINGS)
@given(body=MESSAGES, subject=st.text(max_size=60), cut=st.none() | st.integers(min_value=0, max_value=5000),
       crlf=st.booleans())
def test_random_mime_structures(body, subject, cut, crlf):
    msg = EmailMessage()
    msg["From"] = "Ann <ann@example.com>"
    msg["To"] = "bob@example.com"
    try:
        msg["Subject"] = subject
    except Exception:
        msg["Subject"] = "x"
    for k, v in body.items():
        msg[k] = v
    payload = body.get_payload()
    msg.set_payload(payload)
    try:
        data = msg.as_bytes()
    except Exception:
        return  # the stdlib cannot serialise this structure; nothing to test
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    if cut is not None:
        data = data[:cut]
    doc = read_or_error("m.eml", data)
    if doc is not None:
        assert "\r" not in doc.text
