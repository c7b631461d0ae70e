"""Server mode with real processes: `tonecheck server start` on a temporary socket, runs through it compared byte for
byte (stdout, stderr, exit code) with TONECHECK_NO_SERVER=1 runs, staleness, concurrency, permissions, clean-up.

The in-process reference runs (about 1.5 s each) run side by side while the server warms up, to keep this file fast.
"""
from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCRIPT = Path(sys.executable).parent / "tonecheck"
CMD = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "tonecheck"]

RUDE = "Hi Sam,\n\nPer my last email, the invoice is attached. It was cheap.\n\nBest,\nRiley\n"
BRAND_V1 = "name: Harbor Lane\nvoice:\n  emoji: false\n"
BRAND_V2 = "name: Harbor Lane\nvoice:\n  emoji: false\nbanned:\n  - word: cheap\n    reason: We are good value.\n"
TOML = 'ignore = ["defensive"]\nfail_on = "error"\n'


def run(args, env, cwd=ROOT, input=None, server=True, timeout=60, unbuffered=None, merged=False):
    """unbuffered: set or drop PYTHONUNBUFFERED; merged: stderr into stdout (2>&1), where buffering shows."""
    e = dict(env)
    if not server:
        e["TONECHECK_NO_SERVER"] = "1"
    if unbuffered is not None:
        e.pop("PYTHONUNBUFFERED", None)
        if unbuffered:
            e["PYTHONUNBUFFERED"] = "1"
    return subprocess.run([*CMD, *args], cwd=cwd, env=e, input=input, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT if merged else subprocess.PIPE, timeout=timeout)


def same(a: subprocess.CompletedProcess, b: subprocess.CompletedProcess):
    assert (a.returncode, a.stdout.decode(), (a.stderr or b"").decode()) == \
        (b.returncode, b.stdout.decode(), (b.stderr or b"").decode())


def status(env) -> tuple[int, dict]:
    p = run(["server", "status"], env)
    fields = {}
    for line in p.stdout.decode().splitlines():
        k, _, v = line.partition(" ")
        fields[k] = v.strip()
    return p.returncode, fields


def ask(env) -> dict | None:
    """The server's status answer, straight from the socket (cheap enough to poll), or None."""
    from tonecheck.resident.client import request

    return request(env["TONECHECK_SERVER_SOCKET"], {"op": "status"})


def stop(env) -> None:
    """Stop the server, and kill it if it does not go (a failing test must not leave one behind)."""
    code, st = status(env)
    run(["server", "stop"], env)
    if code == 0 and st.get("pid", "").isdigit():
        try:
            os.kill(int(st["pid"]), signal.SIGKILL)
        except ProcessLookupError:
            pass


