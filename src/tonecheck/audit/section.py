"""One message's section of the audit's html report, rendered in the worker that checked it (where its Document
is), so no Document crosses a pipe: the review report's section (report/html.py: highlighted text, findings),
headed by the message's position, sender, date and subject."""
from __future__ import annotations

from ..report import html as review
from ..report.html import _esc


def message_section(rec, result) -> str:
    """The review report's section for one message (its highlighted text and findings), headed by its position,
    sender, date and subject."""
    from ..runner import FileResult

    if result is None:
        result = FileResult(path=rec.display, error=rec.error)
    html, _ = review._file_section(result, rec.number, f"msg-{rec.number}")
    meta = " · ".join(_esc(x) for x in (rec.position, rec.sender and f"From {rec.sender}", rec.date,
                                        rec.subject and f"Subject: {rec.subject}") if x)
    return html.replace("</h2>", f'</h2>\n<p class="tc-meta tc-msg-meta">{meta}</p>', 1)
