//! Berita Acara Penilaian Mandiri SPBE: what the Tim Asesor Internal did, the
//! resulting index and predikat, the index per domain and aspect, the team, and the
//! signatures of the Penanggung Jawab and the Koordinator SPBE.

use crate::common::{self, format_nip, Signer, BODY, INDENT};
use crate::layout::{Align, Column, Frame, Row, Sheet, LEFT, RIGHT};
use crate::render::render;
use crate::text::{bold, plain, Span};
use crate::words::{date_in_words, percent};
use crate::{DocumentData, GroupLine};

const TABLE_SIZE: f32 = 10.5;
const TEAM_SIZE: f32 = 10.0;
/// Room kept under a point that introduces a table: its header and first row.
const KEEP_TABLE: f32 = 60.0;
const DASH: &str = "–";

/// The Berita Acara Penilaian Mandiri as PDF bytes.
pub fn berita_acara(d: &DocumentData) -> Vec<u8> {
    let title = format!(
        "Berita Acara Penilaian Mandiri {} Tahun {}",
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
            "BERITA ACARA".to_string(),
            format!("PENILAIAN MANDIRI {}", d.program.heading),
            format!("TAHUN {}", d.year),
        ],
    );
    let body = Frame {
        leading: BODY * 1.4,
        ..Frame::body(BODY, Align::Justify)
    };
    s.paragraph(
        &[plain(format!(
            "Pada hari ini {}, Tim Asesor Internal {} telah melaksanakan penilaian mandiri \
             {} tahun {} dengan hasil sebagai berikut:",
            date_in_words(d.date),
            d.instansi,
            d.program.long,
            d.year
        ))],
        body,
    );
    s.gap(4.0);

    let mut n = 0;
    // `keep`: height that must follow the point on the same page (a table's start).
    let mut point = |s: &mut Sheet, spans: &[Span], keep: f32| {
        n += 1;
        s.ensure(Sheet::measure(spans, body.indented(INDENT)) + keep);
        s.numbered(&format!("{n}."), spans, body, INDENT);
        s.gap(3.0);
    };
    point(
        &mut s,
        &[plain(format!(
            "Penilaian mandiri dilaksanakan oleh Tim Asesor Internal sesuai dengan ketentuan {} \
             dengan menetapkan tingkat kematangan, penjelasan, dan data dukung untuk setiap indikator.",
            d.framework_title
        ))],
        0.0,
    );
    let mut completeness = format!(
        "Indikator yang telah dinilai sebanyak {} dari {} indikator ({}%)",
        d.answered,
        d.total,
        percent(d.answered, d.total)
    );
    completeness.push_str(if d.answered < d.total {
        "; penilaian mandiri belum lengkap."
    } else {
        "."
    });
    point(&mut s, &[plain(completeness)], 0.0);
    point(&mut s, &result_spans(d), 0.0);

    let table_x = LEFT + INDENT;
    if !d.domains.is_empty() || !d.aspects.is_empty() {
        let what = if d.domains.is_empty() {
            "aspek"
        } else {
            "domain dan aspek"
        };
        point(
            &mut s,
            &[plain(format!(
                "Rincian indeks per {what} adalah sebagai berikut:"
            ))],
            KEEP_TABLE,
        );
        let with_total_on_aspects = d.domains.is_empty();
        if !d.domains.is_empty() {
            group_table(&mut s, table_x, "Domain", &d.domains, Some(d));
            s.gap(10.0);
        }
        if !d.aspects.is_empty() {
            let total = with_total_on_aspects.then_some(d);
            group_table(&mut s, table_x, "Aspek", &d.aspects, total);
        }
        s.gap(8.0);
    }
    if !d.team.is_empty() {
        point(
            &mut s,
            &[plain(format!(
                "Susunan Tim Asesor Internal yang melaksanakan penilaian mandiri ({} orang):",
                d.team.len()
            ))],
            KEEP_TABLE,
        );
        team_table(&mut s, table_x, d);
        s.gap(8.0);
    }
    if !d.audit_head.is_empty() {
        point(
            &mut s,
            &[plain(format!(
                "Sidik jejak log audit basis data penilaian mandiri pada saat berita acara ini \
                 dibuat adalah {}; perubahan data sesudahnya dapat dibandingkan dengan sidik jejak ini.",
                d.audit_head
            ))],
            0.0,
        );
    }
    point(
        &mut s,
        &[plain(
            "Hasil penilaian mandiri ini selanjutnya disampaikan untuk penilaian dokumen, \
             penilaian interviu, dan penilaian visitasi oleh Tim Asesor Eksternal.",
        )],
        0.0,
    );
    s.gap(4.0);

    let supervisor = d.supervisor.as_ref().map(|p| Signer {
        dated: None,
        role: "Penanggung Jawab\nTim Asesor Internal,".to_string(),
        person: p,
        meterai: false,
    });
    let coordinator = Signer {
        dated: Some(common::place_and_date(&d.place, d.date)),
        role: format!("{},", d.program.coordinator),
        person: &d.coordinator,
        meterai: false,
    };
    // The closing sentence never leaves the signatures alone on a page.
    let closing = [plain(
        "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
    )];
    let signed = common::signatures_height(supervisor.as_ref(), &coordinator);
    s.ensure(Sheet::measure(&closing, body) + BODY * 1.5 + signed);
    s.paragraph(&closing, body);
    s.gap(BODY * 1.5);
    common::signatures(&mut s, supervisor.as_ref(), &coordinator);

    s
}

