//! Pernyataan Persetujuan Publikasi: the Koordinator SPBE agrees that the result
//! of the self-assessment may be published.

use crate::common::{self, format_nip, or_blank, Signer, BODY, INDENT};
use crate::layout::{Align, Frame, Sheet, LEFT};
use crate::render::render;
use crate::text::{bold, plain, Span};
use crate::DocumentData;

/// The Pernyataan Persetujuan Publikasi as PDF bytes.
pub fn persetujuan_publikasi(d: &DocumentData) -> Vec<u8> {
    let title = format!(
        "Pernyataan Persetujuan Publikasi {} Tahun {}",
        d.program.short, d.year
    );
    render(
        &layout(d).pages,
        &title,
        &format!("{title} – {}", d.instansi),
    )
}

/// The pages, before rendering.
pub(crate) fn layout(d: &DocumentData) -> Sheet {
    let mut s = Sheet::new();
    common::kop(&mut s, d);
    common::title(
        &mut s,
        &[
            "PERNYATAAN PERSETUJUAN PUBLIKASI".to_string(),
            format!("HASIL PENILAIAN MANDIRI {}", d.program.short.to_uppercase()),
            format!("TAHUN {}", d.year),
        ],
    );
    let body = Frame {
        leading: BODY * 1.5,
        ..Frame::body(BODY, Align::Justify)
    };
    s.paragraph(&[plain("Yang bertanda tangan di bawah ini:")], body);
    s.gap(4.0);
    let jabatan = jabatan(&d.coordinator.title, &d.program.coordinator);
    common::fields(
        &mut s,
        &[
            ("Nama", or_blank(&d.coordinator.name)),
            ("NIP", or_blank(&format_nip(&d.coordinator.nip))),
            ("Jabatan", jabatan),
            ("Instansi", or_blank(&d.instansi)),
        ],
        LEFT + INDENT,
    );
    s.gap(8.0);
    s.paragraph(&statement(d), body);
    s.gap(6.0);
    s.paragraph(
        &[plain(
            "Demikian pernyataan ini dibuat dengan sebenarnya, dalam keadaan sadar dan tanpa \
             paksaan dari pihak mana pun, untuk dipergunakan sebagaimana mestinya.",
        )],
        body,
    );
    s.gap(BODY * 2.0);
    let signer = Signer {
        dated: Some(common::place_and_date(&d.place, d.date)),
        role: format!("{},", d.program.coordinator),
        person: &d.coordinator,
        meterai: d.meterai,
    };
    common::signatures(&mut s, None, &signer);

    s
}

/// "Sekretaris Daerah Kabupaten Sukamaju selaku Koordinator SPBE"; a title that already
/// names the role (or none) gives just the role ("Koordinator SPBE", "Koordinator Pemdi").
fn jabatan(title: &str, role: &str) -> String {
    let title = title.trim();
    if title.is_empty() {
        role.to_string()
    } else if title.to_lowercase().contains(&role.to_lowercase()) {
        title.to_string()
    } else {
        format!("{title} selaku {role}")
    }
}

/// "dengan ini menyatakan menyetujui hasil penilaian mandiri SPBE ... untuk dipublikasikan".
fn statement(d: &DocumentData) -> Vec<Span> {
    let mut spans = vec![plain(format!(
        "dengan ini menyatakan menyetujui hasil penilaian mandiri {} {} tahun {} ",
        d.program.short, d.instansi, d.year
    ))];
    match &d.index_text {
        Some(index) => {
            spans.push(plain(format!("dengan {} ", d.index_name)));
            spans.push(bold(index.as_str()));
            if let Some(rating) = &d.rating {
                spans.push(plain(" (predikat "));
                spans.push(bold(rating.as_str()));
                spans.push(plain(")"));
            }
        }
        None => spans.push(plain(format!(
            "({} belum dapat dihitung karena belum ada indikator yang dinilai)",
            d.index_name
        ))),
    }
    spans.push(plain(format!(
        " untuk dipublikasikan dalam rangka pemantauan dan evaluasi {} sesuai dengan \
         ketentuan {}.",
        d.program.short, d.framework_title
    )));
    spans
}

#[cfg(test)]
mod tests {
    use super::jabatan;

    const SPBE: &str = "Koordinator SPBE";

    #[test]
    fn jabatan_names_the_role_once() {
        assert_eq!(
            jabatan("Sekretaris Daerah Kabupaten Sukamaju", SPBE),
            "Sekretaris Daerah Kabupaten Sukamaju selaku Koordinator SPBE"
        );
        assert_eq!(
            jabatan("Koordinator SPBE", SPBE),
            "Koordinator SPBE",
            "no 'X selaku X'"
        );
        assert_eq!(jabatan("  ", SPBE), "Koordinator SPBE");
        assert_eq!(
            jabatan("Sekretaris Daerah Kabupaten Sukamaju", "Koordinator Pemdi"),
            "Sekretaris Daerah Kabupaten Sukamaju selaku Koordinator Pemdi"
        );
    }
}
