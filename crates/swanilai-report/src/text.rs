//! Text for the standard Type 1 fonts: Unicode to WinAnsiEncoding bytes, advance
//! widths from the fonts' AFM metrics, and a greedy word-wrapper over styled spans.

use crate::metrics::{TIMES_BOLD, TIMES_ROMAN};

/// The two faces the documents use (standard 14 fonts, never embedded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    Regular,
    Bold,
}

impl Font {
    /// PostScript name of the standard font.
    pub fn base_name(self) -> &'static [u8] {
        match self {
            Font::Regular => b"Times-Roman",
            Font::Bold => b"Times-Bold",
        }
    }

    /// Name of the font in each page's resource dictionary.
    pub fn resource(self) -> &'static [u8] {
        match self {
            Font::Regular => b"F1",
            Font::Bold => b"F2",
        }
    }

    fn widths(self) -> &'static [u16; 224] {
        match self {
            Font::Regular => &TIMES_ROMAN,
            Font::Bold => &TIMES_BOLD,
        }
    }

    /// Advance width of one encoded byte in 1/1000 em.
    pub fn byte_width(self, b: u8) -> u16 {
        b.checked_sub(32)
            .and_then(|i| self.widths().get(usize::from(i)))
            .copied()
            .unwrap_or(0)
    }

    /// Width in points of encoded bytes at `size`.
    pub fn bytes_width(self, bytes: &[u8], size: f32) -> f32 {
        let units: u32 = bytes.iter().map(|&b| u32::from(self.byte_width(b))).sum();
        units as f32 * size / 1000.0
    }

    /// Width in points of a string at `size`.
    pub fn width(self, text: &str, size: f32) -> f32 {
        self.bytes_width(&encode(text), size)
    }
}

/// One Unicode character as a WinAnsiEncoding byte; `None` outside the code page.
fn win_ansi(c: char) -> Option<u8> {
    let code = u32::from(c);
    let byte = match c {
        '\u{20}'..='\u{7e}' | '\u{a1}'..='\u{ff}' => code as u8,
        '\u{a0}' => b' ',
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        // Near look-alikes that WinAnsi lacks.
        '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
        '\u{2032}' => b'\'',
        _ => return None,
    };
    Some(byte)
}

/// Encode text for a WinAnsi font. Characters outside the code page become '?';
/// tabs and line breaks become spaces.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => b' ',
            _ => win_ansi(c).unwrap_or(b'?'),
        })
        .collect()
}

/// A run of text in one face.
#[derive(Debug, Clone)]
pub struct Span {
    pub font: Font,
    pub text: String,
}

/// Regular-face span.
pub fn plain(text: impl Into<String>) -> Span {
    Span {
        font: Font::Regular,
        text: text.into(),
    }
}

/// Bold-face span.
pub fn bold(text: impl Into<String>) -> Span {
    Span {
        font: Font::Bold,
        text: text.into(),
    }
}

/// Part of a word in one face, already encoded.
#[derive(Debug, Clone)]
pub struct Piece {
    pub font: Font,
    pub bytes: Vec<u8>,
}

/// A word: what sits between two spaces; may change face inside ("**2,77**,").
#[derive(Debug, Clone, Default)]
pub struct Word {
    pub pieces: Vec<Piece>,
    pub width: f32,
}

impl Word {
    fn push(&mut self, font: Font, byte: u8, size: f32) {
        self.width += f32::from(font.byte_width(byte)) * size / 1000.0;
        match self.pieces.last_mut() {
            Some(p) if p.font == font => p.bytes.push(byte),
            _ => self.pieces.push(Piece {
                font,
                bytes: vec![byte],
            }),
        }
    }
}

/// One output line: its words, natural width with single spaces, and whether it
/// ends a paragraph (such a line is never justified).
#[derive(Debug, Clone)]
pub struct Line {
    pub words: Vec<Word>,
    pub width: f32,
    pub last: bool,
}

/// Width of the space between words at `size`.
pub fn space_width(size: f32) -> f32 {
    f32::from(Font::Regular.byte_width(b' ')) * size / 1000.0
}

/// Split spans into words; a '\n' forces a line break (returned as `None`).
fn words(spans: &[Span], size: f32) -> Vec<Option<Word>> {
    let mut out = Vec::new();
    let mut current = Word::default();
    for span in spans {
        for c in span.text.chars() {
            if c == '\n' || c.is_whitespace() && c != '\u{a0}' {
                if !current.pieces.is_empty() {
                    out.push(Some(std::mem::take(&mut current)));
                }
                if c == '\n' {
                    out.push(None);
                }
            } else {
                current.push(span.font, win_ansi(c).unwrap_or(b'?'), size);
            }
        }
    }
    if !current.pieces.is_empty() {
        out.push(Some(current));
    }
    out
}

