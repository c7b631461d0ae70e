"""`tonecheck lsp`: a Language Server (pygls 2.x, stdio) that checks drafts as they are typed.

It publishes diagnostics for `.eml`, `.txt`, `.md` and `.html` documents (also `.markdown`, `.htm`, and unsaved
buffers whose languageId is markdown, html, plaintext or email) when they are opened and on every change:

- the diagnostic's `code` is the rule id, `source` is "tonecheck", the severity follows the finding;
- the suggestion is attached as related information (pointing at the same range);
- a finding that carries a fix (brand terminology, a rule's `substitutions`) gets a quick fix (a
  `quickfix` code action replacing the excerpt).

One Runner (so one spaCy pipeline and one compiled Engine per configuration) serves every document. Changes are
coalesced: a burst of didChange notifications already queued is checked once, at the latest version, with no added
delay. Positions: findings carry 1-based (line, column) in code points of the source; they are converted to the
position encoding negotiated with the client (UTF-16 code units unless the client offers UTF-8/UTF-32), so text
with emoji or other non-BMP characters is placed correctly.
"""
from __future__ import annotations

import asyncio
import logging
import os
import re
import threading
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from . import __version__, budget
from .model import Finding, InputError

log = logging.getLogger("tonecheck.lsp")

KIND_BY_EXT = {".eml": "eml", ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
               ".htm": "html"}
KIND_BY_LANGUAGE = {"markdown": "md", "html": "html", "plaintext": "txt", "text": "txt", "email": "eml",
                    "eml": "eml", "mail": "eml"}
SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
            "info": types.DiagnosticSeverity.Information}


# -- positions -----------------------------------------------------------------------------------------------------

