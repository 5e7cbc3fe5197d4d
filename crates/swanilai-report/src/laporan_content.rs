//! The words of the report to the Bupati, in Bahasa Indonesia, as [`Block`]s: short
//! sentences with the numbers in bold, so that a Sekretaris Daerah reads the summary in
//! two minutes.

use crate::chart::{self, decimal, Series, SELF, VERIFIED};
use crate::laporan::{Block, ReportData, ReportGroup, ReportIndicator, Table};
use crate::layout::Align;
use crate::text::{bold, plain, Span};
use crate::words::date_numeric;

const DASH: &str = "–";
/// The text measure in points (A4 less 25 mm margins).
pub(crate) const MEASURE: f32 = 453.54;

/// A level ("3") or a decimal value ("2,35").
fn level(v: f64, decimals: bool) -> String {
    if decimals || v.fract().abs() > 1e-9 {
        decimal(v)
    } else {
        format!("{}", v.round() as i64)
    }
}

fn opt_index(v: Option<f64>) -> String {
    v.map_or_else(|| DASH.to_string(), decimal)
}

/// "+0,27", "-0,10", "0,00".
fn signed(v: f64) -> String {
    if (v * 100.0).round() > 0.0 {
        format!("+{}", decimal(v))
    } else {
        decimal(v)
    }
}

/// Who the report goes to: "Bupati Sukamaju", "Wali Kota ...", "Gubernur ...".
pub(crate) fn leader(d: &ReportData) -> String {
    let place = d.doc.place.trim();
    match d.doc.instansi_kind.to_lowercase().as_str() {
        "kabupaten" => format!("Bupati {place}"),
        "kota" => format!("Wali Kota {place}"),
        "provinsi" => format!("Gubernur {place}"),
        _ => format!("Pimpinan {}", d.doc.instansi),
    }
}

/// "Tim Koordinasi SPBE".
fn tim_koordinasi(d: &ReportData) -> String {
    format!("Tim Koordinasi {}", d.doc.program.short)
}

/// The word for an indicator's value: "tingkat" (levels) or "nilai" (decimals).
fn value_word(d: &ReportData) -> &'static str {
    if d.decimals {
        "nilai"
    } else {
        "tingkat"
    }
}

fn group_label(g: &ReportGroup) -> String {
    format!("{} {}", g.code, g.name)
}

/// Every block of the report, in order.
pub(crate) fn blocks(d: &ReportData) -> Vec<Block> {
    let mut b = Vec::new();
    cover(d, &mut b);
    summary(d, &mut b);
    results(d, &mut b);
    strengths(d, &mut b);
    path(d, &mut b);
    recommendations(d, &mut b);
    closing(d, &mut b);
    annex(d, &mut b);
    b
}

fn center(b: &mut Vec<Block>, spans: Vec<Span>, size: f32) {
    b.push(Block::Center { spans, size });
}

fn cover(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Kop);
    b.push(Block::Space(60.0));
    center(b, vec![bold("LAPORAN HASIL PEMANTAUAN DAN EVALUASI")], 16.0);
    center(b, vec![bold(d.doc.program.heading.clone())], 16.0);
    center(
        b,
        vec![bold(format!("INTERNAL TAHUN {}", d.doc.year))],
        16.0,
    );
    b.push(Block::Space(36.0));
    center(b, vec![plain(d.doc.instansi.clone())], 13.0);
    b.push(Block::Space(48.0));
    let mut result = vec![
        plain(format!("{} ", d.doc.index_name)),
        bold(d.doc.index_text.clone().unwrap_or_else(|| DASH.into())),
    ];
    if let Some(r) = &d.doc.rating {
        result.push(plain(" – predikat "));
        result.push(bold(r.clone()));
    }
    center(b, result, 14.0);
    b.push(Block::Space(80.0));
    center(
        b,
        vec![plain(format!("Disampaikan kepada {}", leader(d)))],
        12.0,
    );
    center(
        b,
        vec![plain(format!("melalui {}", tim_koordinasi(d)))],
        12.0,
    );
    b.push(Block::Space(80.0));
    center(b, vec![plain("Disusun oleh Tim Asesor Internal")], 12.0);
    center(
        b,
        vec![plain(crate::common::place_and_date(
            &d.doc.place,
            d.doc.date,
        ))],
        12.0,
    );
    b.push(Block::PageBreak);
}

