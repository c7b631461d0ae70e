"""Positions as LanguageTool clients count them (tonecheck.httpapi.offsets), and the request checks that need no
server (tonecheck.httpapi.params, .auth, .settings)."""
from __future__ import annotations

import pytest

from tonecheck.config import ConfigError, load_config_file
from tonecheck.httpapi import auth
from tonecheck.httpapi.offsets import Annotated, AnnotationError, Utf16Index, line_starts, offset_at, utf16_len
from tonecheck.httpapi.params import BadRequest, lt_draft, tonecheck_draft
from tonecheck.httpapi.settings import read_settings


def utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * offset:2 * (offset + length)].decode("utf-16-le")


def test_utf16_units_count_emoji_twice_and_accents_once():
    text = "Zoë 👋 café 📷 Obviously"
    idx = Utf16Index(text)
    start = text.index("Obviously")
    assert utf16_len(text) == len(text) + 2
    assert idx.units(start) == start + 2
    assert utf16_slice(text, idx.units(start), utf16_len("Obviously")) == "Obviously"


def test_line_and_column_to_offset_like_the_text_reader():
    text = "Hi 👋,\r\n\r\nsecond line\nthird"
    starts = line_starts(text)
    assert text[offset_at(starts, len(text), 3, 1):].startswith("second")
    assert text[offset_at(starts, len(text), 4, 3):] == "ird"
    assert offset_at(starts, len(text), 99, 99) == len(text)        # clamped, never out of range


def test_annotated_text_skips_markup_but_positions_count_it():
    parts = [{"markup": "<p>"}, {"text": "Hi Zoë 👋,"}, {"markup": "</p><p>", "interpretAs": "\n\n"},
             {"text": "Obviously "}, {"markup": "<b>"}, {"text": "not our fault"}, {"markup": "</b>"},
             {"text": "."}, {"markup": "</p>"}]
    a = Annotated.from_parts(parts)
    assert a.plain == "Hi Zoë 👋,\n\nObviously not our fault."
    assert a.original == "<p>Hi Zoë 👋,</p><p>Obviously <b>not our fault</b>.</p>"
    s = a.plain.index("not our fault")
    assert a.original[a.to_original(s):a.to_original(s + 13, is_end=True)] == "not our fault"
    s = a.plain.index("Obviously")
    assert a.original[a.to_original(s):a.to_original(s + 9, is_end=True)] == "Obviously"
    # a range over the blank line that <p> stands for covers the markup, not a character beside it
    s = a.plain.index("\n\n")
    assert a.original[a.to_original(s):a.to_original(s + 2, is_end=True)] == "</p><p>"


@pytest.mark.parametrize("parts", [["text"], [{"text": 1}], [{"markup": "<b>", "text": "x"}], [{}],
                                   [{"markup": "<p>", "interpretAs": 2}]])
def test_malformed_annotations_are_refused_with_the_index(parts):
    with pytest.raises(AnnotationError, match=r"annotation\[0\]"):
        Annotated.from_parts(parts)


@pytest.mark.parametrize("values, status, words", [
    ({}, 400, "missing 'text' or 'data'"),
    ({"text": ""}, 400, "empty"),
    ({"text": "a", "data": "{}"}, 400, "not both"),
    ({"data": "{not json"}, 400, "not valid JSON"),
    ({"data": '{"annotation": 3}'}, 400, "'annotation' list"),
    ({"text": "x" * 1_000_001}, 413, "too large"),
    ({"text": "hi", "failOn": "sometimes"}, 400, "failOn"),
    ({"text": "hi", "issueTypes": "warning:purple"}, 400, "issueTypes"),
    ({"text": "hi", "enabledOnly": "true"}, 400, "enabledOnly needs"),
])
def test_bad_languagetool_parameters_are_one_line_4xx(values, status, words):
    with pytest.raises(BadRequest) as exc:
        lt_draft(values)
    assert exc.value.status == status and words in exc.value.message and "\n" not in exc.value.message


def test_issue_types_per_request_like_fail_on():
    assert lt_draft({"text": "hi"}).types == {"error": "misspelling", "warning": "grammar", "info": "style"}
    assert lt_draft({"text": "hi", "failOn": "error"}).types == {"error": "misspelling", "warning": "style",
                                                                 "info": "style"}
    assert lt_draft({"text": "hi", "failOn": "info", "issueTypes": "info:typographical"}).types["info"] == \
        "typographical"


def test_v1_headers_become_a_message_whose_body_line_is_given():
    d = tonecheck_draft({"text": "Hi Ana,\n\nThanks.", "headers": {"From": "sam@shop.example", "Subject": "Order"}})
    lines = d.data.decode().split("\n")
    assert d.kind == "eml" and lines[d.body_line - 1] == "Hi Ana,"
    for bad in ({"Subject": "a\r\nBcc: x@example.com"}, {"Bad Name": "x"}, {"Subject": 3}, []):
        with pytest.raises(BadRequest, match="header"):
            tonecheck_draft({"text": "hi", "headers": bad})


def test_loopback_hosts_and_the_key_rule(tmp_path):
    assert all(auth.is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "[::1]", "127.8.0.1"))
    assert not any(auth.is_loopback(h) for h in ("0.0.0.0", "::", "192.0.2.1", "example.com"))
    with pytest.raises(auth.AuthSetupError, match="API key"):
        auth.require_key_for("0.0.0.0", None)
    auth.require_key_for("127.0.0.1", None)
    key_file = tmp_path / "key"
    key_file.write_text("k" * 24 + "\n")
    assert auth.load_key(str(key_file), environ={}) == "k" * 24
    with pytest.raises(auth.AuthSetupError, match="too short"):
        auth.load_key(None, environ={"TONECHECK_API_KEY": "short"})
    assert auth.key_matches("k" * 24, "k" * 24) and not auth.key_matches("k" * 24, "k" * 23)
    assert auth.key_matches(None, None) and not auth.key_matches("k" * 24, None)


def test_serve_table_paths_and_mistakes(tmp_path):
    cfg = tmp_path / "tonecheck.toml"
    cfg.write_text('[serve]\nmax_request_bytes = 5000\n[serve.brands]\nacme = "brands/acme.yml"\n'
                   '[serve.issue_types]\ninfo = "typographical"\n')
    s = read_settings(load_config_file(cfg))
    assert s.brands == {"acme": str(tmp_path / "brands" / "acme.yml")}
    assert s.issue_types == {"info": "typographical"} and s.max_request_bytes == 5000
    for table, words in (("[serve]\nport = \"80\"\n", "port"), ("[serve]\nhots = 1\n", "unknown key"),
                         ("[serve.issue_types]\nwarning = \"purple\"\n", "issue_types"),
                         ("[serve]\nbrands = 3\n", "brands")):
        cfg.write_text(table)
        with pytest.raises(ConfigError, match=words):
            read_settings(load_config_file(cfg))
