"""The WSGI application (Flask): routes, content types, size limit, API key, CORS, and JSON errors.

    GET  /v2/languages     LanguageTool: the languages tonecheck judges (English)
    POST /v2/check         LanguageTool: text= or data= (annotated text), language, enabledRules, disabledRules,
                           enabledOnly, enabledCategories, disabledCategories; tonecheck's own extras: brand,
                           failOn (error|warning|info), issueTypes (severity:type,...)
    POST /v1/check         tonecheck: a JSON object {text, headers} or {eml}, brand, select, ignore; answers the
                           JSON finding contract of `tonecheck --format json`

Every error is JSON, {"error": "one line", "status": N}: 400 a bad parameter or invalid JSON, 401 no or a wrong
API key, 404/405 a wrong address or method, 413 too large, 415 a content type the endpoint does not take, 422 a
draft that cannot be checked (too complex for the time budget, not text), 500 a bug (logged, never a traceback to
the client). Nothing here knows about processes: server.py runs this app in its warm workers.
"""
from __future__ import annotations

import json
import logging
from urllib.parse import parse_qsl

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException
from werkzeug.datastructures import MultiDict

from .. import __version__
from . import auth
from .checking import Checker, UnknownBrand
from .ltshape import LANGUAGES, MatchBuilder, check_answer, software
from .params import BadRequest, Draft, check_language, lt_draft, tonecheck_draft

log = logging.getLogger("tonecheck.serve")
MAX_FORM_PARTS = 200
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
ERROR_STATUS = (("too complex", 422), ("too large", 413), ("too long", 413), ("internal error", 500),
                ("the brand guide is invalid", 500))


def create_app(checker: Checker, *, api_key: str | None = None, max_request_bytes: int = 8_000_000,
               allow_origin: str = "*", issue_types: dict | None = None) -> Flask:
    app = Flask("tonecheck.httpapi")
    app.config.update(MAX_CONTENT_LENGTH=max_request_bytes, MAX_FORM_MEMORY_SIZE=max_request_bytes,
                      MAX_FORM_PARTS=MAX_FORM_PARTS)
    _add_guards(app, api_key, allow_origin)
    _add_routes(app, checker, issue_types or {})
    _add_error_handlers(app, max_request_bytes)
    return app


def _add_guards(app: Flask, api_key: str | None, allow_origin: str) -> None:
    """The API key before a request; CORS and no-store on every answer."""

    @app.before_request
    def _authorise():
        if request.method == "OPTIONS" or api_key is None:
            return None
        if not auth.key_matches(api_key, auth.presented_key(request.headers, _lt_parameters_if_any())):
            return _error(401, "missing or wrong API key (send 'Authorization: Bearer KEY')")
        return None

    @app.after_request
    def _cors(resp: Response) -> Response:
        if allow_origin:
            resp.headers["Access-Control-Allow-Origin"] = allow_origin
            resp.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-API-Key"
            resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            resp.headers["Access-Control-Max-Age"] = "600"
        resp.headers["Cache-Control"] = "no-store"          # answers are about private drafts
        return resp


def _add_routes(app: Flask, checker: Checker, issue_types: dict) -> None:

    @app.route("/v2/languages", methods=["GET"])
    def languages():
        return _json(LANGUAGES)

    @app.route("/v2/check", methods=["GET", "POST"])
    def lt_check():
        values = request.args if request.method == "GET" else _lt_values()
        draft = lt_draft(values, server_types=issue_types)
        if not check_language(draft.language) or not draft.annotated.plain.strip():
            return _json(check_answer([], draft.language))      # nothing tonecheck judges
        result = _checked(checker, draft)
        doc = result.document
        builder = MatchBuilder(draft.annotated, doc.text if doc else None, checker.rules, draft.types)
        return _json(check_answer([builder.match(f) for f in result.findings], draft.language))

    @app.route("/v1/check", methods=["POST"])
    def tonecheck_check():
        if request.mimetype != "application/json":
            raise BadRequest(415, f"POST /v1/check takes application/json, not {request.mimetype or 'no type'}")
        draft = tonecheck_draft(_json_body())
        result = _checked(checker, draft)
        answer = {"software": software(), "brand": draft.brand, "findings": [f.to_json() for f in result.findings],
                  "notes": list(result.notes)}
        if draft.body_line > 1:
            answer["body_line"] = draft.body_line
        return _json(answer)

    @app.route("/", methods=["GET"])
    def index():
        return _json({"software": software(), "endpoints": ["GET /v2/languages", "POST /v2/check",
                                                            "POST /v1/check"]})



