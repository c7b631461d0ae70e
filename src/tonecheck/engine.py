"""The engine: runs compiled rule packs and named checks over a Document and returns Findings.

Order of work for one document:
1. the spaCy pipeline makes one Doc of the judged text (sentences, NORM = lower-case lemma);
2. one PhraseMatcher and one Matcher hold every phrase/pattern/substitution rule and run once;
   regex and metric rules run per rule; named checks get a CheckContext with a per-document memo;
3. each hit is filtered (the rule's `unless` phrases in the same sentence, its `regions`), mapped to the source
   (line, column, excerpt, sentence), given its severity (config overrides) and checked against suppressions;
4. overlapping hits of the same rule are merged, and findings are sorted by position.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Iterable

from .checks import SECOND_PASS, CheckContext, Hit, get_check
from .config import Config
from .literal import fold, required_literals
from .model import Document, Edit, Finding, Fix, InputError, Piece, SourceMap
from .nlp import get_nlp
from .rules import Rule, RuleError, load_rules
from .selectors import matches, unknown
from .analysis.layout import unwrapped
from .analysis.mention import is_mention, question_reported, quotation_around
from .analysis.promise_frame import reported_speech, third_party_speech
from .analysis.sentences import sentence_of, sentence_spans

_WS = re.compile(r"\s+")


def collapse(s: str) -> str:
    return _WS.sub(" ", s).strip()


# the categories about what the writer says, where a phrase in quotation marks is mentioned rather than said
MENTION_CATEGORIES = frozenset({"defensive", "sarcasm", "brand"})


# the categories about the writer's own tone: someone else's words, reported, carry someone else's tone
TONE_CATEGORIES = frozenset({"defensive", "sarcasm"})


def _someone_elses_words(ctx: CheckContext, hit: Hit) -> bool:
    """The hit sits in a sentence that reports what a third party said ("'It's not rocket science,' said the
    economist"; "the chairman says the plan is 'deeply flawed'")."""
    sent = sentence_of(ctx.doc, hit.start, hit.end)
    if sent is None:
        return False
    stext = ctx.text[sent.start_char:sent.end_char]
    if not any(c.isalnum() for c in ctx.text[hit.start:hit.end]) and \
            quotation_around(ctx.text, hit.start, hit.end) is None:
        return False        # "He said we could build our own lines!!!": marks outside a quotation are the writer's
    return reported_speech(stext) or third_party_speech(stext) or \
        ctx.document.is_page and _readers_question(ctx.text, sent.start_char, sent.end_char)


_FIRST_PERSON = re.compile(r"\b(?:I|my|me|I['’]m|I['’]ve|mine)\b")


def _readers_question(text: str, start: int, end: int) -> bool:
    """On a web page, a question in the first person on a line of its own is the reader's, asked in their voice: an
    FAQ heading ("What if the damage isn't my fault?", "Can I cancel?"), not the writer's tone."""
    stext = text[start:end].rstrip()
    if not stext.endswith("?") or _FIRST_PERSON.search(stext) is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:len(text) if line_end < 0 else line_end].strip()


def select_rules(rules: list[Rule], config: Config) -> list[Rule]:
    chosen = []
    for r in rules:
        if config.select is not None and not matches(r.id, config.select) \
                and not matches(r.id, config.extend_select):
            continue
        if config.ignore and matches(r.id, config.ignore):
            continue
        chosen.append(r)
    return chosen


