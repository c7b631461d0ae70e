"""`tonecheck audit`: check every message of mail archives (mbox files, Maildir folders) sent by the team and
report figures per sender, per category and per week, the worst examples, and each message's findings.

    record.py    one archive entry -> a MessageRecord (runs in the worker processes)
    team.py      which messages were sent by the team (--from, the config's [audit] table)
    summary.py   the figures, kept as counters (flat memory over any number of messages)
    output.py    the json and text reports, written as the records come
    html.py      the html report (sections spooled to a temporary file, summary on top)
    command.py   the click command: read, check in --jobs processes, report, exit code
"""
