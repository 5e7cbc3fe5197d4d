//! Laid-out pages to PDF bytes with pdf-writer: standard Times fonts in
//! WinAnsiEncoding, and a footer on every page with "Halaman i dari n".

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::layout::{Op, Run, LEFT, PAGE_H, PAGE_W, RIGHT};
use crate::text::{encode, Font};

/// Baseline of the footer line (about 15 mm above the paper edge).
const FOOTER_Y: f32 = 40.0;
const FOOTER_SIZE: f32 = 9.0;

/// Write `pages` as a PDF; `footer_left` names the document on every page.
pub fn render(pages: &[Vec<Op>], title: &str, footer_left: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let mut next = Ref::new(1);
    let catalog = next.bump();
    let tree = next.bump();
    let info = next.bump();
    let regular = next.bump();
    let bold = next.bump();
    let ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (next.bump(), next.bump())).collect();

    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(ids.iter().map(|(page, _)| *page))
        .count(i32::try_from(ids.len()).unwrap_or(i32::MAX));
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Swanilai SPBE"));
    for (font, id) in [(Font::Regular, regular), (Font::Bold, bold)] {
        pdf.type1_font(id)
            .base_font(Name(font.base_name()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }

    let total = pages.len();
    for (i, (ops, (page_id, content_id))) in pages.iter().zip(&ids).enumerate() {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H));
        page.parent(tree);
        page.contents(*content_id);
        page.resources()
            .fonts()
            .pair(Name(Font::Regular.resource()), regular)
            .pair(Name(Font::Bold.resource()), bold);
        page.finish();

        let mut content = Content::new();
        for op in ops {
            draw(&mut content, op);
        }
        let page_text = format!("Halaman {} dari {total}", i + 1);
        let right = RIGHT - Font::Regular.width(&page_text, FOOTER_SIZE);
        for (x, text) in [(LEFT, footer_left), (right, page_text.as_str())] {
            draw(
                &mut content,
                &Op::Text {
                    y: FOOTER_Y,
                    size: FOOTER_SIZE,
                    word_spacing: 0.0,
                    runs: vec![Run {
                        x,
                        font: Font::Regular,
                        bytes: encode(text),
                    }],
                },
            );
        }
        pdf.stream(*content_id, &content.finish());
    }
    pdf.finish()
}

fn draw(content: &mut Content, op: &Op) {
    match op {
        Op::Text {
            y,
            size,
            word_spacing,
            runs,
        } => {
            content.begin_text();
            if *word_spacing != 0.0 {
                content.set_word_spacing(*word_spacing);
            }
            for run in runs {
                content.set_font(Name(run.font.resource()), *size);
                content.set_text_matrix([1.0, 0.0, 0.0, 1.0, run.x, *y]);
                content.show(Str(&run.bytes));
            }
            if *word_spacing != 0.0 {
                // Tw is text state and outlives the text object: reset it.
                content.set_word_spacing(0.0);
            }
            content.end_text();
        }
        Op::Line { from, to, width } => {
            content.set_line_width(*width);
            content.move_to(from.0, from.1);
            content.line_to(to.0, to.1);
            content.stroke();
        }
        Op::Shade { x, y, w, h } => {
            content.save_state();
            content.set_fill_gray(0.88);
            content.rect(*x, *y, *w, *h);
            content.fill_nonzero();
            content.restore_state();
        }
        Op::DashBox { x, y, w, h } => {
            content.save_state();
            content.set_line_width(0.6);
            content.set_dash_pattern([3.0, 2.0], 0.0);
            content.rect(*x, *y, *w, *h);
            content.stroke();
            content.restore_state();
        }
        Op::Path {
            points,
            closed,
            fill,
            stroke,
        } => {
            let Some(((x, y), rest)) = points.split_first() else {
                return;
            };
            content.save_state();
            content.set_line_join(pdf_writer::types::LineJoinStyle::RoundJoin);
            content.move_to(*x, *y);
            for (x, y) in rest {
                content.line_to(*x, *y);
            }
            if *closed {
                content.close_path();
            }
            if let Some([r, g, b]) = fill {
                content.set_fill_rgb(*r, *g, *b);
            }
            if let Some(([r, g, b], w)) = stroke {
                content.set_stroke_rgb(*r, *g, *b);
                content.set_line_width(*w);
            }
            match (fill, stroke) {
                (Some(_), Some(_)) => content.fill_nonzero_and_stroke(),
                (Some(_), None) => content.fill_nonzero(),
                _ => content.stroke(),
            };
            content.restore_state();
        }
    }
}
