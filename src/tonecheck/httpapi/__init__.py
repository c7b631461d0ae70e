"""`tonecheck serve`: an HTTP API compatible with LanguageTool's, so webmail (through the LanguageTool browser
extension), editors (LTeX) and LanguageTool client libraries show tonecheck's findings where people write.

    command     the `serve` command: settings, API key, the warm app, then the server (cli.py adds it)
    settings    the config's [serve] table (brand guides by name, issue types, limits), checked at start
    auth        loopback by default; an API key (environment or file, never argv) for any other address
    server      Gunicorn pre-fork workers forked from a warm master (why: the CPU-time budget needs a main thread)
    app         the Flask app: routes, content types, size limit, CORS, JSON errors
    params      what a request asks for, validated (BadRequest: status and a one-line reason)
    checking    the warm Runners that check a draft (tonecheck.runner: same readers, budget and errors as the CLI)
    ltshape     findings in LanguageTool's response shape
    offsets     UTF-16 offsets and LanguageTool's annotated text (markup skipped, positions still count it)

Nothing outside this package imports it except cli.py; Flask and Gunicorn are the 'serve' extra.
"""
