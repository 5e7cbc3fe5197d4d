"""WebKit's CPU cost after a navigation or a scroll, and keystroke-to-paint latency (issue 9,
item 10), measured on the real window: `bash scripts/e2e.sh --webkit-bench`.

CPU: utime+stime of the WebKitWebProcess (from /proc/PID/stat) over the 5 s after each of
10 clicks on "Berikutnya" (indicator pages scroll), after 10 scrolls of the indicator page
by 400 px, and over 5 s of idle on the same page; the median and the maximum are printed.
Latency: 20 characters typed into the explanation right after a page switch; for each key,
the time from the keydown event to the animation frame after its input event (the frame
that paints it). Environment variables given to scripts/e2e.sh reach the app (for example
GTK_OVERLAY_SCROLLING=0 or WEBKIT_DISABLE_COMPOSITING_MODE=1), to compare.
"""

import json
import os
import subprocess
import tempfile
import time

from desktop_bench import memory_kib
from team_story import cli_binary
from webdriver import Screens, Session

CLK = os.sysconf("SC_CLK_TCK")


def descendants(root):
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,comm="], capture_output=True, text=True).stdout
    procs = {}
    for line in out.splitlines():
        pid, ppid, comm = line.split(None, 2)
        procs[int(pid)] = (int(ppid), comm.strip())
    keep, changed = {root}, True
    while changed:
        changed = False
        for pid, (ppid, _) in procs.items():
            if ppid in keep and pid not in keep:
                keep.add(pid)
                changed = True
    return {p: procs[p][1] for p in keep if p in procs}


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2]


def run_webkit_bench(driver, binary, artifacts, settle=5.0):
    work = tempfile.mkdtemp(prefix="swanilai-bench-")
    db = os.path.join(work, "demo.db")
    subprocess.run([cli_binary(binary), "--db", db, "demo"], check=True, capture_output=True)
    s = Session(driver, binary, ["--db", db])
    try:
        s.wait_until("return document.body.dataset.ready === '1'", timeout=30, what="first paint")
        story = Screens(s, work, artifacts)
        app = max(p for p, c in descendants(1).items()
                  if c.startswith("swanilai-deskto") and os.path.realpath(f"/proc/{p}/exe") == os.path.realpath(binary))
        web = [p for p, c in descendants(app).items() if c.startswith("WebKitWebProces")]
        assert web, f"no WebKitWebProcess under the app ({descendants(app)})"
        web = web[0]
        # Idle memory of the just-started app (board of the demo), as in docs/benchmarks.md.
        time.sleep(8)
        rss, pss, _ = memory_kib(app)

        def over(action):
            before = cpu_seconds(web)
            action()
            time.sleep(settle)
            return cpu_seconds(web) - before

        story.nav("board")
        s.find('button[data-indicator="1"]', timeout=10).click()
        s.wait_until("return document.body.dataset.indicator === '1'", what="indicator 1")
        time.sleep(settle)
        idle = over(lambda: None)

        def next_page():
            n = int(s.execute("return document.body.dataset.indicator"))
            s.find('[data-testid="next"]').click()
            s.wait_until(f"return document.body.dataset.indicator === '{n + 1}'", what="next page", poll=0.01)

        navigation = [over(next_page) for _ in range(10)]
        scroll = [over(lambda: s.execute("document.querySelector('main').scrollBy(0, 400)")) for _ in range(10)]

        # Keystroke to paint, right after a page switch.
        latencies = []
        for _ in range(2):
            next_page()
            s.execute("""window.__keys = []; const t = document.querySelector('[data-testid=explanation]');
                t.addEventListener('keydown', (e) => { window.__down = e.timeStamp; });
                t.addEventListener('input', () => { const d = window.__down;
                    requestAnimationFrame(() => window.__keys.push(performance.now() - d)); });""")
            box = s.find('[data-testid="explanation"]')
            box.type(" catatan ")
            box.type("uji.")
            time.sleep(0.5)
            latencies += s.execute("return window.__keys")
        result = {
            "env": {k: os.environ[k] for k in ("GTK_OVERLAY_SCROLLING", "WEBKIT_DISABLE_COMPOSITING_MODE") if k in os.environ},
            "compositing_off": open(f"/proc/{web}/environ", "rb").read().find(b"WEBKIT_DISABLE_COMPOSITING_MODE=1") >= 0,
            "idle_pss_mib": round(pss / 1024, 1),
            "idle_rss_mib": round(rss / 1024, 1),
            "idle_cpu_s_per_5s": round(idle, 3),
            "navigation_cpu_s_median": round(median(navigation), 3),
            "navigation_cpu_s_max": round(max(navigation), 3),
            "scroll_cpu_s_median": round(median(scroll), 3),
            "scroll_cpu_s_max": round(max(scroll), 3),
            "keystroke_to_paint_ms_median": round(median(latencies), 1),
            "keystroke_to_paint_ms_max": round(max(latencies), 1),
            "keys": len(latencies),
        }
        with open(os.path.join(artifacts, "webkit-bench.json"), "w") as f:
            json.dump(result, f, indent=2)
        print("webkit-bench:", json.dumps(result), flush=True)
        return result
    finally:
        s.quit()
