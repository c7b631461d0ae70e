"""The json and text audit reports, written as records arrive (nothing per message is kept).

json: {"messages": [one object per message of the team: position, sender, date, week, subject, error, findings
(as `tonecheck --format json` gives them)], "summary": {the figures}}; the summary comes last because it is known
last, so a 100,000-message audit is written in one pass.
"""
from __future__ import annotations

import json

from .record import MessageRecord
from .summary import Summary


class JsonReport:
    def __init__(self, sink):
        self.sink = sink
        self.count = 0
        sink.write('{\n"messages": [')

    def add(self, rec: MessageRecord) -> None:
        if not rec.team:
            return
        self.sink.write(("\n" if self.count == 0 else ",\n") + json.dumps(rec.to_json(), ensure_ascii=False))
        self.count += 1

    def finish(self, summary: Summary) -> None:
        self.sink.write("\n],\n\"summary\": " + json.dumps(summary.to_json(), indent=2, ensure_ascii=False) + "\n}\n")


class TextReport:
    """A terminal summary: totals, then categories, senders and weeks with their rates, then the worst messages."""

    def __init__(self, sink):
        self.sink = sink

    def add(self, rec: MessageRecord) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        s = summary.to_json()
        w = self.sink.write
        w(f"{s['checked']:,} messages checked ({s['messages']:,} in the archive, {s['not_from_team']:,} not from the "
          f"team, {s['unreadable']:,} unreadable): {s['findings']:,} findings, {s['findings_per_100']} per 100 "
          f"messages; {s['with_findings_per_100']}% of messages have at least one\n")
        w("\nPer category                findings  messages  per 100\n")
        for c in s["by_category"]:
            w(f"  {c['category']:<24} {c['findings']:>9,} {c['messages']:>9,} {c['per_100']:>8}\n")
        for title, key, rows in (("Per sender", "sender", s["by_sender"]), ("Per week", "week", s["by_week"])):
            w(f"\n{title:<28}messages  findings  per 100\n")
            for r in rows:
                w(f"  {r[key]:<24} {r['messages']:>9,} {r['findings']:>9,} {r['per_100']:>8}\n")
        if s["worst"]:
            w("\nWorst messages\n")
        for m in s["worst"]:
            first = "; ".join(f"[{f['rule']}] “{f['excerpt']}”" for f in m["first"])
            w(f"  {m['path']}  {m['sender'] or ''}  {m['findings']} findings: {first}\n")
