#!/usr/bin/env python3
"""Builds items/*.eml and items/*.json for written62 from the item sources in this folder (stdlib only).

Each source item gives headers, the author's new text (paragraphs separated by blank lines), a signature, an
optional footer and the quoted/forwarded block, plus the labels. Options choose the MIME layout, transfer
encoding, charset, CRLF line endings and hard wrapping at 72 columns (new text only).
"""
import email.policy
import hashlib
import html
import json
import textwrap
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path

import items_carronbank
import items_mwangaza
import items_tanjong

OUT = Path(__file__).resolve().parent.parent / "items"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def msgid(seed, domain):
    h = hashlib.sha1(seed.encode()).hexdigest()
    return f"<{h[:8]}.{h[8:20]}@{domain}>"


def wrap_para(p):
    lines = p.split("\n")
    if len(lines) > 1 or len(p) <= 72:
        out = []
        for ln in lines:
            if len(ln) > 72 and ln[:2] in ("- ", "1.", "2.", "3."):
                out.append(textwrap.fill(ln, 72, subsequent_indent="   " if ln[0].isdigit() else "  ",
                                         break_long_words=False, break_on_hyphens=False))
            elif len(ln) > 72:
                out.append(textwrap.fill(ln, 72, break_long_words=False, break_on_hyphens=False))
            else:
                out.append(ln)
        return "\n".join(out)
    return textwrap.fill(p, 72, break_long_words=False, break_on_hyphens=False)


def plain_body(it):
    new = it["new"].strip("\n")
    if it.get("wrap"):
        new = "\n\n".join(wrap_para(p) for p in new.split("\n\n"))
    parts = [new]
    if it.get("sig"):
        parts.append(("-- \n" if it.get("dash") else "") + it["sig"].strip("\n"))
    if it.get("footer"):
        parts.append(it["footer"].strip("\n"))
    if it.get("quote"):
        parts.append(it["quote"].strip("\n"))
    return "\n\n".join(parts) + "\n"


def esc(s):
    return html.escape(s, quote=False)


def html_body(it):
    out = ['<html><head><meta charset="utf-8"><style>p{margin:0 0 12px}</style></head>',
           '<body><div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">']
    for p in it["new"].strip("\n").split("\n\n"):
        lines = p.split("\n")
        if all(ln.startswith("- ") for ln in lines):
            out.append("<ul>" + "".join(f"<li>{esc(ln[2:])}</li>" for ln in lines) + "</ul>")
        elif all(ln[:2] in ("1.", "2.", "3.", "4.") for ln in lines):
            out.append("<ol>" + "".join(f"<li>{esc(ln[3:])}</li>" for ln in lines) + "</ol>")
        else:
            out.append("<p>" + "<br>\n".join(esc(ln) for ln in lines) + "</p>")
    if it.get("sig"):
        lines = it["sig"].strip("\n").split("\n")
        if it.get("dash"):
            lines = ["-- "] + lines
        out.append('<p style="color:#555">' + "<br>\n".join(esc(ln) for ln in lines) + "</p>")
    if it.get("footer"):
        out.append('<p style="font-size:11px;color:#888">' + esc(" ".join(it["footer"].split())) + "</p>")
    q = it.get("quote", "").strip("\n")
    if q:
        lines = q.split("\n")
        if lines[0].startswith("On "):
            body = [ln[2:] if ln.startswith("> ") else ln.lstrip(">") for ln in lines[1:]]
            out.append('<div class="gmail_quote"><div>' + esc(lines[0]) + "</div>")
            out.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">'
                       + "<br>\n".join(esc(ln) for ln in body) + "</blockquote></div>")
        else:
            out.append('<div style="border-top:solid #E1E1E1 1.0pt;padding:3pt 0 0 0">'
                       + "<br>\n".join(esc(ln) for ln in lines) + "</div>")
    out.append("</div></body></html>\n")
    return "\n".join(out)


def build_email(it, domain):
    msg = EmailMessage()
    msg["From"] = formataddr(it["frm"])
    msg["To"] = formataddr(it["to"])
    msg["Subject"] = it["subject"]
    msg["Date"] = it["date"]
    msg["Message-ID"] = msgid(it["id"] + it["subject"], "mail." + domain)
    if it.get("reply_domain"):
        parent = msgid("parent" + it["id"], it["reply_domain"])
        msg["In-Reply-To"] = parent
        msg["References"] = parent
    kind, cte, cs = it.get("kind", "plain"), it.get("cte", "quoted-printable"), it.get("charset", "utf-8")
    text = plain_body(it)
    if kind == "plain":
        msg.set_content(text, subtype="plain", charset=cs, cte=cte)
    elif kind == "html":
        msg.set_content(html_body(it), subtype="html", charset=cs, cte=cte)
    elif kind in ("alt", "mixed-alt"):
        msg.set_content(text, subtype="plain", charset=cs, cte=cte)
        msg.add_alternative(html_body(it), subtype="html", charset=cs, cte=cte)
    elif kind == "mixed-plain":
        msg.set_content(text, subtype="plain", charset=cs, cte=cte)
    if kind.startswith("mixed"):
        name, ctype = it["attach"]
        maintype, subtype = ctype.split("/")
        data = PDF if subtype == "pdf" else it.get("attach_data", "").encode()
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        part.set_boundary(f"=_{hashlib.sha1((it['id'] + str(i)).encode()).hexdigest()[:24]}")
    policy = email.policy.default.clone(linesep="\r\n" if it.get("crlf") else "\n", max_line_length=78)
    return msg.as_bytes(policy=policy)


def main():
    for mod in (items_carronbank, items_mwangaza, items_tanjong):
        for it in mod.ITEMS:
            if it["id"].startswith("e"):
                (OUT / f"{it['id']}.eml").write_bytes(build_email(it, mod.DOMAIN))
                fname = f"{it['id']}.eml"
            else:
                fname = f"{it['id']}.{it['ext']}"
                (OUT / fname).write_text(it["page"].lstrip("\n"), encoding="utf-8")
            lab = {"id": it["id"], "file": fname, "brand": mod.BRAND,
                   "missing_next_step": it.get("missing", False),
                   "spans": [{"category": c, "text": t} for c, t in it.get("spans", [])]}
            (OUT / f"{it['id']}.json").write_text(json.dumps(lab, indent=2, ensure_ascii=False) + "\n",
                                                  encoding="utf-8")


if __name__ == "__main__":
    main()
