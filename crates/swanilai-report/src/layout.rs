//! A small flow layout on A4 portrait: a cursor moves down the page; paragraphs,
//! tables and keep-together blocks break onto a new page when they run over.
//! Pages are lists of drawing operations, rendered to PDF at the end (see
//! [`crate::render`]) once the page count is known for "Halaman i dari n".

use crate::text::{space_width, wrap, Font, Line, Span};

/// A4 in points.
pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
/// 25 mm.
pub const MARGIN: f32 = 70.87;
pub const LEFT: f32 = MARGIN;
pub const RIGHT: f32 = PAGE_W - MARGIN;
/// The letterhead starts higher (20 mm) than the text on later pages.
pub const KOP_TOP: f32 = PAGE_H - 56.69;
const TOP: f32 = PAGE_H - MARGIN;
/// Lowest baseline region for body content; the footer sits below it.
const BOTTOM: f32 = MARGIN;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Justify,
}

/// One drawing operation, in PDF coordinates (points, origin bottom left).
#[derive(Debug, Clone)]
pub enum Op {
    /// One line of text: runs in one face each, on a common baseline `y`,
    /// with word spacing (Tw) for justification.
    Text {
        y: f32,
        size: f32,
        word_spacing: f32,
        runs: Vec<Run>,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
    },
    /// Light grey fill (table headers).
    Shade { x: f32, y: f32, w: f32, h: f32 },
    /// Dashed outline (the place for a meterai).
    DashBox { x: f32, y: f32, w: f32, h: f32 },
    /// A polyline or polygon (the charts), filled and/or stroked in RGB (0-1).
    Path {
        points: Vec<(f32, f32)>,
        closed: bool,
        fill: Option<[f32; 3]>,
        stroke: Option<([f32; 3], f32)>,
    },
}

/// Encoded text in one face starting at `x`.
#[derive(Debug, Clone)]
pub struct Run {
    pub x: f32,
    pub font: Font,
    pub bytes: Vec<u8>,
}

/// Where and how a block of text is set.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    pub x: f32,
    pub width: f32,
    pub size: f32,
    pub leading: f32,
    pub align: Align,
}

impl Frame {
    /// Body text across the full measure.
    pub fn body(size: f32, align: Align) -> Frame {
        Frame {
            x: LEFT,
            width: RIGHT - LEFT,
            size,
            leading: size * 1.3,
            align,
        }
    }

    pub fn indented(self, by: f32) -> Frame {
        Frame {
            x: self.x + by,
            width: self.width - by,
            ..self
        }
    }
}

/// Table column: width in points and alignment of its cells.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(width: f32, align: Align) -> Column {
        Column { width, align }
    }
}

/// Table row: cell texts (a '\n' breaks the line) and whether the row is bold.
#[derive(Debug, Clone)]
pub struct Row {
    pub cells: Vec<Vec<Span>>,
    pub bold: bool,
}

/// The pages laid out so far and the cursor (top of the free space) on the last one.
#[derive(Debug)]
pub struct Sheet {
    pub pages: Vec<Vec<Op>>,
    pub y: f32,
}

