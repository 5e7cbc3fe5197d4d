//! The report to the Bupati on the command line: the demo's PDF and DOCX read back, the
//! DOCX opened by LibreOffice headless (converted to PDF and read with poppler), a
//! framework without domains, and the refusals (nothing answered, unknown year, a file
//! name that is neither .pdf nor .docx).

use std::io::Read;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::*;

fn demo(env: &Env) {
    env.cmd().arg("demo").assert().success();
}

fn pdf_pages(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).expect("the report parses as a PDF");
    let n = doc.get_pages().len() as u32;
    (1..=n)
        .map(|p| {
            let raw = doc.extract_text(&[p]).expect("page text");
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn docx_part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the DOCX"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn docx_names(path: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).expect("a zip");
    zip.file_names()
        .map(|n| n.expect("entry name").into_owned())
        .collect()
}

#[test]
fn the_demo_report_is_written_as_pdf_and_as_docx() {
    let env = Env::new();
    demo(&env);
    env.ok(&[
        "recommendation",
        "add",
        "--indicator",
        "33",
        "--text",
        "Menyusun rencana audit infrastruktur SPBE.",
        "--unit",
        "Inspektorat Daerah",
        "--due",
        "2027-06-30",
    ]);
    let index = env.json(&["index", "--json"]);
    let index_text = index["index_text"].as_str().unwrap().to_owned();

    let pdf = env.path("laporan.pdf");
    let out = env.ok(&["report", "--out", pdf.to_str().unwrap()]);
    assert!(out.contains("PDF"), "{out}");
    let pages = pdf_pages(&pdf);
    let n = pages.len();
    assert!(n >= 6, "{n} pages");
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains(&format!("Halaman {} dari {n}", i + 1)),
            "page {}",
            i + 1
        );
    }
    assert!(pages[0].contains("LAPORAN HASIL PEMANTAUAN DAN EVALUASI"));
    assert!(pages[0].contains("Disampaikan kepada Bupati Sukamaju"));
    assert!(pages[1].contains("I. RINGKASAN"));
    assert!(pages[1].contains(&format!("tahun 2026 adalah {index_text}")));
    assert!(pages[1].contains("Dibandingkan tahun 2025"), "{}", pages[1]);
    let all = pages.join(" ");
    for needle in [
        "Gambar 1. Indeks per aspek",
        "Indeks per domain",
        "IV. JALAN MENUJU TARGET",
        "Target: predikat Sangat Baik",
        "Inspektorat Daerah",
        "30 Juni 2027",
        "LAMPIRAN. TINGKAT KEMATANGAN SETIAP INDIKATOR",
    ] {
        assert!(all.contains(needle), "{needle} missing");
    }

    let docx = env.path("laporan.docx");
    env.ok(&["report", "--year", "2026", "--out", docx.to_str().unwrap()]);
    let xml = docx_part(&docx, "word/document.xml");
    for needle in ["I. RINGKASAN", "Inspektorat Daerah", index_text.as_str()] {
        assert!(xml.contains(needle), "{needle} missing from document.xml");
    }
    let names = docx_names(&docx);
    let pngs = names
        .iter()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .count();
    assert_eq!(pngs, 3, "three charts: {names:?}");
    let footer = names.iter().find(|n| n.starts_with("word/footer")).unwrap();
    assert!(docx_part(&docx, footer).contains("<w:instrText>PAGE</w:instrText>"));

    // Another target: an index.
    let other = env.path("target.pdf");
    env.ok(&[
        "report",
        "--target",
        "3.2",
        "--out",
        other.to_str().unwrap(),
    ]);
    assert!(pdf_pages(&other).join(" ").contains("Target: indeks 3,20"));
}

#[test]
fn nothing_to_report_an_unknown_year_or_another_format_is_refused() {
    let env = Env::new();
    env.ready();
    let pdf = env.path("kosong.pdf");
    env.fails(&["report", "--out", pdf.to_str().unwrap()], "NO_LEVEL");
    let err = env
        .cmd()
        .args(["report", "--out", pdf.to_str().unwrap()])
        .assert()
        .failure();
    let err = String::from_utf8(err.get_output().stderr.clone()).unwrap();
    assert!(err.contains("nothing to report"), "{err}");
    assert!(!pdf.exists(), "no empty document");

    env.fails(
        &["report", "--year", "2031", "--out", pdf.to_str().unwrap()],
        "ASSESSMENT_NOT_FOUND",
    );
    for name in ["laporan.txt", "laporan", "laporan.doc"] {
        let path = env.path(name);
        env.fails(
            &["report", "--out", path.to_str().unwrap()],
            "INVALID_INPUT",
        );
        assert!(!path.exists(), "{name}");
    }
    env.cmd()
        .args(["report", "--out", env.path("x.odt").to_str().unwrap()])
        .assert()
        .failure()
        .stderr(contains(".pdf").and(contains(".docx")));
}

