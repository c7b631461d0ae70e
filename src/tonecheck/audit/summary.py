"""The audit's figures, built one record at a time from counters and small heaps: memory depends on the number of
senders, weeks and categories, never on the number of messages.

Rates are per 100 checked messages (findings / messages * 100), so a sender or a week with more mail is not worse
for it. The worst messages are ranked by their findings weighted by severity (error 9, warning 3, info 1).
"""
from __future__ import annotations

import collections
import heapq
from dataclasses import dataclass, field

from ..model import SEVERITIES, SEVERITY_RANK
from .record import MessageRecord

WEIGHT = {"error": 9, "warning": 3, "info": 1}
WORST = 10              # messages listed as the worst examples
EXAMPLES = 3            # example findings kept per category


def severity_score(findings) -> int:
    """How bad a message is: its findings weighted by severity (the worst-messages ranking)."""
    return sum(WEIGHT.get(f.severity, 1) for f in findings)


def per_100(count: int, messages: int) -> float:
    return round(100.0 * count / messages, 1) if messages else 0.0


@dataclass
class Group:
    """Counts for one sender or one week."""
    messages: int = 0
    with_findings: int = 0
    findings: collections.Counter = field(default_factory=collections.Counter)   # category -> findings

    def add(self, rec: MessageRecord) -> None:
        self.messages += 1
        self.with_findings += bool(rec.findings)
        self.findings.update(f.category for f in rec.findings)

    def to_json(self) -> dict:
        total = sum(self.findings.values())
        return {"messages": self.messages, "with_findings": self.with_findings, "findings": total,
                "per_100": per_100(total, self.messages),
                "by_category": dict(sorted(self.findings.items(), key=lambda kv: (-kv[1], kv[0])))}


class Summary:
    """Everything the reports show above the per-message detail."""

    def __init__(self, archives: list[str], team: str):
        self.archives, self.team = archives, team
        self.seen = self.not_team = 0
        self.checked = Group()
        self.by_severity: collections.Counter = collections.Counter()
        self.category_messages: collections.Counter = collections.Counter()
        self.senders: dict[str, Group] = collections.defaultdict(Group)
        self.weeks: dict[str, Group] = collections.defaultdict(Group)
        self.errors: list[dict] = []
        self.error_numbers: set[int] = set()            # messages that could not be read (the html lists them)
        self.archive_errors: list[dict] = []
        self._worst: list[tuple] = []                       # min-heap of (score, -number, tie, entry)
        self._examples: dict[str, list[tuple]] = collections.defaultdict(list)
        self._tie = 0

    def add(self, rec: MessageRecord) -> None:
        self.seen += 1
        if not rec.team:
            self.not_team += 1
            return
        if rec.error:
            self.errors.append({"path": rec.display, "position": rec.position, "error": rec.error})
            self.error_numbers.add(rec.number)
            return
        self.checked.add(rec)
        self.senders[rec.sender or "(no sender)"].add(rec)
        self.weeks[rec.week].add(rec)
        self.by_severity.update(f.severity for f in rec.findings)
        self.category_messages.update({f.category for f in rec.findings})
        if rec.findings:
            self._keep_worst(rec)
            self._keep_examples(rec)

    def _push(self, heap: list, size: int, key, item) -> None:
        self._tie += 1
        entry = (*key, -self._tie, item)
        if len(heap) < size:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)

    def _keep_worst(self, rec: MessageRecord) -> None:
        score = severity_score(rec.findings)
        item = {"path": rec.display, "number": rec.number, "position": rec.position, "sender": rec.sender,
                "date": rec.date, "subject": rec.subject, "score": score, "findings": len(rec.findings),
                "by_severity": dict(collections.Counter(f.severity for f in rec.findings)),
                "first": [{"rule": f.rule, "severity": f.severity, "excerpt": f.excerpt} for f in rec.findings[:3]]}
        self._push(self._worst, WORST, (score, -rec.number), item)

    def _keep_examples(self, rec: MessageRecord) -> None:
        for f in rec.findings:
            item = {"path": rec.display, "number": rec.number, "sender": rec.sender, "rule": f.rule,
                    "severity": f.severity, "excerpt": f.excerpt, "message": f.message, "sentence": f.sentence}
            self._push(self._examples[f.category], EXAMPLES, (SEVERITY_RANK.get(f.severity, 0), -rec.number), item)

    @property
    def findings(self) -> int:
        return sum(self.checked.findings.values())

    def worst(self) -> list[dict]:
        return [e[-1] for e in sorted(self._worst, reverse=True)]

    def to_json(self) -> dict:
        n = self.checked.messages
        categories = sorted(self.checked.findings.items(), key=lambda kv: (-kv[1], kv[0]))
        return {
            "archives": self.archives, "team": self.team,
            "messages": self.seen, "not_from_team": self.not_team, "unreadable": len(self.errors),
            "checked": n, "with_findings": self.checked.with_findings, "findings": self.findings,
            "findings_per_100": per_100(self.findings, n),
            "with_findings_per_100": per_100(self.checked.with_findings, n),
            "by_severity": {s: self.by_severity.get(s, 0) for s in reversed(SEVERITIES)},
            "by_category": [{"category": c, "findings": k, "messages": self.category_messages[c],
                             "per_100": per_100(k, n),
                             "examples": [e[-1] for e in sorted(self._examples[c], reverse=True)]}
                            for c, k in categories],
            "by_sender": [{"sender": s, **g.to_json()} for s, g in
                          sorted(self.senders.items(), key=lambda kv: (-kv[1].messages, kv[0]))],
            "by_week": [{"week": w, **g.to_json()} for w, g in sorted(self.weeks.items())],
            "worst": self.worst(),
            "errors": self.errors,
            "archive_errors": self.archive_errors,
        }