fn summary(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading("I. RINGKASAN".into()));
    let index = d.doc.index_text.clone().unwrap_or_else(|| DASH.into());
    let mut first = vec![
        plain(format!(
            "{} {} tahun {} adalah ",
            d.doc.index_name, d.doc.instansi, d.doc.year
        )),
        bold(index.clone()),
    ];
    if let Some(r) = &d.doc.rating {
        first.push(plain(" dengan predikat "));
        first.push(bold(r.clone()));
    }
    first.push(plain("."));
    if d.doc.answered < d.doc.total {
        first.push(plain(" Nilai ini dihitung dari "));
        first.push(bold(d.doc.answered.to_string()));
        first.push(plain(format!(
            " dari {} indikator yang sudah dinilai.",
            d.doc.total
        )));
    }
    b.push(Block::Bullet(first));

    match (&d.previous, d.index) {
        (Some(p), Some(now)) => {
            let diff = now - p.index;
            let mut s = vec![
                plain(format!("Dibandingkan tahun {} (", p.year)),
                bold(decimal(p.index)),
            ];
            if let Some(r) = &p.rating {
                s.push(plain(format!(", {r}")));
            }
            s.push(plain("), indeks "));
            if (diff * 100.0).round() > 0.0 {
                s.push(bold(format!("naik {}", decimal(diff))));
                s.push(plain(" poin."));
            } else if (diff * 100.0).round() < 0.0 {
                s.push(bold(format!("turun {}", decimal(-diff))));
                s.push(plain(" poin."));
            } else {
                s.push(bold("tetap"));
                s.push(plain("."));
            }
            if p.comparable {
                let mut changes: Vec<(&ReportGroup, f64)> = d
                    .aspects
                    .iter()
                    .filter_map(|g| Some((g, g.index? - g.previous?)))
                    .collect();
                changes.sort_by(|a, b| b.1.total_cmp(&a.1));
                let up: Vec<_> = changes.iter().filter(|c| c.1 >= 0.005).take(3).collect();
                let down: Vec<_> = changes
                    .iter()
                    .rev()
                    .filter(|c| c.1 <= -0.005)
                    .take(3)
                    .collect();
                if !up.is_empty() {
                    s.push(plain(" Aspek yang paling naik: "));
                    list_changes(&mut s, &up);
                }
                if down.is_empty() {
                    s.push(plain(" Tidak ada aspek yang turun."));
                } else {
                    s.push(plain(" Aspek yang turun: "));
                    list_changes(&mut s, &down);
                }
            }
            b.push(Block::Bullet(s));
        }
        _ => b.push(Block::Bullet(vec![plain(
            "Belum ada hasil tahun sebelumnya untuk dibandingkan.",
        )])),
    }

    let mut ranked: Vec<&ReportGroup> = d.aspects.iter().filter(|g| g.index.is_some()).collect();
    ranked.sort_by(|a, b| a.index.unwrap_or(0.0).total_cmp(&b.index.unwrap_or(0.0)));
    if !ranked.is_empty() {
        let mut s = vec![plain(format!(
            "{} aspek terlemah: ",
            if ranked.len() >= 3 { "Tiga" } else { "Aspek" }
        ))];
        for (i, g) in ranked.iter().take(3).enumerate() {
            if i > 0 {
                s.push(plain("; "));
            }
            s.push(plain(format!("{} (", group_label(g))));
            s.push(bold(opt_index(g.index)));
            s.push(plain(")"));
        }
        s.push(plain(". Aspek terkuat: "));
        if let Some(g) = ranked.last() {
            s.push(plain(format!("{} (", group_label(g))));
            s.push(bold(opt_index(g.index)));
            s.push(plain(")."));
        }
        b.push(Block::Bullet(s));
    }

    match (&d.verified, d.index) {
        (Some(v), Some(now)) => {
            let diff = v.index - now;
            let mut s = vec![
                plain(format!("Hasil verifikasi ({}): ", v.stage)),
                bold(decimal(v.index)),
            ];
            if let Some(r) = &v.rating {
                s.push(plain(format!(" ({r})")));
            }
            if (diff * 100.0).round() == 0.0 {
                s.push(plain(", sama dengan penilaian mandiri."));
            } else {
                s.push(plain(", "));
                let dir = if diff < 0.0 { "lebih rendah" } else { "lebih tinggi" };
                s.push(bold(format!("{} {dir}", decimal(diff.abs()))));
                s.push(plain(" daripada penilaian mandiri."));
            }
            s.push(plain(" Tim menilai "));
            s.push(bold(v.over_claims.to_string()));
            s.push(plain(" indikator lebih tinggi dan "));
            s.push(bold(v.under_claims.to_string()));
            s.push(plain(" indikator lebih rendah daripada asesor."));
            if v.answered < v.total {
                s.push(plain(format!(
                    " Verifikasi mencakup {} dari {} indikator.",
                    v.answered, v.total
                )));
            }
            b.push(Block::Bullet(s));
        }
        _ => b.push(Block::Bullet(vec![plain(
            "Hasil verifikasi eksternal belum ada; angka dalam laporan ini adalah hasil penilaian mandiri.",
        )])),
    }

    if let Some(p) = &d.plan {
        let target_name = p
            .target_rating
            .as_ref()
            .map(|r| format!("predikat {r} (indeks {})", decimal(p.target)))
            .unwrap_or_else(|| format!("indeks {}", decimal(p.target)));
        let mut s = Vec::new();
        if p.at_top {
            s.push(plain("Predikat tertinggi, "));
            s.push(bold(p.target_rating.clone().unwrap_or_default()));
            s.push(plain(
                ", sudah tercapai; yang perlu dijaga adalah indeks tetap sekurang-kurangnya ",
            ));
            s.push(bold(decimal(p.target)));
            s.push(plain("."));
        } else if p.reachable && p.steps.is_empty() {
            s.push(plain(format!("Target {target_name} ")));
            s.push(bold("sudah tercapai"));
            s.push(plain("."));
        } else if p.reachable {
            let indicators = distinct_indicators(p);
            s.push(plain(format!(
                "Untuk mencapai {target_name} diperlukan paling sedikit "
            )));
            s.push(bold(p.steps.len().to_string()));
            s.push(plain(" kenaikan satu tingkat pada "));
            s.push(bold(indicators.to_string()));
            s.push(plain(" indikator (Bagian IV)."));
        } else {
            s.push(plain(format!("Target {target_name} belum dapat dicapai; indeks tertinggi yang dapat dicapai adalah ")));
            s.push(bold(decimal(p.projected)));
            s.push(plain(" (Bagian IV)."));
        }
        b.push(Block::Bullet(s));
    }

    let recs = &d.recommendations;
    if recs.is_empty() {
        b.push(Block::Bullet(vec![plain(
            "Belum ada rekomendasi perbaikan yang dicatat.",
        )]));
    } else {
        let count = |st: &str| recs.iter().filter(|r| r.status == st).count();
        let overdue = recs
            .iter()
            .filter(|r| r.status != "selesai" && r.due_date.is_some_and(|due| due < d.doc.date))
            .count();
        let mut s = vec![
            plain("Terdapat "),
            bold(recs.len().to_string()),
            plain(" rekomendasi perbaikan: "),
            bold(count("selesai").to_string()),
            plain(" selesai, "),
            bold(count("proses").to_string()),
            plain(" dalam proses, dan "),
            bold(count("belum").to_string()),
            plain(" belum ditindaklanjuti"),
        ];
        if overdue > 0 {
            s.push(plain("; "));
            s.push(bold(overdue.to_string()));
            s.push(plain(" di antaranya melewati tenggat"));
        }
        s.push(plain(" (Bagian V)."));
        b.push(Block::Bullet(s));
    }
    b.push(Block::PageBreak);
}

