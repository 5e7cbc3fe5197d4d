//! The report's blocks as an editable DOCX with docx-rs: A4 with 25 mm margins, Times New
//! Roman, ruled tables with a shaded header, the charts as PNG pictures (`chart_png`),
//! and a footer with the title and "Halaman {PAGE} dari {NUMPAGES}" as fields, so Word
//! and LibreOffice number the pages themselves.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, InstrNUMPAGES, InstrPAGE,
    InstrText, LineSpacing, PageMargin, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Pic, Run, RunFonts, Shading, SpecialIndentType, Tab, TabValueType, Table,
    TableCell, TableCellMargins, TableLayoutType, TableRow, WidthType,
};

use crate::common::{format_nip, or_blank};
use crate::laporan::{report_title, Block, ReportData};
use crate::layout::Align;
use crate::text::{Font, Span};

/// Points to twentieths of a point (twips), the unit of page and table sizes.
fn twips(pt: f32) -> usize {
    (pt * 20.0).round() as usize
}

/// Font size in half-points.
fn half(pt: f32) -> usize {
    (pt * 2.0).round() as usize
}

/// 25 mm.
const MARGIN_TWIPS: i32 = 1417;
/// The text measure: 210 mm less two margins.
const MEASURE_TWIPS: usize = 11906 - 2 * 1417;

fn run(span: &Span, size: f32) -> Run {
    let r = Run::new().add_text(span.text.as_str()).size(half(size));
    if span.font == Font::Bold {
        r.bold()
    } else {
        r
    }
}

/// A paragraph of spans; a '\n' inside a span breaks the line.
fn para(spans: &[Span], size: f32, align: AlignmentType) -> Paragraph {
    let mut p = Paragraph::new().align(align);
    for span in spans {
        for (i, piece) in span.text.split('\n').enumerate() {
            if i > 0 {
                p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
            }
            p = p.add_run(run(
                &Span {
                    font: span.font,
                    text: piece.to_string(),
                },
                size,
            ));
        }
    }
    p
}

fn spacing(p: Paragraph, before_pt: f32, after_pt: f32) -> Paragraph {
    p.line_spacing(
        LineSpacing::new()
            .before(twips(before_pt) as u32)
            .after(twips(after_pt) as u32),
    )
}

fn alignment(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Justify => AlignmentType::Both,
    }
}

