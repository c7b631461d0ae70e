"""SARIF 2.1.0 for code-scanning dashboards: rules in tool.driver.rules, one result per finding with a region."""
from __future__ import annotations

import json

from .. import __version__

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(results, rules=(), **_) -> str:
    used = sorted({f.rule for r in results for f in r.findings})
    by_id = {r.id: r for r in rules}
    rule_ids = sorted(set(used) | set(by_id))
    index = {rid: i for i, rid in enumerate(rule_ids)}
    driver_rules = []
    for rid in rule_ids:
        r = by_id.get(rid)
        entry = {"id": rid, "name": rid}
        if r is not None:
            entry.update({
                "shortDescription": {"text": r.one_line},
                "fullDescription": {"text": " ".join(r.rationale.split())},
                "help": {"text": r.suggestion or r.message},
                "defaultConfiguration": {"level": LEVEL[r.severity]},
                "properties": {"category": r.category, "tags": [r.category]},
            })
        driver_rules.append(entry)
    sarif_results = []
    for res in results:
        for f in res.findings:
            sarif_results.append({
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVEL[f.severity],
                "message": {"text": f.message + (f" {f.suggestion}" if f.suggestion else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.path.replace("\\", "/")},
                    "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                               "endColumn": f.end_column, "snippet": {"text": f.excerpt}},
                }}],
                "properties": {"category": f.category, "sentence": f.sentence},
            })
    notifications = [{"level": "error", "message": {"text": f"{r.path}: {r.error}"}} for r in results if r.error]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "tonecheck", "version": __version__,
                                "informationUri": "https://github.com/tonecheck/tonecheck", "rules": driver_rules}},
            # SARIF 2.1.0 §3.14.27: required when results give columns; tonecheck counts code points
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not notifications,
                             "toolExecutionNotifications": notifications}],
        }],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
