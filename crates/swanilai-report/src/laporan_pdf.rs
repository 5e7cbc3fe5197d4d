//! The report's blocks set on A4 pages with the flow layout and rendered with
//! pdf-writer (charts as vector paths).

use crate::common::{self, Signer, BODY};
use crate::laporan::{report_title, Block, ReportData};
use crate::layout::{Align, Column, Frame, Row, Sheet, LEFT};
use crate::text::{bold, plain};

/// Indent of a bullet's text.
const BULLET: f32 = 14.0;

pub(crate) fn render_pdf(d: &ReportData, blocks: &[Block]) -> Vec<u8> {
    let title = report_title(d);
    crate::render::render(
        &layout(d, blocks).pages,
        &title,
        &format!("{title} – {}", d.doc.instansi),
    )
}

pub(crate) fn layout(d: &ReportData, blocks: &[Block]) -> Sheet {
    let mut s = Sheet::new();
    let body = Frame {
        leading: BODY * 1.35,
        ..Frame::body(BODY, Align::Justify)
    };
    for block in blocks {
        match block {
            Block::Kop => common::kop(&mut s, &d.doc),
            Block::Center { spans, size } => s.paragraph(
                spans,
                Frame {
                    leading: size * 1.3,
                    ..Frame::body(*size, Align::Center)
                },
            ),
            Block::Space(h) => s.gap(*h),
            Block::PageBreak => s.new_page(),
            Block::Heading(text) => {
                // A heading stays with what follows it.
                s.ensure(BODY * 1.5 + 60.0);
                if !at_top(&s) {
                    s.gap(10.0);
                }
                s.paragraph(&[bold(text.as_str())], Frame::body(13.0, Align::Left));
                s.gap(6.0);
            }
            Block::Sub(text) => {
                s.ensure(BODY * 1.4 * 3.0);
                s.gap(5.0);
                s.paragraph(&[bold(text.as_str())], Frame::body(BODY, Align::Left));
                s.gap(2.0);
            }
            Block::Para(spans) => {
                s.paragraph(spans, body);
                s.gap(4.0);
            }
            Block::Bullet(spans) => {
                s.numbered("•", spans, body, BULLET);
                s.gap(5.0);
            }
            Block::Table(t) => {
                let cols: Vec<Column> = t
                    .widths
                    .iter()
                    .zip(&t.aligns)
                    .map(|(w, a)| Column::new(*w, *a))
                    .collect();
                let header: Vec<&str> = t.header.iter().map(String::as_str).collect();
                let rows: Vec<Row> = t
                    .rows
                    .iter()
                    .map(|cells| Row {
                        cells: cells.clone(),
                        bold: false,
                    })
                    .collect();
                s.table(LEFT, &cols, &header, &rows, t.size);
                s.gap(8.0);
            }
            Block::Chart { chart, caption } => {
                let frame = Frame::body(10.0, Align::Center);
                s.ensure(chart.h + frame.leading + 6.0);
                s.chart(chart);
                s.paragraph(&[plain(caption.as_str())], frame);
                s.gap(10.0);
            }
            Block::Signature => {
                let role = format!("{},", d.doc.program.coordinator);
                let signer = Signer {
                    dated: Some(common::place_and_date(&d.doc.place, d.doc.date)),
                    role,
                    person: &d.doc.coordinator,
                    meterai: false,
                };
                common::signatures(&mut s, None, &signer);
            }
        }
    }
    s
}

fn at_top(s: &Sheet) -> bool {
    s.y >= crate::layout::PAGE_H - crate::layout::MARGIN - 0.5
}
