"""A real browser over ``bilat serve``: Debian's chromium driven by Playwright, no browser download (#9).

Skipped when the playwright package or a chromium binary is missing. Screenshots go to a temporary
folder (``BILAT_SCREENSHOTS`` names another, e.g. docs/img to refresh the README's picture).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kb_fixture import web_db  # noqa: F401  (fixture)

from conftest import REPO

CHROMIUM = next((p for p in (os.environ.get("BILAT_CHROMIUM"), shutil.which("chromium"),
                             shutil.which("chromium-browser"), "/usr/bin/chromium") if p and Path(p).exists()), None)


@pytest.fixture(scope="module")
def server(web_db: Path):
    """``bilat serve`` on a free local port, for as long as the module's tests run."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("BILAT_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "bilat", "serve", "--db", str(web_db), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60  # a bound against hangs, not a timing check
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"bilat serve exited: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if CHROMIUM is None:
        pytest.skip("no chromium binary (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def test_web_browser_overview_dossier_event_and_persian_document(server: str, browser, tmp_path: Path):
    shots = Path(os.environ.get("BILAT_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: errors.append(f"outside request {r.url}") if not r.url.startswith(server) else None)

    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Knowledge base"
    assert page.locator("table").first.is_visible() and page.locator("svg").count() > 0
    page.screenshot(path=str(shots / "overview.png"), full_page=True)

    page.get_by_role("link", name="BY–CN").click()
    assert "Belarus and China" in page.locator("h1").inner_text()
    assert page.locator("table.timeline mark").count() > 0
    page.screenshot(path=str(shots / "dossier.png"), full_page=True)

    page.locator("table.timeline td a").first.click()
    assert page.url.startswith(server + "/events/")
    assert page.locator("article.source mark").first.is_visible()
    page.screenshot(path=str(shots / "event.png"), full_page=True)

    page.goto(server + "/documents/persian_visit_fa")
    para = page.locator('p[lang="fa"]').first
    assert para.get_attribute("dir") == "rtl"
    assert "وزیر امور خارجه ایران" in page.locator("div.text").inner_text()
    assert page.evaluate("getComputedStyle(document.querySelector('p[lang=fa]')).direction") == "rtl"
    page.screenshot(path=str(shots / "document_fa.png"), full_page=True)

    page.goto(server + "/search?q=Norway")
    page.get_by_role("searchbox").fill("Kazakhstan")
    page.get_by_role("button", name="Search").click()
    assert "Kazakhstan" in page.locator("h1").inner_text()
    assert not [e for e in errors if "Content Security Policy" in e or "outside request" in e], errors
    for name in ("overview", "dossier", "event", "document_fa"):
        assert (shots / f"{name}.png").stat().st_size > 5_000
