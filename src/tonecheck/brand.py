"""Brand guides: load a brand.yml, validate it against the JSON schema with line numbers, compile it once.

    guide = load_brand("brand.yml", engine)          # BrandError(.problems) when the file is malformed
    guide = compile_brand({"name": "Acme", ...}, engine, path="<inline>")

Validation uses jsonschema (schemas/brand.schema.json) on the loaded data; every error is mapped back to a line
through the composed YAML node tree and reported as `brand.yml:LINE: field: what is wrong`. Unknown fields are
warnings (printed, then ignored), never errors. A few things the schema cannot say are checked after it: a promise's
`within` must read as a duration, a term may not be listed as its own wrong variant, a wrong variant may not be
claimed by two terms, and a banned word may not be a term the guide tells writers to use.

Compilation turns every phrase list into spaCy matchers that run once per document (the checks in
tonecheck.checks.brand and tonecheck.checks.voice read the results through `BrandGuide.match(doc)`):

- NORM (lower-case lemma) PhraseMatcher: ordinary terminology variants, banned words, forbidden claims, promise
  keywords, and ordinary `use` terms (so a correct term is never flagged as part of a wrong one);
- ORTH PhraseMatcher: product-name variants that differ from the product name only in capitals or are part of it
  ("Ridgefit" for "RidgeFit sizing tool"): these must match case-sensitively or the correct form would match too;
- LOWER PhraseMatcher: other product-name variants ("size calculator", "Size calculator"), and the product name
  itself, so the correct spelling is protected and a wrong capitalisation ("RIDGELINE TRAIL CLUB") is found;
- a token Matcher for values' `avoid` phrases, with the reader's pronouns and tense varied ("not our department"
  also finds "this isn't my department").

Durations (for promises) are parsed here too: `parse_duration("2 working days")`, `find_durations(text)`.
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

# -- errors ----------------------------------------------------------------------------------------------------


class BrandError(Exception):
    """A brand guide that cannot be used. `.problems`: one line per problem, `FILE:LINE: field: what is wrong`."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@lru_cache(maxsize=1)
