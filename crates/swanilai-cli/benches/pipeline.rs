//! Benchmarks of the pipeline: `cargo bench -p swanilai-cli --bench pipeline`.
//!
//! Measures (wall clock, release profile, median of repeated runs):
//! 1. index computation of a full 47-indicator assessment (core only, and through the app
//!    from the SQLite file);
//! 2. export of the full national workbook;
//! 3. evidence ingest throughput (hash + content-addressed copy + one transaction) against
//!    `cp` followed by `sha256sum` on the same files.
//!
//! Figures go to docs/benchmarks.md by hand, with the machine they came from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use swanilai_app::{AnswerInput, App, InstansiInput, InstansiKind, Open};
use swanilai_core::{builtin::default_catalog, compute_index, Level};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                std::hint::black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn full_app(dir: &Path) -> App {
    let mut app = App::open(&dir.join("bench.db"), Open::CreateIfMissing).expect("open");
    app.init(InstansiInput {
        name: "Pemerintah Kabupaten Bench".into(),
        kind: InstansiKind::Kabupaten,
        coordinator_name: String::new(),
        coordinator_nip: String::new(),
        address: String::new(),
    })
    .expect("init");
    app.new_assessment(2026, None).expect("assessment");
    let text = "FAKTA:\nPeraturan Bupati Nomor 12 Tahun 2024 tentang Arsitektur SPBE telah ditetapkan dan diterapkan di seluruh perangkat daerah (dokumen a, halaman 3-7).\n\nANALISIS:\nKriteria tingkat ini terpenuhi karena kebijakan telah direviu secara periodik. ".repeat(8);
    for n in 1..=47u32 {
        app.set_answer(
            None,
            n,
            AnswerInput {
                level: Some(Some(i64::from(n % 5) + 1)),
                explanation: Some(text.clone()),
                ..Default::default()
            },
        )
        .expect("answer");
    }
    app
}

fn make_files(dir: &Path, count: usize, size: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("dir");
    (0..count)
        .map(|i| {
            let p = dir.join(format!("{}.a.Dokumen-{i}.pdf", i % 47 + 1));
            let mut bytes = vec![0u8; size];
            let mut x = (i as u64 + 1) * 0x9E37_79B9_7F4A_7C15;
            for chunk in bytes.chunks_mut(8) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let b = x.to_le_bytes();
                chunk.copy_from_slice(&b[..chunk.len()]);
            }
            std::fs::write(&p, bytes).expect("write");
            p
        })
        .collect()
}

fn main() {
    let tmp = tempfile::tempdir().expect("tmp");
    let levels: BTreeMap<u32, Level> = (1..=47)
        .map(|n| (n, Level::new(i64::from(n % 5) + 1).expect("level")))
        .collect();
    let catalog = default_catalog();
    let t_core = time(10_000, || compute_index(catalog, &levels));
    println!(
        "index (core, 47 indicators):          {:>10.2} us",
        t_core.as_secs_f64() * 1e6
    );

    let mut app = full_app(tmp.path());
    let t_app = time(200, || app.index(None).expect("index"));
    println!(
        "index (app, from SQLite):             {:>10.2} us",
        t_app.as_secs_f64() * 1e6
    );

    let out = tmp.path().join("export.xlsx");
    let t_export = time(15, || app.export_workbook(None, &out).expect("export"));
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!(
        "export full workbook:                 {:>10.2} ms ({} KiB)",
        t_export.as_secs_f64() * 1e3,
        size / 1024
    );

    let (count, each) = (60usize, 2 * 1024 * 1024usize);
    let files = make_files(&tmp.path().join("src"), count, each);
    let total_mib = (count * each) as f64 / (1024.0 * 1024.0);
    let mut ingest = Vec::new();
    let mut shell = Vec::new();
    for round in 0..3 {
        let dir = tmp.path().join(format!("round{round}"));
        std::fs::create_dir_all(&dir).expect("dir");
        let mut a = full_app(&dir);
        // Spread the files over indicators in batches, as a team attaches them.
        let t = Instant::now();
        for (i, chunk) in files.chunks(5).enumerate() {
            a.add_evidence_files(None, (i % 47) as u32 + 1, chunk, None)
                .expect("ingest");
        }
        ingest.push(t.elapsed());

        let dest = dir.join("cp");
        std::fs::create_dir_all(&dest).expect("dir");
        let t = Instant::now();
        let ok = Command::new("cp")
            .args(&files)
            .arg(&dest)
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
            && Command::new("sh")
                .arg("-c")
                .arg(format!("sha256sum {}/* > /dev/null", dest.display()))
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
        shell.push(t.elapsed());
        assert!(ok, "cp + sha256sum failed");
    }
    let (ti, ts) = (median(ingest), median(shell));
    println!(
        "evidence ingest {count} x {} MiB:        {:>10.1} MiB/s ({:.0} ms)",
        each / (1024 * 1024),
        total_mib / ti.as_secs_f64(),
        ti.as_secs_f64() * 1e3
    );
    println!(
        "cp + sha256sum same files:            {:>10.1} MiB/s ({:.0} ms)",
        total_mib / ts.as_secs_f64(),
        ts.as_secs_f64() * 1e3
    );
}