/// Cut a word wider than `max` into chunks that fit (names, e-mail addresses).
fn split_long(word: Word, size: f32, max: f32) -> Vec<Word> {
    let mut out = Vec::new();
    let mut current = Word::default();
    for piece in word.pieces {
        for b in piece.bytes {
            let w = f32::from(piece.font.byte_width(b)) * size / 1000.0;
            if current.width + w > max && !current.pieces.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.push(piece.font, b, size);
        }
    }
    if !current.pieces.is_empty() {
        out.push(current);
    }
    out
}

/// Greedy word wrap of `spans` at `size` into lines no wider than `max`.
/// Always returns at least one line (possibly empty), so blank cells keep their height.
pub fn wrap(spans: &[Span], size: f32, max: f32) -> Vec<Line> {
    let space = space_width(size);
    let mut lines = Vec::new();
    let mut current = Line {
        words: Vec::new(),
        width: 0.0,
        last: false,
    };
    for item in words(spans, size) {
        let Some(word) = item else {
            current.last = true;
            lines.push(std::mem::replace(
                &mut current,
                Line {
                    words: Vec::new(),
                    width: 0.0,
                    last: false,
                },
            ));
            continue;
        };
        let parts = if word.width > max {
            split_long(word, size, max)
        } else {
            vec![word]
        };
        for part in parts {
            let extra = if current.words.is_empty() {
                part.width
            } else {
                space + part.width
            };
            if !current.words.is_empty() && current.width + extra > max {
                lines.push(std::mem::replace(
                    &mut current,
                    Line {
                        words: Vec::new(),
                        width: 0.0,
                        last: false,
                    },
                ));
                current.width = part.width;
            } else {
                current.width += extra;
            }
            current.words.push(part);
        }
    }
    current.last = true;
    if !current.words.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_win_ansi_and_replaces_the_rest() {
        assert_eq!(encode("Abc"), b"Abc".to_vec());
        assert_eq!(encode("é–“”"), vec![0xe9, 0x96, 0x93, 0x94]);
        assert_eq!(encode("ŋ"), b"?".to_vec(), "outside WinAnsi");
    }

    #[test]
    fn widths_are_the_afm_widths() {
        // Times-Roman: A = 722, space = 250; Times-Bold: A = 722, a = 500.
        assert!((Font::Regular.width("A ", 10.0) - 9.72).abs() < 1e-4);
        assert!((Font::Bold.width("a", 1000.0) - 500.0).abs() < 1e-3);
        assert!(Font::Bold.width("Sukamaju", 12.0) > Font::Regular.width("Sukamaju", 12.0));
    }

    #[test]
    fn wrap_keeps_lines_within_width_and_loses_no_word() {
        let text = "Pada hari ini Senin tanggal dua puluh tiga bulan November tahun dua ribu \
                    dua puluh enam, kami yang bertanda tangan di bawah ini";
        let max = 150.0;
        let lines = wrap(&[plain(text)], 12.0, max);
        assert!(
            lines.len() > 2,
            "the sentence needs several lines at 150 pt"
        );
        for line in &lines {
            assert!(line.width <= max + 1e-3, "line too wide: {}", line.width);
        }
        assert!(lines.last().is_some_and(|l| l.last));
        let count: usize = lines.iter().map(|l| l.words.len()).sum();
        assert_eq!(count, text.split_whitespace().count());
    }

    #[test]
    fn wrap_breaks_words_longer_than_the_line_and_honours_newlines() {
        let lines = wrap(&[plain("x".repeat(60))], 12.0, 100.0);
        assert!(lines.len() >= 3 && lines.iter().all(|l| l.width <= 100.0));
        let lines = wrap(&[bold("Nama"), plain("\nNIP. 1968")], 12.0, 300.0);
        assert_eq!(lines.len(), 2, "a newline forces a break");
        assert!(
            lines[0].last,
            "the line before a hard break is not justified"
        );
        assert_eq!(
            wrap(&[], 12.0, 100.0).len(),
            1,
            "an empty text keeps one line"
        );
    }

    #[test]
    fn words_switch_face_inside_a_word() {
        let lines = wrap(&[plain("indeks "), bold("2,77"), plain(",")], 12.0, 300.0);
        let last = &lines[0].words[1];
        assert_eq!(last.pieces.len(), 2, "bold number then regular comma");
        assert_eq!(last.pieces[0].font, Font::Bold);
    }
}
