"""`tonecheck serve` over real HTTP on a loopback port: LanguageTool's /v2 answers (offsets in UTF-16 units of
what was sent, markup included), tonecheck's /v1 contract, brand guides by name, rule selection, issue types,
JSON errors for bad requests (the server answers the next request after each), and the API key."""
from __future__ import annotations

import json
import socket
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from httpapi_server import call, form, running_server, start_failure

DRAFT = ("Hi Zoë 👋,\n\nThanks for the café photos 📷. Obviously the hinge was bent in transit, so this is not our "
         "fault!!\nWe will get back to you soon about the replacement.\n\nBest,\nRené\n")
QUOTED = ("Hi Alex,\n\nThanks for writing. I will call you on Friday at 3pm.\n\nBest,\nRiley\n\n"
          "On Mon, 2 Nov 2026, Alex wrote:\n> Obviously you never read my emails. This is not my fault!!\n")
BRAND = ("name: Acme\nterminology:\n  - use: sign in\n    instead_of: [login]\n")
KEY = "test-key-" + "x" * 20


def utf16_slice(text: str, m: dict) -> str:
    return text.encode("utf-16-le")[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    (folder / "acme.yml").write_text(BRAND)
    (folder / "tonecheck.toml").write_text('[serve]\nmax_request_bytes = 7000000\n'
                                           '[serve.brands]\nacme = "acme.yml"\n')
    with running_server("--config", str(folder / "tonecheck.toml"), cwd=str(folder)) as url:
        yield url


def lt_check(server, **fields):
    status, answer, _ = call(server + "/v2/check", form(**fields), "application/x-www-form-urlencoded")
    assert status == 200, answer
    return answer


def by_rule(answer) -> dict:
    return {m["rule"]["id"]: m for m in answer["matches"]}


def test_languages_are_english(server):
    status, langs, _ = call(server + "/v2/languages")
    assert status == 200 and {"name": "English (US)", "code": "en", "longCode": "en-US"} in langs


def test_offsets_are_utf16_units_of_the_text_sent(server):
    answer = lt_check(server, text=DRAFT, language="en-US")
    assert answer["software"]["name"] == "tonecheck" and answer["language"]["code"] == "en-US"
    found = by_rule(answer)
    # two emoji (two UTF-16 units each) and accented letters stand before these: code points would be off by 2
    assert utf16_slice(DRAFT, found["defensive.condescension"]) == "Obviously"
    assert utf16_slice(DRAFT, found["defensive.self-protection"]) == "not our fault"
    assert utf16_slice(DRAFT, found["defensive.punctuation"]) == "!!"
    assert "soon" in utf16_slice(DRAFT, found["commitment.vague-time"])
    m = found["defensive.condescension"]
    ctx = m["context"]
    assert utf16_slice(ctx["text"], ctx) == "Obviously"
    assert m["sentence"].startswith("Obviously the hinge") and m["message"].startswith(m["shortMessage"])
    assert m["rule"]["category"] == {"id": "DEFENSIVE", "name": "Defensive"}
    assert m["rule"]["description"] and m["rule"]["issueType"] == "grammar"


def test_quoted_thread_is_context_not_judged(server):
    answer = lt_check(server, text=QUOTED)
    quote_start = len(QUOTED[:QUOTED.index("On Mon")].encode("utf-16-le")) // 2
    assert all(m["offset"] < quote_start for m in answer["matches"])
    assert "defensive.condescension" not in by_rule(answer)


def test_annotated_text_offsets_count_the_markup(server):
    parts = [{"markup": "<p>"}, {"text": "Hi Zoë 👋,"}, {"markup": "</p><p>", "interpretAs": "\n\n"},
             {"text": "Obviously the hinge was bent, so this is "}, {"markup": "<b>"}, {"text": "not our fault"},
             {"markup": "</b>"}, {"text": ". We will reply soon."}, {"markup": "</p>"}]
    original = "".join(p.get("text", p.get("markup")) for p in parts)
    found = by_rule(lt_check(server, data=json.dumps({"annotation": parts})))
    assert utf16_slice(original, found["defensive.condescension"]) == "Obviously"
    assert utf16_slice(original, found["defensive.self-protection"]) == "not our fault"


def ltex_request(parts, **extra) -> bytes:
    """The body LTeX (ltex-ls's LanguageToolHttpInterface) sends: form-encoded parameters, annotated text as
    `data`, although its Content-Type header says application/json."""
    return form(language="en-US", data=json.dumps({"annotation": parts}), **extra)


def test_ltex_request_as_it_sends_it(server):
    parts = [{"markup": "# "}, {"text": "Reply"}, {"markup": "\n\n", "interpretAs": "\n\n"},
             {"text": "Obviously we will fix it soon."}]
    original = "".join(p.get("text", p.get("markup")) for p in parts)
    status, answer, _ = call(server + "/v2/check", ltex_request(parts), "application/json")
    assert status == 200, answer
    assert utf16_slice(original, by_rule(answer)["defensive.condescension"]) == "Obviously"


def test_rules_enabled_disabled_and_unknown_ids(server):
    base = by_rule(lt_check(server, text=DRAFT))
    fewer = by_rule(lt_check(server, text=DRAFT, disabledRules="defensive.condescension,WHITESPACE_RULE"))
    assert "defensive.condescension" in base and set(fewer) == set(base) - {"defensive.condescension"}
    only = by_rule(lt_check(server, text=DRAFT, enabledOnly="true", enabledRules="commitment.vague-time"))
    assert set(only) == {"commitment.vague-time"}
    no_defensive = by_rule(lt_check(server, text=DRAFT, disabledCategories="DEFENSIVE"))
    assert no_defensive and not any(r.startswith("defensive.") for r in no_defensive)
    assert lt_check(server, text=DRAFT, enabledOnly="true", enabledRules="MORFOLOGIK_RULE_EN_US")["matches"] == []


def test_issue_types_follow_the_request(server):
    strict = by_rule(lt_check(server, text=DRAFT, failOn="warning"))
    lenient = by_rule(lt_check(server, text=DRAFT, failOn="error"))
    custom = by_rule(lt_check(server, text=DRAFT, issueTypes="warning:typographical"))
    rule = "defensive.condescension"
    assert (strict[rule]["rule"]["issueType"], lenient[rule]["rule"]["issueType"],
            custom[rule]["rule"]["issueType"]) == ("misspelling", "style", "typographical")


def test_brand_guide_by_name_with_its_replacement(server):
    text = "Hi Sam,\n\nPlease use the login page to reset it. I will email you by Friday at 3pm.\n\nBest,\nAnn\n"
    plain = by_rule(lt_check(server, text=text))
    branded = by_rule(lt_check(server, text=text, brand="acme"))
    assert "brand.terminology" not in plain
    m = branded["brand.terminology"]
    assert utf16_slice(text, m) == "login" and m["replacements"] == [{"value": "sign in"}]


def test_other_languages_get_no_matches(server):
    answer = lt_check(server, text="Offensichtlich ist das nicht unsere Schuld!!", language="de-DE")
    assert answer["matches"] == [] and answer["language"]["code"] == "de-DE"


def test_v1_returns_the_json_finding_contract_for_new_text_only(server):
    body = json.dumps({"text": QUOTED, "headers": {"From": "Riley <riley@shop.example>", "To": "alex@example.com",
                                                   "Subject": "Re: hinge", "Date": "Mon, 2 Nov 2026 10:00:00 +0000"},
                       "brand": "acme"}).encode()
    status, answer, _ = call(server + "/v1/check", body, "application/json")
    # the text starts after 4 headers, the 3 MIME ones the server adds and a blank line
    assert status == 200 and answer["brand"] == "acme" and answer["body_line"] == 9
    for f in answer["findings"]:
        assert set(f) == {"path", "rule", "category", "severity", "message", "suggestion", "line", "column",
                          "end_line", "end_column", "excerpt", "sentence"}
    assert not any("Obviously" in f["excerpt"] or "fault" in f["excerpt"] for f in answer["findings"])
    eml = ("From: Riley <riley@shop.example>\nTo: alex@example.com\nSubject: Re: hinge\n\n"
           "Hi Alex,\n\nObviously we will look into it soon.\n\nRiley\n")
    status, answer, _ = call(server + "/v1/check", json.dumps({"eml": eml}).encode(), "application/json")
    found = {f["rule"]: f for f in answer["findings"]}
    assert status == 200 and found["defensive.condescension"]["line"] == 7
    assert found["defensive.condescension"]["excerpt"] == "Obviously"


@pytest.mark.parametrize("path, body, ctype, status, words", [
    ("/v2/check", form(text=""), "application/x-www-form-urlencoded", 400, "empty"),
    ("/v2/check", form(language="en-US"), "application/x-www-form-urlencoded", 400, "missing"),
    ("/v2/check", form(text="a " * 2_500_000), "application/x-www-form-urlencoded", 413, "too large"),
    ("/v2/check", b'{"text": "hi",', "application/json", 400, "invalid JSON"),
    ("/v1/check", b"{not json", "application/json", 400, "invalid JSON"),
    ("/v1/check", b'["a list"]', "application/json", 400, "JSON object"),
    ("/v2/check", b"text=hi", "text/plain", 415, "text/plain"),
    ("/v1/check", form(text="hi"), "application/x-www-form-urlencoded", 415, "application/json"),
    ("/v1/check", b'{"text": "Hi", "brand": "nobody"}', "application/json", 400, "unknown brand 'nobody'"),
    ("/v2/check", form(text="Hi", brand="nobody"), "application/x-www-form-urlencoded", 400, "unknown brand"),
    ("/v2/check", form(data='{"annotation": [{"text": 1}]}'), "application/x-www-form-urlencoded", 400, "data"),
    ("/v2/check", form(text="\x00\x01\x02\x03\x04\x05 binary"), "application/x-www-form-urlencoded", 422,
     "binary"),
    ("/nowhere", None, None, 404, "not found"),
])
def test_bad_requests_are_json_errors_and_the_server_lives_on(server, path, body, ctype, status, words):
    got, answer, headers = call(server + path, body, ctype)
    assert got == status and words.lower() in answer["error"].lower() and answer["status"] == status
    assert headers["Content-Type"].startswith("application/json") and "Traceback" not in answer["error"]
    assert by_rule(lt_check(server, text=DRAFT))        # the next request is answered as before


def test_a_body_over_the_request_limit_is_refused_before_it_is_read(server):
    """Content-Length over [serve] max_request_bytes: 413 at once, while the client has sent almost nothing."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(b"POST /v2/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                     b"Content-Length: 7500000\r\n\r\ntext=" + b"a" * 1000)
        reply = b""
        while b"\r\n\r\n" not in reply or not reply.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413") and json.loads(body)["error"].startswith("request too large")
    assert by_rule(lt_check(server, text=DRAFT))


def test_cross_origin_pages_may_read_answers(server):
    status, _, headers = call(server + "/v2/languages")
    assert headers["Access-Control-Allow-Origin"] == "*" and headers["Cache-Control"] == "no-store"
    preflight = urllib.request.Request(server + "/v2/check", method="OPTIONS",
                                       headers={"Origin": "https://mail.example", "Access-Control-Request-Method":
                                                "POST", "Access-Control-Request-Headers": "authorization"})
    with urllib.request.urlopen(preflight, timeout=30) as resp:
        assert resp.status == 200 and "Authorization" in resp.headers["Access-Control-Allow-Headers"]


def test_the_browser_extension_parameters_are_accepted(server):
    """What the LanguageTool browser extension sends besides the text: auto language, picky level, session ids."""
    answer = lt_check(server, text=DRAFT, language="auto", level="picky", enabledOnly="false",
                      motherTongue="de-DE", preferredVariants="en-US,de-DE", textSessionId="123:456",
                      mode="allButTextLevelOnly", useragent="webextension-chrome-ng")
    assert utf16_slice(DRAFT, by_rule(answer)["defensive.condescension"]) == "Obviously"


def test_concurrent_requests_each_get_their_own_answer(server):
    """20 requests at once over 2 warm workers: every answer's ranges fall on its own draft's words."""
    drafts = [f"{'🙂' * k}Hi {name},\n\nObviously we will call you soon.\n\nAnn\n"
              for k, name in enumerate(["Zoë", "Ana", "Sam", "René", "Li"])]

    def one(i: int):
        text = drafts[i % len(drafts)]
        return text, lt_check(server, text=text)

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(one, range(20)))
    for text, answer in results:
        assert utf16_slice(text, by_rule(answer)["defensive.condescension"]) == "Obviously"


def test_a_draft_over_the_time_budget_is_refused_not_hung(tmp_path):
    with running_server("--time-budget", "0.001", cwd=str(tmp_path)) as url:
        status, answer, _ = call(url + "/v2/check", form(text=DRAFT * 50), "application/x-www-form-urlencoded")
        assert status == 422 and answer["error"].startswith("too complex to check")


def test_api_key_is_checked_on_a_header(tmp_path):
    with running_server(cwd=str(tmp_path), env={"TONECHECK_API_KEY": KEY}) as url:
        body = form(text=DRAFT)
        ctype = "application/x-www-form-urlencoded"
        assert call(url + "/v2/check", body, ctype)[0] == 401
        assert call(url + "/v2/check", body, ctype, {"Authorization": "Bearer wrong-" + KEY})[0] == 401
        assert call(url + "/v2/check", body, ctype, {"Authorization": f"Bearer {KEY}"})[0] == 200
        assert call(url + "/v2/check", body, ctype, {"X-API-Key": KEY})[0] == 200
        assert call(url + "/v2/check", form(text=DRAFT, apiKey=KEY), ctype)[0] == 200    # LanguageTool's apiKey
        ltex = ltex_request([{"text": "Obviously we will fix it soon."}], apiKey=KEY)
        assert call(url + "/v2/check", ltex, "application/json")[0] == 200
        assert call(url + "/v2/check", ltex_request([{"text": "Hi."}]), "application/json")[0] == 401
        assert call(url + "/v2/languages")[0] == 401


def test_non_ascii_headers_and_a_lone_surrogate_are_read(server):
    body = json.dumps({"text": "Hi Zoë,\n\nObviously we will call you on Friday at 3pm.\n\nRené\n",
                       "headers": {"From": "René <rene@shop.example>", "Subject": "Votre café ☕"}}).encode()
    status, answer, _ = call(server + "/v1/check", body, "application/json")
    assert status == 200 and "defensive.condescension" in {f["rule"] for f in answer["findings"]}
    text = "\ud83d Obviously the hinge was bent in transit."        # half an emoji: one UTF-16 unit
    status, answer, _ = call(server + "/v2/check", json.dumps({"text": text}).encode(), "application/json")
    assert status == 200 and by_rule(answer)["defensive.condescension"]["offset"] == 2


def test_refuses_to_start_on_a_broken_brand_guide_or_a_busy_port(tmp_path):
    (tmp_path / "bad.yml").write_text("name: [unclosed\n")
    (tmp_path / "tonecheck.toml").write_text('[serve.brands]\nbad = "bad.yml"\n')
    code, err = start_failure("--config", str(tmp_path / "tonecheck.toml"))
    assert code == 2 and "brand guide" in err and "bad.yml" in err and "Traceback" not in err
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        code, err = start_failure("--port", str(busy.getsockname()[1]))
    assert code == 2 and "Address already in use" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("args, env, words", [
    (["--host", "0.0.0.0"], {}, "set an API key first"),
    (["--host", "0.0.0.0"], {"TONECHECK_API_KEY": "short"}, "too short"),
    (["--api-key-file", "/nonexistent/key"], {}, "cannot read the API key"),
])
def test_refuses_to_start_without_a_usable_key(args, env, words):
    code, err = start_failure(*args, env=env)
    assert code == 2 and words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