impl Sheet {
    pub fn new() -> Sheet {
        Sheet {
            pages: vec![Vec::new()],
            y: KOP_TOP,
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Break the page unless `height` more points fit above the bottom margin.
    pub fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    /// Vertical space; never carried over to the top of a new page.
    pub fn gap(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.new_page();
        } else {
            self.y -= height;
        }
    }

    /// Horizontal rule across `x0..x1` at the cursor.
    pub fn rule(&mut self, x0: f32, x1: f32, width: f32) {
        let y = self.y - width / 2.0;
        self.push(Op::Line {
            from: (x0, y),
            to: (x1, y),
            width,
        });
        self.y -= width;
    }

    /// Draw wrapped lines with their top at `top`; returns nothing, moves no cursor.
    fn draw_lines(&mut self, lines: &[Line], frame: Frame, top: f32) {
        let space = space_width(frame.size);
        for (i, line) in lines.iter().enumerate() {
            let baseline = top - i as f32 * frame.leading - frame.size * 0.95;
            let gaps = line.words.len().saturating_sub(1) as f32;
            let slack = frame.width - line.width;
            let (mut x, extra) = match frame.align {
                Align::Left => (frame.x, 0.0),
                Align::Center => (frame.x + slack / 2.0, 0.0),
                // Justify only where the gaps stay reasonable.
                Align::Justify if !line.last && gaps > 0.0 && slack / gaps < frame.size => {
                    (frame.x, slack / gaps)
                }
                Align::Justify => (frame.x, 0.0),
            };
            // Consecutive pieces in one face become one text run, spaces included,
            // so that the word spacing (Tw) applies to them.
            let mut runs: Vec<Run> = Vec::new();
            let mut run: Option<(f32, Font, Vec<u8>)> = None;
            for (wi, word) in line.words.iter().enumerate() {
                for (pi, piece) in word.pieces.iter().enumerate() {
                    let lead_space = wi > 0 && pi == 0;
                    if lead_space {
                        x += space + extra;
                    }
                    match &mut run {
                        Some((_, font, bytes)) if *font == piece.font => {
                            if lead_space {
                                bytes.push(b' ');
                            }
                            bytes.extend_from_slice(&piece.bytes);
                        }
                        _ => {
                            // The space before a change of face ends the previous run,
                            // so extracted text keeps its word boundaries.
                            if let Some((rx, font, mut bytes)) = run.take() {
                                if lead_space {
                                    bytes.push(b' ');
                                }
                                runs.push(Run { x: rx, font, bytes });
                            }
                            run = Some((x, piece.font, piece.bytes.clone()));
                        }
                    }
                    x += piece.font.bytes_width(&piece.bytes, frame.size);
                }
            }
            if let Some((rx, font, bytes)) = run.take() {
                runs.push(Run { x: rx, font, bytes });
            }
            if !runs.is_empty() {
                self.push(Op::Text {
                    y: baseline,
                    size: frame.size,
                    word_spacing: extra,
                    runs,
                });
            }
        }
    }

    /// A paragraph flowing line by line over page breaks.
    pub fn paragraph(&mut self, spans: &[Span], frame: Frame) {
        for line in wrap(spans, frame.size, frame.width) {
            self.ensure(frame.leading);
            let top = self.y;
            self.draw_lines(std::slice::from_ref(&line), frame, top);
            self.y -= frame.leading;
        }
    }

    /// A numbered point: the label hangs in the margin of the indented text and
    /// stays on the page of the point's first line.
    pub fn numbered(&mut self, label: &str, spans: &[Span], frame: Frame, indent: f32) {
        self.ensure(frame.leading * 2.0);
        let label_frame = Frame {
            width: indent,
            align: Align::Left,
            ..frame
        };
        let top = self.y;
        self.draw_lines(
            &wrap(&[crate::text::plain(label)], frame.size, indent),
            label_frame,
            top,
        );
        self.paragraph(spans, frame.indented(indent));
    }

    /// Height the wrapped lines of `spans` take in `frame`.
    pub fn measure(spans: &[Span], frame: Frame) -> f32 {
        wrap(spans, frame.size, frame.width).len() as f32 * frame.leading
    }

    /// Set a block of lines at a fixed top without moving the cursor.
    pub fn place(&mut self, spans: &[Span], frame: Frame, top: f32) -> f32 {
        let lines = wrap(spans, frame.size, frame.width);
        self.draw_lines(&lines, frame, top);
        lines.len() as f32 * frame.leading
    }

    /// Underline `text` as set by [`Sheet::place`] on its first line.
    pub fn underline(&mut self, spans: &[Span], frame: Frame, top: f32) {
        let lines = wrap(spans, frame.size, frame.width);
        for (i, line) in lines.iter().enumerate() {
            let x = match frame.align {
                Align::Center => frame.x + (frame.width - line.width) / 2.0,
                Align::Left | Align::Justify => frame.x,
            };
            let y = top - i as f32 * frame.leading - frame.size * 0.95 - frame.size * 0.12;
            self.push(Op::Line {
                from: (x, y),
                to: (x + line.width, y),
                width: 0.6,
            });
        }
    }

    /// A dashed box with its top left corner at (x, top).
    pub fn dash_box(&mut self, x: f32, top: f32, w: f32, h: f32) {
        self.push(Op::DashBox {
            x,
            y: top - h,
            w,
            h,
        });
    }

    /// A chart centred on the measure with its top at the cursor, kept on one page.
    pub fn chart(&mut self, chart: &crate::chart::Chart) {
        use crate::chart::{Anchor, Item};
        self.ensure(chart.h);
        let x0 = LEFT + (RIGHT - LEFT - chart.w) / 2.0;
        let top = self.y;
        let rgb = |c: crate::chart::Rgb| {
            [
                f32::from(c.0) / 255.0,
                f32::from(c.1) / 255.0,
                f32::from(c.2) / 255.0,
            ]
        };
        for item in &chart.items {
            match item {
                Item::Path {
                    points,
                    closed,
                    fill,
                    stroke,
                } => self.push(Op::Path {
                    points: points.iter().map(|(x, y)| (x0 + x, top - y)).collect(),
                    closed: *closed,
                    fill: fill.map(rgb),
                    stroke: stroke.map(|(c, w)| (rgb(c), w)),
                }),
                Item::Text {
                    x,
                    y,
                    size,
                    text,
                    anchor,
                    bold,
                } => {
                    let font = if *bold { Font::Bold } else { Font::Regular };
                    let width = font.width(text, *size);
                    let start = match anchor {
                        Anchor::Start => *x,
                        Anchor::Middle => x - width / 2.0,
                        Anchor::End => x - width,
                    };
                    self.push(Op::Text {
                        y: top - y,
                        size: *size,
                        word_spacing: 0.0,
                        runs: vec![Run {
                            x: x0 + start,
                            font,
                            bytes: crate::text::encode(text),
                        }],
                    });
                }
            }
        }
        self.y = top - chart.h;
    }

    /// A ruled table starting at `x`; the header row repeats after a page break.
    pub fn table(&mut self, x: f32, cols: &[Column], header: &[&str], rows: &[Row], size: f32) {
        let pad = 3.5;
        let leading = size * 1.2;
        let head = Row {
            cells: header.iter().map(|h| vec![crate::text::bold(*h)]).collect(),
            bold: true,
        };
        let head_cols: Vec<Column> = cols
            .iter()
            .map(|c| Column {
                align: Align::Center,
                ..*c
            })
            .collect();
        let frames = |cols: &[Column]| -> Vec<Frame> {
            let mut cx = x;
            cols.iter()
                .map(|c| {
                    let f = Frame {
                        x: cx + pad,
                        width: c.width - 2.0 * pad,
                        size,
                        leading,
                        align: c.align,
                    };
                    cx += c.width;
                    f
                })
                .collect()
        };
        let body_frames = frames(cols);
        let head_frames = frames(&head_cols);
        let row_height = |row: &Row, frames: &[Frame]| -> f32 {
            let lines = row
                .cells
                .iter()
                .zip(frames)
                .map(|(cell, f)| Self::measure(&embolden(cell, row.bold), *f))
                .fold(leading, f32::max);
            lines + 2.0 * pad - (leading - size) + size * 0.25
        };
        let head_h = row_height(&head, &head_frames);
        let mut need_head = true;
        for row in rows {
            let h = row_height(row, &body_frames);
            if need_head || self.y - h < BOTTOM {
                if !need_head || self.y - head_h - h < BOTTOM {
                    self.new_page();
                }
                self.shade(x, cols, head_h);
                self.row(x, cols, &head, &head_frames, head_h, pad);
                need_head = false;
            }
            self.row(x, cols, row, &body_frames, h, pad);
        }
    }

    fn shade(&mut self, x: f32, cols: &[Column], h: f32) {
        let w = cols.iter().map(|c| c.width).sum();
        self.push(Op::Shade {
            x,
            y: self.y - h,
            w,
            h,
        });
    }

    fn row(&mut self, x: f32, cols: &[Column], row: &Row, frames: &[Frame], h: f32, pad: f32) {
        let top = self.y;
        let bottom = top - h;
        for (cell, frame) in row.cells.iter().zip(frames) {
            self.place(&embolden(cell, row.bold), *frame, top - pad);
        }
        let right = x + cols.iter().map(|c| c.width).sum::<f32>();
        for y in [top, bottom] {
            self.push(Op::Line {
                from: (x, y),
                to: (right, y),
                width: 0.6,
            });
        }
        let mut cx = x;
        for c in cols.iter().map(|c| c.width).chain([0.0]) {
            self.push(Op::Line {
                from: (cx, top),
                to: (cx, bottom),
                width: 0.6,
            });
            cx += c;
        }
        self.y = bottom;
    }
}

fn embolden(cell: &[Span], bold: bool) -> Vec<Span> {
    cell.iter()
        .map(|s| Span {
            font: if bold { Font::Bold } else { s.font },
            text: s.text.clone(),
        })
        .collect()
}
