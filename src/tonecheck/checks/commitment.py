"""The commitment rules: promises with a past or moved deadline, a hedge, a vague time, no owner or no time.

The analysis (tonecheck.analysis.commitment_issues) runs once per document and gives each commitment its issue;
each rule reports the commitments with its own issue, with the facts its wording names (rules/commitment.yml).
"""
from __future__ import annotations

from ..analysis.commitment_issues import analyse_commitments
from . import Hit, register

# On a web page nobody waits on a reply: "our workshop will check your bike" describes a service. Only wording
# that is unclear anywhere (a vague time, a hedge, "someone will be in touch" after a form) is flagged there.
PAGE_ISSUES = ("vague-time", "hedged")


@register("commitment.past-deadline", "commitment.moved-deadline", "commitment.hedged", "commitment.vague-time",
          "commitment.no-owner", "commitment.no-time")
def unclear_commitment(ctx, rule):
    issue = rule.id.partition(".")[2]
    on_page = ctx.document.kind in ("md", "html")
    if on_page and issue not in PAGE_ISSUES and issue != "no-owner":
        return
    for c in analyse_commitments(ctx):
        if c.issue == issue and not (on_page and issue == "no-owner" and not _unclear_anywhere(c)):
            yield Hit(c.start, c.end, fields=c.facts, variant=c.variant)


def _unclear_anywhere(c) -> bool:
    """An agentless promise a page's reader would still wait on in vain: "someone will be in touch", or a passive
    with a vague time ("faults reported online will be looked at as soon as possible")."""
    return c.owner == "someone" or c.variant == "passive-vague"