def _add_error_handlers(app: Flask, max_request_bytes: int) -> None:
    """Every failure as {"error", "status"} JSON; a bug is logged with its traceback, never sent."""

    @app.errorhandler(BadRequest)
    def _bad(exc: BadRequest):
        return _error(exc.status, exc.message)

    @app.errorhandler(UnknownBrand)
    def _unknown_brand(exc: UnknownBrand):
        return _error(400, str(exc.args[0]))

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        reasons = {413: f"request too large (the limit is {max_request_bytes:,} bytes)"}
        return _error(exc.code or 500, reasons.get(exc.code, exc.description or exc.name))

    @app.errorhandler(Exception)
    def _bug(exc: Exception):
        log.exception("internal error on %s %s", request.method, request.path)
        return _error(500, f"internal error ({type(exc).__name__}); see the server's log")


def _lt_values():
    """LanguageTool's parameters from a form (what its clients send) or a JSON object, parsed once per request.

    LTeX posts its form-encoded parameters with `Content-Type: application/json` (LanguageTool's server reads the
    parameters whatever the type says), so a JSON-typed body that is not a JSON object or array is read as a
    form; one that starts like JSON and is not valid is a 400."""
    if "lt_values" in g:
        return g.lt_values
    if request.mimetype in FORM_TYPES:
        values = request.form
    elif request.mimetype == "application/json":
        raw = request.get_data()
        if raw.lstrip()[:1] in (b"{", b"["):
            values = _json_body()
            if not isinstance(values, dict):
                raise BadRequest(400, "the request body must be a JSON object")
        else:
            try:
                values = MultiDict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True,
                                             max_num_fields=MAX_FORM_PARTS))
            except ValueError as exc:
                raise BadRequest(400, f"cannot read the parameters: {exc}") from None
    else:
        raise BadRequest(415, "POST /v2/check takes application/x-www-form-urlencoded, multipart/form-data or "
                              f"application/json, not {request.mimetype or 'no type'}")
    g.lt_values = values
    return values


def _lt_parameters_if_any():
    """/v2/check's parameters for the API key check (LanguageTool's apiKey), or None where there are none."""
    if request.method != "POST" or request.path != "/v2/check":
        return None
    try:
        return _lt_values()
    except BadRequest:
        return None


def _json_body():
    raw = request.get_data()
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:
        raise BadRequest(400, f"invalid JSON: {exc}") from None


def _checked(checker: Checker, draft: Draft):
    """The draft's FileResult; a draft that cannot be checked is an HTTP error with the reader's reason."""
    sel = checker.selection(**draft.rules)
    result = checker.check(draft.data, draft.kind, brand=draft.brand, sel=sel)
    if result.error:
        status = next((code for prefix, code in ERROR_STATUS if result.error.startswith(prefix)), 422)
        if status == 500:
            log.error("%s", "; ".join([result.error, *result.problems]))
        raise BadRequest(status, result.error)
    return result


def _json(obj, status: int = 200) -> Response:
    """UTF-8 JSON; text holding half a surrogate pair (JSON allows "\\ud83d" alone, UTF-8 cannot carry it) is sent
    with \\u escapes instead, as the client sent it."""
    try:
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        body = json.dumps(obj).encode("ascii")
    return Response(body, status=status, mimetype="application/json")


def _error(status: int, message: str) -> Response:
    return _json({"error": message, "status": status, "software": {"name": "tonecheck", "version": __version__}},
                 status)
