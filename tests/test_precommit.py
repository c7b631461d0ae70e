"""The published pre-commit hook (.pre-commit-hooks.yaml), run by pre-commit itself on a temporary website repo.

Fast test (always): the hook definition is read from this repository's .pre-commit-hooks.yaml and used unchanged
(same id, entry, file types, options) as a `repo: local` hook, except for `language`: with `language: python`
pre-commit would build a fresh virtualenv and pip-install tonecheck and spaCy from PyPI, which takes minutes, so the
fast test uses `unsupported` (formerly `system`) with this venv's `tonecheck` first on PATH. It runs `pre-commit run
--all-files` and real `git commit`s through the installed git hook.

Faithful test (TONECHECK_SLOW_TESTS=1): the hook as users get it, `language: python`, from a local clone of this
repository at HEAD — pre-commit builds its own virtualenv and installs tonecheck from the clone (needs PyPI).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytest.importorskip("pre_commit")

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
MANIFEST = REPO / ".pre-commit-hooks.yaml"

PACK = r"""
pack: hookfixture
rules:
  - id: brand.zz-hook-terms
    category: brand
    severity: warning
    message: "'{match}' is not our term."
    rationale: Fixture rule for the pre-commit tests, a terminology substitution.
    substitutions: {webshop: online store}
    examples: {bad: [our webshop], good: [our online store]}
"""

BAD_MD = "# Opening hours\n\nOur webshop is open every day.\n"
BAD_HTML = "<html><body><h1>News</h1><p>The <b>webshop</b> has a new look.</p></body></html>\n"
GOOD_MD = "# About\n\nOur online store is open every day.\n"
NOT_COPY = "# the webshop module\nWEBSHOP = 'webshop'\n"


def _language() -> str:
    from pre_commit.all_languages import languages
    return "unsupported" if "unsupported" in languages else "system"


def _git(cwd: Path, *args: str, env=None, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                           "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, check=check, timeout=120)


@pytest.fixture
def env(tmp_path):
    e = dict(os.environ)
    e["PATH"] = f"{VENV_BIN}{os.pathsep}{e.get('PATH', '')}"
    e["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    e["PRE_COMMIT_COLOR"] = "never"
    e["GIT_CONFIG_NOSYSTEM"] = "1"
    e["HOME"] = str(tmp_path / "home")
    (tmp_path / "home").mkdir()
    e.pop("VIRTUAL_ENV", None)
    return e


def _site(root: Path, config: dict) -> Path:
    root.mkdir()
    _git(root, "init", "-q")
    (root / "rules").mkdir()
    (root / "rules" / "fixture.yml").write_text(PACK, encoding="utf-8")
    (root / "tonecheck.toml").write_text('rule_dirs = ["rules"]\nselect = ["brand.zz-hook"]\n', encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "hours.md").write_text(BAD_MD, encoding="utf-8")
    (root / "news.html").write_text(BAD_HTML, encoding="utf-8")
    (root / "about.md").write_text(GOOD_MD, encoding="utf-8")
    (root / "shop.py").write_text(NOT_COPY, encoding="utf-8")
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def _pre_commit(root: Path, env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=600)


def test_manifest_is_valid_and_targets_pages():
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(MANIFEST)
    assert hook["id"] == "tonecheck"
    assert hook["language"] == "python"  # what real users get: pre-commit installs tonecheck itself
    assert hook["entry"].split()[0] == "tonecheck" and hook["pass_filenames"]
    assert set(hook["types_or"]) == {"markdown", "html"}
    # the entry point it names is one this package installs
    import tomllib
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert "tonecheck" in scripts
    # and pre-commit picks exactly .md / .markdown / .html / .htm files for it
    from identify.identify import tags_from_filename
    for name, picked in (("a.md", True), ("a.markdown", True), ("a.html", True), ("a.htm", True),
                         ("a.py", False), ("a.txt", False), ("a.css", False)):
        assert bool(tags_from_filename(name) & set(hook["types_or"])) is picked, name


def test_hook_runs_on_changed_pages_and_blocks_commits(tmp_path, env):
    (published,) = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    hook = dict(published, language=_language())
    root = _site(tmp_path / "site", {"repos": [{"repo": "local", "hooks": [hook]}]})
    _git(root, "add", "-A")

    # every page: both bad pages reported, the Python file never passed to tonecheck
    proc = _pre_commit(root, env, "run", "--all-files")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "tonecheck" in out and "Failed" in out
    assert "docs/hours.md:3:5:" in out and "news.html:1:" in out and "brand.zz-hook-terms" in out
    assert "shop.py" not in out and "about.md" not in out

    # as a git hook: the commit with bad pages is refused
    proc = _pre_commit(root, env, "install")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    proc = _git(root, "commit", "-q", "-m", "pages", env=env, check=False)
    assert proc.returncode != 0
    assert "brand.zz-hook-terms" in proc.stdout + proc.stderr
    assert _git(root, "rev-list", "--all", env=env).stdout.strip() == ""  # nothing committed

    # fixed pages commit; a later commit touching only a clean page checks only that page
    (root / "docs" / "hours.md").write_text(BAD_MD.replace("webshop", "online store"), encoding="utf-8")
    (root / "news.html").write_text(BAD_HTML.replace("webshop", "online store"), encoding="utf-8")
    _git(root, "add", "-A", env=env)
    proc = _git(root, "commit", "-m", "pages", env=env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "tonecheck" in proc.stdout + proc.stderr and "Passed" in proc.stdout + proc.stderr

    (root / "shop.py").write_text(NOT_COPY + "# our webshop again\n", encoding="utf-8")
    _git(root, "add", "shop.py", env=env)
    proc = _git(root, "commit", "-m", "code only", env=env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "(no files to check)Skipped" in (proc.stdout + proc.stderr).replace(".", "")


@pytest.mark.skipif(os.environ.get("TONECHECK_SLOW_TESTS") != "1",
                    reason="installs tonecheck and spaCy from PyPI into pre-commit's own virtualenv (minutes); "
                           "set TONECHECK_SLOW_TESTS=1")
def test_published_hook_installs_and_runs_from_a_clone(tmp_path, env):
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout.strip()
    shown = subprocess.run(["git", "show", f"{head}:.pre-commit-hooks.yaml"], cwd=REPO, capture_output=True)
    if shown.returncode != 0:
        pytest.skip(".pre-commit-hooks.yaml is not committed at HEAD yet")
    clone = tmp_path / "tonecheck-clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=120)
    root = _site(tmp_path / "site", {"repos": [{"repo": str(clone), "rev": head, "hooks": [{"id": "tonecheck"}]}]})
    _git(root, "add", "-A")
    env = dict(env, PATH=os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != str(VENV_BIN)))
    proc = _pre_commit(root, env, "run", "--all-files")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "docs/hours.md:3:5:" in out and "news.html:1:" in out and "brand.zz-hook-terms" in out
    assert "shop.py" not in out
    shutil.rmtree(env["PRE_COMMIT_HOME"], ignore_errors=True)
