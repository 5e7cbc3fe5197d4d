//! The format round-trips, and every kind of bad file is refused naming the file.

use std::io::{Cursor, Write};
use std::path::Path;

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;

use crate::*;

fn manifest() -> Manifest {
    Manifest {
        format: FORMAT,
        kind: PackageKind::Work,
        package_id: "p1".into(),
        answers_package: None,
        made_at: "2026-11-29T08:00:00Z".into(),
        made_by: "Rina".into(),
        app_version: "0.1.0".into(),
        origin: Origin {
            database_id: "db1".into(),
            instansi: "Pemerintah Kabupaten Uji".into(),
            year: 2026,
            framework_id: "permenpanrb-59-2020".into(),
            framework_version: "2020.1".into(),
        },
        for_account: Some("Budi".into()),
        for_unit: None,
        indicators: vec![7],
        parts: Vec::new(),
    }
}

fn evidence_record(sha: &str) -> Evidence {
    Evidence {
        indicator: 7,
        name: "7.a.Perbup.pdf".into(),
        sha256: Some(sha.into()),
        size: Some(8),
        media_type: Some("application/pdf".into()),
        url: None,
        note: String::new(),
        document_date: None,
        added_at: "2026-11-01T00:00:00Z".into(),
        added_by: "Budi".into(),
    }
}

fn write_package(file: &[u8]) -> (Vec<u8>, String) {
    let sha = hex::encode(Sha256::digest(file));
    let mut w = PackageWriter::new(Cursor::new(Vec::new()), Path::new("paket.swanilai"));
    w.add_evidence(&sha, &mut &file[..], &mut |_| {}).unwrap();
    // The same content again is stored once.
    assert_eq!(
        w.add_evidence(&sha, &mut &file[..], &mut |_| {}).unwrap(),
        0
    );
    let payload = Payload {
        evidence: vec![evidence_record(&sha)],
        criteria_version: "pedoman-3-2024".into(),
        ..Payload::default()
    };
    let (out, m) = w.finish(manifest(), &payload).unwrap();
    assert_eq!(m.parts.len(), 2, "the evidence file and the payload");
    (out.into_inner(), sha)
}

#[test]
fn a_package_round_trips_and_streams_its_evidence_verified() {
    let (bytes, sha) = write_package(b"%PDF-1.4");
    let mut r = PackageReader::open(Cursor::new(bytes), Path::new("paket.swanilai")).unwrap();
    assert_eq!(r.manifest.origin.year, 2026);
    assert_eq!(r.payload.evidence[0].sha256.as_deref(), Some(sha.as_str()));
    let mut out = Vec::new();
    assert_eq!(r.copy_evidence(&sha, &mut out).unwrap(), 8);
    assert_eq!(out, b"%PDF-1.4");
}

/// A zip with the given entries, for hostile files.
fn raw_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        z.start_file(*name, SimpleFileOptions::default()).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

fn open_err(bytes: Vec<u8>) -> String {
    PackageReader::open(Cursor::new(bytes), Path::new("/tmp/rusak.swanilai"))
        .map(|_| ())
        .unwrap_err()
        .to_string()
}

#[test]
fn bad_files_are_refused_naming_the_file_and_the_part() {
    // Not a zip, and a package cut short.
    assert!(open_err(b"bukan paket".to_vec()).contains("/tmp/rusak.swanilai is not a whole"));
    let (bytes, sha) = write_package(b"%PDF-1.4");
    let cut = bytes[..bytes.len() / 2].to_vec();
    assert!(open_err(cut).contains("not a zip file or cut short"));
    // A name that leaves the folder (zip-slip), or any name the format does not write.
    for evil in [
        "../../etc/passwd",
        "/abs/path",
        "evidence/../../x",
        "evidence/ABC",
    ] {
        let e = open_err(raw_zip(&[(evil, b"x")]));
        assert!(
            e.contains("holds an entry Swanilai does not write"),
            "{evil}: {e}"
        );
        assert!(e.contains(evil), "{e}");
    }
    // A newer format.
    let newer = raw_zip(&[(MANIFEST, br#"{"format": 99}"#)]);
    assert!(open_err(newer).contains("package format 99"));
    // The payload edited after the manifest was written.
    let mut r = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut man = String::new();
    std::io::Read::read_to_string(&mut r.by_name(MANIFEST).unwrap(), &mut man).unwrap();
    let forged = raw_zip(&[
        (MANIFEST, man.as_bytes()),
        (DATA, br#"{"catalog_json":"","criteria_version":"x","answers":[],"previous":[],"comments":[],"evidence":[],"accounts":[],"instansi":null}"#),
        (&format!("evidence/{sha}"), b"%PDF-1.4"),
    ]);
    assert!(open_err(forged).contains("data.json does not match its sha256"));
    // An evidence file whose content does not match its name and manifest entry.
    let mut data = Vec::new();
    std::io::Read::read_to_end(&mut r.by_name(DATA).unwrap(), &mut data).unwrap();
    let swapped = raw_zip(&[
        (MANIFEST, man.as_bytes()),
        (DATA, &data),
        (&format!("evidence/{sha}"), b"%PDF-9.9"),
    ]);
    let mut reader =
        PackageReader::open(Cursor::new(swapped), Path::new("/tmp/rusak.swanilai")).unwrap();
    let e = reader
        .copy_evidence(&sha, &mut Vec::new())
        .unwrap_err()
        .to_string();
    assert!(e.contains("does not match its sha256"), "{e}");
}

#[test]
fn an_oversized_manifest_is_refused_before_it_is_read() {
    let big = vec![b' '; (MAX_MANIFEST_BYTES + 10) as usize];
    assert!(open_err(raw_zip(&[(MANIFEST, &big)])).contains("at most"));
}
