"""The milter's checker processes (tonecheck.milter.pool), real processes without a mail server: verdicts, the CPU
budget enforced inside a checker, overload, a checker that dies, and a checker that cannot start."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from postfix import free_port

from tonecheck.config import Config
from tonecheck.milter.checker import CheckerSpec
from tonecheck.milter.pool import CheckerPool, CheckFailed, StartError

HEAD = b"From: Ann <ann@company.example>\r\nTo: Sam <sam@customer.example>\r\nSubject: Parcel\r\n\r\n"
CLEAN = HEAD + (b"Hello Sam,\r\n\r\nYour parcel left our warehouse this morning and will arrive by Friday 11 December."
                b"\r\n\r\nIf it does not arrive by then, just reply to this email.\r\n\r\nAnn\r\n")
BLAME = HEAD + b"Hi Sam,\r\n\r\nYou should have read the manual.\r\n\r\nAnn\r\n"
LONG = HEAD + b"The parcel left the depot this morning and the van reaches your street after lunch. " * 3000


def spec(tmp_path, budget: float = 5.0, brand: str | None = None) -> CheckerSpec:
    return CheckerSpec(config=Config(), brand=brand, time_budget=budget, internal_ignore=("defensive", "next-step"),
                       base_dir=str(tmp_path))


@pytest.fixture
def pool(tmp_path):
    p = CheckerPool(spec(tmp_path), 1)
    p.start()
    yield p
    p.close()


def deadline(seconds: float = 20) -> float:
    return time.monotonic() + seconds


def test_verdicts_and_internal_mail(pool):
    assert pool.check(CLEAN, False, deadline()) == (None, [])
    error, findings = pool.check(BLAME, False, deadline())
    assert error is None and {f.rule for f in findings} == {"defensive.blame", "next-step.missing"}
    assert pool.check(BLAME, True, deadline()) == (None, [])    # internal_ignore


def test_cpu_budget_is_enforced_in_the_checker(tmp_path):
    """The budget is a SIGPROF timer, which only a main thread can take: the checker's main thread does the work."""
    # 0.3 s: far below what LONG needs (seconds), and well above a short message on a loaded CI machine (0.05 s had
    # left the clean message next to the limit: it failed about one run in five)
    p = CheckerPool(spec(tmp_path, budget=0.3), 1)
    p.start()
    try:
        error, findings = p.check(LONG, False, deadline())
        assert error == "too complex to check in 0.3 s; skipped" and findings == []
        assert p.check(CLEAN, False, deadline()) == (None, [])
    finally:
        p.close()


def test_overload_when_no_checker_is_free(pool):
    slow = threading.Thread(target=pool.check, args=(LONG, False, deadline()))
    slow.start()
    time.sleep(0.1)
    try:
        with pytest.raises(CheckFailed) as exc:
            pool.check(CLEAN, False, time.monotonic() + 0.05)
        assert exc.value.kind == "overload"
    finally:
        slow.join()
    assert pool.check(CLEAN, False, deadline()) == (None, [])


def test_a_checker_that_dies_is_replaced(pool):
    (checker,) = list(pool._all)
    os.kill(checker.process.pid, signal.SIGKILL)
    checker.process.join(5)
    with pytest.raises(CheckFailed) as exc:
        pool.check(CLEAN, False, deadline())
    assert exc.value.kind == "checker died"
    assert "defensive.blame" in {f.rule for f in pool.check(BLAME, False, deadline())[1]}


def test_brand_guide_beside_the_config_and_relaxed_for_internal_mail(tmp_path):
    """The brand.yml in base_dir (the config's folder) is the one applied; internal mail skips brand rules (the
    default internal_ignore)."""
    (tmp_path / "brand.yml").write_text("name: Kite\nbanned:\n  - word: cheap\n    reason: We say affordable.\n")
    cheap = HEAD + b"Hello Sam,\r\n\r\nThe cheap plan starts on Friday 11 December.\r\n\r\nAnn\r\n"
    p = CheckerPool(CheckerSpec(config=Config(), brand=None, time_budget=5.0, internal_ignore=("next-step", "brand"),
                                base_dir=str(tmp_path)), 1)
    p.start()
    try:
        assert "brand.banned" in {f.rule for f in p.check(cheap, False, deadline())[1]}
        assert p.check(cheap, True, deadline()) == (None, [])
    finally:
        p.close()


def test_a_checker_that_cannot_start(tmp_path):
    bad = tmp_path / "brand.yml"
    bad.write_text("name: [unclosed\n")
    p = CheckerPool(spec(tmp_path, brand=str(bad)), 1)
    with pytest.raises(StartError, match="could not start"):
        p.start()
    p.close()


def test_command_with_an_invalid_brand_guide_is_a_one_line_error(tmp_path):
    pytest.importorskip("Milter", reason="pymilter is not installed (pip install '.[milter]')")
    bad = tmp_path / "brand.yml"
    bad.write_text("name: [unclosed\n")
    res = subprocess.run([sys.executable, "-m", "tonecheck", "milter", "--listen", f"inet:127.0.0.1:{free_port()}",
                          "--jobs", "1", "--brand", str(bad)], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "a checker could not start" in res.stderr, res.stderr
