//! Render both documents for the sample kabupaten into a folder, to look at them:
//! `cargo run -p swanilai-report --example render -- /tmp/rep`
//! then `pdftoppm -r 60 -png /tmp/rep/berita-acara.pdf /tmp/rep/ba`.

use swanilai_report::{berita_acara, persetujuan_publikasi, write_pdf};
use swanilai_report::{DocumentData, GroupLine, Person, Program, TeamLine};

#[path = "../src/sample.rs"]
mod sample;

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".to_string());
    let d = sample::kabupaten();
    write_pdf(format!("{dir}/berita-acara.pdf"), &berita_acara(&d))?;
    write_pdf(format!("{dir}/persetujuan.pdf"), &persetujuan_publikasi(&d))?;
    let e = sample::empty_pusat();
    write_pdf(format!("{dir}/berita-acara-kosong.pdf"), &berita_acara(&e))?;
    write_pdf(
        format!("{dir}/persetujuan-kosong.pdf"),
        &persetujuan_publikasi(&e),
    )?;
    Ok(())
}