class Engine:
    """Compiled rules for one configuration; build once, check many documents."""

    def __init__(self, config: Config | None = None, rules: list[Rule] | None = None):
        self.config = config or Config()
        self.nlp = get_nlp(self.config.nlp_model)
        all_rules = rules if rules is not None else load_rules(self.config.rule_dirs)
        self.all_rules = {r.id: r for r in all_rules}
        self._check_selectors()
        self.rules = select_rules(all_rules, self.config)
        self._compile()
        self._brands: dict[str, object] = {}

    def _check_selectors(self) -> None:
        """Every selector of the configuration must name a rule (RuleError: the run stops with exit 2)."""
        cfg = self.config
        where = f" ({cfg.path})" if getattr(cfg, "path", None) else ""
        for key, sels in (("select", cfg.select or ()), ("extend-select", cfg.extend_select),
                          ("ignore", cfg.ignore), ("severity", [sel for sel, _ in cfg.severity])):
            problems = unknown(sels, self.all_rules)
            if problems:
                raise RuleError(f"{key}{where}: {problems[0]}")

    # -- compilation ---------------------------------------------------------------------------------------
    def make_pattern_doc(self, text: str):
        """Tokenise a phrase the way documents are tokenised, with the NORM component applied."""
        doc = self.nlp.make_doc(text)
        return self.nlp.get_pipe("tonecheck_norm")(doc)

    def _compile(self):
        from spacy.matcher import Matcher, PhraseMatcher

        vocab = self.nlp.vocab
        self.phrase_matcher = PhraseMatcher(vocab, attr="NORM")
        self.matcher = Matcher(vocab)
        self._subst: dict[str, dict[str, str]] = {}
        # token patterns, each in a Matcher of its own, run only when the document has the words the pattern
        # cannot match without (spaCy's Matcher tries every pattern at every token): [(needs, matcher)], where
        # needs is a list of sets of (column, hash) of which the document must hold one each
        self._always = Matcher(vocab)
        self._gated: list[tuple[list[frozenset], object]] = []
        self._unless: dict[str, list[list[str]]] = {}
        for r in self.rules:
            if r.phrases:
                self.phrase_matcher.add(r.id, [self.make_pattern_doc(p) for p in r.phrases])
            if r.substitutions:
                key = r.id + "\x00subst"
                self.phrase_matcher.add(key, [self.make_pattern_doc(p) for p in r.substitutions])
                self._subst[r.id] = {" ".join(t.norm_ for t in self.make_pattern_doc(k)): v
                                     for k, v in r.substitutions.items()}
            if r.patterns:
                self.matcher.add(r.id, r.patterns)
                for pat in r.patterns:
                    self._add_gated(r.id, pat)
            if r.unless:
                self._unless[r.id] = [[t.norm_ for t in self.make_pattern_doc(u)] for u in r.unless]
        compiled = {r.id: r.compiled_regex() for r in self.rules if r.regex}
        needs = _literals_for([p for ps in compiled.values() for p in ps])
        self._regex = {rid: [(p, needs[(p.pattern, p.flags)]) for p in ps] for rid, ps in compiled.items()}
        checks = {r.id: (r.check, get_check(r.check)) for r in self.rules if r.check}
        self._checks = {rid: fn for rid, (name, fn) in checks.items() if name not in SECOND_PASS}
        # checks that read the other rules' hits (a sarcastic tag after a sarcastic sentence) run after them
        self._second_pass = {rid: fn for rid, (name, fn) in checks.items() if name in SECOND_PASS}
        # rules on the learned sentence model, unless the configuration turns it off (--no-model, `model = false`)
        self._model_rules = [r for r in self.rules if r.model] if self.config.model else []
        self._vetoed_rules = {r.id for r in self.rules if r.model_veto} if self.config.model else set()
        self._by_id = {r.id: r for r in self.rules}

    _GATE_ATTRS = {"NORM": 0, "LOWER": 1, "ORTH": 2, "TEXT": 2}

    def _add_gated(self, rid: str, pattern: list[dict]) -> None:
        """File one token pattern under the words it requires (tokens that must occur, with a fixed NORM, LOWER or
        ORTH value or an IN list of them); a pattern that requires none runs on every document."""
        from spacy.matcher import Matcher

        strings = self.nlp.vocab.strings
        needs = []
        for spec in pattern:
            if not isinstance(spec, dict) or spec.get("OP", spec.get("op", "1")) not in ("1", "+"):
                continue
            for key, value in spec.items():
                col = self._GATE_ATTRS.get(str(key).upper())
                if col is None:
                    continue
                if isinstance(value, str):
                    vals = [value]
                elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list) \
                        and value["IN"] and all(isinstance(v, str) for v in value["IN"]):
                    vals = value["IN"]
                else:
                    continue
                needs.append(frozenset((strings.add(v) + col) & _MASK64 for v in vals))   # see _token_matches
        if not needs:
            self._always.add(rid, [pattern])
            return
        m = Matcher(self.nlp.vocab)
        m.add(rid, [pattern])
        self._gated.append((needs, m, _max_len(pattern)))

    def _token_matches(self, doc) -> list[tuple[int, int, int]]:
        """The Matcher's matches, from only the patterns whose required words the document has."""
        out = list(self._always(doc)) if len(self._always) else []
        n = len(doc)
        if self._gated and n:
            import numpy as np  # (already loaded by spaCy)

            # each cell (token i, column c, hash h) as the key h + c (mod 2**64), sorted once: which keys the
            # document holds is a set, where a key occurs a slice of the sorted list (a collision could only
            # admit a pattern or a window too many, never miss one: the Matcher still decides every match)
            arr = doc.to_array(["NORM", "LOWER", "ORTH"])
            keys = (arr + np.arange(3, dtype=arr.dtype)).ravel()
            order = np.argsort(keys, kind="stable")         # stable: a key's cells stay in token order
            sorted_keys = keys[order].tolist()
            token_of = (order // 3).tolist()
            present = set(sorted_keys)

            def count(need) -> int:  # a need's keys share one column: a token holds at most one of them
                return sum(bisect_right(sorted_keys, k) - bisect_left(sorted_keys, k) for k in need)

            def positions(need) -> list[int]:
                found: set[int] = set()
                for k in need:
                    lo = bisect_left(sorted_keys, k)
                    found.update(token_of[lo:bisect_right(sorted_keys, k, lo)])
                return sorted(found)

            for needs, m, max_len in self._gated:
                if not all(not need.isdisjoint(present) for need in needs):
                    continue
                if max_len is None:
                    out.extend(m(doc))
                    continue
                # every match holds a token of each required set (take the rarest in this document) and is at most
                # max_len tokens long, so it lies within max_len - 1 tokens of one of them: the Matcher (which
                # builds a Token object at every position it visits) only needs to see those windows
                pos = positions(min(needs, key=count))
                windows: list[list[int]] = []
                for p in pos:
                    a, b = max(0, p - max_len + 1), min(n, p + max_len)
                    if windows and a <= windows[-1][1]:
                        windows[-1][1] = b
                    else:
                        windows.append([a, b])
                for a, b in windows:
                    if a == 0 and b == n:
                        out.extend(m(doc))
                    else:
                        out.extend((key, s + a, e + a) for key, s, e in m(doc[a:b]))
            out = list(dict.fromkeys(out))     # one Matcher reports a (rule, start, end) once; so do these
        return out

    # -- brand guides --------------------------------------------------------------------------------------
    def brand_guide(self, path: str | None):
        """The compiled brand guide at `path` (cached), or None."""
        if not path:
            return None
        if path not in self._brands:
            from .brandguide.load import load_brand
            self._brands[path] = load_brand(path, self)
        return self._brands[path]

    def check_text(self, text: str, kind: str | None = None, brand=None, path: str = "<text>") -> list[Finding]:
        """Check a string. kind None: the text as it is (no quoting split); else read it as that kind of file."""
        return self.check(text_document(text, kind, path), brand=brand)

    # -- checking ------------------------------------------------------------------------------------------
    def parse(self, text: str):
        return self.nlp(text)

    def check(self, document: Document, brand=None) -> list[Finding]:
        """The findings for one document; InputError when its suppressions name a rule that does not exist."""
        for sup in document.suppressions:
            problems = unknown(sup.selectors, self.all_rules)
            if problems:
                raise InputError(f"suppression: {problems[0]}")
        flat = unwrapped(document.text)       # hard-wrapped lines read as their sentences (analysis/layout.py)
        doc = self.parse(flat)
        ctx = CheckContext(document=document, doc=doc, nlp=self.nlp, config=self.config, brand=brand, flat_text=flat)
        raw: list[tuple[Rule, Hit]] = []
        for rule, hit in self._run(ctx):
            if self._filtered(rule, hit, ctx):
                continue
            raw.append((rule, hit))
        raw = self._verified(ctx, raw)
        # the model skips sentences the rules already flag - but not for a dispute-only rule's hit that the dispute
        # gate will drop
        raw += self._model_findings(ctx, _kept_in_disputes(raw, ctx))
        raw += self._second_pass_findings(ctx, raw)
        return self._to_findings(_without_mock_promises(_kept_in_disputes(raw, ctx), ctx), ctx)

    def _second_pass_findings(self, ctx: CheckContext, raw: list[tuple[Rule, Hit]]) -> list[tuple[Rule, Hit]]:
        """The hits of the checks that read what the rules and the model found (checks.SECOND_PASS)."""
        if not self._second_pass:
            return []
        ctx.flagged = [(r.category, h.start, h.end) for r, h in raw]
        out = []
        for rid, fn in self._second_pass.items():
            rule = self._by_id[rid]
            out += [(rule, hit) for hit in fn(ctx, rule) or () if not self._filtered(rule, hit, ctx)]
        return out

    def _verified(self, ctx: CheckContext, raw: list[tuple[Rule, Hit]]) -> list[tuple[Rule, Hit]]:
        """The hits of rules with a `model_veto`, less those whose sentence the model scores under it
        (tonecheck.learned.veto)."""
        if not any(r.id in self._vetoed_rules for r, _ in raw):
            return raw
        from .learned.classifier import ModelUnavailable
        from .learned.veto import vetoed
        try:
            return [(r, h) for r, h in raw if r.id not in self._vetoed_rules or not vetoed(ctx, r, h.start, h.end)]
        except ModelUnavailable:
            return raw                  # an install without the model: the rules alone

    def _model_findings(self, ctx: CheckContext, raw: list[tuple[Rule, Hit]]) -> list[tuple[Rule, Hit]]:
        """The model's hits on sentences no other rule of the same category has flagged (tonecheck.learned)."""
        if not self._model_rules:
            return []
        from .learned.classifier import ModelUnavailable
        from .learned.hits import model_hits
        out = []
        # a dispute-only model rule is asked about its own sentences (its label's pre-test, its own cap), and only in
        # a dispute: its sentences never crowd out the other rules' in a long reply
        groups = {flag: frozenset(r.model["label"] for r in self._model_rules if r.in_disputes == flag)
                  for flag in (False, True)}
        dispute = None
        for rule in self._model_rules:
            if rule.in_disputes:
                dispute = _is_dispute(raw, ctx) if dispute is None else dispute
                if not dispute:
                    continue
            taken = [(h.start, h.end) for r, h in raw if r.category == rule.category]
            try:
                hits = model_hits(ctx, rule, groups[rule.in_disputes])
            except ModelUnavailable:
                return []               # an install without the model: the rules alone
            for hit in hits:
                if any(s < hit.end and e > hit.start for s, e in taken) or self._filtered(rule, hit, ctx):
                    continue
                out.append((rule, hit))
        return out

    def _run(self, ctx: CheckContext) -> Iterable[tuple[Rule, Hit]]:
        doc = ctx.doc
        strings = self.nlp.vocab.strings
        if len(self.phrase_matcher):
            for match_id, s, e in self.phrase_matcher(doc):
                key = strings[match_id]
                rid, _, kind = key.partition("\x00")
                rule = self._by_id[rid]
                span = doc[s:e]
                if kind == "subst":
                    norm = " ".join(t.norm_ for t in span)
                    good = self._subst[rid].get(norm, "")
                    fix = Fix((Edit(span.start_char, span.end_char, match_case(span.text, good)),)) if good else None
                    yield rule, Hit(span.start_char, span.end_char, fields={"replacement": good}, fix=fix)
                else:
                    yield rule, Hit(span.start_char, span.end_char)
        if len(self.matcher):
            for match_id, s, e in self._token_matches(doc):
                rule = self._by_id[strings[match_id]]
                span = doc[s:e]
                yield rule, Hit(span.start_char, span.end_char)
        # the pre-test reads the text the patterns read: a literal with a space ("find something") sits across a
        # line break in hard-wrapped mail, and only the unwrapped copy holds it as written
        low = fold(ctx.flat_text) if self._regex else None
        for rid, patterns in self._regex.items():
            rule = self._by_id[rid]
            for pat, need in patterns:
                if need is not None and not any(w in low for w in need):
                    continue        # the text lacks every literal a match must hold
                for m in pat.finditer(ctx.flat_text):
                    # a group named "hit" narrows the excerpt to the part that carries the problem
                    s, e = m.span("hit") if "hit" in pat.groupindex and m.group("hit") else m.span()
                    if e > s:
                        yield rule, Hit(s, e)
        for rule in self.rules:
            if rule.metric:
                yield from ((rule, h) for h in _metric_hits(rule, ctx))
        for rid, fn in self._checks.items():
            rule = self._by_id[rid]
            for hit in fn(ctx, rule) or ():
                yield rule, hit

    def _filtered(self, rule: Rule, hit: Hit, ctx: CheckContext) -> bool:
        if rule.category in MENTION_CATEGORIES and is_mention(ctx.text, hit.start, hit.end):
            return True             # a phrase in quotation marks is named, not said (analysis/mention.py)
        if rule.category in TONE_CATEGORIES and \
                (_someone_elses_words(ctx, hit) or question_reported(ctx.text, hit.start)):
            return True             # reported words, or the reader's own question told back to them
        if rule.regions:
            region = ctx.document.region_at(hit.start)
            if region is not None and region not in rule.regions:
                return True
        if rule.id in self._unless:
            sent = sentence_of(ctx.doc, hit.start, hit.end)
            if sent is not None:
                norms = [t.norm_ for t in sent]
                for u in self._unless[rule.id]:
                    if _contains(norms, u):
                        return True
        return False

    def _to_findings(self, raw: list[tuple[Rule, Hit]], ctx: CheckContext) -> list[Finding]:
        document, doc, text = ctx.document, ctx.doc, ctx.text
        # merge overlapping hits of one rule: keep the earliest, widest
        raw.sort(key=lambda rh: (rh[0].id, rh[1].start, -rh[1].end))
        kept: list[tuple[Rule, Hit]] = []
        last_end: dict[str, int] = {}
        for rule, hit in raw:
            if hit.start < last_end.get(rule.id, -1):
                continue
            kept.append((rule, hit))
            last_end[rule.id] = hit.end
        findings = []
        for rule, hit in kept:
            s, e = hit.start, hit.end
            sent = sentence_of(doc, s, e)
            if rule.excerpt == "sentence" and sent is not None:
                s, e = sent.start_char, sent.end_char
            s, e = _trim(text, s, e)
            if e <= s:
                continue
            if any(sup.covers(rule.id, s, e) for sup in document.suppressions):
                continue
            line, col = document.source_map.position(s)
            end_line, end_col = document.source_map.position(e - 1)
            end_col += 1
            excerpt = text[s:e]
            sentence = hit.sentence or (collapse(sent.text) if sent is not None else collapse(excerpt))
            severity = self.config.severity_for(rule.id, hit.severity or rule.severity)
            if document.region_at(s) == "attribute" and severity != "info":
                # alt/title text is checked, but only screen readers and tooltips show it: advice by default
                severity = self.config.attribute_severity
            message, suggestion = rule.wording(hit.variant)
            values = {"match": collapse(excerpt), **hit.fields}
            findings.append(Finding(
                path=document.path, rule=rule.id, category=rule.category, severity=severity,
                message=fill(message, values), suggestion=fill(suggestion, values),
                line=line, column=col, end_line=end_line, end_column=end_col,
                excerpt=collapse(excerpt) if "\n" in excerpt else excerpt, sentence=sentence, start=s, end=e,
                fix=hit.fix))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return _without_superseded(findings, self._by_id)


_MASK64 = (1 << 64) - 1


def _without_superseded(findings: list[Finding], rules: dict) -> list[Finding]:
    """Drop a finding when a rule its pack names in `superseded_by` says the same of text overlapping it (the
    brand guide's sentence limit and the advisory one: one message per problem)."""
    out = []
    for f in findings:
        better = rules[f.rule].superseded_by if f.rule in rules else ()
        if better and any(g.rule in better and g.start < f.end and f.start < g.end for g in findings):
            continue
        out.append(f)
    return out


def _literals_for(patterns: list) -> dict:
    """{(pattern, flags): required literals} for the regex rules (tonecheck.literal), cached on disk: reading the
    parsed patterns costs ~15 ms at every start otherwise."""
    from . import cache
    from .literal import VERSION

    keys = sorted({(p.pattern, p.flags) for p in patterns})
    k = cache.key("regex-literals", VERSION, repr(keys))
    found = cache.load("literals", k)
    if isinstance(found, dict) and all(key in found for key in keys):
        return found
    found = {(p.pattern, p.flags): required_literals(p) for p in patterns}
    cache.store("literals", k, found)
    return found


def _max_len(pattern: list[dict]) -> int | None:
    """The most tokens a match of the token pattern can span; None when unbounded (`*`, `+`, `{n,}`)."""
    total = 0
    for spec in pattern:
        op = str(spec.get("OP", "1")) if isinstance(spec, dict) else "1"
        if op in ("1", "?", "!"):
            total += 1
            continue
        m = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
        if m is None or (m.group(2) and not m.group(3)):
            return None             # "*", "+", "{n,}" or anything unknown
        total += int(m.group(3) or m.group(1) or 0)
    return total


def text_document(text: str, kind: str | None = None, path: str = "<text>") -> Document:
    """A Document for a string: through the reader for `kind`, or verbatim (one piece per line) when None."""
    if kind is not None:
        from .readers import read_document
        return read_document(path, data=text.encode("utf-8"), kind=kind)
    pieces, offset = [], 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        pieces.append(Piece(offset, offset + len(line), lineno, 1))
        offset += len(line) + 1
    return Document(path=path, kind="txt", text=text, source_map=SourceMap(pieces), source_text=text)


def match_case(excerpt: str, replacement: str) -> str:
    """The replacement capitalised like the excerpt it replaces ("Webshop" -> "Online store")."""
    if excerpt[:1].isupper() and replacement[:1].islower() and not excerpt.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_SLOT = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, values: dict) -> str:
    """A rule's message or suggestion template with its `{name}` slots filled from a hit's fields; a slot the hit
    has no value for stays as written (so a literal brace in a message is safe)."""
    if "{" not in (template or ""):
        return template or ""
    return _SLOT.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], template)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def _metric_hits(rule: Rule, ctx: CheckContext) -> Iterable[Hit]:
    from .analysis.readability import measure

    spec = rule.metric
    scope = spec.get("scope", "sentence")
    limit = spec["max"]
    text = ctx.text
    # (sentence text sliced from the judged text: Span.text would re-join its tokens; the two are equal)
    spans = [(a, b) for a, b in sentence_spans(ctx.doc) if not text[a:b].isspace()]
    if scope == "text":
        value = measure(spec["measure"], text)
        if value is not None and value > limit and spans:
            a, b = spans[0]
            yield Hit(a, b, fields={"value": f"{value:.1f}", "max": f"{limit:g}", "match": ""})
        return
    for a, b in spans:
        value = measure(spec["measure"], text[a:b])
        if value is not None and value > limit:
            yield Hit(a, b, fields={"value": f"{value:.0f}", "max": f"{limit:g}"})


