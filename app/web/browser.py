"""Serving the UI on 127.0.0.1 and driving it with headless Chromium: shared by the browser tests and
benchmarks/bench_ui.py, so that both measure the same thing.

Debian's `chromium` and `chromidriver` are installed by install.sh; `browser_available()` says whether
they are here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MAIN = Path(__file__).resolve().parent / "main.py"
CHROMIUM = os.environ.get("OPTIPILOT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("OPTIPILOT_CHROMEDRIVER", "/usr/bin/chromedriver")


def browser_available() -> bool:
    return Path(CHROMIUM).exists() and bool(shutil.which(CHROMEDRIVER) or Path(CHROMEDRIVER).exists())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(timeout: float = 60.0, env: dict[str, str] | None = None) -> Iterator[str]:
    """Run `streamlit run app/web/main.py` on a free local port (the same flags as `optipilot ui`); yields
    its base URL. `env` entries are added to (or, when empty strings, removed from) the server's
    environment."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(MAIN), "--server.port", str(port), "--server.address",
           "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--client.toolbarMode", "minimal", "--server.maxUploadSize", "5"]
    server_env = dict(os.environ)
    for name, value in (env or {}).items():
        if value:
            server_env[name] = value
        else:
            server_env.pop(name, None)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=server_env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                raise RuntimeError(f"the UI server did not start: {err[-2000:]}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextlib.contextmanager
def chromium(width: int = 1400, height: int = 1000) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={width},{height}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for_text(driver: Any, text: str, timeout: float = 30.0) -> float:
    """Seconds until `text` appears in the page body; TimeoutError otherwise."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        with contextlib.suppress(Exception):  # the DOM changes under us while Streamlit renders
            if text in driver.find_element("tag name", "body").text:
                return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{text!r} did not appear within {timeout} s")


def click_button(driver: Any, label: str, timeout: float = 20.0) -> None:
    """Click the Streamlit button whose text is `label`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        for b in driver.find_elements("css selector", "button"):
            with contextlib.suppress(Exception):
                if b.text.strip() == label and b.is_enabled():
                    driver.execute_script("arguments[0].scrollIntoView(); arguments[0].click();", b)
                    return
        time.sleep(0.1)
    raise TimeoutError(f"no button {label!r}")


def button_starting(driver: Any, prefix: str, timeout: float = 20.0) -> str:
    """The text of the first button whose text starts with `prefix` (its full label, for click_button)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        for b in driver.find_elements("css selector", "button"):
            with contextlib.suppress(Exception):  # a rerun may replace the button while we read it
                if (label := b.text.strip()).startswith(prefix):
                    return label
        time.sleep(0.1)
    raise TimeoutError(f"no button starting {prefix!r}")


def type_into(driver: Any, label: str, text: str, timeout: float = 20.0) -> None:
    """Type into the text input or text area labelled `label` and commit it (Enter for an input, leaving
    the box for a text area), then give the rerun a moment."""
    from selenium.webdriver.common.keys import Keys

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        boxes = driver.find_elements("css selector", f'input[aria-label="{label}"], textarea[aria-label="{label}"]')
        if boxes:
            box = boxes[0]
            box.click()
            box.send_keys(Keys.CONTROL, "a")
            box.send_keys(Keys.DELETE)
            box.send_keys(text)
            box.send_keys(Keys.TAB if box.tag_name == "textarea" else Keys.ENTER)
            time.sleep(0.3)
            return
        time.sleep(0.1)
    raise TimeoutError(f"no text box {label!r}")


def open_nav(driver: Any, title: str, timeout: float = 20.0) -> None:
    """Go to another page through the sidebar, keeping the browser session (and its settings)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        for link in driver.find_elements("css selector", '[data-testid="stSidebarNav"] a'):
            with contextlib.suppress(Exception):
                if link.text.strip() == title:
                    link.click()
                    return
        time.sleep(0.1)
    raise TimeoutError(f"no page {title!r} in the sidebar")


def upload_file(driver: Any, path: str, timeout: float = 20.0) -> None:
    """Give the page's (first) file uploader a local file."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        inputs = driver.find_elements("css selector", 'input[type="file"]')
        if inputs:
            inputs[0].send_keys(path)
            return
        time.sleep(0.1)
    raise TimeoutError("no file uploader on the page")


def load_page(driver: Any, url: str, ready_text: str, timeout: float = 30.0) -> float:
    """Open url; seconds until `ready_text` shows (the page is interactive)."""
    start = time.perf_counter()
    driver.get(url)
    wait_for_text(driver, ready_text, timeout)
    return time.perf_counter() - start


def solve_example(driver: Any, base: str, answer: str = "3200") -> dict[str, float]:
    """Open the solve page on the furniture example, press Solve, wait for the answer."""
    load = load_page(driver, f"{base}/?example=furniture", "Problem in plain words")
    wait_for_text(driver, "furniture", 10)
    time.sleep(0.3)  # let the example text settle into the text area
    start = time.perf_counter()
    click_button(driver, "Solve")
    wait_for_text(driver, answer, 30)
    return {"page_load_s": load, "solve_to_answer_s": time.perf_counter() - start}