def wait_for(predicate, seconds=5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return predicate()


def base_env(tmp: Path, snapshot: bool = False) -> dict:
    """A private socket and cache; with snapshot, a private copy of the package too (PYTHONPATH), so an edit of
    the checkout while the tests run (which rightly retires a server) does not disturb them."""
    env = {k: v for k, v in os.environ.items() if k not in ("TONECHECK_NO_SERVER", "XDG_RUNTIME_DIR")}
    env["TONECHECK_SERVER_SOCKET"] = str(tmp / "sock" / "server.sock")
    env["TONECHECK_CACHE_DIR"] = str(tmp / "cache")
    if snapshot:
        # with __pycache__ (copy2 keeps the mtimes the .pyc files were made for): no process recompiles
        shutil.copytree(ROOT / "src" / "tonecheck", tmp / "src" / "tonecheck")
        shutil.copytree(ROOT / "rules", tmp / "rules")
        env["PYTHONPATH"] = str(tmp / "src")
    return env


@pytest.fixture(scope="module")
def world(tmp_path_factory, request):
    """A running server, the scenario folders, and the in-process reference runs (computed while it warms up)."""
    tmp = tmp_path_factory.mktemp("server")
    env = base_env(tmp, snapshot=True)
    proj = tmp / "proj"
    (proj / "mail").mkdir(parents=True)
    (proj / "tonecheck.toml").write_text(TOML)
    (proj / "mail" / "d.txt").write_text(RUDE)
    for name, text in (("brand", BRAND_V1), ("ref1", BRAND_V1), ("ref2", BRAND_V2)):
        (tmp / name).mkdir()
        (tmp / name / "brand.yml").write_text(text)
        (tmp / name / "d.txt").write_text(RUDE)
    cases = {
        "text": (["--brand", "examples/brand/brand.yml", "examples/draft-problems.eml"], ROOT, None, {}),
        "json": (["--format", "json", "examples/draft-problems.eml"], ROOT, None, {}),
        "clean": (["examples/draft-clean.eml"], ROOT, None, {}),
        "missing": (["no-such-draft.eml"], ROOT, None, {}),
        # the summary (stdout) and the error line (stderr) interleave by buffering: block-buffered and python -u
        "missing-2>&1": (["no-such-draft.eml"], ROOT, None, {"merged": True, "unbuffered": False}),
        "missing-2>&1-u": (["no-such-draft.eml"], ROOT, None, {"merged": True, "unbuffered": True}),
        "stdin-json": (["--format", "json", "--stdin-filename", "reply.txt", "-"], ROOT, RUDE.encode(), {}),
        "config": (["mail/d.txt"], proj, None, {}),
        "brand1": (["--brand", "brand.yml", "d.txt"], tmp / "ref1", None, {}),
        "brand2": (["--brand", "brand.yml", "d.txt"], tmp / "ref2", None, {}),
    }
    request.addfinalizer(lambda: stop(env))
    with ThreadPoolExecutor(max_workers=4) as pool:
        starts = [pool.submit(run, ["server", "start"], env) for _ in range(2)]     # at once: one server
        futures = {name: pool.submit(run, args, env, cwd, data, False, **kw)
                   for name, (args, cwd, data, kw) in cases.items()}
        refs = {name: f.result() for name, f in futures.items()}
        starts = [f.result() for f in starts]
    return {"env": env, "tmp": tmp, "cases": cases, "refs": refs, "starts": starts}


def test_two_starts_at_once_leave_one_server(world):
    starts = world["starts"]
    assert [p.returncode for p in starts] == [0, 0], [p.stderr for p in starts]
    said = sorted(p.stdout.decode().split(" on ")[0] for p in starts)
    assert said == ["tonecheck server already running", "tonecheck server listening"], said
    pids = {p.stdout.decode().rsplit("pid ", 1)[1].rstrip(")\n") for p in starts}
    assert len(pids) == 1 and status(world["env"])[1]["pid"] in pids


@pytest.mark.parametrize("name", ["text", "json", "clean", "missing", "missing-2>&1", "missing-2>&1-u",
                                  "stdin-json", "config"])
def test_output_identical_to_in_process(world, name):
    args, cwd, data, kw = world["cases"][name]
    def served_so_far():
        return ask(world["env"])["requests"]

    before = served_so_far()
    served = run(args, world["env"], cwd, data, **kw)
    same(served, world["refs"][name])
    assert served_so_far() == before + 1       # the server did it, not an in-process fallback
    expected = {"text": 1, "json": 1, "clean": 0, "stdin-json": 1, "config": 0}.get(name, 2)
    assert served.returncode == expected, served.stderr.decode()
    if name == "missing":
        assert served.stderr.decode() == "tonecheck: no-such-draft.eml: no such file or directory\n"
    if name == "config":        # tonecheck.toml found from the client's cwd: defensive rules off, fail_on error
        assert b"defensive." not in served.stdout and b"mail/d.txt:" in served.stdout


def test_brand_guide_edited_between_runs_is_reread(world):
    tmp, env = world["tmp"], world["env"]
    first = run(["--brand", "brand.yml", "d.txt"], env, tmp / "brand")
    same(first, world["refs"]["brand1"])
    (tmp / "brand" / "brand.yml").write_text(BRAND_V2)
    second = run(["--brand", "brand.yml", "d.txt"], env, tmp / "brand")
    same(second, world["refs"]["brand2"])
    assert b"brand.banned" in second.stdout and b"brand.banned" not in first.stdout


def test_socket_and_folder_are_private(world):
    sock = Path(world["env"]["TONECHECK_SERVER_SOCKET"])
    assert stat.S_IMODE(sock.parent.stat().st_mode) == 0o700
    assert stat.S_ISSOCK(sock.lstat().st_mode) and stat.S_IMODE(sock.lstat().st_mode) == 0o600
    code, st = status(world["env"])
    assert code == 0 and st["socket"] == str(sock) and st["version"]


def test_start_when_running_says_so(world):
    p = run(["server", "start"], world["env"])
    assert p.returncode == 0 and "already running" in p.stdout.decode()


def test_ctrl_c_stops_the_run_as_in_process(world):
    # SIGINT as a terminal's Ctrl-C finds it (a shell ignores it for commands run in the background with &)
    p = subprocess.Popen([*CMD, "-"], env=world["env"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert wait_for(lambda: len(ask(world["env"])["active"]) == 1)
        p.send_signal(signal.SIGINT)
        p.wait(timeout=15)                      # stdin stays open: the child is interrupted while reading it
        out, err = p.stdout.read(), p.stderr.read()
    finally:
        p.kill()
        p.stdin.close()
    assert (p.returncode, out, err) == (1, b"", b"\nAborted!\n")    # click's answer to Ctrl-C, as in-process


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_killed_client_leaves_no_child(world):
    env = world["env"]
    p = subprocess.Popen([*CMD, "-"], env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: len(ask(env)["active"]) == 1)
        (child,) = ask(env)["active"]
        assert _alive(child)
        p.kill()                                # as a closed terminal or `kill -9` would
        p.wait()
    finally:
        p.kill()
        p.stdin.close()
    assert wait_for(lambda: not _alive(child))
    assert ask(env)["active"] == []


def test_status_exit_1_when_none(tmp_path):
    p = run(["server", "status"], base_env(tmp_path))
    assert p.returncode == 1 and "no tonecheck server running" in p.stdout.decode()
    p = run(["server", "stop"], base_env(tmp_path))
    assert p.returncode == 0 and "no tonecheck server running" in p.stdout.decode()


def test_refuses_a_folder_others_can_write(tmp_path):
    env = base_env(tmp_path)
    folder = tmp_path / "sock"
    folder.mkdir()
    folder.chmod(0o777)
    p = run(["server", "start"], env)
    assert p.returncode == 2
    assert p.stderr.decode().count("\n") == 1 and "writable by group or others" in p.stderr.decode()


def test_stale_code_runs_in_process_and_retires_the_server(world):
    """Last (it retires the module's server): after a file of the package changes, a client runs in-process, with
    the same output, and the server exits and removes its socket."""
    env = world["env"]
    engine_py = world["tmp"] / "src" / "tonecheck" / "engine.py"      # the private copy: the checkout is untouched
    now = time.time_ns()                        # newer than every file: as an edit would make it
    os.utime(engine_py, ns=(now, now))
    args, cwd, data, _ = world["cases"]["json"]
    same(run(args, env, cwd, data), world["refs"]["json"])
    assert wait_for(lambda: ask(env) is None)
    assert status(env)[0] == 1
    assert not Path(env["TONECHECK_SERVER_SOCKET"]).exists()
    assert "different tonecheck code" in (world["tmp"] / "sock" / "server.log").read_text()


def test_servers_of_two_installs_never_meet(tmp_path):
    """Two installs (here: two copies of the package) under one runtime folder: each `server start` gets its own
    socket, a run from one install goes to its own server, and neither retires the other."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    envs = []
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        env = base_env(tmp_path / name, snapshot=True)
        env.pop("TONECHECK_SERVER_SOCKET")
        env["XDG_RUNTIME_DIR"] = str(runtime)
        envs.append(env)
    try:
        for env in envs:
            assert run(["server", "start"], env).returncode == 0
        sockets = sorted(p.name for p in (runtime / "tonecheck").iterdir() if p.suffix == ".sock")
        assert len(sockets) == 2 and all(s.startswith("server-") for s in sockets)
        for _ in range(2):
            for env in envs:
                assert run(["examples/draft-clean.eml"], env).returncode == 0
        for env in envs:
            code, st = status(env)
            assert code == 0 and st.get("requests") == "2", st
    finally:
        for env in envs:
            stop(env)