pub(crate) fn render_docx(d: &ReportData, blocks: &[Block]) -> std::io::Result<Vec<u8>> {
    let title = report_title(d);
    // A field in separate runs, each with the footer's size, as Word writes it (LibreOffice
    // takes a field's size from the run of its result).
    let field = |p: Paragraph, instr: InstrText| {
        let r = || Run::new().size(18);
        p.add_run(r().add_field_char(FieldCharType::Begin, false))
            .add_run(r().add_instr_text(instr))
            .add_run(r().add_field_char(FieldCharType::Separate, false))
            .add_run(r().add_text("1"))
            .add_run(r().add_field_char(FieldCharType::End, false))
    };
    let footer_line = Paragraph::new()
        .add_tab(Tab::new().val(TabValueType::Right).pos(MEASURE_TWIPS))
        .add_run(Run::new().add_text(title.as_str()).size(16))
        .add_run(Run::new().add_tab().size(18))
        .add_run(Run::new().add_text("Halaman ").size(18));
    let footer_line = field(footer_line, InstrText::PAGE(InstrPAGE::new()))
        .add_run(Run::new().add_text(" dari ").size(18));
    let footer_line = field(footer_line, InstrText::NUMPAGES(InstrNUMPAGES::new()));
    let mut docx = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TWIPS)
                .bottom(MARGIN_TWIPS)
                .left(MARGIN_TWIPS)
                .right(MARGIN_TWIPS)
                .header(709)
                .footer(567),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman")
                .cs("Times New Roman"),
        )
        .default_size(24)
        .footer(Footer::new().add_paragraph(footer_line))
        .created_at(&format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            d.doc.date.0, d.doc.date.1, d.doc.date.2
        ));
    let mut page_break_next = false;
    for block in blocks {
        let mut items: Vec<Item> = Vec::new();
        match block {
            Block::Kop => items.extend(kop(d).into_iter().map(Item::P)),
            Block::Center { spans, size } => items.push(Item::P(spacing(
                para(spans, *size, AlignmentType::Center),
                0.0,
                2.0,
            ))),
            Block::Space(h) => items.push(Item::P(
                Paragraph::new().line_spacing(
                    LineSpacing::new()
                        .line(twips(*h) as i32)
                        .line_rule(docx_rs::LineSpacingType::Exact),
                ),
            )),
            Block::PageBreak => {
                page_break_next = true;
                continue;
            }
            Block::Heading(text) => items.push(Item::P(
                spacing(
                    para(
                        &[crate::text::bold(text.as_str())],
                        13.0,
                        AlignmentType::Left,
                    ),
                    12.0,
                    6.0,
                )
                .keep_next(true)
                .outline_lvl(0),
            )),
            Block::Sub(text) => items.push(Item::P(
                spacing(
                    para(
                        &[crate::text::bold(text.as_str())],
                        12.0,
                        AlignmentType::Left,
                    ),
                    6.0,
                    2.0,
                )
                .keep_next(true),
            )),
            Block::Para(spans) => items.push(Item::P(spacing(
                para(spans, 12.0, AlignmentType::Both),
                0.0,
                6.0,
            ))),
            Block::Bullet(spans) => {
                let mut all = vec![Span {
                    font: Font::Regular,
                    text: "•\t".into(),
                }];
                all.extend(spans.iter().cloned());
                items.push(Item::P(
                    spacing(para(&all, 12.0, AlignmentType::Both), 0.0, 6.0)
                        .add_tab(Tab::new().val(TabValueType::Left).pos(284))
                        .indent(Some(284), Some(SpecialIndentType::Hanging(284)), None, None),
                ));
            }
            Block::Table(t) => {
                let cell = |spans: &[Span], w: f32, a: Align, head: bool| {
                    let mut c = TableCell::new()
                        .add_paragraph(spacing(para(spans, t.size, alignment(a)), 1.0, 1.0))
                        .width(twips(w), WidthType::Dxa);
                    if head {
                        c = c.shading(Shading::new().fill("E0E0E0"));
                    }
                    c
                };
                let head = TableRow::new(
                    t.header
                        .iter()
                        .zip(&t.widths)
                        .map(|(h, w)| {
                            cell(&[crate::text::bold(h.as_str())], *w, Align::Center, true)
                        })
                        .collect(),
                )
                .cant_split();
                let mut rows = vec![head];
                for r in &t.rows {
                    rows.push(
                        TableRow::new(
                            r.iter()
                                .zip(t.widths.iter().zip(&t.aligns))
                                .map(|(c, (w, a))| cell(c, *w, *a, false))
                                .collect(),
                        )
                        .cant_split(),
                    );
                }
                let table = Table::new(rows)
                    .set_grid(t.widths.iter().map(|w| twips(*w)).collect())
                    .layout(TableLayoutType::Fixed)
                    .margins(TableCellMargins::new().margin(20, 70, 20, 70))
                    .width(MEASURE_TWIPS, WidthType::Dxa);
                items.push(Item::T(table));
                items.push(Item::P(spacing(Paragraph::new(), 0.0, 4.0)));
            }
            Block::Chart { chart, caption } => {
                let (png, w, h) = crate::chart_png::png(chart);
                let pic = Pic::new_with_dimensions(png, w, h)
                    .size((chart.w * 12_700.0) as u32, (chart.h * 12_700.0) as u32);
                items.push(Item::P(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .keep_next(true)
                        .add_run(Run::new().add_image(pic)),
                ));
                items.push(Item::P(spacing(
                    para(
                        &[crate::text::plain(caption.as_str())],
                        10.0,
                        AlignmentType::Center,
                    ),
                    2.0,
                    10.0,
                )));
            }
            Block::Signature => items.extend(signature(d).into_iter().map(Item::P)),
        }
        for item in items {
            docx = match item {
                Item::P(mut p) => {
                    if page_break_next {
                        p = p.page_break_before(true);
                        page_break_next = false;
                    }
                    docx.add_paragraph(p)
                }
                Item::T(t) => {
                    if page_break_next {
                        docx = docx.add_paragraph(Paragraph::new().page_break_before(true));
                        page_break_next = false;
                    }
                    docx.add_table(t)
                }
            };
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut out)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(out.into_inner())
}

enum Item {
    P(Paragraph),
    T(Table),
}

/// The kop: the instansi upper-cased, "SEKRETARIAT DAERAH" for a pemda, the address,
/// and the double rule (thick over thin) as the last line's bottom border.
fn kop(d: &ReportData) -> Vec<Paragraph> {
    let mut lines: Vec<(String, f32, bool)> = vec![(d.doc.instansi.to_uppercase(), 14.0, true)];
    if matches!(
        d.doc.instansi_kind.to_lowercase().as_str(),
        "kabupaten" | "kota" | "provinsi"
    ) {
        lines.push(("SEKRETARIAT DAERAH".into(), 16.0, true));
    }
    if !d.doc.address.trim().is_empty() {
        lines.push((d.doc.address.clone(), 10.0, false));
    }
    let n = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, (text, size, is_bold))| {
            let span = if is_bold {
                crate::text::bold(text)
            } else {
                crate::text::plain(text)
            };
            let mut p = spacing(para(&[span], size, AlignmentType::Center), 0.0, 0.0);
            if i + 1 == n {
                p.property.borders = Some(
                    ParagraphBorders::with_empty().set(
                        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                            .val(BorderType::ThickThinSmallGap)
                            .size(24)
                            .space(4),
                    ),
                );
            }
            p
        })
        .collect()
}

/// The Koordinator's signature block on the right half.
fn signature(d: &ReportData) -> Vec<Paragraph> {
    let right = |p: Paragraph| {
        p.indent(Some((MEASURE_TWIPS / 2) as i32), None, None, None)
            .keep_next(true)
    };
    let line = |text: String| {
        right(spacing(
            para(&[crate::text::plain(text)], 12.0, AlignmentType::Center),
            0.0,
            0.0,
        ))
    };
    let person = &d.doc.coordinator;
    let name = Run::new()
        .add_text(or_blank(&person.name))
        .size(24)
        .bold()
        .underline("single");
    vec![
        line(crate::common::place_and_date(&d.doc.place, d.doc.date)),
        line(format!("{},", d.doc.program.coordinator)),
        right(spacing(Paragraph::new(), 0.0, 48.0)),
        right(Paragraph::new().align(AlignmentType::Center).add_run(name)),
        line(format!("NIP. {}", or_blank(&format_nip(&person.nip)))),
    ]
}
