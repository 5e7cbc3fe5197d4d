"""The desktop's `--bench` figures (first paint, page switch, memory), measured by the e2e
suite on the real window: `bash scripts/e2e.sh [APP] --bench`, written to
`e2e/artifacts/bench.json` (see docs/benchmarks.md)."""

import json
import os
import subprocess
import time


def memory_kib(root_pid):
    """Memory of a process and all its descendants (the app, WebKitWebProcess,
    WebKitNetworkProcess): RSS summed, and PSS summed (shared pages divided among the
    processes that map them, so libraries are not counted three times)."""
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,rss=,comm="], capture_output=True, text=True).stdout
    procs = {}
    for line in out.splitlines():
        pid, ppid, rss, comm = line.split(None, 3)
        procs[int(pid)] = (int(ppid), int(rss), comm)
    keep = {root_pid}
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _, _) in procs.items():
            if ppid in keep and pid not in keep:
                keep.add(pid)
                changed = True
    alive = [p for p in keep if p in procs]
    pss = 0
    for p in alive:
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                pss += sum(int(l.split()[1]) for l in f if l.startswith("Pss:"))
        except OSError:
            pass
    return sum(procs[p][1] for p in alive), pss, sorted(procs[p][2] for p in alive)


def app_pid(binary):
    out = subprocess.run(["ps", "-e", "-o", "pid=,args="], capture_output=True, text=True).stdout
    pids = [int(l.split(None, 1)[0]) for l in out.splitlines() if l.split(None, 1)[1].startswith(binary)]
    return max(pids) if pids else None


def bench(story, binary, first_paint_ms):
    s = story.s
    story.open_indicator(1)
    times, walls = [], []
    for _ in range(20):
        n = int(s.execute("return document.body.dataset.indicator"))
        button = s.find('[data-testid="next"]')
        t = time.time()
        button.click()
        s.wait_until(f"return document.body.dataset.indicator === '{n + 1}'", what="next page", poll=0.005)
        walls.append((time.time() - t) * 1000)
        times.append(s.execute("return window.__swanilaiSwitchMs"))
    story.nav("board")
    time.sleep(3)
    pid = app_pid(binary)
    rss, pss, names = memory_kib(pid) if pid else (0, 0, [])
    result = {
        "window_to_first_paint_ms": round(first_paint_ms),
        "in_page_ready_ms": round(s.execute("return window.__swanilaiReady") or 0),
        "switch_indicator_ms_median": round(sorted(times)[len(times) // 2], 1),
        "switch_indicator_ms_max": round(max(times), 1),
        "switch_indicator_wall_ms_median": round(sorted(walls)[len(walls) // 2], 1),
        "idle_memory_rss_mib": round(rss / 1024, 1),
        "idle_memory_pss_mib": round(pss / 1024, 1),
        "processes": names,
    }
    with open(os.path.join(story.art, "bench.json"), "w") as f:
        json.dump(result, f, indent=2)
    print("bench:", json.dumps(result))
