//! A [`Chart`] rasterised to PNG for the DOCX: paths with tiny-skia (anti-aliased), text
//! with ab_glyph in DejaVu Sans (embedded, Bitstream Vera licence: assets/fonts/).

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use tiny_skia::{
    Color, FillRule, LineJoin, Paint, PathBuilder, Pixmap, PremultipliedColorU8, Stroke, Transform,
};

use crate::chart::{Anchor, Chart, Item, Rgb};

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// DejaVu Sans is wider than Times at the same size: set it a little smaller so the
/// labels take the room the layout measured.
const FACE_SCALE: f32 = 0.94;

/// Pixels per point (3 = 216 dpi: sharp when printed from Word).
pub const SCALE: f32 = 3.0;

/// The chart as PNG bytes and its size in pixels.
pub fn png(chart: &Chart) -> (Vec<u8>, u32, u32) {
    let (w, h) = (
        (chart.w * SCALE).ceil() as u32,
        (chart.h * SCALE).ceil() as u32,
    );
    let Some(mut pixmap) = Pixmap::new(w.max(1), h.max(1)) else {
        return (Vec::new(), 0, 0);
    };
    pixmap.fill(Color::WHITE);
    let fonts = (
        FontRef::try_from_slice(REGULAR),
        FontRef::try_from_slice(BOLD),
    );
    let transform = Transform::from_scale(SCALE, SCALE);
    for item in &chart.items {
        match item {
            Item::Path {
                points,
                closed,
                fill,
                stroke,
            } => {
                let mut pb = PathBuilder::new();
                for (i, (x, y)) in points.iter().enumerate() {
                    if i == 0 {
                        pb.move_to(*x, *y);
                    } else {
                        pb.line_to(*x, *y);
                    }
                }
                if *closed {
                    pb.close();
                }
                let Some(path) = pb.finish() else { continue };
                if let Some(c) = fill {
                    pixmap.fill_path(&path, &paint(*c), FillRule::Winding, transform, None);
                }
                if let Some((c, width)) = stroke {
                    let s = Stroke {
                        width: *width,
                        line_join: LineJoin::Round,
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(&path, &paint(*c), &s, transform, None);
                }
            }
            Item::Text {
                x,
                y,
                size,
                text,
                anchor,
                bold,
            } => {
                let font = match (&fonts, bold) {
                    ((_, Ok(b)), true) => b,
                    ((Ok(r), _), _) => r,
                    _ => continue,
                };
                draw_text(&mut pixmap, font, (*x, *y), *size, text, *anchor);
            }
        }
    }
    let bytes = pixmap.encode_png().unwrap_or_default();
    (bytes, w, h)
}

fn paint(c: Rgb) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(c.0, c.1, c.2, 255);
    p.anti_alias = true;
    p
}

/// One line of dark text at baseline `at` (points), anchored as asked.
fn draw_text(
    pixmap: &mut Pixmap,
    font: &FontRef,
    at: (f32, f32),
    size: f32,
    text: &str,
    anchor: Anchor,
) {
    let scaled = font.as_scaled(PxScale::from(size * SCALE * FACE_SCALE));
    let mut glyphs = Vec::new();
    let mut x = 0.0;
    let mut prev = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            x += scaled.kern(p, id);
        }
        glyphs.push((id, x));
        x += scaled.h_advance(id);
        prev = Some(id);
    }
    let start = match anchor {
        Anchor::Start => at.0 * SCALE,
        Anchor::Middle => at.0 * SCALE - x / 2.0,
        Anchor::End => at.0 * SCALE - x,
    };
    let baseline = at.1 * SCALE;
    let (w, h) = (pixmap.width(), pixmap.height());
    let pixels = pixmap.pixels_mut();
    let ink = crate::chart::INK;
    for (id, gx) in glyphs {
        let glyph = id.with_scale_and_position(scaled.scale(), point(start + gx, baseline));
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|px, py, coverage| {
            let (px_x, px_y) = (
                bounds.min.x as i64 + i64::from(px),
                bounds.min.y as i64 + i64::from(py),
            );
            if px_x < 0 || px_y < 0 || px_x >= i64::from(w) || px_y >= i64::from(h) {
                return;
            }
            let Some(p) = pixels.get_mut((px_y as u64 * u64::from(w) + px_x as u64) as usize)
            else {
                return;
            };
            let a = coverage.clamp(0.0, 1.0);
            let mix = |old: u8, new: u8| (f32::from(old) * (1.0 - a) + f32::from(new) * a) as u8;
            if let Some(c) = PremultipliedColorU8::from_rgba(
                mix(p.red(), ink.0),
                mix(p.green(), ink.1),
                mix(p.blue(), ink.2),
                255,
            ) {
                *p = c;
            }
        });
    }
}