def _without_mock_promises(raw: list[tuple[Rule, Hit]], ctx: CheckContext) -> list[tuple[Rule, Hit]]:
    """A promise said in mockery ("Of course, I'll tell the eleven families booked ahead of you that your car
    matters more", "I'll pass on that he's a joke, I'm sure it'll make his week") is sarcasm, not an unclear
    commitment: a commitment hit that overlaps a sarcasm hit, or runs into one with only punctuation between them,
    is dropped (not one joined to it by a word: "Our policy is final, and we will reply ASAP", nor the next sentence:
    "Thanks for the three reminders. I'll look at it when I can.")."""
    mocking = [(h.start, h.end) for r, h in raw if r.category == "sarcasm"]
    if not mocking:
        return raw
    text = ctx.text

    def mocked(h: Hit) -> bool:
        for s, e in mocking:
            if s < h.end and h.start < e:
                return True
            # the gap, with the last character of the earlier span: a full stop there ends the sentence
            gap = text[max(h.end - 1, 0):s] if h.end <= s else text[max(e - 1, 0):h.start]
            if len(gap) <= 5 and not re.search(r"[\w.!?\n]", gap[1:]) and gap[:1] not in ".!?":
                return True
        return False
    return [(r, h) for r, h in raw if r.category != "commitment" or not mocked(h)]


def _kept_in_disputes(raw: list[tuple[Rule, Hit]], ctx: CheckContext) -> list[tuple[Rule, Hit]]:
    """The hits of `in_disputes` rules only where the message is a dispute: it answers a grievance, or another rule
    found defensive or sarcastic words in it."""
    if not any(r.in_disputes for r, _ in raw) or _is_dispute(raw, ctx):
        return raw
    return [(r, h) for r, h in raw if not r.in_disputes]


def _is_dispute(raw: list[tuple[Rule, Hit]], ctx: CheckContext) -> bool:
    """The message answers a grievance, or a rule that runs everywhere found defensive or sarcastic words in it."""
    from .analysis.complaint import answers_grievance
    return any(r.category in ("defensive", "sarcasm") and not r.in_disputes for r, _ in raw) or answers_grievance(ctx)
