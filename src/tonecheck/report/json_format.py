"""JSON: a list of findings. This is the contract other tools (the corpus scorer, CI scripts) read: keep it stable.

Each finding: path, rule, category, severity, message, suggestion, line, column, end_line, end_column, excerpt,
sentence. Files that could not be read are not findings; their errors go to standard error.
"""
from __future__ import annotations

import json


def render(results, **_) -> str:
    out = [f.to_json() for r in results for f in r.findings]
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"