def units(s: str, encoding: str) -> int:
    """Length of `s` in the position encoding's code units."""
    if encoding == types.PositionEncodingKind.Utf8:
        return len(s.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(s)
    return len(s) + sum(1 for c in s if ord(c) > 0xFFFF)  # UTF-16: non-BMP characters are surrogate pairs


def source_lines(text: str) -> list[str]:
    """LSP lines of a buffer: split on \\n, \\r\\n or \\r."""
    return re.split(r"\r\n|\r|\n", text)


def finding_range(f: Finding, lines: list[str], encoding: str) -> types.Range:
    """The LSP range of a finding from its 1-based (line, column) .. (end_line, end_column exclusive)."""
    def pos(line1: int, col1: int) -> tuple[int, int, str]:
        li = min(max(line1 - 1, 0), max(len(lines) - 1, 0))
        text = lines[li] if lines else ""
        return li, min(max(col1 - 1, 0), len(text)), text

    sl, sc, stext = pos(f.line, f.column)
    el, ec, etext = pos(f.end_line, f.end_column)
    if (el, ec) <= (sl, sc):
        # the reader mapped the run to one point (decoded parts): cover the excerpt's length on the start line
        el, etext = sl, stext
        ec = min(len(stext), sc + max(1, len(f.excerpt)))
    return types.Range(start=types.Position(line=sl, character=units(stext[:sc], encoding)),
                       end=types.Position(line=el, character=units(etext[:ec], encoding)))


def range_text(lines: list[str], f: Finding) -> str | None:
    """The buffer's text at a single-line finding (None when it spans lines)."""
    if f.line != f.end_line or not 1 <= f.line <= len(lines):
        return None
    return lines[f.line - 1][f.column - 1:f.end_column - 1]


# -- the server ----------------------------------------------------------------------------------------------------

@dataclass
class Checked:
    version: int | None
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    fixes: list[tuple[types.Diagnostic, str]] = field(default_factory=list)   # (diagnostic, replacement)


def uri_to_path(uri: str) -> str | None:
    p = urlparse(uri)
    if p.scheme != "file":
        return None
    path = unquote(p.path)
    if os.name == "nt" and re.match(r"^/[A-Za-z]:", path):
        path = path[1:]
    return path


class ToneServer(LanguageServer):
    def __init__(self, runner=None, **kw):
        super().__init__("tonecheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         **kw)
        self._runner = runner
        self._runner_args: dict = {}
        self.checked: dict[str, Checked] = {}
        self._pending: set[str] = set()
        self._shown_errors: set[str] = set()
        self._lock = threading.Lock()   # the pipeline is used by one check at a time (and by the warm-up)

    # one pipeline for the whole session
    @property
    def runner(self):
        if self._runner is None:
            from .runner import Runner
            self._runner = Runner(**self._runner_args)
        return self._runner

    def warm_up(self, folder: str | None = None) -> None:
        from .readers import read_document

        path = os.path.join(folder or os.getcwd(), "warm-up.txt")
        try:
            with self._lock:
                runner = self.runner
                document = read_document(path, data=b"Hi Sam,\n\nThanks for writing. We will reply soon.\n", kind="txt")
                runner.check_document(document, runner.config_for(path))
        except Exception:  # a broken config or pack is reported when a real document is checked
            log.debug("warm-up failed", exc_info=True)

    def kind_of(self, uri: str, language_id: str | None) -> str | None:
        path = uri_to_path(uri) or urlparse(uri).path
        ext = os.path.splitext(path)[1].lower()
        if ext in KIND_BY_EXT:
            return KIND_BY_EXT[ext]
        return KIND_BY_LANGUAGE.get((language_id or "").lower())

    def schedule(self, uri: str):
        """Check `uri` soon: notifications already queued are handled first, so a burst is checked once."""
        if uri in self._pending:
            return
        self._pending.add(uri)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._run_check(uri)
            return
        loop.call_soon(self._run_check, uri)

    def _run_check(self, uri: str):
        self._pending.discard(uri)
        try:
            self.check_uri(uri)
        except Exception as exc:  # never let one document take the server down
            log.exception("check failed for %s", uri)
            self._tell(f"tonecheck: {uri}: {type(exc).__name__}: {exc}", types.MessageType.Error)

    def _tell(self, message: str, kind=types.MessageType.Warning):
        self.window_log_message(types.LogMessageParams(type=kind, message=message))
        if message not in self._shown_errors:
            self._shown_errors.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def check_uri(self, uri: str) -> Checked:
        doc = self.workspace.get_text_document(uri)
        language_id = getattr(doc, "language_id", None)
        kind = self.kind_of(uri, language_id)
        if kind is None:
            result = Checked(doc.version)
        else:
            result = self.check_text(uri, doc.source, kind, doc.version)
        self.checked[uri] = result
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=result.version, diagnostics=result.diagnostics))
        return result

    def _read(self, path: str, text: str, kind: str):
        """(Document, None), or (None, the one-line reason it cannot be read), within the file's time budget."""
        from .readers import read_document

        with self._lock:
            seconds = self.runner.time_budget
        try:
            with budget.limit(seconds):
                return read_document(path, data=text.encode("utf-8", "surrogatepass"), kind=kind), None
        except budget.TooComplex as exc:
            return None, str(exc)
        except InputError as exc:
            return None, str(exc)

    def check_text(self, uri: str, text: str, kind: str, version: int | None = None) -> Checked:
        from .config import ConfigError
        from .rules import RuleError
        from .runner import UsageProblem

        path = uri_to_path(uri) or os.path.join(os.getcwd(), os.path.basename(urlparse(uri).path) or "untitled")
        result = Checked(version)
        start = budget.cpu_now()
        document, problem = self._read(path, text, kind)
        if document is None:
            if text.strip():
                self.window_log_message(types.LogMessageParams(type=types.MessageType.Info,
                                                               message=f"tonecheck: {path}: {problem}"))
            return result
        try:
            with self._lock:
                runner = self.runner
                cfg = runner.config_for(path)
                res = runner.check_document(document, cfg, spent=budget.cpu_now() - start)
        except (ConfigError, RuleError, UsageProblem) as exc:
            self._tell(f"tonecheck: {exc}")
            return result
        except Exception as exc:
            problems = getattr(exc, "problems", None)
            if problems is not None:  # a BrandError: the guide is broken, say so once
                self._tell("tonecheck: " + "; ".join(problems))
                return result
            raise
        if res.error:       # e.g. too complex to check within the time budget: say so, keep serving the others
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning,
                                                           message=f"tonecheck: {path}: {res.error}"))
            return result
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        lines = source_lines(text)
        for f in res.findings:
            diag, rep = _diagnostic(uri, f, lines, encoding)
            result.diagnostics.append(diag)
            if rep is not None:
                result.fixes.append((diag, rep))
        return result


