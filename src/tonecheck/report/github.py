"""GitHub Actions workflow commands: one `::warning file=…,line=…,col=…::message` line per finding."""
from __future__ import annotations

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results, **_) -> str:
    return "".join(_result(r) for r in results)


class Stream:
    def __init__(self, **_):
        pass

    def result(self, r) -> str:
        return _result(r)

    def end(self, summaries) -> str:
        return ""


def _result(r) -> str:
    lines = []
    for f in r.findings:
        props = (f"file={_escape_prop(f.path)},line={f.line},col={f.column},endLine={f.end_line},"
                 f"endColumn={f.end_column},title={_escape_prop(f.rule)}")
        msg = f.message + (f" {f.suggestion}" if f.suggestion else "")
        lines.append(f"::{LEVEL[f.severity]} {props}::{_escape_data(msg)}")
    if r.error:
        lines.append(f"::error file={_escape_prop(r.path)}::{_escape_data(r.error)}")
    return "\n".join(lines) + ("\n" if lines else "")
