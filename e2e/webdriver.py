"""A minimal W3C WebDriver client over the standard library (urllib), enough to drive
the real Swanilai window through WebKitWebDriver: find, click, type, read, run a script,
screenshot. No selenium, no tauri-driver."""

import base64
import json
import os
import time
import traceback
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


class WebDriverError(Exception):
    pass


class Session:
    def __init__(self, url, binary, args, timeout=60):
        self.url = url.rstrip("/")
        caps = {
            "capabilities": {
                "alwaysMatch": {
                    "webkitgtk:browserOptions": {"binary": binary, "args": args},
                }
            }
        }
        value = self._req("POST", "/session", caps, timeout=timeout)
        self.id = value["sessionId"]

    def _req(self, method, path, body=None, timeout=30):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            self.url + path, data=data, method=method,
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise WebDriverError(f"{method} {path}: {e.code} {e.read()[:400]!r}") from None

    def _s(self, method, path, body=None, timeout=30):
        return self._req(method, f"/session/{self.id}{path}", body, timeout)

    def quit(self):
        try:
            self._s("DELETE", "")
        except Exception:  # the app may already be gone
            pass

    # -- elements
    def find(self, css, timeout=10.0):
        """The first element matching `css`, waiting up to `timeout` seconds."""
        end = time.time() + timeout
        while True:
            try:
                v = self._s("POST", "/element", {"using": "css selector", "value": css})
                return Element(self, v[ELEMENT])
            except WebDriverError:
                if time.time() > end:
                    raise WebDriverError(f"no element {css!r} after {timeout}s") from None
                time.sleep(0.1)

    def find_all(self, css):
        v = self._s("POST", "/elements", {"using": "css selector", "value": css})
        return [Element(self, e[ELEMENT]) for e in v]

    def execute(self, script, *args):
        return self._s("POST", "/execute/sync", {"script": script, "args": list(args)})

    def execute_async(self, script, *args, timeout=30):
        """`script` gets its arguments and then the callback as its last argument. The
        driver's own script timeout is set to `timeout` too (it is 30 s otherwise, whatever
        the HTTP request waits)."""
        if getattr(self, "_script_timeout", None) != timeout:
            self._s("POST", "/timeouts", {"script": int(timeout * 1000)})
            self._script_timeout = timeout
        return self._s("POST", "/execute/async", {"script": script, "args": list(args)}, timeout=timeout + 5)

    def invoke(self, cmd, args=None):
        """Call one of the app's commands the way the UI does; returns {ok} or {err}."""
        return self.execute_async(
            "const [cmd, args, done] = arguments;"
            "window.__TAURI_INTERNALS__.invoke(cmd, args || {})"
            ".then(v => done({ok: v}), e => done({err: e}));",
            cmd, args or {},
        )

    def wait_until(self, script, timeout=10.0, what="condition", *args, poll=0.1):
        end = time.time() + timeout
        while True:
            v = self.execute(script, *args)
            if v:
                return v
            if time.time() > end:
                raise WebDriverError(f"timed out waiting for {what}")
            time.sleep(poll)

    def screenshot(self, path):
        """The window as it is on the screen: from Xvfb's framebuffer when scripts/e2e.sh
        gives one (E2E_FBDIR), else WebKitWebDriver's snapshot of the web view."""
        fb = os.environ.get("E2E_FBDIR")
        if fb:
            from xwd import capture
            r = self._s("GET", "/window/rect")
            capture(os.path.join(fb, "Xvfb_screen0"), path,
                    (int(r["x"]), int(r["y"]), int(r["width"]), int(r["height"])))
            return
        png = base64.b64decode(self._s("GET", "/screenshot"))
        with open(path, "wb") as f:
            f.write(png)


class Element:
    def __init__(self, session, eid):
        self.s = session
        self.id = eid

    def click(self):
        self.s._s("POST", f"/element/{self.id}/click", {})
        return self

    def type(self, text):
        self.s._s("POST", f"/element/{self.id}/value", {"text": text})
        return self

    def clear(self):
        self.s._s("POST", f"/element/{self.id}/clear", {})
        return self

    @property
    def text(self):
        return self.s._s("GET", f"/element/{self.id}/text")

    def attr(self, name):
        return self.s._s("GET", f"/element/{self.id}/attribute/{name}")


class Screens:
    """Helpers every story uses on the app's screens (the same selectors everywhere)."""

    def __init__(self, s, work, artifacts):
        self.s = s
        self.work = work
        self.art = artifacts

    def shot(self, name):
        time.sleep(0.6)  # the WebDriver screenshot can lag the DOM by a repaint
        self.s.screenshot(os.path.join(self.art, f"{name}.png"))

    def nav(self, view):
        self.s.find(f'button[data-nav="{view}"]').click()

    def notice(self, timeout=10.0):
        """(code, text) of the notice bar once it shows."""
        el = self.s.find('[data-testid="notice"]', timeout=timeout)
        return el.attr("data-code"), el.text

    def run_steps(self, steps, label, stop_on_fail=False):
        """Run `steps` (methods with a `step_name`) in order: `ok`/`FAIL <label>: name` each,
        a failed one with its traceback and a `FAIL-<label>-<method>` screenshot; the rest
        still run unless `stop_on_fail`. Returns (passed, failed)."""
        passed = failed = 0
        for fn in steps:
            try:
                fn()
                passed += 1
                print(f"ok   {label}: {fn.step_name}", flush=True)
            except Exception as e:  # report and go on: later steps may still say something
                failed += 1
                print(f"FAIL {label}: {fn.step_name}: {e}", flush=True)
                traceback.print_exc()
                try:
                    self.shot(f"FAIL-{label}-{fn.__name__}")
                except WebDriverError:
                    pass
                if stop_on_fail:
                    break
        return passed, failed

    def dismiss(self):
        self.s.execute("document.querySelector('[data-testid=notice] button')?.click()")
