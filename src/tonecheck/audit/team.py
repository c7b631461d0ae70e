"""Which messages were sent by the team: From addresses and domains given with --from or in the config's [audit]
table (`from = ["support@contoso.example", "@contoso.example"]`). With none given, every message counts: a Sent
folder holds only the team's mail."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TeamFilter:
    addresses: frozenset[str] = frozenset()     # full addresses, lower-case
    domains: frozenset[str] = frozenset()       # domains, lower-case, without '@'

    @classmethod
    def parse(cls, values) -> "TeamFilter":
        """'ann@x.example' is one address; '@x.example' or 'x.example' is a whole domain."""
        addresses, domains = set(), set()
        for value in values:
            v = value.strip().lower()
            if not v:
                continue
            if "@" in v.lstrip("@"):
                addresses.add(v)
            else:
                domains.add(v.lstrip("@"))
        return cls(frozenset(addresses), frozenset(domains))

    @property
    def everyone(self) -> bool:
        return not self.addresses and not self.domains

    def sent_by_team(self, sender: str | None) -> bool:
        if self.everyone:
            return True
        if not sender:
            return False
        sender = sender.lower()
        return sender in self.addresses or sender.rpartition("@")[2] in self.domains

    def describe(self) -> str:
        return ", ".join(sorted(self.addresses) + sorted("@" + d for d in self.domains)) or "everyone"
