"""JSON: a list of findings. This is the contract other tools (the corpus scorer, CI scripts) read: keep it stable.

Each finding: path, rule, category, severity, message, suggestion, line, column, end_line, end_column, excerpt,
sentence. Files that could not be read are not findings; their errors go to standard error.
"""
from __future__ import annotations

import json


def render(results, **_) -> str:
    out = [f.to_json() for r in results for f in r.findings]
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


class Stream:
    """The same document as render(), written file by file so a run over 100,000 drafts holds no findings."""

    def __init__(self, **_):
        self.count = 0

    def result(self, r) -> str:
        parts = []
        for f in r.findings:
            item = json.dumps(f.to_json(), indent=2, ensure_ascii=False).replace("\n", "\n  ")
            parts.append(("[\n  " if self.count == 0 else ",\n  ") + item)
            self.count += 1
        return "".join(parts)

    def end(self, summaries) -> str:
        return "[]\n" if self.count == 0 else "\n]\n"
