"""Time two whole processes, alternating, RUNS times each; print the medians and ranges of
wall time and of CPU time (user + system of the process and its children: what the work
costs, less moved by other load on the machine), and both ratios (used by
scripts/bench-openpyxl.sh).

Usage: python time_both.py RUNS -- SWANILAI_CMD... -- OPENPYXL_CMD...
"""

import resource
import statistics
import subprocess
import sys
import time


def main(argv):
    runs = int(argv[0])
    rest = argv[2:]
    split = rest.index("--")
    cmds = {"swanilai export": rest[:split], "openpyxl": rest[split + 1:]}
    wall = {k: [] for k in cmds}
    cpu = {k: [] for k in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            wall[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    for label, times in (("wall", wall), ("cpu", cpu)):
        med = {k: statistics.median(v) for k, v in times.items()}
        for name, v in times.items():
            print(f"{label} {name}: median {med[name] * 1000:.0f} ms "
                  f"(range {min(v) * 1000:.0f}-{max(v) * 1000:.0f} ms, {runs} runs)")
        print(f"{label} ratio (openpyxl / swanilai): {med['openpyxl'] / med['swanilai export']:.1f}x")

if __name__ == "__main__":
    main(sys.argv[1:])
