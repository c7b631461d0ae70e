"""A brand guide compiled once for one spaCy vocabulary: its data as objects, and matchers that find everything the
brand checks need in one pass over a document (`BrandGuide.match(doc)`, read by tonecheck.checks.brand).

- NORM (lower-case lemma) PhraseMatcher: ordinary terminology variants, banned words, forbidden claims, promise
  keywords, and ordinary `use` terms (so a correct term is never flagged as part of a wrong one);
- ORTH PhraseMatcher: product-name variants that differ from the product name only in capitals or are part of it
  ("Ridgefit" for "RidgeFit sizing tool"): these must match case-sensitively or the correct form would match too;
- LOWER PhraseMatcher: other product-name variants ("size calculator", "Size calculator"), and the product name
  itself, so the correct spelling is protected and a wrong capitalisation ("RIDGELINE TRAIL CLUB") is found;
- a token Matcher for values' `avoid` phrases, with the reader's pronouns and tense varied ("not our department"
  also finds "this isn't my department").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ..analysis.durations import Duration, parse_duration
from .validate import BrandError, is_product, validate


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


# words a value's `avoid` phrase matches interchangeably ("not our department" also finds "isn't my department")
PRONOUN_GROUPS = [
    {"we", "i"}, {"our", "my"}, {"ours", "mine"}, {"ourselves", "myself"}, {"yourself", "yourselves"},
    {"it", "they", "them", "this", "that", "these", "those"}, {"be", "'s"}, {"can", "could"},
]


class BrandGuide:
    """A brand guide compiled for one spaCy vocabulary: the data plus matchers built once."""

    def __init__(self, data: dict, engine, path: str = "<brand>", warnings: list[str] | None = None):
        self.path = path
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
        self.terms = [Term(t["use"], _as_list(t["instead_of"]), is_product(t["use"]))
                      for t in data.get("terminology") or []]
        self.banned = [Banned(b, "") if isinstance(b, str) else Banned(b["word"], b.get("reason", ""))
                       for b in data.get("banned") or []]
        self.claims = list((data.get("claims") or {}).get("forbidden") or [])
        self.promises = _promises(data.get("promises") or [])
        self._compile(engine)

    def __repr__(self) -> str:
        return f"<BrandGuide {self.name!r} from {self.path}: {len(self.terms)} terms>"

    # -- compilation ---------------------------------------------------------------------------------------
    def _compile(self, engine):
        from spacy.matcher import PhraseMatcher

        nlp = engine.nlp
        self.vocab = nlp.vocab
        self._norm_pm = PhraseMatcher(nlp.vocab, attr="NORM")
        self._orth_pm = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower_pm = PhraseMatcher(nlp.vocab, attr="LOWER")
        norm_doc = _norm_doc_maker(engine)
        self._spelling_docs: list = []
        # keys: "t" ordinary term variant, "u" ordinary term in use, "b" banned, "c" claim, "k<i>" promise keyword;
        # ORTH "t" exact product variant; LOWER "t" product variant, "p" product name (to protect / re-case)
        self._norm_map: dict[tuple[str, str], list[tuple[int, str]]] = {}
        self._orth_map: dict[str, list[tuple[int, str]]] = {}
        self._lower_map: dict[tuple[str, str], list[tuple[int, str]]] = {}
        norm_batches: dict[str, list] = {}

        def add_norm(key, phrase, idx, plural_too=True):
            doc = norm_doc(phrase)
            sig = (key, " ".join(t.norm_ for t in doc))
            if sig not in self._norm_map:
                norm_batches.setdefault(key, []).append(doc)
            self._norm_map.setdefault(sig, []).append((idx, phrase))
            # a word the lemma table does not know ("mocktail") keeps its plural as its norm: match that too
            last = phrase.split()[-1] if phrase.split() else ""
            if plural_too and last.isalpha() and last.islower() and (
                    _unknown_plural(last) or _norms(norm_doc(last)) != _norms(norm_doc(_pluralize(last)))):
                # ... and so does one whose lemma is another word's ("fitter" -> "fit", but "fitters" -> "fitter")
                add_norm(key, phrase[: len(phrase) - len(last)] + _pluralize(last), idx, plural_too=False)

        self._compile_products(nlp.make_doc)
        self._spellings: set[str] = set()
        for i, term in enumerate(self.terms):
            if not term.product:
                add_norm("u", term.use, i)
                use_norm = _norms(norm_doc(term.use))
                for v in term.variants:
                    if _norms(norm_doc(v)) == use_norm:
                        self._add_spelling(nlp.make_doc, v, i)    # "canceled" -> "cancelled": one lemma
                    else:
                        add_norm("t", v, i)
        if self._spelling_docs:
            self._lower_pm.add("t", self._spelling_docs)
        for i, b in enumerate(self.banned):
            add_norm("b", b.word, i)
        for i, c in enumerate(self.claims):
            add_norm("c", c, i)
        for i, p in enumerate(self.promises):
            for k in p.keywords:
                add_norm(f"k{i}", k, i)
        for key, docs in norm_batches.items():
            self._norm_pm.add(key, docs)
        self._compile_values(nlp.vocab, norm_doc)

    def _add_spelling(self, make_doc: Callable, variant: str, idx: int) -> None:
        """A variant spelt differently from the term but with the same lemma ("canceled"/"cancelled", "color"/
        "colour" with a trained pipeline): lemmas cannot tell them apart, so it is matched as spelt (any case)."""
        vdoc = make_doc(variant)
        lower = " ".join(t.lower_ for t in vdoc)
        if ("t", lower) not in self._lower_map:
            self._spelling_docs.append(vdoc)
        self._lower_map.setdefault(("t", lower), []).append((idx, variant))
        self._spellings.add(lower)

    def _compile_products(self, make_doc: Callable) -> None:
        """Product names and their variants: exact (ORTH) where a variant differs from the name only in capitals
        or is part of it, else without case (LOWER); the name itself too, to protect and re-case it."""
        orth_batch, lower_batches = [], {"t": [], "p": []}

        def add_lower(key, doc, lower, idx, phrase):
            sig = (key, " ".join(lower))
            if sig not in self._lower_map:
                lower_batches[key].append(doc)
            self._lower_map.setdefault(sig, []).append((idx, phrase))

        for i, term in enumerate(self.terms):
            if not term.product:
                continue
            use_doc = make_doc(term.use)
            use_lower = [t.lower_ for t in use_doc]
            add_lower("p", use_doc, use_lower, i, term.use)
            for v in term.variants:
                vdoc = make_doc(v)
                v_lower = [t.lower_ for t in vdoc]
                if _sublist(v_lower, use_lower):
                    if v not in self._orth_map:
                        orth_batch.append(vdoc)
                    self._orth_map.setdefault(v, []).append((i, v))
                else:
                    add_lower("t", vdoc, v_lower, i, v)
        if orth_batch:
            self._orth_pm.add("t", orth_batch)
        for key, docs in lower_batches.items():
            if docs:
                self._lower_pm.add(key, docs)

    def _compile_values(self, vocab, norm_doc: Callable) -> None:
        """A token pattern per `avoid` phrase, each pronoun standing for its group; and, per pattern, the NORM
        hashes each token accepts (a document without one of them cannot match: `_values_possible`)."""
        from spacy.matcher import Matcher

        self._values_m = Matcher(vocab)
        self._values_need: list[list[frozenset]] = []   # per pattern, per token: the NORM hashes it accepts
        groups = {n: sorted(g) for g in PRONOUN_GROUPS for n in g}
        for i, v in enumerate(self.values):
            patterns = [p for p in (_avoid_pattern(norm_doc(phrase), groups) for phrase in v.avoid) if p]
            if patterns:
                self._values_m.add(f"v{i}", patterns)
                self._values_need.extend([_accepted(vocab, spec) for spec in pat] for pat in patterns)

    # -- matching ------------------------------------------------------------------------------------------
    def match(self, doc) -> BrandMatches:
        """Run every matcher once over a Doc made by the same pipeline."""
        out = BrandMatches()
        raw_terms: list[tuple[int, int, int, str]] = []
        self._match_norm(doc, out, raw_terms)
        self._match_products(doc, out, raw_terms)
        if len(self._values_m) and self._values_possible(doc):
            strings = self.vocab.strings
            for mid, s, e in self._values_m(doc):
                span = doc[s:e]
                out.values.append((span.start_char, span.end_char, int(strings[mid][1:])))
        # a correct term as written is never (part of) a finding
        for t in raw_terms:
            if not any(ps <= t[0] and t[1] <= pe for ps, pe in out.protected):
                out.terms.append(t)
        out.terms.sort()
        return out

    def _match_norm(self, doc, out: BrandMatches, raw_terms: list) -> None:
        """Ordinary terms (wrong and right), banned words, claims and promise keywords, by lemma."""
        if not len(self._norm_pm):
            return
        strings = self.vocab.strings
        for mid, s, e in self._norm_pm(doc):
            key = strings[mid]
            span = doc[s:e]
            idxs = self._norm_map.get((key, " ".join(t.norm_ for t in span)), [])
            if not idxs:
                continue
            idx, phrase = idxs[0]
            if not _inflection_of(span, phrase):
                continue
            if key == "t":
                raw_terms.append((span.start_char, span.end_char, idx, phrase))
            elif key == "u" and " ".join(t.lower_ for t in span) not in self._spellings:
                out.protected.append((span.start_char, span.end_char))
            elif key == "b":
                out.banned.append((span.start_char, span.end_char, idx))
            elif key == "c":
                out.claims.append((span.start_char, span.end_char, idx))
            elif key.startswith("k"):
                out.keywords.append((s, e, int(key[1:])))

    def _match_products(self, doc, out: BrandMatches, raw_terms: list) -> None:
        """Product-name variants (exact and without case), and the names themselves: as written they are
        protected, in other capitals they are a variant."""
        if len(self._orth_pm):
            for _, s, e in self._orth_pm(doc):
                span = doc[s:e]
                idxs = self._orth_map.get(span.text)
                if idxs:
                    raw_terms.append((span.start_char, span.end_char, *idxs[0]))
        if not len(self._lower_pm):
            return
        strings = self.vocab.strings
        for mid, s, e in self._lower_pm(doc):
            key = strings[mid]
            span = doc[s:e]
            idxs = self._lower_map.get((key, " ".join(t.lower_ for t in span)))
            if not idxs:
                continue
            idx, phrase = idxs[0]
            if key == "p" and _same_words(span, self.terms[idx].use):
                out.protected.append((span.start_char, span.end_char))
            else:
                raw_terms.append((span.start_char, span.end_char, idx, span.text if key == "p" else phrase))

    def _values_possible(self, doc) -> bool:
        """Whether some value pattern has every one of its words in the document: when none has, the token
        Matcher (which builds a Token object at every position) cannot match and is not run."""
        present = set(doc.to_array("NORM").tolist())
        return any(all(not need.isdisjoint(present) for need in pat) for pat in self._values_need)

    # -- replacements --------------------------------------------------------------------------------------
    def replacement(self, term_index: int, span) -> str:
        """The term to write instead of the matched span, keeping its plural and its capital (not for products)."""
        term = self.terms[term_index]
        if term.product:
            return term.use
        words = term.use.split(" ")
        last = span[-1]
        low = last.lower_
        plural = low != last.norm_ or low[:-1].isalpha() and _unknown_plural(low[:-1])     # "mocktails"
        if plural and low.endswith("s") and not words[-1].lower().endswith("s"):
            words[-1] = _pluralize(words[-1])
        text = " ".join(words)
        surface = span.text
        letters = [c for c in surface if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            return text.upper()
        if surface[:1].isupper() and text[:1].islower():
            return text[:1].upper() + text[1:]
        return text


def compile_brand(data: dict, engine, path: str = "<brand>") -> BrandGuide:
    """Validate and compile a brand guide given as data (e.g. inline in a rule example)."""
    problems, warnings = validate(data, None, path)
    if problems:
        raise BrandError(problems, warnings)
    return BrandGuide(data, engine, path=path, warnings=warnings)


def _avoid_pattern(doc, groups: dict[str, list[str]]) -> list[dict]:
    """The token pattern of an `avoid` phrase: a pronoun (or be/'s, can/could) stands for its whole group."""
    return [{"NORM": {"IN": groups[t.norm_]}} if t.norm_ in groups else {"NORM": t.norm_}
            for t in doc if not t.is_space]


def _accepted(vocab, spec: dict) -> frozenset:
    """The NORM hashes a pattern token accepts."""
    norm = spec["NORM"]
    return frozenset(vocab.strings.add(n) for n in (norm["IN"] if isinstance(norm, dict) else [norm]))


def _promises(entries: list[dict]) -> list[Promise]:
    """The promises whose `within` reads as a duration (validation reports the others)."""
    out = []
    for p in entries:
        d = parse_duration(p["within"])
        if d is not None:
            out.append(Promise(p["topic"], list(p["keywords"]), d, p["within"].strip()))
    return out


def _as_list(v) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


def _norms(doc) -> str:
    return " ".join(t.norm_ for t in doc)


def _sublist(small: list[str], big: list[str]) -> bool:
    n = len(small)
    return any(big[i:i + n] == small for i in range(len(big) - n + 1))


def _inflection_of(span, phrase: str) -> bool:
    """The matched words are forms of the guide's words, not other words the lemma table folds into the same lemma:
    the lookup table gives "fitter" (a person) the lemma "fit" (as if "more fit"), so "the pump is fitted" must not
    match a guide that says "engineer, not fitter". Where a guide word is its lemma or a regular inflection of it
    ("replies", "cancelled"), any form of the lemma matches (an "-ing" word only its "-ing" forms: "porting" is
    not "port"); otherwise only the word itself or its plural."""
    words = phrase.split()
    if len(words) != len(span):
        return True
    for tok, word in zip(span, words, strict=True):
        low, norm = word.lower(), tok.norm_
        if low != norm and low.endswith("ing") and not tok.lower_.endswith("ing"):
            return False        # a process named by its "-ing" ("porting") is not the thing ("the LAN port")
        if low == norm or _regular_form(low, norm):
            continue
        if tok.lower_ not in (low, _pluralize(low)):
            return False
    return True


def _regular_form(word: str, lemma: str) -> bool:
    """'replies' of 'reply', 'cancelled' of 'cancel', 'moving' of 'move': a regular ending on the lemma."""
    stem = lemma[:-1] if lemma.endswith(("e", "y")) else lemma
    return word.startswith(stem) and re.fullmatch(r"(?:e|y)?(?:s|es|ies|d|ed|ing|[a-z]ed|[a-z]ing)?", word[len(stem):])\
        is not None


def _same_words(span, text: str) -> bool:
    """The span writes the name as the guide does; a lower-case first word ("the Workroom") may take a capital
    where a sentence or heading starts ("The Workroom is above the shop")."""
    got, want = [t.text for t in span], text.split()
    if got == want:
        return True
    return len(got) == len(want) > 1 and want[0].islower() and got[0].lower() == want[0] and got[1:] == want[1:]


def _unknown_plural(word: str) -> bool:
    """The lemma table knows neither the word's plural nor the word ("mocktail"), so NORM cannot join them."""
    from ..nlp import lemma_table
    table = lemma_table()
    return bool(table) and word not in table and _pluralize(word) not in table


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
