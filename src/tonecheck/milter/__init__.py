"""`tonecheck milter`: an enforcing send gate for Postfix or Sendmail.

- settings.py: the [milter] table and the command line, checked at start
- policy.py: exemptions, internal mail, and what to do with a message (no milter library)
- checker.py / pool.py: checker processes with the warm Runner, the CPU budget and a wall-clock limit
- gate.py: the milter callbacks (pymilter), fail-open on every failure
- command.py: the click command
"""
