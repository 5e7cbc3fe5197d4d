#!/usr/bin/env bash
# Work package figures (docs/benchmarks.md): making a package with 200 MiB of evidence
# against `cp` of the same files, peak memory while making and opening it, and the merge
# preview of a 47-indicator return package. Uses the release CLI on files in a scratch
# folder; prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p swanilai-cli
cli=$PWD/target/release/swanilai
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SWANILAI_PASSWORD="Bench#Sukamaju-2026" SWANILAI_NEW_PASSWORD="Bench#Sukamaju-2026"
team=$work/tim.db
member=$work/anggota.db
run() { "$cli" --db "$team" "$@" >/dev/null; }

"$cli" --db "$team" init --instansi "Pemerintah Kabupaten Bench" --kind kabupaten >/dev/null
run assessment new --year 2026
run user add sari --unit Setda
run --user sari user add budi --unit Bappeda
run --user sari team set budi --role member
for n in $(seq 1 47); do run --user sari assign --indicator "$n" budi; done
# 200 MiB of evidence: 40 files of 5 MiB on 40 indicators (random bytes: incompressible).
mkdir -p "$work/files"
for i in $(seq 1 40); do
  head -c $((5 * 1024 * 1024)) /dev/urandom >"$work/files/$i.a.Dokumen-$i.pdf"
  run --user sari evidence add --indicator "$i" "$work/files/$i.a.Dokumen-$i.pdf"
done
sync

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
secs() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }

cp_t=$(for r in 1 2 3; do rm -rf "$work/cp"; mkdir "$work/cp"; sync; secs cp -r "$work/files/." "$work/cp/" | cut -d' ' -f1; done | median)
# The package is made durable (fsync before the rename): compare with cp made durable too.
cps_t=$(for r in 1 2 3; do rm -rf "$work/cp"; mkdir "$work/cp"; sync; secs bash -c "cp -r '$work/files/.' '$work/cp/' && sync -f '$work/cp'" | cut -d' ' -f1; done | median)
out_runs=$(for r in 1 2 3; do rm -f "$work/paket.swanilai"; sync; secs "$cli" --db "$team" --user sari package out --for budi --out "$work/paket.swanilai"; done)
out_t=$(echo "$out_runs" | cut -d' ' -f1 | median)
out_rss=$(echo "$out_runs" | cut -d' ' -f2 | sort -n | tail -1)
open_rss=$(secs "$cli" --db "$member" package open "$work/paket.swanilai" | cut -d' ' -f2)

# A return package that changes all 47 indicators.
for n in $(seq 1 47); do
  "$cli" --db "$member" --user budi answer set --indicator "$n" --level 3 --explanation "FAKTA: dokumen $n.a. ANALISIS: memenuhi tingkat 3." >/dev/null
done
"$cli" --db "$member" --user budi package return --out "$work/kembali.swanilai" >/dev/null
preview_ms=$(for r in 1 2 3 4 5; do
  s=$(date +%s%N); "$cli" --db "$team" --user sari package merge "$work/kembali.swanilai" --dry-run --json >/dev/null; e=$(date +%s%N)
  echo $(((e - s) / 1000000))
done | median)
verify_ms=$(for r in 1 2 3 4 5; do
  s=$(date +%s%N); "$cli" --db "$team" --user sari audit verify >/dev/null; e=$(date +%s%N)
  echo $(((e - s) / 1000000))
done | median)

size=$(du -m "$work/paket.swanilai" | cut -f1)
echo "| what | figure |"
echo "|---|---|"
echo "| \`cp\` of the 40 evidence files (200 MiB), into the page cache | ${cp_t} s |"
echo "| \`cp\` of the same files, then \`sync\` (on disk, as durable as the package) | ${cps_t} s |"
echo "| \`package out\` of the same 200 MiB (${size} MiB package, sha256 checked while streaming, fsync before rename) | ${out_t} s ($(awk "BEGIN {printf \"%.2f\", $out_t / ($cps_t > 0 ? $cps_t : 0.01)}")x durable cp, $(awk "BEGIN {printf \"%.1f\", $out_t / ($cp_t > 0 ? $cp_t : 0.01)}")x cp into the cache) |"
echo "| peak memory of \`package out\` / \`package open\` | $((out_rss / 1024)) MiB / $((open_rss / 1024)) MiB |"
echo "| merge preview of a 47-indicator return package (whole CLI process, incl. sign-in) | ${preview_ms} ms |"
echo "| for scale: \`audit verify\` (whole CLI process, incl. sign-in) | ${verify_ms} ms |"
