"""Opening pages in a real headless Chromium (Debian's package), for layout facts: how wide a
page is at a phone's width, and where its links go. One browser run measures many pages: a
harness page loads each into an iframe of the given width and writes what it measured into its
own DOM, which ``--dump-dom`` prints."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--allow-file-access-from-files", "--hide-scrollbars"]

HARNESS = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" style="width:%(width)dpx;height:800px;border:0"></iframe>
<script>
var pages = %(pages)s, out = [], i = 0, f = document.getElementById('f');
function next() {
  if (i >= pages.length) { document.body.setAttribute('data-result', JSON.stringify(out)); return; }
  f.src = pages[i];
}
f.addEventListener('load', function () {
  var d = f.contentDocument, w = f.contentWindow, small = [];
  d.querySelectorAll('svg text').forEach(function (t) {
    var size = parseFloat(w.getComputedStyle(t).fontSize) *
      (t.ownerSVGElement.getBoundingClientRect().width / t.ownerSVGElement.viewBox.baseVal.width);
    if (size < 11) small.push(size);
  });
  out.push({page: pages[i], scroll_width: d.documentElement.scrollWidth,
            width: w.innerWidth, title: d.title,
            links: Array.from(d.links).map(function (a) { return a.href; }),
            small_text: small});
  i += 1; next();
});
next();
</script></body></html>"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def measure(pages: list[Path], width: int, timeout: float = 240) -> list[dict]:
    """Each page as the browser laid it out at ``width`` CSS pixels: its scroll width, the
    absolute targets of its links, and any chart text drawn smaller than 11 px."""
    browser = chromium()
    assert browser, "no chromium"
    with tempfile.TemporaryDirectory() as tmp:
        harness = Path(tmp) / "harness.html"
        harness.write_text(HARNESS % {"width": width, "pages": json.dumps(
            [p.resolve().as_uri() for p in pages])}, "utf-8")
        done = subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={tmp}/profile", "--window-size=1400,900",
             f"--virtual-time-budget={max(5000, 300 * len(pages))}", "--dump-dom",
             harness.as_uri()], capture_output=True, text=True, timeout=timeout)
    found = re.search(r'data-result="([^"]*)"', done.stdout)
    assert found, f"the browser measured nothing: {done.stderr[-2000:]}"
    return json.loads(html.unescape(found.group(1)))
