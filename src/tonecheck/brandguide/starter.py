"""`tonecheck init`: the commented starter brand.yml and tonecheck.toml, written only where neither exists."""
from __future__ import annotations

import os

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
"""  # noqa: E501 (the starter file's own comment, as the user will read it)

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
