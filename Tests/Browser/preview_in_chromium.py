#!/usr/bin/env python3
"""The live preview in a real browser: Debian's Chromium, headless, driven through its DevTools
protocol over a pipe (no driver to download, no port of its own). It loads the page of a
running `nnbook preview`, the notebook is edited on disk, and the change must appear in the
open page without a reload, the reader's scroll position kept and unchanged cells untouched;
a check error must show at the top with its caret, and a fix must recover. Pictures that the
notebook's prose points at another host, in every spelling a browser reads as one, must cause
no request at all to a logging HTTP server on loopback.

Usage: preview_in_chromium.py NNBOOK NOTEBOOK_FOLDER [SCREENSHOT_FOLDER]
The folder must hold lesson.nnbook and the data it reads; the notebook is changed and put back.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class DevTools:
    """Chromium started with --remote-debugging-pipe: commands go to its fd 3, answers and
    events come from its fd 4, each a JSON message ended by a NUL byte."""

    def __init__(self, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def place_pipes():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--user-data-dir=" + profile, "about:blank"],
            pass_fds=(to_browser_read, from_browser_write, 3, 4), preexec_fn=place_pipes,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.pending = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def receive(self):
        while b"\0" not in self.pending:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.pending += chunk
        message, self.pending = self.pending.split(b"\0", 1)
        return json.loads(message)

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride", {"width": 1000, "height": 700, "deviceScaleFactor": 1, "mobile": False})
        self.send("Page.navigate", {"url": url})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}")

    def screenshot(self, path, dark):
        self.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        import base64
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Logged(BaseHTTPRequestHandler):
    """Answers every request with a picture, and remembers its path."""
    requests = []

    def do_GET(self):
        Logged.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a")

    def log_message(self, *args):
        pass


def hostile_prose(port):
    """Prose pointing pictures at the logging server in each spelling of another host."""
    host = f"127.0.0.1:{port}"
    return "\n".join([
        "", "Pictures from elsewhere:",
        f'<img src="//{host}/a"> <img src="\\\\{host}/b"> <img src="/\\{host}/c"> <img src="&#47;&#47;{host}/d">',
        f'<img src="\t//{host}/e"> <img src="&#10;//{host}/f"> <img src="http://{host}/g">',
        f"![h](//{host}/h) ![i](<//{host}/i>) ![j][ref]", "", f"[ref]: //{host}/j", ""])


def main():
    nnbook, folder = sys.argv[1], sys.argv[2]
    screenshots = sys.argv[3] if len(sys.argv) > 3 else None
    notebook = os.path.join(folder, "lesson.nnbook")
    with open(notebook, encoding="utf-8") as file:
        as_given = file.read()
    logger = ThreadingHTTPServer(("127.0.0.1", 0), Logged)
    threading.Thread(target=logger.serve_forever, daemon=True).start()
    original = as_given.replace("Who buys insurance?", "Who buys insurance?\n" + hostile_prose(logger.server_address[1]))
    assert original != as_given
    with open(notebook, "w", encoding="utf-8") as file:
        file.write(original)
    preview = subprocess.Popen([nnbook, "preview", "lesson.nnbook", "--port", "0"], cwd=folder,
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    profile = tempfile.mkdtemp(prefix="nnbook-chromium-")
    browser = None
    passed = failed = 0
    try:
        line = preview.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, f"the preview did not say where it serves: {line!r}"
        browser = DevTools(profile)
        browser.open(match.group(0))
        browser.wait_for("document.readyState === 'complete' && !!window.nnbookPreview && "
                         "document.getElementById('nnbook-status').textContent.includes('Up to date')", "the first run")

        def check(name, condition):
            nonlocal passed, failed
            if condition:
                passed += 1
            else:
                failed += 1
                print(f"FAIL: {name}", file=sys.stderr)

        if screenshots:
            browser.screenshot(os.path.join(screenshots, "preview-light.png"), dark=False)
            browser.screenshot(os.path.join(screenshots, "preview-dark.png"), dark=True)
            browser.send("Emulation.setEmulatedMedia", {"features": []})
        browser.evaluate("window.loadedOnce = 'yes'; window.dataCell = document.getElementById('block-cell-data'); "
                         "window.scrollTo(0, 200); true")
        scrolled = browser.evaluate("window.scrollY")
        check("the page scrolls", scrolled > 0)

        edited = original.replace("evaluate neuron on insurance.test", "evaluate neuron on insurance.test\npredict neuron age=58 affordability=1")
        assert edited != original
        with open(notebook, "w", encoding="utf-8") as file:
            file.write(edited)
        browser.wait_for("document.getElementById('block-cell-last').textContent.includes('predict neuron age=58') && "
                         "document.getElementById('nnbook-status').textContent.includes('1 cell ran')", "the edited cell")
        check("no reload: the page's own state survived", browser.evaluate("window.loadedOnce") == "yes")
        check("the scroll position stayed", browser.evaluate("window.scrollY") == scrolled)
        check("the unchanged data cell is the same element", browser.evaluate("window.dataCell === document.getElementById('block-cell-data')"))
        check("the prediction is shown", "p(1)" in browser.evaluate("document.getElementById('block-cell-last').textContent").lower())

        with open(notebook, "w", encoding="utf-8") as file:
            file.write(edited.replace("predict neuron", "predikt neuron"))
        browser.wait_for("document.getElementById('nnbook-status').textContent.includes('1 error')", "the check error")
        status = browser.evaluate("document.getElementById('nnbook-status').textContent")
        check("the error names its line and column", re.search(r"lesson\.nnbook:\d+:1: error: unknown command 'predikt'", status) is not None)
        check("the error shows the caret", "^~~~~~~" in status)
        check("the last good outputs stay, marked stale",
              browser.evaluate("document.getElementById('block-cell-last').classList.contains('stale') && "
                               "document.getElementById('block-cell-last').textContent.includes('predict neuron age=58')"))
        if screenshots:
            browser.screenshot(os.path.join(screenshots, "preview-error.png"), dark=False)
            browser.send("Emulation.setEmulatedMedia", {"features": []})

        with open(notebook, "w", encoding="utf-8") as file:
            file.write(edited)
        browser.wait_for("document.getElementById('nnbook-status').textContent.includes('Up to date')", "the recovery")
        check("recovered without a reload", browser.evaluate("window.loadedOnce") == "yes")
        check("the stale mark is gone", not browser.evaluate("document.getElementById('block-cell-last').classList.contains('stale')"))
        check("the page has a content security policy",
              "default-src 'none'" in (browser.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]').content") or ""))
        check("the hostile pictures are in the page, emptied", browser.evaluate("document.querySelectorAll('img').length") >= 10)
        time.sleep(0.5)
        check(f"no picture was fetched from another host: {Logged.requests}", Logged.requests == [])
    finally:
        if browser:
            browser.close()
        preview.send_signal(signal.SIGINT)
        try:
            preview.wait(timeout=20)
        except subprocess.TimeoutExpired:
            preview.kill()
        shutil.rmtree(profile, ignore_errors=True)
        logger.shutdown()
        with open(notebook, "w", encoding="utf-8") as file:
            file.write(as_given)
    print(f"browser preview: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
