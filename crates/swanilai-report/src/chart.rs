//! The report's charts as a small vector model (paths and text in points, y down from
//! the chart's top left), drawn as vector graphics in the PDF (`layout::Sheet::chart`)
//! and rasterised to PNG for the DOCX (`chart_png`). One geometry, two renderers.

use crate::text::Font;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const INK: Rgb = Rgb(33, 33, 33);
pub const GRID: Rgb = Rgb(200, 200, 200);
/// The team's own result (penilaian mandiri).
pub const SELF: Rgb = Rgb(31, 94, 168);
/// The verified result.
pub const VERIFIED: Rgb = Rgb(214, 110, 20);
/// A lighter fill of the team's result (radar area).
pub const SELF_FILL: Rgb = Rgb(190, 211, 236);

/// Where a text's x is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone)]
pub enum Item {
    /// A polyline or polygon, filled and/or stroked.
    Path {
        points: Vec<(f32, f32)>,
        closed: bool,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// One line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        text: String,
        anchor: Anchor,
        bold: bool,
    },
}

/// A chart `w` x `h` points.
#[derive(Debug, Clone)]
pub struct Chart {
    pub w: f32,
    pub h: f32,
    pub items: Vec<Item>,
}

/// One data series: its name in the legend, colour, and a value per category.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    pub values: Vec<Option<f64>>,
}

impl Chart {
    fn new(w: f32, h: f32) -> Chart {
        Chart {
            w,
            h,
            items: Vec::new(),
        }
    }

    fn line(&mut self, a: (f32, f32), b: (f32, f32), color: Rgb, width: f32) {
        self.items.push(Item::Path {
            points: vec![a, b],
            closed: false,
            fill: None,
            stroke: Some((color, width)),
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
        self.items.push(Item::Path {
            points: vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)],
            closed: true,
            fill: Some(fill),
            stroke: None,
        });
    }

    fn text(&mut self, x: f32, y: f32, size: f32, text: impl Into<String>, anchor: Anchor) {
        self.items.push(Item::Text {
            x,
            y,
            size,
            text: text.into(),
            anchor,
            bold: false,
        });
    }

    fn bold(&mut self, x: f32, y: f32, size: f32, text: impl Into<String>, anchor: Anchor) {
        self.items.push(Item::Text {
            x,
            y,
            size,
            text: text.into(),
            anchor,
            bold: true,
        });
    }

    /// The legend centred on one line at baseline `y`.
    fn legend(&mut self, series: &[Series], y: f32) {
        let size = 8.0;
        let widths: Vec<f32> = series
            .iter()
            .map(|s| 14.0 + wide(&s.name, size) + 18.0)
            .collect();
        let mut x = (self.w - widths.iter().sum::<f32>()) / 2.0;
        for (s, w) in series.iter().zip(widths) {
            self.rect(x, y - 7.5, 9.0, 9.0, s.color);
            self.text(x + 13.0, y, size, s.name.as_str(), Anchor::Start);
            x += w;
        }
    }
}

/// The width a renderer may need for `text`: Times widths with room for a wider face.
fn wide(text: &str, size: f32) -> f32 {
    Font::Regular.width(text, size) * 1.2
}