fn list_changes(s: &mut Vec<Span>, list: &[&(&ReportGroup, f64)]) {
    for (i, (g, c)) in list.iter().enumerate() {
        if i > 0 {
            s.push(plain("; "));
        }
        s.push(plain(format!("{} (", group_label(g))));
        s.push(bold(signed(*c)));
        s.push(plain(")"));
    }
    s.push(plain("."));
}

fn distinct_indicators(p: &crate::laporan::ReportPlan) -> usize {
    let mut n: Vec<u32> = p.steps.iter().map(|s| s.indicator).collect();
    n.sort_unstable();
    n.dedup();
    n.len()
}

fn series(d: &ReportData, groups: &[ReportGroup]) -> Vec<Series> {
    let mut s = vec![Series {
        name: "Penilaian mandiri".into(),
        color: SELF,
        values: groups.iter().map(|g| g.index).collect(),
    }];
    if d.verified.is_some() {
        s.push(Series {
            name: "Hasil verifikasi".into(),
            color: VERIFIED,
            values: groups.iter().map(|g| g.verified).collect(),
        });
    }
    s
}

fn results(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading("II. HASIL PENILAIAN".into()));
    b.push(Block::Para(vec![plain(format!(
        "Bagian ini merinci {} tahun {} per {} dalam grafik dan tabel. Skala nilai adalah 1 sampai 5.",
        d.doc.index_name,
        d.doc.year,
        if d.domains.is_empty() { "aspek" } else { "domain dan aspek" }
    ))]));
    let mut fig = 0;
    let mut caption = |text: String| {
        fig += 1;
        format!("Gambar {fig}. {text}")
    };
    let labels: Vec<String> = d.aspects.iter().map(group_label).collect();
    b.push(Block::Chart {
        chart: chart::radar(&labels, &series(d, &d.aspects)),
        caption: caption("Indeks per aspek".into()),
    });
    let (bars, what) = if d.domains.is_empty() {
        (&d.aspects, "aspek")
    } else {
        (&d.domains, "domain")
    };
    let labels: Vec<String> = bars.iter().map(group_label).collect();
    b.push(Block::Chart {
        chart: chart::hbars(&labels, &series(d, bars)),
        caption: caption(format!("Indeks per {what}")),
    });
    if !d.years.is_empty() {
        let years: Vec<i32> = d.years.iter().map(|y| y.year).collect();
        let mut s = vec![Series {
            name: "Penilaian mandiri".into(),
            color: SELF,
            values: d.years.iter().map(|y| y.mandiri).collect(),
        }];
        if d.years.iter().any(|y| y.verified.is_some()) {
            s.push(Series {
                name: "Hasil verifikasi".into(),
                color: VERIFIED,
                values: d.years.iter().map(|y| y.verified).collect(),
            });
        }
        b.push(Block::Chart {
            chart: chart::by_year(&years, &s),
            caption: caption(format!("{} per tahun", d.doc.index_name)),
        });
    }
    if !d.domains.is_empty() {
        b.push(Block::Sub("Indeks per domain".into()));
        b.push(Block::Table(group_table(d, &d.domains, "Domain")));
    }
    b.push(Block::Sub("Indeks per aspek".into()));
    b.push(Block::Table(group_table(d, &d.aspects, "Aspek")));
}