def _diagnostic(uri: str, f: Finding, lines: list[str], encoding: str) -> tuple[types.Diagnostic, str | None]:
    """The diagnostic for a finding (its suggestion as related information), and the text of its quick fix."""
    rng = finding_range(f, lines, encoding)
    related = None
    if f.suggestion:
        related = [types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=rng), message=f"Suggestion: {f.suggestion}")]
    rep = replacement_for(f)
    if rep is not None and range_text(lines, f) != f.excerpt:
        rep = None  # the source differs from the judged text here (entities, encodings): no blind edit
    diag = types.Diagnostic(range=rng, message=f.message, severity=SEVERITY.get(f.severity),
                            code=f.rule, source="tonecheck", related_information=related,
                            data={"replacement": rep} if rep is not None else None)
    return diag, rep


def replacement_for(f: Finding) -> str | None:
    """The text that should replace a finding's excerpt (its fix, as `tonecheck --fix` applies it, when that is
    one edit of exactly the excerpt), or None."""
    if f.fix is not None:
        edits = f.fix.edits
        if len(edits) == 1 and (edits[0].start, edits[0].end) == (f.start, f.end):
            return edits[0].replacement
    return None


def _ranges_touch(a: types.Range, b: types.Range) -> bool:
    def key(p):
        return (p.line, p.character)
    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def make_server(runner=None, **runner_args) -> ToneServer:
    server = ToneServer(runner=runner)
    server._runner_args = runner_args

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ToneServer, params: types.DidOpenTextDocumentParams):
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ToneServer, params: types.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ToneServer, params: types.DidSaveTextDocumentParams):
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ToneServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        ls.checked.pop(uri, None)
        ls._pending.discard(uri)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix],
                                            resolve_provider=False))
    def code_action(ls: ToneServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        if uri in ls._pending:  # a change is queued: answer for the current text
            ls._run_check(uri)
        checked = ls.checked.get(uri)
        if checked is None:
            return []
        only = params.context.only
        if only and not any(str(k).startswith(types.CodeActionKind.QuickFix) for k in only):
            return []
        actions = []
        for diag, rep in checked.fixes:
            if not _ranges_touch(diag.range, params.range):
                continue
            edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diag.range, new_text=rep)]})
            actions.append(types.CodeAction(title=f"Replace with '{rep}' ({diag.code})",
                                            kind=types.CodeActionKind.QuickFix, diagnostics=[diag], edit=edit,
                                            is_preferred=True))
        return actions

    return server


def _log_warning(line: str) -> None:
    """A brand guide's warnings go to the server's log (stderr unless logging is configured)."""
    log.warning("tonecheck: %s", line)


def serve(config_file: str | None = None, brand: str | None = None) -> None:
    """Run the server on stdin/stdout until the client says exit."""
    args = {"warn": _log_warning}
    if config_file:
        args["config_file"] = config_file
    if brand:
        args["brand"] = brand
    server = make_server(**args)
    # Load the pipeline and run one small check in the background (the first check pays for lazy word lists and
    # lexicons), so the first keystroke is fast; initialize is answered at once, and checks wait for the warm-up.
    threading.Thread(target=server.warm_up, name="tonecheck-warm-up", daemon=True).start()
    server.start_io()