/// Greedy wrap of `text` into lines no wider than `max` (as [`wide`] measures).
pub fn wrap_words(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && wide(&candidate, size) > max {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// "2,77".
pub fn decimal(v: f64) -> String {
    let hundredths = (v * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.abs();
    format!("{sign}{},{:02}", h / 100, h % 100)
}

/// A radar of `axes` (labels) on a 0-5 scale, one polygon per series.
pub fn radar(axes: &[String], series: &[Series]) -> Chart {
    let (w, h) = (453.0, 330.0);
    let mut c = Chart::new(w, h);
    let (cx, cy, r) = (w / 2.0, 150.0, 108.0);
    let n = axes.len().max(3);
    let angle =
        |i: usize| -std::f32::consts::FRAC_PI_2 + i as f32 * std::f32::consts::TAU / n as f32;
    let at = |i: usize, v: f32| {
        let a = angle(i);
        (cx + r * v / 5.0 * a.cos(), cy + r * v / 5.0 * a.sin())
    };
    for ring in 1..=5 {
        let pts: Vec<(f32, f32)> = (0..n).map(|i| at(i, ring as f32)).collect();
        c.items.push(Item::Path {
            points: pts,
            closed: true,
            fill: None,
            stroke: Some((GRID, 0.6)),
        });
    }
    for i in 0..n {
        c.line((cx, cy), at(i, 5.0), GRID, 0.6);
    }
    for (si, s) in series.iter().enumerate() {
        let pts: Vec<(f32, f32)> = (0..n)
            .map(|i| at(i, s.values.get(i).copied().flatten().unwrap_or(0.0) as f32))
            .collect();
        if s.values.iter().all(Option::is_none) {
            continue;
        }
        c.items.push(Item::Path {
            points: pts.clone(),
            closed: true,
            fill: (si == 0).then_some(SELF_FILL),
            stroke: Some((s.color, 1.6)),
        });
        for p in pts {
            c.rect(p.0 - 2.0, p.1 - 2.0, 4.0, 4.0, s.color);
        }
    }
    // The scale beside the first axis, just above each ring, over the areas.
    for ring in 1..=5 {
        let (x, y) = at(0, ring as f32);
        c.text(x - 4.0, y - 2.0, 7.0, ring.to_string(), Anchor::End);
    }
    for (i, label) in axes.iter().enumerate() {
        let a = angle(i);
        let (x, y) = (cx + (r + 12.0) * a.cos(), cy + (r + 12.0) * a.sin());
        let anchor = if a.cos() > 0.3 {
            Anchor::Start
        } else if a.cos() < -0.3 {
            Anchor::End
        } else {
            Anchor::Middle
        };
        let lines = wrap_words(label, 8.5, 112.0);
        let lh = 10.0;
        let top = if a.sin() < -0.3 {
            y - lh * lines.len() as f32 + 6.0
        } else if a.sin() > 0.3 {
            y + 6.0
        } else {
            y - lh * (lines.len() as f32 - 1.0) / 2.0 + 3.0
        };
        for (k, l) in lines.iter().enumerate() {
            c.text(x, top + k as f32 * lh, 8.5, l.as_str(), anchor);
        }
    }
    c.legend(series, h - 8.0);
    c
}

/// Horizontal bars on a 0-5 scale: a row per label, a bar per series, the value at its end.
pub fn hbars(labels: &[String], series: &[Series]) -> Chart {
    let label_w = 150.0;
    let (x0, x1) = (label_w + 8.0, 420.0);
    let bar = 9.0;
    let row_h = (series.len() as f32 * (bar + 2.0) + 10.0).max(24.0);
    let top = 8.0;
    let h = top + row_h * labels.len() as f32 + 44.0;
    let mut c = Chart::new(453.0, h);
    let xs = |v: f64| x0 + (x1 - x0) * (v as f32 / 5.0);
    let bottom = top + row_h * labels.len() as f32;
    for t in 0..=5 {
        let x = xs(f64::from(t));
        c.line((x, top), (x, bottom), GRID, 0.5);
        c.text(x, bottom + 10.0, 7.5, t.to_string(), Anchor::Middle);
    }
    for (i, label) in labels.iter().enumerate() {
        let y = top + row_h * i as f32;
        let lines = wrap_words(label, 8.0, label_w);
        let lh = 9.5;
        let ly = y + row_h / 2.0 - lh * (lines.len() as f32 - 1.0) / 2.0 + 3.0;
        for (k, l) in lines.iter().enumerate() {
            c.text(label_w, ly + k as f32 * lh, 8.0, l.as_str(), Anchor::End);
        }
        let n = series.len() as f32;
        let mut by = y + (row_h - n * (bar + 2.0) + 2.0) / 2.0;
        for s in series {
            if let Some(v) = s.values.get(i).copied().flatten() {
                c.rect(x0, by, xs(v) - x0, bar, s.color);
                c.bold(xs(v) + 3.0, by + bar - 1.5, 7.5, decimal(v), Anchor::Start);
            }
            by += bar + 2.0;
        }
    }
    c.line((x0, top), (x0, bottom), INK, 0.8);
    c.line((x0, bottom), (x1, bottom), INK, 0.8);
    c.legend(series, h - 8.0);
    c
}

/// Vertical bars of the index per year (0-5), one bar per series, the value above it.
pub fn by_year(years: &[i32], series: &[Series]) -> Chart {
    let (w, h) = (453.0, 210.0);
    let mut c = Chart::new(w, h);
    let (x0, x1, top, bottom) = (40.0, w - 20.0, 14.0, h - 44.0);
    let ys = |v: f64| bottom - (bottom - top) * (v as f32 / 5.0);
    for t in 0..=5 {
        let y = ys(f64::from(t));
        c.line((x0, y), (x1, y), GRID, 0.5);
        c.text(x0 - 6.0, y + 3.0, 7.5, t.to_string(), Anchor::End);
    }
    let slot = (x1 - x0) / years.len().max(1) as f32;
    let bar = (slot * 0.7 / series.len().max(1) as f32).min(40.0);
    for (i, year) in years.iter().enumerate() {
        let mid = x0 + slot * (i as f32 + 0.5);
        let mut bx = mid - bar * series.len() as f32 / 2.0;
        for s in series {
            if let Some(v) = s.values.get(i).copied().flatten() {
                c.rect(bx + 2.0, ys(v), bar - 4.0, bottom - ys(v), s.color);
                c.bold(bx + bar / 2.0, ys(v) - 3.0, 8.0, decimal(v), Anchor::Middle);
            }
            bx += bar;
        }
        c.text(mid, bottom + 12.0, 8.5, year.to_string(), Anchor::Middle);
    }
    c.line((x0, bottom), (x1, bottom), INK, 0.8);
    c.legend(series, h - 8.0);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_use_a_comma_and_round_half_away() {
        assert_eq!(decimal(2.775), "2,78");
        assert_eq!(decimal(3.0), "3,00");
        assert_eq!(decimal(-0.25), "-0,25");
    }

    #[test]
    fn wrapped_labels_keep_every_word_within_the_width() {
        let text = "Penyelenggaraan Layanan Administrasi Pemerintahan Berbasis Elektronik";
        let lines = wrap_words(text, 8.0, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn charts_stay_inside_their_box() {
        let s = vec![Series {
            name: "Mandiri".into(),
            color: SELF,
            values: vec![Some(5.0), Some(1.0), None, Some(3.2)],
        }];
        let labels: Vec<String> = (1..=4).map(|i| format!("Aspek {i}")).collect();
        for c in [
            radar(&labels, &s),
            hbars(&labels, &s),
            by_year(&[2025, 2026, 2027, 2028], &s),
        ] {
            for item in &c.items {
                if let Item::Path { points, .. } = item {
                    for (x, y) in points {
                        assert!(
                            (0.0..=c.w).contains(x) && (0.0..=c.h).contains(y),
                            "{x},{y}"
                        );
                    }
                }
            }
        }
    }
}
