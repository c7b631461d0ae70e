#!/usr/bin/env python3
"""Builds items/*.eml and items/*.json for heldout34 from the texts in items_text.py (stdlib only).

Run from anywhere:  python3 build_items.py   (rewrites items/e*.eml and their labels; pages are hand-written files)
"""
import datetime as dt
import email.policy
import email.utils
import hashlib
import html
import json
import re
import sys
import textwrap
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from items_text import BRANDS, EMAILS  # noqa: E402

ITEMS = ROOT / "items"


def wrap_lines(text, width=72):
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(">"):
            out.append(line)
        else:
            indent = "  " if line.startswith("- ") else ""
            out += textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False,
                                 subsequent_indent=indent)
    return "\n".join(out)


def tz(brand):
    h, m = BRANDS[brand]["tz"]
    return dt.timezone(dt.timedelta(hours=h, minutes=m))


def when(brand, s):
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=tz(brand))


def quote_header(style, d, who, to, subject, brand):
    name, addr = who
    if style == "gmail":
        if BRANDS[brand]["us_dates"]:
            t = d.strftime("%I:%M %p").lstrip("0")
            return f"On {d:%a}, {d:%b} {d.day}, {d:%Y} at {t} {name} <{addr}> wrote:"
        return f"On {d:%a}, {d.day} {d:%b %Y} at {d:%H:%M}, {name} <{addr}> wrote:"
    sent = f"{d:%A}, {d.day} {d:%B %Y} {d:%H:%M}"
    to_s = f"{to[0]} <{to[1]}>"
    if style == "outlook":
        return ("-----Original Message-----\n"
                f"From: {name} <{addr}>\nSent: {sent}\nTo: {to_s}\nSubject: {subject}\n")
    if style == "rule":
        return ("________________________________\n"
                f"From: {name} <{addr}>\nSent: {sent}\nTo: {to_s}\nSubject: {subject}\n")
    if style == "fwd":
        return ("---------- Forwarded message ---------\n"
                f"From: {name} <{addr}>\nDate: {d:%a}, {d.day} {d:%b %Y} at {d:%H:%M}\n"
                f"Subject: {subject}\nTo: {to_s}\n")
    raise ValueError(style)


def quote_block(it, brand, wrap):
    q = it.get("quote")
    if not q:
        return "", ""
    style, when_s, who, text = q[:4]
    subject = q[4] if len(q) > 4 else re.sub(r"^(Re|RE|Fwd): ", "", it["subject"])
    d = when(brand, when_s)
    to = it["frm"] if style != "fwd" else it["frm"]
    head = quote_header(style, d, who, to, subject, brand)
    text = text.strip("\n")
    if style == "gmail":
        body_lines = []
        for line in text.split("\n"):
            if wrap and not line.startswith(">"):
                for w in (textwrap.wrap(line, 70) or [""]):
                    body_lines.append("> " + w if w else ">")
            else:
                body_lines.append((">" + line) if line.startswith(">") else ("> " + line if line else ">"))
        plain = head + "\n" + "\n".join(body_lines)
    else:
        plain = head + "\n" + (wrap_lines(text) if wrap else text)
    # HTML version
    paras = [p for p in text.split("\n\n")]
    qhtml = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paras)
    hhead = html.escape(head).replace("\n", "<br>")
    if style == "gmail":
        h = f'<div class="gmail_quote"><p>{hhead}</p><blockquote>{qhtml}</blockquote></div>'
    else:
        h = f'<div class="quoted"><p>{hhead}</p>{qhtml}</div>'
    return plain, h


def para_html(p):
    lines = p.split("\n")
    if all(re.match(r"^- ", l) for l in lines):
        return "<ul>" + "".join(f"<li>{html.escape(l[2:])}</li>" for l in lines) + "</ul>"
    if all(re.match(r"^\d\. ", l) for l in lines):
        return "<ol>" + "".join(f"<li>{html.escape(l[3:])}</li>" for l in lines) + "</ol>"
    return "<p>" + "<br>\n".join(html.escape(l) for l in lines) + "</p>"