def brand_schema() -> dict:
    """The JSON schema (schemas/brand.schema.json) as shipped, `$ref`s and all (editors can use the file)."""
    from importlib.resources import files

    return json.loads(files("tonecheck").joinpath("schemas/brand.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    """A validator for the schema with its local `$ref`s inlined: resolving a reference per list item made a
    5,000-term guide take seconds to validate."""
    from jsonschema import Draft202012Validator

    schema = brand_schema()
    defs = schema.get("$defs", {})

    def inline(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/") and len(node) == 1:
                return inline(defs[ref.split("/")[-1]])
            return {k: inline(v) for k, v in node.items() if k != "$defs"}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    return Draft202012Validator(inline(schema))


# -- durations -------------------------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-one": 21,
    "twenty-four": 24, "thirty": 30, "forty": 40, "forty-five": 45, "forty-eight": 48, "fifty": 50, "sixty": 60,
    "seventy-two": 72, "ninety": 90, "hundred": 100, "a couple of": 2, "couple of": 2, "a single": 1,
}
_UNIT_HOURS = {"hour": 1.0, "day": 24.0, "bday": 24.0, "week": 168.0, "month": 720.0, "year": 8760.0}

_NUM = (r"(?:\d+(?:\.\d+)?|a\s+couple\s+of|couple\s+of|a\s+single|twenty-one|twenty-four|forty-five|forty-eight|"
        r"seventy-two|" + "|".join(sorted((w for w in _NUMBER_WORDS if " " not in w and "-" not in w),
                                          key=len, reverse=True)) + ")")
_UNIT = r"(?:(?P<{p}q>business|working|work)[\s-]+)?(?P<{p}u>hours?|hrs?|days?|weeks?|wks?|months?|years?)"
_DURATION_RE = re.compile(
    r"(?<![\w.-])(?:(?P<lo>" + _NUM + r")\s*(?:-|–|—|to|or)\s*)?(?P<n>" + _NUM + r")(?P<sep>[\s-]*)"
    + _UNIT.format(p="") + r"(?![\w])"
    r"|(?<![\w.-])(?P<hn>\d+)\s?(?P<hu>h|hrs?)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Duration:
    """A duration or a range of them, in one unit (hour | day | bday | week | month | year)."""
    lo: float
    hi: float
    unit: str
    text: str = ""

    @property
    def is_range(self) -> bool:
        return self.lo != self.hi

    def hours(self, value: float, other_unit: str | None = None) -> float:
        """Hours, where a business day counts as 24 hours (a day) and a week, against business days, as 5 of them."""
        if self.unit == "week" and other_unit == "bday":
            return value * 5 * 24.0
        return value * _UNIT_HOURS[self.unit]

    def __str__(self) -> str:
        return self.text


def _num(s: str) -> float | None:
    s = re.sub(r"\s+", " ", s.strip().lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    return _NUMBER_WORDS.get(s)


def _unit(word: str, qualifier: str | None) -> str:
    w = word.lower().rstrip("s")
    if w in ("hour", "hr", "h"):
        return "hour"
    if w in ("week", "wk"):
        return "week"
    if w in ("month", "year"):
        return w
    return "bday" if qualifier else "day"


def _from_match(m: re.Match) -> Duration | None:
    if m.group("hn"):
        v = float(m.group("hn"))
        return Duration(v, v, "hour", m.group(0))
    n = _num(m.group("n"))
    if n is None:
        return None
    lo = _num(m.group("lo")) if m.group("lo") else n
    if lo is None or lo > n:
        return None
    return Duration(lo, n, _unit(m.group("u"), m.group("q")), m.group(0))


def parse_duration(text: str) -> Duration | None:
    """'24 hours', '1 business day', 'two weeks', 'a day', '24h', '48-hour', '3 to 5 working days' -> Duration."""
    s = text.strip()
    m = _DURATION_RE.fullmatch(s)
    if not m:
        m = _DURATION_RE.search(s)
        if not m or s[:m.start()].strip().lower() not in ("", "within", "in", "up to", "under", "less than"):
            return None
    return _from_match(m)


_FUNCTION_WORD = re.compile(
    r"\s*(?:and|or|to|of|from|for|after|before|in|on|at|by|with|if|when|so|every|each|the|a|an|your|our|this|"
    r"that|as|then|but|via|please|we|you|i|it|they|he|she|max|maximum|or\s+less|at\s+most)\b", re.I)


def find_durations(text: str) -> list[tuple[int, int, Duration, bool]]:
    """Every duration in `text`: (start, end, Duration, adjectival) — adjectival for "14-day trip" style modifiers."""
    out = []
    for m in _DURATION_RE.finditer(text):
        d = _from_match(m)
        if d is None:
            continue
        adjectival = False
        if m.group("u") and not m.group("u").lower().endswith("s") and (
                "-" in m.group("sep") or (d.hi != 1 and m.group("n").lower() not in ("a", "an"))):
            # "14-day trip", "48 hour turnaround": a singular unit followed by a word modifies that word
            if re.match(r"\s*[A-Za-z]", text[m.end():]) and not _FUNCTION_WORD.match(text[m.end():]):
                adjectival = True
        out.append((m.start(), m.end(), d, adjectival))
    return out


def compare(found: Duration, promised: Duration) -> bool:
    """True when `found` agrees with the promise.

    A single figure agrees when it is the same length of time; a range agrees unless its upper end exceeds the
    promise. A business (working) day counts as one day, i.e. 24 hours: "1 business day" agrees with "24 hours" and
    "a day", not with "48 hours"; against business days a week counts as 5 of them.
    """
    eps = 1e-6
    p = promised.hours(promised.hi, found.unit)
    hi = found.hours(found.hi, promised.unit)
    if found.is_range:
        return hi <= p + eps
    return abs(hi - p) <= eps


# -- the compiled guide ---------------------------------------------------------------------------------------

@dataclass
class Term:
    use: str
    variants: list[str]
    product: bool


@dataclass
class Value:
    name: str
    description: str
    avoid: list[str]


@dataclass
class Banned:
    word: str
    reason: str


@dataclass
class Promise:
    topic: str
    keywords: list[str]
    within: Duration
    within_text: str


@dataclass
class BrandMatches:
    """What the guide's matchers found in one spaCy Doc (character offsets, except promise keyword tokens)."""
    terms: list[tuple[int, int, int, str]] = field(default_factory=list)      # start, end, term index, variant
    banned: list[tuple[int, int, int]] = field(default_factory=list)
    claims: list[tuple[int, int, int]] = field(default_factory=list)
    values: list[tuple[int, int, int]] = field(default_factory=list)
    keywords: list[tuple[int, int, int]] = field(default_factory=list)        # token start, token end, promise
    protected: list[tuple[int, int]] = field(default_factory=list)            # correct terms as written


PRONOUN_GROUPS = [
    {"we", "i"}, {"our", "my"}, {"ours", "mine"}, {"ourselves", "myself"}, {"yourself", "yourselves"},
    {"it", "they", "them", "this", "that", "these", "those"}, {"be", "'s"}, {"can", "could"},
]


class BrandGuide:
    """A brand guide compiled for one spaCy vocabulary: the data plus matchers built once."""

    def __init__(self, data: dict, engine, path: str = "<brand>", warnings: list[str] | None = None):
        self.path = path
        self.data = data
        self.warnings = list(warnings or [])
        self.name: str = data["name"]
        voice = data.get("voice") or {}
        self.formality: str | None = voice.get("formality")
        self.max_grade: float | None = voice.get("max_grade")
        self.max_sentence_words: int | None = voice.get("max_sentence_words")
        self.max_exclamations: int | None = voice.get("max_exclamations")
        self.emoji: bool | None = voice.get("emoji")
        self.values = [Value(v["name"], v.get("description", ""), list(v.get("avoid") or []))
                       for v in data.get("values") or []]
        self.terms = [Term(t["use"], _as_list(t["instead_of"]), _is_product(t["use"]))
                      for t in data.get("terminology") or []]
        self.banned = [Banned(b, "") if isinstance(b, str) else Banned(b["word"], b.get("reason", ""))
                       for b in data.get("banned") or []]
        self.claims = list((data.get("claims") or {}).get("forbidden") or [])
        self.promises = []
        for p in data.get("promises") or []:
            d = parse_duration(p["within"])
            if d is not None:
                self.promises.append(Promise(p["topic"], list(p["keywords"]), d, p["within"].strip()))
        self._compile(engine)

    def __repr__(self) -> str:
        return f"<BrandGuide {self.name!r} from {self.path}: {len(self.terms)} terms>"

    # -- compilation ---------------------------------------------------------------------------------------
    def _compile(self, engine):
        from spacy.matcher import Matcher, PhraseMatcher

        nlp = engine.nlp
        self.vocab = nlp.vocab
        self._norm_pm = PhraseMatcher(nlp.vocab, attr="NORM")
        self._orth_pm = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower_pm = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._values_m = Matcher(nlp.vocab)
        self._values_need: list[list[frozenset]] = []   # per pattern, per token: the NORM hashes it accepts
        norm_doc = _norm_doc_maker(engine)
        make_doc = nlp.make_doc

        # keys: "t" ordinary term variant, "u" ordinary term in use, "b" banned, "c" claim, "k<i>" promise keyword;
        # ORTH "t" exact product variant; LOWER "t" product variant, "p" product name (to protect / re-case)
        self._norm_map: dict[tuple[str, str], list[tuple[int, str]]] = {}
        self._orth_map: dict[str, list[tuple[int, str]]] = {}
        self._lower_map: dict[tuple[str, str], list[tuple[int, str]]] = {}
        norm_batches: dict[str, list] = {}
        orth_batch, lower_batches = [], {"t": [], "p": []}

        def add_norm(key, phrase, idx):
            doc = norm_doc(phrase)
            sig = (key, " ".join(t.norm_ for t in doc))
            if sig not in self._norm_map:
                norm_batches.setdefault(key, []).append(doc)
            self._norm_map.setdefault(sig, []).append((idx, phrase))

        for i, term in enumerate(self.terms):
            if term.product:
                use_lower = [t.lower_ for t in make_doc(term.use)]
                sig = ("p", " ".join(use_lower))
                if sig not in self._lower_map:
                    lower_batches["p"].append(make_doc(term.use))
                self._lower_map.setdefault(sig, []).append((i, term.use))
                for v in term.variants:
                    vdoc = make_doc(v)
                    v_lower = [t.lower_ for t in vdoc]
                    if _sublist(v_lower, use_lower):
                        if v not in self._orth_map:
                            orth_batch.append(vdoc)
                        self._orth_map.setdefault(v, []).append((i, v))
                    else:
                        sig = ("t", " ".join(v_lower))
                        if sig not in self._lower_map:
                            lower_batches["t"].append(vdoc)
                        self._lower_map.setdefault(sig, []).append((i, v))
            else:
                add_norm("u", term.use, i)
                for v in term.variants:
                    add_norm("t", v, i)
        for i, b in enumerate(self.banned):
            add_norm("b", b.word, i)
        for i, c in enumerate(self.claims):
            add_norm("c", c, i)
        for i, p in enumerate(self.promises):
            for k in p.keywords:
                add_norm(f"k{i}", k, i)
        for key, docs in norm_batches.items():
            self._norm_pm.add(key, docs)
        if orth_batch:
            self._orth_pm.add("t", orth_batch)
        for key, docs in lower_batches.items():
            if docs:
                self._lower_pm.add(key, docs)
        groups = {n: sorted(g) for g in PRONOUN_GROUPS for n in g}
        for i, v in enumerate(self.values):
            patterns = []
            for phrase in v.avoid:
                toks = [t for t in norm_doc(phrase) if not t.is_space]
                if toks:
                    patterns.append([{"NORM": {"IN": groups[t.norm_]}} if t.norm_ in groups else {"NORM": t.norm_}
                                     for t in toks])
            if patterns:
                self._values_m.add(f"v{i}", patterns)
                strings = nlp.vocab.strings
                self._values_need.extend(
                    [frozenset(strings.add(n) for n in (spec["NORM"]["IN"] if isinstance(spec["NORM"], dict)
                                                        else [spec["NORM"]])) for spec in pat] for pat in patterns)

    # -- matching ------------------------------------------------------------------------------------------
    def match(self, doc) -> BrandMatches:
        """Run every matcher once over a Doc made by the same pipeline."""
        out = BrandMatches()
        strings = self.vocab.strings
        raw_terms = []
        if len(self._norm_pm):
            for mid, s, e in self._norm_pm(doc):
                key = strings[mid]
                span = doc[s:e]
                sig = (key, " ".join(t.norm_ for t in span))
                idxs = self._norm_map.get(sig, [])
                if not idxs:
                    continue
                idx, phrase = idxs[0]
                if key == "t":
                    raw_terms.append((span.start_char, span.end_char, idx, phrase))
                elif key == "u":
                    out.protected.append((span.start_char, span.end_char))
                elif key == "b":
                    out.banned.append((span.start_char, span.end_char, idx))
                elif key == "c":
                    out.claims.append((span.start_char, span.end_char, idx))
                elif key.startswith("k"):
                    out.keywords.append((s, e, int(key[1:])))
        if len(self._orth_pm):
            for mid, s, e in self._orth_pm(doc):
                span = doc[s:e]
                idxs = self._orth_map.get(span.text)
                if idxs:
                    raw_terms.append((span.start_char, span.end_char, *idxs[0]))
        if len(self._lower_pm):
            for mid, s, e in self._lower_pm(doc):
                key = strings[mid]
                span = doc[s:e]
                idxs = self._lower_map.get((key, " ".join(t.lower_ for t in span)))
                if not idxs:
                    continue
                idx, phrase = idxs[0]
                if key == "p":
                    if _same_words(span, self.terms[idx].use):
                        out.protected.append((span.start_char, span.end_char))
                    else:
                        raw_terms.append((span.start_char, span.end_char, idx, span.text))
                else:
                    raw_terms.append((span.start_char, span.end_char, idx, phrase))
        if len(self._values_m) and self._values_possible(doc):
            for mid, s, e in self._values_m(doc):
                span = doc[s:e]
                out.values.append((span.start_char, span.end_char, int(strings[mid][1:])))
        # a correct term as written is never (part of) a finding
        for t in raw_terms:
            if not any(ps <= t[0] and t[1] <= pe for ps, pe in out.protected):
                out.terms.append(t)
        out.terms.sort()
        return out

    def _values_possible(self, doc) -> bool:
        """Whether some value pattern has every one of its words in the document: when none has, the token
        Matcher (which builds a Token object at every position) cannot match and is not run."""
        present = set(doc.to_array("NORM").tolist())
        return any(all(not need.isdisjoint(present) for need in pat) for pat in self._values_need)

    # -- suggestions ---------------------------------------------------------------------------------------
    def replacement(self, term_index: int, span) -> str:
        """The term to write instead of the matched span, keeping its plural and its capital (not for products)."""
        term = self.terms[term_index]
        if term.product:
            return term.use
        words = term.use.split(" ")
        last = span[-1]
        low = last.lower_
        if low != last.norm_ and low.endswith("s") and not words[-1].lower().endswith("s"):
            words[-1] = _pluralize(words[-1])
        text = " ".join(words)
        surface = span.text
        letters = [c for c in surface if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return text.upper()
        if surface[:1].isupper() and text[:1].islower():
            return text[:1].upper() + text[1:]
        return text


def _as_list(v) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


def _is_product(use: str) -> bool:
    return any(c.isupper() for c in use)


def _sublist(small: list[str], big: list[str]) -> bool:
    n = len(small)
    return any(big[i:i + n] == small for i in range(len(big) - n + 1))


def _same_words(span, text: str) -> bool:
    return " ".join(t.text for t in span) == " ".join(text.split())


def _pluralize(word: str) -> str:
    low = word.lower()
    if re.search(r"(s|x|z|ch|sh)$", low):
        return word + "es"
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    return word + "s"


def _norm_doc_maker(engine) -> Callable:
    norm = engine.nlp.get_pipe("tonecheck_norm")
    make_doc = engine.nlp.make_doc
    return lambda text: norm(make_doc(text))


# -- validation -----------------------------------------------------------------------------------------------

def _field(path) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def _node_at(root, path):
    """The YAML node at a data path (keys and indexes), or the deepest one found on the way."""
    import yaml

    node = root
    for p in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == p), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(p, int) and p < len(node.value):
            nxt = node.value[p]
        else:
            nxt = None
        if nxt is None:
            break
        node = nxt
    return node


def _key_node(root, path, key):
    import yaml

    node = _node_at(root, path)
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if k.value == key:
                return k
    return node


def _line(node) -> int | None:
    return node.start_mark.line + 1 if node is not None and getattr(node, "start_mark", None) else None


def _type_name(v) -> str:
    if v is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping"}.get(type(v), type(v).__name__)


def _describe(err) -> str:
    v = err.validator
    if v == "type":
        want = err.validator_value
        want = want if isinstance(want, list) else [want]
        names = {"string": "text", "array": "a list", "object": "a mapping", "integer": "a whole number",
                 "number": "a number", "boolean": "true or false"}
        return f"expected {' or '.join(names.get(w, w) for w in want)}, got {_type_name(err.instance)}"
    if v == "enum":
        return f"must be one of {', '.join(map(str, err.validator_value))}, not {err.instance!r}"
    if v in ("minLength", "pattern"):
        return "must not be empty"
    if v == "minItems":
        return "must list at least one item"
    if v == "minimum":
        return f"must be at least {err.validator_value}, not {err.instance!r}"
    if v == "anyOf":
        return _describe_anyof(err)
    return err.message


def _describe_anyof(err) -> str:
    inst = err.instance
    if isinstance(inst, dict):
        sub = [e for e in err.context if e.validator not in ("type",)]
        if sub:
            best = min(sub, key=lambda e: len(e.relative_path))
            return _describe(best)
    if isinstance(inst, str):
        return "must not be empty"
    if isinstance(inst, list):
        if not inst:
            return "must list at least one item"
        bad = [x for x in inst if not isinstance(x, str) or not x.strip()]
        if bad:
            return f"expected a list of non-empty text, found {_type_name(bad[0])}"
    return f"expected text or a list of text, got {_type_name(inst)}"


def validate(data: Any, root=None, display: str = "brand.yml") -> tuple[list[str], list[str]]:
    """(problems, warnings) for loaded brand guide data; `root` is the composed YAML node tree for line numbers."""
    def where(path, key=None) -> str:
        node = _key_node(root, path, key) if key is not None else _node_at(root, path)
        line = _line(node) if root is not None else None
        return f"{display}:{line}" if line else display

    problems: list[tuple[int, str]] = []
    warnings: list[str] = []

    def add(path, msg, key=None):
        loc = where(path, key)
        fpath = list(path) + ([key] if key is not None else [])
        line = int(loc.rsplit(":", 1)[1]) if loc.rsplit(":", 1)[-1].isdigit() else 0
        problems.append((line, f"{loc}: {_field(fpath)}: {msg}"))

    if data is None:
        return [f"{display}:1: (top level): the brand guide is empty (it needs at least `name:`)"], []
    if not isinstance(data, dict):
        return [f"{where([])}: (top level): expected a mapping of fields (name:, voice:, terminology: …), "
                f"got {_type_name(data)}"], []
    for err in _validator().iter_errors(data):
        if err.validator == "anyOf" and isinstance(err.instance, dict):
            # an object where text or an object is allowed: report what is wrong inside the object
            inner = [e for e in err.context if e.validator != "type" or list(e.relative_path)]
            if inner:
                err = min(inner, key=lambda e: -len(e.absolute_path))
        path = list(err.absolute_path)
        if err.validator == "additionalProperties":
            known = set(err.schema.get("properties", {}))
            for key in sorted(k for k in err.instance if k not in known):
                warnings.append(f"{where(path, key)}: {_field(path + [key])}: unknown field (ignored); "
                                f"known fields here: {', '.join(sorted(known))}")
        elif err.validator == "required":
            missing = [k for k in err.validator_value if k not in err.instance]
            for k in missing:
                add(path + [k], "missing (required)")
        else:
            add(path, _describe(err))
    _semantic_checks(data, add)
    problems.sort(key=lambda p: p[0])
    seen, out = set(), []
    for _, p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out, warnings


def _semantic_checks(data: dict, add) -> None:
    """What the schema cannot say. Runs on malformed data too, skipping the parts that are not well-typed."""
    def key(s: str) -> str:
        return " ".join(s.lower().split())

    def items(name):
        v = data.get(name)
        return [(i, x) for i, x in enumerate(v) if isinstance(x, dict)] if isinstance(v, list) else []

    def text(x) -> bool:
        return isinstance(x, str) and bool(x.strip())

    for i, p in items("promises"):
        w = p.get("within")
        if text(w) and parse_duration(w) is None:
            add(["promises", i, "within"], f"cannot read {w!r} as a duration "
                f"(write e.g. '24 hours', '1 business day', '2 working days', '30 days', '2 weeks')")
    terms = [(i, t) for i, t in items("terminology") if text(t.get("use"))]
    owner: dict[str, tuple[int, str]] = {}
    uses = {key(t["use"]): i for i, t in terms}

    def variants(t):
        v = t.get("instead_of")
        if isinstance(v, str):
            return [(None, v)] if v.strip() else []
        if isinstance(v, list):
            return [(j, x) for j, x in enumerate(v) if text(x)]
        return []

    for i, t in terms:
        use = t["use"]
        for j, v in variants(t):
            vpath = ["terminology", i, "instead_of"] + ([j] if j is not None else [])
            if v.strip() == use.strip():
                add(vpath, f"'{v}' is the term to use itself; remove it from instead_of")
                continue
            if not _is_product(use) and key(v) == key(use):
                add(vpath, f"'{v}' differs from '{use}' only in capitals, which ordinary terms ignore")
                continue
            k = v if _is_product(use) else key(v)
            if k in owner and owner[k][1] != use:
                add(vpath, f"'{v}' is already listed under terminology[{owner[k][0]}] (use: {owner[k][1]})")
            owner.setdefault(k, (i, use))
            other = uses.get(key(v))
            if other is not None and other != i and not _is_product(data["terminology"][other]["use"]):
                add(vpath, f"'{v}' is the term terminology[{other}] tells writers to use")
    for i, b in enumerate(data.get("banned") or [] if isinstance(data.get("banned"), list) else []):
        word = b if isinstance(b, str) else (b.get("word") if isinstance(b, dict) else None)
        if text(word) and key(word) in uses:
            add(["banned", i] + ([] if isinstance(b, str) else ["word"]),
                f"'{word}' is banned but terminology[{uses[key(word)]}] tells writers to use it")


def _duplicate_keys(root, display: str) -> list[str]:
    import yaml

    out = []

    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for k, v in node.value:
                if k.value in seen:
                    out.append(f"{display}:{_line(k)}: {_field(path + [k.value])}: duplicate key; "
                               f"only the last one is used")
                seen.add(k.value)
                walk(v, path + [k.value])
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, path + [i])

    walk(root, [])
    return out


def _display(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


_warned: set[str] = set()


def _stderr(line: str) -> None:
    if line not in _warned:          # a guide loaded for many files warns once
        _warned.add(line)
        print(f"tonecheck: {line}", file=sys.stderr)


def load_brand(path: str, engine, warn: Callable[[str], None] | None = _stderr) -> BrandGuide:
    """Read, validate and compile the brand guide at `path`. Raises BrandError listing every problem."""
    display = _display(str(path))
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise BrandError([f"{display}: brand guide not found"]) from None
    except UnicodeDecodeError:
        raise BrandError([f"{display}:1: (file): not UTF-8 text"]) from None
    except OSError as exc:
        raise BrandError([f"{display}: cannot read brand guide: {exc.strerror or exc}"]) from None
    # a guide that validated before (same text, same name shown, same schema) skips YAML and the JSON schema
    from . import cache
    from importlib.resources import files

    k = cache.key("brand-guide", display, text, files("tonecheck").joinpath("schemas/brand.schema.json").read_bytes(),
                  "brand-v1")
    hit = cache.load("brand", k)
    if isinstance(hit, tuple) and len(hit) == 2 and isinstance(hit[0], dict):
        data, warnings = hit
        if warn:
            for w in warnings:
                warn(f"warning: {w}")
        return BrandGuide(data, engine, path=str(path), warnings=list(warnings))
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        root = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BrandError([f"{display}:{line}: (YAML): {what}"]) from None
    problems, warnings = validate(data, root, display)
    if root is not None:
        warnings += _duplicate_keys(root, display)
    if warn:
        for w in warnings:
            warn(f"warning: {w}")
    if problems:
        raise BrandError(problems)
    guide = BrandGuide(data, engine, path=str(path), warnings=warnings)
    cache.store("brand", k, (data, list(warnings)))     # after compiling: a guide that fails to compile is not kept
    return guide


def compile_brand(data: dict, engine, path: str = "<brand>") -> BrandGuide:
    """Validate and compile a brand guide given as data (e.g. inline in a rule example)."""
    problems, warnings = validate(data, None, path)
    if problems:
        raise BrandError(problems)
    return BrandGuide(data, engine, path=path, warnings=warnings)


# -- starter files (`tonecheck init`) ---------------------------------------------------------------------------

STARTER_BRAND = """\
# Brand guide for tonecheck: what we stand for, how we sound, the words we use and the figures we promise.
# Every field is optional except `name`. Check a draft against it with:  tonecheck draft.eml
# (tonecheck finds this file by walking up from the draft, or use --brand FILE, or `brand =` in tonecheck.toml.)
name: Example Co

# What we stand for. `avoid` lists phrases that contradict the value; they match any inflection, and "our"/"my",
# "we"/"I" and "is"/"'s" are interchangeable ("not our department" also finds "this isn't my department").
values:
  - name: ownership
    description: We own every problem until it is solved; we never send customers elsewhere.
    avoid: ["not our department", "contact the courier yourself"]
  - name: transparency
    description: We say what happened and why.
    avoid: ["for internal reasons", "we cannot disclose"]

# How we sound. Remove a line to switch that limit off.
voice:
  formality: friendly          # formal | friendly | casual  (slang is flagged in formal/friendly, legalese in friendly/casual)
  max_exclamations: 1          # per message
  emoji: false                 # are emoji allowed?
  max_sentence_words: 30       # reported at severity info unless raised in tonecheck.toml
  max_grade: 9                 # Flesch-Kincaid grade of the whole text (info unless raised)

# The words we use, and what we write instead of. Ordinary terms match every inflection and capital
# ("Clients" -> "Customers"); a `use` with capitals is a product name, written exactly as here.
# `tonecheck --fix` applies these substitutions to .md, .html and .txt files.
terminology:
  - use: customer
    instead_of: [client, consumer]
  - use: Example Plus                   # a product name: exact spelling and capitals
    instead_of: [example plus, ExamplePlus, Example+]

# Words we never use, with the reason shown to the writer.
banned:
  - word: cheap
    reason: We are affordable, not cheap.

# Claims legal has not approved.
claims:
  forbidden: ["guaranteed", "100% organic"]

# What we have promised publicly. A duration in the same clause as a keyword must agree with `within`
# (hours, days, business/working days, weeks; a business day counts as 24 hours).
promises:
  - topic: response time
    keywords: [reply, respond, get back, answer]
    within: 24 hours
  - topic: refund window
    keywords: [refund, return, money back]
    within: 30 days
"""

STARTER_CONFIG = """\
# tonecheck configuration. tonecheck uses the nearest tonecheck.toml (or [tool.tonecheck] in pyproject.toml)
# above the file it checks. Every key is optional.

# The brand guide, relative to this file. Without it, tonecheck looks for a brand.yml above each checked file.
brand = "brand.yml"

# Rules to run (ids or prefixes such as "brand" or "brand.terminology"); default: every rule.
# select = ["brand", "commitment", "defensive"]
# ignore = ["brand.formality"]

# Lowest severity that makes tonecheck exit with status 1: error | warning | info | never.
fail_on = "warning"

# Per-rule severity. The brand guide's reading grade and sentence length are advisory (info) by default.
[severity]
# "brand.grade" = "warning"
# "brand.sentence-length" = "warning"

# A shared mailbox that writes for several brands: the From address (or its domain) picks the guide.
[brands]
# "support@brightwater.example" = "brands/brightwater.yml"
# "harborlane.example" = "brands/harborlane.yml"
"""


def write_starter_files(folder: str = ".") -> tuple[list[str], list[str]]:
    """Write brand.yml and tonecheck.toml into `folder`. Refuses (writes nothing) if either exists.

    Returns (written, refused) file names."""
    files = {"brand.yml": STARTER_BRAND, "tonecheck.toml": STARTER_CONFIG}
    existing = [n for n in files if os.path.exists(os.path.join(folder, n))]
    if existing:
        return [], existing
    written = []
    for name, text in files.items():
        try:
            with open(os.path.join(folder, name), "x", encoding="utf-8") as fh:  # "x": never overwrite
                fh.write(text)
        except FileExistsError:
            return written, [name]
        written.append(name)
    return written, []