fn group_table(d: &ReportData, groups: &[ReportGroup], what: &str) -> Table {
    let prev = d.previous.as_ref().filter(|p| p.comparable);
    let mut header = vec![
        "Kode".to_string(),
        what.to_string(),
        "Bobot (%)".to_string(),
        "Indeks".to_string(),
        "Predikat".to_string(),
    ];
    let mut widths = vec![40.0, 0.0, 50.0, 48.0, 70.0];
    if let Some(p) = prev {
        header.push(format!("Tahun {}", p.year));
        widths.push(48.0);
    }
    if d.verified.is_some() {
        header.push("Verifikasi".into());
        widths.push(62.0);
    }
    widths[1] = MEASURE - widths.iter().sum::<f32>();
    let mut aligns = vec![Align::Center, Align::Left];
    aligns.resize(widths.len(), Align::Center);
    let rows = groups
        .iter()
        .map(|g| {
            let mut r = vec![
                vec![plain(g.code.clone())],
                vec![plain(g.name.clone())],
                vec![plain(decimal(g.weight))],
                vec![bold(opt_index(g.index))],
                vec![plain(g.rating.clone().unwrap_or_else(|| DASH.into()))],
            ];
            if prev.is_some() {
                r.push(vec![plain(opt_index(g.previous))]);
            }
            if d.verified.is_some() {
                r.push(vec![plain(opt_index(g.verified))]);
            }
            r
        })
        .collect();
    Table {
        widths,
        aligns,
        header,
        rows,
        size: 10.0,
    }
}

