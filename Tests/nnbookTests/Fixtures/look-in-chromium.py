#!/usr/bin/env python3
"""Opens an HTML page in headless Chromium, as a reader would, and reports what it drew.

Usage: look-in-chromium.py PAGE.html SCREENSHOT.png [--without-policy]

Prints one JSON object: every image with its intrinsic and drawn size, every request the page
made (a self-contained page makes none but its own file and data: addresses), any console
message, and the hazards in the page's content as the browser parsed it (script-like elements,
event-handler and style attributes, javascript:/vbscript:/non-image data: addresses). Writes a
full-page screenshot. --without-policy opens a copy of the page with its content security
policy taken out, so that what the page's content does is seen without the browser's guard. Talks to Chromium over its DevTools pipe (file
descriptors 3 and 4), so nothing listens on the network.
"""
import base64
import fcntl
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

page, screenshot = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
if "--without-policy" in sys.argv[3:]:
    text = page.read_text(encoding="utf-8")
    unguarded = page.with_name(page.stem + ".without-policy.html")
    unguarded.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text), encoding="utf-8")
    page = unguarded
browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if browser is None:
    sys.exit("chromium is not installed (bash scripts/setup.sh chromium)")

commands_read, commands_write = os.pipe()
replies_read, replies_write = os.pipe()


def above_four(fd):
    """The descriptor moved above 4, so that moving it to 3 or 4 in the child never lands it on
    itself (which would leave it closed on exec)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


commands_read, replies_write = above_four(commands_read), above_four(replies_write)


def child_pipes():
    # Chromium reads commands from descriptor 3 and writes replies to 4. Descriptors are left
    # open (close_fds=False) because Python would close these after this function runs.
    os.dup2(commands_read, 3)
    os.dup2(replies_write, 4)


profile = tempfile.mkdtemp(prefix="nnbook-chromium-")
process = subprocess.Popen(
    [browser, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
     "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
     "--disable-background-networking", "--disable-component-update", "--mute-audio",
     f"--user-data-dir={profile}", "about:blank"],
    close_fds=False, preexec_fn=child_pipes,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(commands_read)
os.close(replies_write)
writer = os.fdopen(commands_write, "wb", buffering=0)
reader = os.fdopen(replies_read, "rb", buffering=0)
pending = b""
events = []
next_id = 0


def receive():
    global pending
    while b"\0" not in pending:
        chunk = reader.read(65536)
        if not chunk:
            raise SystemExit("chromium closed its DevTools pipe")
        pending += chunk
    message, pending = pending.split(b"\0", 1)
    return json.loads(message)


def send(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    writer.write(json.dumps(message).encode() + b"\0")
    while True:
        reply = receive()
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(f"{method}: {reply['error']}")
            return reply.get("result", {})
        events.append(reply)


def wait_for(method):
    for index, event in enumerate(events):
        if event.get("method") == method:
            return events.pop(index)
    while True:
        event = receive()
        if event.get("method") == method:
            return event
        events.append(event)


try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Network.enable", session=session)
    send("Page.enable", session=session)
    send("Runtime.enable", session=session)
    send("Emulation.setDeviceMetricsOverride", {"width": 1000, "height": 800, "deviceScaleFactor": 1, "mobile": False}, session)
    send("Page.navigate", {"url": page.as_uri()}, session)
    wait_for("Page.loadEventFired")
    images = send("Runtime.evaluate", {"returnByValue": True, "awaitPromise": True, "expression": """
        Promise.all(Array.from(document.images).map(i => i.decode().catch(() => null))).then(() =>
          Array.from(document.images).map(i => { const r = i.getBoundingClientRect();
            return {alt: i.alt, complete: i.complete, naturalWidth: i.naturalWidth,
                    naturalHeight: i.naturalHeight, width: r.width, height: r.height}; }))"""}, session)["result"]["value"]
    hazards = send("Runtime.evaluate", {"returnByValue": True, "expression": """
        Array.from(document.querySelectorAll('main *')).flatMap(e => {
          const found = [];
          const name = e.tagName.toLowerCase();
          if (['script', 'iframe', 'frame', 'object', 'embed', 'form', 'style', 'link', 'meta', 'base', 'svg', 'math', 'template'].includes(name)) found.push(name);
          for (const a of e.attributes) {
            if (a.name.startsWith('on') || ['style', 'action', 'formaction', 'srcdoc'].includes(a.name)) found.push(name + ' ' + a.name);
            if (['href', 'src', 'xlink:href', 'data', 'poster', 'srcset', 'background'].includes(a.name)
                && /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data:(?!image\\/))/i.test(a.value.replace(/[\\t\\n\\r]/g, ''))) found.push(name + ' ' + a.name + '=' + a.value);
          }
          return found; })"""}, session)["result"]["value"]
    height = send("Runtime.evaluate", {"returnByValue": True, "expression": "document.documentElement.scrollHeight"}, session)["result"]["value"]
    send("Emulation.setDeviceMetricsOverride", {"width": 1000, "height": min(int(height), 16000), "deviceScaleFactor": 1, "mobile": False}, session)
    shot = send("Page.captureScreenshot", {"format": "png"}, session)["data"]
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    screenshot.write_bytes(base64.b64decode(shot))
    # A data: address is the picture itself; its scheme is all the test needs to see.
    requests = [url if not url.startswith("data:") else url.split(",", 1)[0]
                for url in (e["params"]["request"]["url"] for e in events if e.get("method") == "Network.requestWillBeSent")]
    console = [e["params"] for e in events if e.get("method") in ("Runtime.consoleAPICalled", "Runtime.exceptionThrown")]
    print(json.dumps({"images": images, "requests": requests, "console": console, "hazards": hazards, "height": height}))
    send("Browser.close")
finally:
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    shutil.rmtree(profile, ignore_errors=True)
