"""Server mode: a resident process that has imported tonecheck and built the pipeline once, and forks a warm
child per run, so a run costs a fork instead of a cold start.

    protocol    what both sides share: socket path, framing, the code's fingerprint (standard library only)
    client      hands a run (or a status/stop request) to a server; imported by every `tonecheck` start
    daemon      the server: start, stop, status, the accept loop and the child per run
    warm        what the server builds before it forks, and what a child forgets

Nothing here imports tonecheck.cli: whoever starts the daemon hands it the CLI's entry function.
"""