/// "Hasil penilaian mandiri menghasilkan Indeks SPBE sebesar 2,77 dengan predikat Baik."
fn result_spans(d: &DocumentData) -> Vec<Span> {
    match &d.index_text {
        Some(index) => {
            let mut spans = vec![
                plain(format!(
                    "Hasil penilaian mandiri menghasilkan {} sebesar ",
                    d.index_name
                )),
                bold(index.as_str()),
            ];
            match &d.rating {
                Some(rating) => {
                    spans.push(plain(" dengan predikat "));
                    spans.push(bold(rating.as_str()));
                    spans.push(plain("."));
                }
                None => spans.push(plain(".")),
            }
            spans
        }
        None => vec![plain(format!(
            "{} belum dapat dihitung karena belum ada indikator yang dinilai.",
            d.index_name
        ))],
    }
}

/// No | Domain (or Aspek) | Indeks | Predikat; `total` adds the overall index row.
fn group_table(
    s: &mut Sheet,
    x: f32,
    label: &str,
    groups: &[GroupLine],
    total: Option<&DocumentData>,
) {
    let (no, index, rating) = (32.0, 62.0, 92.0);
    let cols = [
        Column::new(no, Align::Center),
        Column::new(RIGHT - x - no - index - rating, Align::Left),
        Column::new(index, Align::Center),
        Column::new(rating, Align::Center),
    ];
    let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| DASH.to_string());
    let mut rows: Vec<Row> = groups
        .iter()
        .map(|g| Row {
            cells: vec![
                vec![plain(g.number.to_string())],
                vec![plain(g.name.as_str())],
                vec![plain(shown(&g.index_text))],
                vec![plain(shown(&g.rating))],
            ],
            bold: false,
        })
        .collect();
    if let Some(d) = total {
        rows.push(Row {
            cells: vec![
                vec![],
                vec![plain(d.index_name.as_str())],
                vec![plain(shown(&d.index_text))],
                vec![plain(shown(&d.rating))],
            ],
            bold: true,
        });
    }
    let header = ["No", label, "Indeks", "Predikat"];
    s.table(x, &cols, &header, &rows, TABLE_SIZE);
}

/// No | Nama / NIP | Jabatan dalam Tim | Unit Kerja; every row two lines high
/// (name, then NIP), the common layout of a team list in a Berita Acara.
fn team_table(s: &mut Sheet, x: f32, d: &DocumentData) {
    let (no, name, role) = (26.0, 152.0, 92.0);
    let cols = [
        Column::new(no, Align::Center),
        Column::new(name, Align::Left),
        Column::new(role, Align::Left),
        Column::new(RIGHT - x - no - name - role, Align::Left),
    ];
    let rows: Vec<Row> = d
        .team
        .iter()
        .enumerate()
        .map(|(i, t)| Row {
            cells: vec![
                vec![plain((i + 1).to_string())],
                vec![plain(format!("{}\nNIP. {}", t.name, format_nip(&t.nip)))],
                vec![plain(t.role.as_str())],
                vec![plain(t.unit.as_str())],
            ],
            bold: false,
        })
        .collect();
    let header = ["No", "Nama / NIP", "Jabatan dalam Tim", "Unit Kerja"];
    s.table(x, &cols, &header, &rows, TEAM_SIZE);
}