#[test]
fn a_framework_without_domains_gets_an_aspect_report() {
    let env = Env::new();
    env.ok(&[
        "init",
        "--instansi",
        "Pemerintah Kota Uji",
        "--kind",
        "kota",
    ]);
    env.ok(&[
        "assessment",
        "new",
        "--year",
        "2026",
        "--framework",
        "pemdi-2026",
    ]);
    for (n, v) in [("1", "2.35"), ("2", "3"), ("3", "1.5")] {
        env.ok(&["answer", "set", "--indicator", n, "--value", v]);
    }
    let pdf = env.path("pemdi.pdf");
    env.ok(&["report", "--out", pdf.to_str().unwrap()]);
    let all = pdf_pages(&pdf).join(" ");
    assert!(all.contains("Indeks Pemerintah Digital"), "{all}");
    assert!(all.contains("Disampaikan kepada Wali Kota Uji"));
    assert!(all.contains("Gambar 2. Indeks per aspek"));
    assert!(!all.contains("Indeks per domain"));
    assert!(all.contains("LAMPIRAN. NILAI SETIAP INDIKATOR"));
    assert!(all.contains("2,35"));
    let docx = env.path("pemdi.docx");
    env.ok(&["report", "--out", docx.to_str().unwrap()]);
    assert!(docx_part(&docx, "word/document.xml").contains("Indeks Pemerintah Digital"));
}

#[test]
fn at_the_top_predikat_the_default_target_is_its_minimum_and_reached() {
    let env = Env::new();
    env.ok(&[
        "init",
        "--instansi",
        "Pemerintah Provinsi Uji",
        "--kind",
        "provinsi",
    ]);
    env.ok(&["assessment", "new", "--year", "2026"]);
    for n in 1..=47 {
        env.ok(&[
            "answer",
            "set",
            "--indicator",
            &n.to_string(),
            "--level",
            "5",
        ]);
    }
    let pdf = env.path("puncak.pdf");
    env.ok(&["report", "--out", pdf.to_str().unwrap()]);
    let all = pdf_pages(&pdf).join(" ");
    assert!(all.contains("Disampaikan kepada Gubernur Uji"), "{all}");
    assert!(
        all.contains("Predikat tertinggi, Memuaskan, sudah tercapai"),
        "{all}"
    );
    assert!(all.contains("tidak diperlukan langkah tambahan"));
}

/// Run `cmd` with a deadline; its stdout.
fn run_for(cmd: &mut std::process::Command, limit: Duration) -> String {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the program starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut out = String::new();
            child
                .stdout
                .take()
                .unwrap()
                .read_to_string(&mut out)
                .unwrap();
            let mut err = String::new();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            assert!(status.success(), "{cmd:?} failed: {out}\n{err}");
            return out;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{cmd:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// The DOCX opened by LibreOffice: converted headless to PDF, its pages counted and its
/// text read with poppler. scripts/setup-report.sh installs both; a machine without them
/// fails here, unless SWANILAI_NO_OFFICE=1 says to skip (with a notice).
#[test]
fn the_docx_opens_in_libreoffice() {
    let missing: Vec<&str> = ["soffice", "pdfinfo", "pdftotext"]
        .into_iter()
        .filter(|p| !on_path(p))
        .collect();
    if !missing.is_empty() {
        if std::env::var("SWANILAI_NO_OFFICE").as_deref() == Ok("1") {
            eprintln!(
                "NOTICE: skipped the LibreOffice check of the DOCX report: {missing:?} not installed (SWANILAI_NO_OFFICE=1)"
            );
            return;
        }
        panic!(
            "{missing:?} not installed: run scripts/setup-report.sh (LibreOffice Writer and poppler-utils), or set SWANILAI_NO_OFFICE=1 to skip"
        );
    }
    let env = Env::new();
    demo(&env);
    let docx = env.path("laporan.docx");
    env.ok(&["report", "--out", docx.to_str().unwrap()]);
    let outdir = env.path("lo");
    let profile = env.path("lo-profile");
    run_for(
        std::process::Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&outdir)
            .arg(&docx),
        Duration::from_secs(180),
    );
    let pdf = outdir.join("laporan.pdf");
    assert!(pdf.is_file(), "LibreOffice wrote no PDF");
    let info = run_for(
        std::process::Command::new("pdfinfo").arg(&pdf),
        Duration::from_secs(30),
    );
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("pdfinfo says the pages");
    assert!((5..=20).contains(&pages), "{pages} pages");
    let text = run_for(
        std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-"),
        Duration::from_secs(30),
    );
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "LAPORAN HASIL PEMANTAUAN DAN EVALUASI",
        "I. RINGKASAN",
        "II. HASIL PENILAIAN",
        "LAMPIRAN",
        &format!("Halaman 1 dari {pages}"),
        &format!("Halaman {pages} dari {pages}"),
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from LibreOffice's PDF:\n{text}"
        );
    }
}
