"""Headless Chromium (Debian's ``chromium``, installed by ``.ci/run``) as the tests' reader of the
HTML annual report: its layout measured at a desktop's and a phone's width, printed to PDF on A4,
checked by axe-core, and photographed for the README.

No Python dependency: the DevTools protocol over a pipe (``--remote-debugging-pipe``: JSON
messages ending in NUL on file descriptors 3 and 4), with the standard library. The window of a
headless Chromium is never narrower than 500 px, so a phone is emulated the way DevTools does it
(``Emulation.setDeviceMetricsOverride``)."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--remote-debugging-pipe"]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed: .ci/run installs Debian's chromium package")


def _high(fd: int) -> int:
    """``fd`` moved above 10, so that putting the browser's pipes on 3 and 4 overwrites none."""
    import fcntl

    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class Browser:
    """One headless Chromium with a fresh profile, driven over the DevTools pipe; one page."""

    def __init__(self, timeout: float = 30) -> None:
        self.timeout = timeout
        self.profile = tempfile.TemporaryDirectory(prefix="smederij-chromium-")
        self._log = open(Path(self.profile.name) / "chromium.log", "w+b")  # what it says
        to_browser_r, self._to_browser = map(_high, os.pipe())
        self._from_browser, from_browser_w = map(_high, os.pipe())
        # the browser reads commands on fd 3 and writes answers on fd 4; both pipes' ends sit
        # above 10 (close-on-exec), so copying them onto 3 and 4 in the child overwrites neither
        self.proc = subprocess.Popen(
            [chromium(), *FLAGS, f"--user-data-dir={self.profile.name}", "about:blank"],
            close_fds=False, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self._log, env={**os.environ, "HOME": self.profile.name},
            preexec_fn=lambda: (os.dup2(to_browser_r, 3), os.dup2(from_browser_w, 4)))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._id = 0
        self.events: list[dict] = []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
        self.send("Page.enable", session=True)

    def _read(self) -> dict:
        import select

        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], self.timeout)
            chunk = os.read(self._from_browser, 1 << 20) if ready else b""
            if not chunk:
                self._log.seek(0)
                said = self._log.read().decode(errors="replace")[-2000:]
                how = "exited" if self.proc.poll() is not None else "timed out"
                raise RuntimeError(f"Chromium stopped answering ({how}): {said}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, *, session: bool = False, **params) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def wait_for(self, event: str) -> dict:
        while True:
            for n, e in enumerate(self.events):
                if e.get("method") == event:
                    return self.events.pop(n)
            self.events.append(self._read())

    def open(self, page: Path, width: int, height: int = 900, *, mobile: bool = False) -> None:
        """``page`` at ``width`` x ``height`` CSS px (a phone: ``mobile``, touch-sized)."""
        self.send("Emulation.setDeviceMetricsOverride", session=True, width=width,
                  height=height, deviceScaleFactor=1, mobile=mobile)
        self.events.clear()
        self.send("Page.navigate", session=True, url=page.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> object:
        result = self.send("Runtime.evaluate", session=True, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, png: Path, *, top: int = 0, height: int | None = None) -> Path:
        """The page (not just the window) from ``top``, ``height`` px of it (default: all),
        as PNG."""
        whole = self.evaluate("document.documentElement.scrollHeight") - top
        height = min(whole, height or whole)
        width = self.evaluate("document.documentElement.clientWidth")
        data = self.send("Page.captureScreenshot", session=True, format="png",
                         captureBeyondViewport=True,
                         clip={"x": 0, "y": top, "width": width, "height": height, "scale": 1})
        png.write_bytes(base64.b64decode(data["data"]))
        return png

    def print_pdf(self, pdf: Path) -> Path:
        """Printed as a reader prints it: the page's own @page size (A4), margins, running
        header and footer; the browser adds none of its own."""
        data = self.send("Page.printToPDF", session=True, preferCSSPageSize=True,
                         displayHeaderFooter=False, printBackground=True)
        pdf.write_bytes(base64.b64decode(data["data"]))
        return pdf

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        self._log.close()
        self.profile.cleanup()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# What the layout tests read from a page: the page's width against the window's, elements that
# stick out of the window (outside the regions that scroll on purpose), the smallest chart text,
# the scroll regions and whether a card's content is cut off.
LAYOUT = """(() => {
const d = document.documentElement;
const inScroller = e => !!e.parentElement && !!e.parentElement.closest('.scroll');
const outside = [];
document.querySelectorAll('body *').forEach(e => {
  const r = e.getBoundingClientRect();
  if (r.width && r.right > innerWidth + 0.5 && !inScroller(e))
    outside.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right));
});
const chartFonts = [];
document.querySelectorAll('.chart *').forEach(e => {
  if (!e.childElementCount && e.textContent.trim())
    chartFonts.push(parseFloat(getComputedStyle(e).fontSize));
});
const regions = [...document.querySelectorAll('.scroll')].map(e => ({
  scrolls: e.scrollWidth > e.clientWidth, tabIndex: e.tabIndex, role: e.getAttribute('role'),
  name: (document.getElementById(e.getAttribute('aria-labelledby')) || {}).textContent || ''}));
const cards = [...document.querySelectorAll('.card')].map(e => ({
  clipped: e.scrollWidth > e.clientWidth + 1, left: Math.round(e.getBoundingClientRect().left),
  right: Math.round(e.getBoundingClientRect().right)}));
return {scrollWidth: d.scrollWidth, innerWidth: innerWidth, outside: outside.slice(0, 20),
        chartFont: Math.min(...chartFonts), chartTexts: chartFonts.length, regions, cards};
})()"""


def axe_script() -> Path:
    """axe-core's script, installed from npm by .ci/run (AXE_CORE_JS says where)."""
    import os

    root = Path(__file__).resolve().parents[1]
    for candidate in (os.environ.get("AXE_CORE_JS"),
                      root / ".ci-cache" / "node_modules" / "axe-core" / "axe.min.js"):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    pytest.skip("axe-core is not installed: .ci/run installs it from npm (or set AXE_CORE_JS "
                "to axe.min.js)")
