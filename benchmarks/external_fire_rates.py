"""Precision check on text nobody on this project wrote: how often each defensive/sarcasm rule fires.

    .venv/bin/python benchmarks/external_fire_rates.py [--external ../shared/external] [--json out.json]
    .venv/bin/python benchmarks/external_fire_rates.py --compare before.json   # adds a 'before' column

Sets (see shared/external/README.md):
  sarc-not      iSarcasmEval train tweets whose authors said they are NOT sarcastic   -> sarcasm rules should be quiet
  sarc-rephrase the authors' own non-sarcastic rewordings of sarcastic tweets         -> sarcasm rules should be quiet
  sarc-yes      the sarcastic tweets themselves                                       -> recall proxy (higher: better)
  polite        Stanford politeness requests, most polite quartile                    -> defensive rules should be quiet
  impolite      Stanford politeness requests, least polite quartile                   -> ranking proxy (higher: better)
  email         Parakweet real email sentences (all)                                  -> both should be quiet
  fcc           freeCodeCamp reply templates (clean controls)                         -> both should be quiet

A fire rate is the share of texts with at least one finding of the rule. Prints one line per rule, a line per
category, then one JSON line with every figure.
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from tonecheck.engine import Engine  # noqa: E402
from tonecheck.rules import load_rules  # noqa: E402

QUIET_SETS = ("sarc-not", "sarc-rephrase", "polite", "email", "fcc")
RECALL_SETS = ("sarc-yes", "impolite")


def load_sets(ext: Path) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = collections.defaultdict(list)
    with open(ext / "isarcasmeval-en" / "train.En.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            tweet = (row.get("tweet") or "").strip()
            if not tweet:
                continue
            if row.get("sarcastic") == "1":
                sets["sarc-yes"].append(tweet)
                if (row.get("rephrase") or "").strip():
                    sets["sarc-rephrase"].append(row["rephrase"].strip())
            else:
                sets["sarc-not"].append(tweet)
    # politeness: quartiles per community file, cut-offs as in the paper (PROVENANCE.md)
    for name in ("wikipedia.annotated.csv", "stack-exchange.annotated.csv"):
        with open(ext / "stanford-politeness" / name, encoding="utf-8", newline="") as fh:
            rows = [(float(r["Normalized Score"]), r["Request"]) for r in csv.DictReader(fh)]
        scores = sorted(s for s, _ in rows)
        q25, q75 = scores[len(scores) // 4], scores[(3 * len(scores)) // 4]
        for s, text in rows:
            if s >= q75:
                sets["polite"].append(text)
            elif s <= q25:
                sets["impolite"].append(text)
    for name in ("train_Ask0729-fixed.tsv", "test_qualifiedBatch-fixed.tsv"):
        for line in (ext / "parakweet-email-intent" / name).read_text(encoding="utf-8", errors="replace").splitlines():
            if "\t" in line:
                sets["email"].append(line.split("\t", 1)[1].strip())
    templates = ext / "freecodecamp-reply-templates" / "reply_templates.jsonl"
    for line in templates.read_text(encoding="utf-8").splitlines():
        if line.strip():
            sets["fcc"].append(json.loads(line)["text"])
    return dict(sets)


def fire_rates(engine: Engine, sets: dict[str, list[str]], examples: int = 0):
    rates: dict[str, dict[str, float]] = collections.defaultdict(dict)
    cats: dict[str, dict[str, float]] = collections.defaultdict(dict)
    shown: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    rule_ids = [r.id for r in engine.rules]
    for set_name, texts in sets.items():
        per_rule: collections.Counter = collections.Counter()
        per_cat: collections.Counter = collections.Counter()
        for text in texts:
            found = engine.check_text(text)
            rules = {f.rule for f in found}
            per_rule.update(rules)
            per_cat.update({f.category for f in found})
            if examples:
                for f in found:
                    if len(shown[(f.rule, set_name)]) < examples:
                        shown[(f.rule, set_name)].append(f"{f.excerpt!r} in {text[:140]!r}")
        n = max(1, len(texts))
        for rid in rule_ids:
            rates[rid][set_name] = per_rule[rid] / n
        for c in ("defensive", "sarcasm"):
            cats[c][set_name] = per_cat[c] / n
    return rates, cats, shown


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--external", default=str(REPO.parent / "shared" / "external"))
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--compare", help="a JSON file from an earlier --json run, shown as 'was' figures")
    ap.add_argument("--examples", type=int, default=0, help="show up to N firing excerpts per rule and quiet set")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N texts of each set (quick runs)")
    args = ap.parse_args(argv)

    sets = load_sets(Path(args.external))
    if args.limit:
        sets = {k: v[:args.limit] for k, v in sets.items()}
    engine = Engine(rules=[r for r in load_rules() if r.category in ("defensive", "sarcasm")])
    rates, cats, shown = fire_rates(engine, sets, args.examples)
    before = json.loads(Path(args.compare).read_text()) if args.compare else None

    order = [s for s in (*QUIET_SETS, *RECALL_SETS) if s in sets]
    print("sizes: " + ", ".join(f"{s}={len(sets[s])}" for s in order))
    print("fire rate, % of texts (quiet sets should be low; sarc-yes/impolite are recall proxies)"
          + (" — now (was)" if before else ""))
    print(f"{'rule':40s}" + "".join(f"{s:>16s}" for s in order))

    def cell(now, was):
        return f"{100 * now:6.2f}" + (f" ({100 * was:5.2f})" if was is not None else "")

    for key, table in (*((rid, rates) for rid in sorted(rates)), *((c, cats) for c in sorted(cats))):
        prev = (before or {}).get("rules" if table is rates else "categories", {}).get(key, {})
        print(f"{key:40s}" + "".join(f"{cell(table[key][s], prev.get(s) if before else None):>16s}" for s in order))
    if args.examples:
        for (rid, set_name), lines in sorted(shown.items()):
            if set_name in QUIET_SETS:
                for line in lines:
                    print(f"  [{rid} / {set_name}] {line}")
    figures = {"sizes": {s: len(v) for s, v in sets.items()}, "rules": rates, "categories": cats}
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
