"""scripts/labelled_sets.py: a labelled set's emails become training messages read as the runtime reads them - the
author's sentences (not the quoted thread or the signature), the customer's quoted words as context, and each
sentence with the labels of the spans it overlaps, even where the span was hard-wrapped in the file."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import labelled_sets  # noqa: E402

EMAIL = """\
From: Ana Ruiz <ana@kettleworks.example>
To: Sam Lee <sam@example.org>
Subject: Re: the descaler
Date: Mon, 7 Dec 2026 10:00:00 +0000
Content-Type: text/plain; charset=utf-8

Hi Sam,

The descaler was in the box, as the packing list clearly shows, so
there is nothing missing from our side. I'll post a second sachet today.

Best,
Ana

On Sun, 6 Dec 2026 at 18:02, Sam Lee <sam@example.org> wrote:
> There was no descaler in my kettle box. Please send one.
"""


def _write_set(root: Path) -> Path:
    items = root / "setx" / "items"
    items.mkdir(parents=True)
    (items / "m01.eml").write_text(EMAIL)
    (items / "m01.json").write_text(json.dumps({
        "id": "m01", "file": "m01.eml", "brand": "brand.yml", "missing_next_step": False,
        "spans": [{"category": "defensive", "text": "as the packing list clearly shows, so\nthere is nothing "
                                                    "missing from our side"},
                  {"category": "brand", "text": "second sachet"}]}))
    (items / "p01.md").write_text("---\ntitle: Care\n---\n\nDescale your kettle once a month.\n")
    (items / "p01.json").write_text(json.dumps({"id": "p01", "file": "p01.md", "brand": "brand.yml",
                                                "missing_next_step": False, "spans": []}))
    return root / "setx"


def test_a_labelled_email_becomes_sentences_with_their_labels_and_the_customers_words(tmp_path):
    messages = labelled_sets.messages_from_sets([str(_write_set(tmp_path))])
    assert len(messages) == 1                     # the page is left out: the runtime never asks about pages
    msg = messages[0]
    assert msg["id"] == "setx:m01"
    assert "no descaler in my kettle box" in msg["customer"]
    by_text = {" ".join(s["text"].split()[:2]): s["labels"] for s in msg["sentences"]}
    assert by_text["The descaler"] == ["defensive"]      # the wrapped span still lands on its sentence
    assert by_text["I'll post"] == []                    # brand spans are not a model label
    texts = " ".join(s["text"] for s in msg["sentences"])
    assert "Please send one" not in texts               # the quoted thread is context, not the author's sentence