fn indicator_phrase(d: &ReportData, list: &[&ReportIndicator]) -> String {
    list.iter()
        .map(|i| {
            format!(
                "indikator {} {} ({} {})",
                i.number,
                i.name,
                value_word(d),
                i.value.map_or_else(String::new, |v| level(v, d.decimals))
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn strengths(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading(
        "III. KEKUATAN DAN KELEMAHAN PER ASPEK".into(),
    ));
    b.push(Block::Para(vec![plain(format!(
        "Untuk setiap aspek disebutkan indikator dengan {} tertinggi (kekuatan) dan terendah (kelemahan).",
        value_word(d)
    ))]));
    for g in &d.aspects {
        let mine: Vec<&ReportIndicator> =
            d.indicators.iter().filter(|i| i.aspect == g.code).collect();
        let answered: Vec<&ReportIndicator> =
            mine.iter().copied().filter(|i| i.value.is_some()).collect();
        b.push(Block::Sub(format!(
            "{} – indeks {}",
            group_label(g),
            opt_index(g.index)
        )));
        let mut s = Vec::new();
        if answered.is_empty() {
            s.push(plain("Belum ada indikator yang dinilai."));
        } else {
            let max = answered
                .iter()
                .filter_map(|i| i.value)
                .fold(f64::MIN, f64::max);
            let min = answered
                .iter()
                .filter_map(|i| i.value)
                .fold(f64::MAX, f64::min);
            let at = |v: f64| -> Vec<&ReportIndicator> {
                answered
                    .iter()
                    .copied()
                    .filter(|i| i.value.is_some_and(|x| (x - v).abs() < 1e-9))
                    .take(2)
                    .collect()
            };
            if (max - min).abs() < 1e-9 {
                s.push(plain(format!(
                    "Semua indikator yang dinilai berada pada {} ",
                    value_word(d)
                )));
                s.push(bold(level(max, d.decimals)));
                s.push(plain("."));
            } else {
                s.push(bold("Kekuatan: "));
                s.push(plain(format!("{}.\n", indicator_phrase(d, &at(max)))));
                s.push(bold("Kelemahan: "));
                s.push(plain(format!("{}.", indicator_phrase(d, &at(min)))));
            }
        }
        let open = mine.len() - answered.len();
        if open > 0 && !answered.is_empty() {
            s.push(plain(format!(" {open} indikator belum dinilai.")));
        }
        b.push(Block::Para(s));
    }
}

fn path(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading("IV. JALAN MENUJU TARGET".into()));
    let Some(p) = &d.plan else {
        b.push(Block::Para(vec![plain(
            "Target tidak dapat dihitung karena belum ada indikator yang dinilai.",
        )]));
        return;
    };
    let target = p
        .target_rating
        .as_ref()
        .map(|r| format!("predikat {r} (indeks {})", decimal(p.target)))
        .unwrap_or_else(|| format!("indeks {}", decimal(p.target)));
    if p.at_top {
        b.push(Block::Para(vec![
            plain(format!("Indeks sudah berada pada predikat tertinggi. Target laporan ini adalah batas bawah predikat itu, {target}, dan ")),
            bold("tidak diperlukan langkah tambahan"),
            plain("; yang perlu dijaga adalah tingkat setiap indikator."),
        ]));
        return;
    }
    if p.reachable && p.steps.is_empty() {
        b.push(Block::Para(vec![
            plain(format!("Target: {target}. Target ini ")),
            bold("sudah tercapai"),
            plain(format!("; indeks saat ini {}.", opt_index(d.index))),
        ]));
        return;
    }
    let mut s = vec![plain(format!(
        "Target: {target}. Rencana di bawah memuat jumlah langkah paling sedikit; setiap langkah menaikkan satu indikator satu tingkat. "
    ))];
    if p.reachable {
        s.push(plain("Dengan "));
        s.push(bold(p.steps.len().to_string()));
        s.push(plain(" langkah ini indeks menjadi "));
    } else {
        s.push(plain("Target belum dapat dicapai dengan batas yang ditetapkan; langkah di bawah memberi indeks tertinggi yang mungkin, yaitu "));
    }
    s.push(bold(decimal(p.projected)));
    s.push(plain(format!(" ({}).", p.projected_rating)));
    b.push(Block::Para(s));
    if p.steps.is_empty() {
        return;
    }
    let widths = vec![30.0, MEASURE - 30.0 - 44.0 - 44.0 - 76.0, 44.0, 44.0, 76.0];
    let rows = p
        .steps
        .iter()
        .enumerate()
        .map(|(i, st)| {
            vec![
                vec![plain((i + 1).to_string())],
                vec![plain(format!("{}. {}", st.indicator, st.name))],
                vec![plain(level(st.from, d.decimals))],
                vec![bold(level(st.to, d.decimals))],
                vec![plain(format!("+{}", four(st.gain)))],
            ]
        })
        .collect();
    b.push(Block::Table(Table {
        widths,
        aligns: vec![
            Align::Center,
            Align::Left,
            Align::Center,
            Align::Center,
            Align::Center,
        ],
        header: vec![
            "No".into(),
            "Indikator".into(),
            "Dari".into(),
            "Ke".into(),
            "Tambahan indeks".into(),
        ],
        rows,
        size: 9.5,
    }));
}

/// A gain with four decimals: "0,0550".
fn four(v: f64) -> String {
    let t = (v * 10_000.0).round() as i64;
    format!("{},{:04}", t / 10_000, (t % 10_000).abs())
}

fn status_word(status: &str) -> &str {
    match status {
        "belum" => "Belum",
        "proses" => "Proses",
        "selesai" => "Selesai",
        other => other,
    }
}

fn recommendations(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading("V. REKOMENDASI DAN TINDAK LANJUT".into()));
    if d.recommendations.is_empty() {
        b.push(Block::Para(vec![plain(
            "Belum ada rekomendasi perbaikan (saran perbaikan) yang dicatat untuk tahun ini.",
        )]));
        return;
    }
    b.push(Block::Para(vec![plain(
        "Rekomendasi perbaikan beserta unit kerja penanggung jawab, tenggat, dan status tindak lanjutnya:",
    )]));
    let widths = vec![26.0, 100.0, 0.0, 80.0, 66.0, 52.0];
    let mut widths = widths;
    widths[2] = MEASURE - widths.iter().sum::<f32>();
    let rows = d
        .recommendations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut text = vec![plain(r.text.clone())];
            if !r.notes.trim().is_empty() {
                text.push(plain(format!("\nCatatan: {}", r.notes.trim())));
            }
            vec![
                vec![plain((i + 1).to_string())],
                vec![plain(format!("{}. {}", r.indicator, r.indicator_name))],
                text,
                vec![plain(if r.unit.trim().is_empty() {
                    DASH.to_string()
                } else {
                    r.unit.clone()
                })],
                vec![plain(
                    r.due_date.map_or_else(|| DASH.to_string(), date_numeric),
                )],
                vec![bold(status_word(&r.status).to_string())],
            ]
        })
        .collect();
    b.push(Block::Table(Table {
        widths,
        aligns: vec![
            Align::Center,
            Align::Left,
            Align::Left,
            Align::Left,
            Align::Center,
            Align::Center,
        ],
        header: [
            "No",
            "Indikator",
            "Rekomendasi",
            "Unit kerja",
            "Tenggat",
            "Status",
        ]
        .map(String::from)
        .to_vec(),
        rows,
        size: 9.0,
    }));
}

