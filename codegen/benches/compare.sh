#!/usr/bin/env bash
# Times the whole `cargo xtask parse` process (release build) on generated
# articles of 1k and 10k rows, side by side on the same files with the floor
# (the `floor` example: a bare scraper parse and walk of the HTML, a bare
# pulldown-cmark pass over the markdown) and the common alternatives
# (pandas.read_html, a markdown-it-py table walk). Prints the median wall
# time and the peak RSS of each process, and ratios. Every cell runs once a
# round, so each ratio compares the same moments of a machine whose speed
# drifts by a fifth from one minute to the next.
#
#   bash codegen/benches/compare.sh [RUNS]      (default 5 runs per cell)
#
# Installs its Python peers into target/bench-venv (a virtualenv, so a
# Debian or Ubuntu system Python works). Articles go to target/bench-articles.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"

cargo build --quiet --release -p xtask
cargo build --quiet --release -p codegen --example generate_article --example floor

articles=target/bench-articles
mkdir -p "$articles"
for rows in 1000 10000; do
  for form in html markdown text tsv; do
    case "$form" in markdown) ext=md ;; text) ext=txt ;; *) ext=$form ;; esac
    file="$articles/$rows.$ext"
    target/release/examples/generate_article "$rows" "$form" >"$file"
  done
done

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
  "pandas==3.1.1" "lxml==6.1.3" "markdown-it-py==4.3.0"

exec "$venv/bin/python" - "$runs" "$articles" <<'PY'
import os, statistics, subprocess, sys, time, platform

runs, articles = int(sys.argv[1]), sys.argv[2]
xtask = os.path.abspath("target/release/xtask")
floor = os.path.abspath("target/release/examples/floor")
ROWS = [1000, 10000]

PANDAS = "import sys, pandas; pandas.read_html(sys.argv[1])"
MARKDOWN_IT = """
import sys
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark").enable("table")
rows, cells = 0, []
for token in md.parse(open(sys.argv[1], encoding="utf-8").read()):
    if token.type == "tr_open":
        rows += 1
    elif token.type == "inline" and token.map is not None:
        cells.append(token.content)
"""

def run_once(argv):
    """Wall seconds and peak RSS (bytes) of one run of argv."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed ({status}): {' '.join(argv)}")
    return elapsed, usage.ru_maxrss * 1024

def measure(argvs):
    """For each argv: median wall seconds and max peak RSS (bytes). Each
    gets one untimed run first (page cache, first-run costs), then every
    argv runs once a round, `runs` rounds: a slow spell of a shared machine
    falls on every cell alike, so the ratios between cells (ours against the
    floor and a peer, one form against another) are of the same moments.
    Ours and the floor, quick, run three times a round."""
    for argv, _ in argvs:
        run_once(argv)
    samples = [[] for _ in argvs]
    for _ in range(runs):
        for index, (argv, quick) in enumerate(argvs):
            for _ in range(3 if quick else 1):
                samples[index].append(run_once(argv))
    return [(statistics.median(t for t, _ in s), max(r for _, r in s)) for s in samples]

python = sys.executable
print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
print(f"{runs} rounds, every cell once a round (ours and floor 3 runs a round), after one untimed run; median wall time of the whole process, peak RSS\n")
peers = {"html": ("pandas.read_html", PANDAS), "md": ("markdown-it-py", MARKDOWN_IT)}
cells = [(ext, rows) for ext in ["html", "md", "txt", "tsv"] for rows in ROWS]
argvs = []
for ext, rows in cells:
    path = f"{articles}/{rows}.{ext}"
    argvs.append(([xtask, "parse", path], True))
    if ext in peers:
        argvs.append(([floor, path], True))
        argvs.append(([python, "-c", peers[ext][1], path], False))
measured = iter(measure(argvs))
MiB = 1 << 20
ours_time = {}
print("| input | rows | size | ours | RSS | RSS / input | floor | floor RSS | ours / floor | peer | peer time | peer RSS | peer / ours |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for ext, rows in cells:
    size = os.path.getsize(f"{articles}/{rows}.{ext}")
    t, rss = next(measured)
    ours_time[ext, rows] = t
    row = f"| {ext} | {rows} | {size / 1e6:.1f} MB | {t * 1e3:.1f} ms | {rss / MiB:.0f} MiB | {rss / size:.1f}x |"
    if ext in peers:
        (ft, frss), (pt, prss) = next(measured), next(measured)
        row += f" {ft * 1e3:.1f} ms | {frss / MiB:.0f} MiB | {t / ft:.2f}x |"
        row += f" {peers[ext][0]} | {pt:.3f} s | {prss / MiB:.0f} MiB | {pt / t:.1f}x |"
    else:
        row += " | | | | | | |"
    print(row)
print(f"\ntxt 10k / html 10k time, same rounds: {ours_time['txt', 10000] / ours_time['html', 10000]:.2f}x")

# Whole `cargo xtask regen` (crate module, fixture, table, CHANGELOG) on a
# workspace of its own whose capture is a generated article of N rows.
MANIFEST = """[[article]]
name = "bench"
title = "Bench"
url = "http://127.0.0.1:9/"
source = "docs/source/bench.txt"
annotations = "docs/annotations.toml"
fixture = "tests/fixtures/bench.json"
released = "docs/released/bench.json"
markdown = "docs/bench.md"
crate_dir = "crates/bench"
crate_name = "bench"
type_name = "ErrorCode"
"""
print("\n| regen | rows | generated.rs | time | peak RSS |\n|---|---|---|---|---|")
env = {k: v for k, v in os.environ.items() if k != "CARGO_MANIFEST_DIR"}
for rows in ROWS:
    root = os.path.abspath(f"target/bench-regen/{rows}")
    for d in ["docs/source", "crates/bench/src"]:
        os.makedirs(f"{root}/{d}", exist_ok=True)
    files = {
        "Cargo.toml": '[workspace]\nmembers = ["crates/bench"]\n',
        "docs/sources.toml": MANIFEST,
        "docs/annotations.toml": "",
        "crates/bench/Cargo.toml": '[package]\nname = "bench"\nversion = "1.0.0"\n',
        "docs/source/bench.txt": open(f"{articles}/{rows}.txt").read(),
    }
    for name, text in files.items():
        with open(f"{root}/{name}", "w") as f:
            f.write(text)
    times, peaks = [], []
    for _ in range(min(runs, 3)):
        start = time.perf_counter()
        proc = subprocess.Popen([xtask, "regen"], cwd=root, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        if status != 0:
            raise SystemExit(f"regen failed in {root}")
        peaks.append(usage.ru_maxrss / 1024)
    size = os.path.getsize(f"{root}/crates/bench/src/generated.rs") / 1e6
    print(f"| text | {rows} | {size:.1f} MB | {statistics.median(times):.2f} s | {max(peaks):.0f} MiB |")
PY