def build(it):
    brand = it["brand"]
    b = BRANDS[brand]
    wrap = it.get("wrap", False)
    body = it["body"].strip("\n")
    sig_kind, sig = it.get("sig", (None, ""))
    footer = b["footer"] if it.get("footer") else ""
    qplain, qhtml = quote_block(it, brand, wrap)
    parts = [wrap_lines(body) if wrap else body]
    if sig_kind == "dash":
        parts.append("-- \n" + sig.strip("\n"))
    elif sig_kind == "block":
        parts.append(sig.strip("\n"))
    if footer:
        parts.append(wrap_lines(footer) if wrap else footer)
    if qplain:
        parts.append(qplain)
    plain = "\n\n".join(parts) + "\n"

    hparts = [para_html(p) for p in body.split("\n\n")]
    if sig_kind == "dash":
        hparts.append('<div class="signature">-- <br>' + "<br>".join(html.escape(l) for l in sig.strip().split("\n")) + "</div>")
    elif sig_kind == "block":
        hparts.append("<p>" + "<br>".join(html.escape(l) for l in sig.strip().split("\n")) + "</p>")
    if footer:
        hparts.append(f'<p style="font-size:11px;color:#777">{html.escape(footer)}</p>')
    if qhtml:
        hparts.append(qhtml)
    htmldoc = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>body{font-family:Arial,sans-serif;"
               "font-size:14px} blockquote{border-left:2px solid #ccc;margin-left:6px;padding-left:8px}</style>"
               "</head><body>\n" + "\n".join(hparts) + "\n</body></html>\n")

    msg = EmailMessage()
    msg["From"] = email.utils.formataddr(it["frm"])
    msg["To"] = email.utils.formataddr(it["to"])
    msg["Subject"] = it["subject"]
    d = when(brand, it["date"])
    msg["Date"] = email.utils.format_datetime(d)
    h = hashlib.sha1(("heldout34" + it["id"]).encode()).hexdigest()
    msg["Message-ID"] = f"<{h[:8]}.{h[8:20]}@mail.{b['domain']}>"
    if it.get("quote") and it["quote"][0] != "fwd":
        ref = f"<CA+{h[20:36]}@mail.gmail.com>" if it["quote"][0] == "gmail" else f"<{h[20:36].upper()}@OUTLOOK.COM>"
        msg["In-Reply-To"] = ref
        msg["References"] = ref
    cs, cte = it.get("charset", "utf-8"), it.get("cte", "quoted-printable")
    fmt = it.get("fmt", "plain")
    if fmt == "html":
        msg.set_content(htmldoc, subtype="html", charset=cs, cte=cte)
    else:
        msg.set_content(plain, charset=cs, cte=cte)
        if fmt in ("alt", "mixed-alt"):
            msg.add_alternative(htmldoc, subtype="html", charset=cs, cte=cte)
    if it.get("attach"):
        name, ctype, data = it["attach"]
        mt, st = ctype.split("/")
        msg.add_attachment(data, maintype=mt, subtype=st, filename=name)
    linesep = "\r\n" if it.get("crlf") else "\n"
    raw = msg.as_bytes(policy=email.policy.default.clone(linesep=linesep))
    (ITEMS / f"{it['id']}.eml").write_bytes(raw)
    lab = {"id": it["id"], "file": f"{it['id']}.eml", "brand": f"brand-{brand}.yml",
           "missing_next_step": it.get("ns", False),
           "spans": [{"category": c, "text": t} for c, t in it.get("spans", [])]}
    (ITEMS / f"{it['id']}.json").write_text(json.dumps(lab, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main():
    ITEMS.mkdir(exist_ok=True)
    for it in EMAILS:
        build(it)
    print(f"built {len(EMAILS)} emails")


if __name__ == "__main__":
    main()