fn closing(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::Heading("VI. PENUTUP".into()));
    b.push(Block::Para(vec![plain(format!(
        "Demikian laporan hasil pemantauan dan evaluasi {} internal tahun {} ini disampaikan kepada {} \
         melalui {} sebagai bahan pengambilan keputusan dan perbaikan yang berkesinambungan.",
        d.doc.program.short,
        d.doc.year,
        leader(d),
        tim_koordinasi(d)
    ))]));
    b.push(Block::Space(12.0));
    b.push(Block::Signature);
}

fn annex(d: &ReportData, b: &mut Vec<Block>) {
    b.push(Block::PageBreak);
    b.push(Block::Heading(format!(
        "LAMPIRAN. {} SETIAP INDIKATOR",
        if d.decimals {
            "NILAI"
        } else {
            "TINGKAT KEMATANGAN"
        }
    )));
    let verified = d.verified.is_some();
    let mut widths = vec![30.0, 0.0, 44.0, 60.0];
    let mut header = vec![
        "No".to_string(),
        "Indikator".into(),
        "Aspek".into(),
        "Mandiri".into(),
    ];
    if verified {
        widths.push(62.0);
        header.push("Verifikasi".into());
    }
    widths[1] = MEASURE - widths.iter().sum::<f32>();
    let mut aligns = vec![Align::Center, Align::Left];
    aligns.resize(widths.len(), Align::Center);
    let show = |v: Option<f64>| v.map_or_else(|| DASH.to_string(), |v| level(v, d.decimals));
    let rows = d
        .indicators
        .iter()
        .map(|i| {
            let mut r = vec![
                vec![plain(i.number.to_string())],
                vec![plain(i.name.clone())],
                vec![plain(i.aspect.clone())],
                vec![bold(show(i.value))],
            ];
            if verified {
                r.push(vec![plain(show(i.verified))]);
            }
            r
        })
        .collect();
    b.push(Block::Para(vec![plain(format!(
        "{} indikator; tanda {DASH} berarti belum ada nilainya.",
        d.indicators.len()
    ))]));
    b.push(Block::Table(Table {
        widths,
        aligns,
        header,
        rows,
        size: 9.0,
    }));
}
