//! Parts both documents share: the kop (letterhead), the title with its "Nomor"
//! line, a "Nama : ..." field list and the signature blocks.

use crate::layout::{Align, Frame, Sheet, LEFT, RIGHT};
use crate::text::{bold, plain, Font, Span};
use crate::{DocumentData, Person};

/// Body text size and the indent of numbered points.
pub const BODY: f32 = 12.0;
pub const INDENT: f32 = 22.0;
/// Height left blank for a handwritten signature.
const SIGN_SPACE: f32 = 62.0;

/// Kop: instansi upper-cased, "SEKRETARIAT DAERAH" for a pemda, the address,
/// then the double rule (thick over thin) across the full measure.
pub fn kop(sheet: &mut Sheet, d: &DocumentData) {
    let center = |size: f32| Frame {
        leading: size * 1.2,
        ..Frame::body(size, Align::Center)
    };
    sheet.paragraph(&[bold(d.instansi.to_uppercase())], center(14.0));
    let pemda = matches!(
        d.instansi_kind.to_lowercase().as_str(),
        "kabupaten" | "kota" | "provinsi"
    );
    if pemda {
        sheet.paragraph(&[bold("SEKRETARIAT DAERAH")], center(16.0));
    }
    if !d.address.trim().is_empty() {
        sheet.gap(1.0);
        sheet.paragraph(&[plain(d.address.as_str())], center(10.0));
    }
    sheet.gap(3.0);
    sheet.rule(LEFT, RIGHT, 2.2);
    sheet.gap(1.6);
    sheet.rule(LEFT, RIGHT, 0.7);
    sheet.gap(20.0);
}

/// Centred bold title lines, then "Nomor: ....".
pub fn title(sheet: &mut Sheet, lines: &[String]) {
    let frame = Frame {
        leading: BODY * 1.25,
        ..Frame::body(BODY, Align::Center)
    };
    for line in lines {
        sheet.paragraph(&[bold(line.as_str())], frame);
    }
    sheet.paragraph(
        &[plain(
            "Nomor: ..................................................",
        )],
        frame,
    );
    sheet.gap(BODY);
}

/// "Nama      : value" lines, the value wrapping beside the colon.
pub fn fields(sheet: &mut Sheet, rows: &[(&str, String)], x: f32) {
    let label_w = 70.0;
    let colon_w = 10.0;
    let frame = Frame::body(BODY, Align::Left);
    let value = Frame {
        x: x + label_w + colon_w,
        width: RIGHT - x - label_w - colon_w,
        ..frame
    };
    for (label, text) in rows {
        let spans = [plain(text.as_str())];
        sheet.ensure(Sheet::measure(&spans, value));
        let top = sheet.y;
        let label_frame = Frame {
            x,
            width: label_w,
            ..frame
        };
        sheet.place(&[plain(*label)], label_frame, top);
        let colon = Frame {
            x: x + label_w,
            width: colon_w,
            ..frame
        };
        sheet.place(&[plain(":")], colon, top);
        let h = sheet.place(&spans, value, top);
        sheet.y -= h;
    }
}

/// "Sukamaju, 23 November 2026"; the date alone when no place is known.
pub fn place_and_date(place: &str, date: (i32, u32, u32)) -> String {
    let date = crate::words::date_numeric(date);
    if place.trim().is_empty() {
        date
    } else {
        format!("{}, {date}", place.trim())
    }
}

/// One signature block: lines above the signing space, then the signatory.
#[derive(Debug, Clone)]
pub struct Signer<'a> {
    /// "Sukamaju, 23 November 2026" on the block that carries the date.
    pub dated: Option<String>,
    /// "Koordinator SPBE,".
    pub role: String,
    pub person: &'a Person,
    /// A dashed box for the meterai in the signing space.
    pub meterai: bool,
}

/// NIP grouped as printed on Indonesian documents: "19680101 199003 1 001".
pub fn format_nip(nip: &str) -> String {
    let digits: Vec<char> = nip.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 18 && digits.iter().all(char::is_ascii_digit) {
        let s: String = digits.iter().collect();
        format!("{} {} {} {}", &s[..8], &s[8..14], &s[14..15], &s[15..])
    } else {
        nip.trim().to_string()
    }
}

/// Frames of the signature columns: `left` optional, `right` always present.
fn sign_blocks<'s, 'a>(
    left: Option<&'s Signer<'a>>,
    right: &'s Signer<'a>,
) -> Vec<(&'s Signer<'a>, Frame)> {
    let half = (RIGHT - LEFT) / 2.0;
    let column = |x: f32| Frame {
        x,
        width: half - 8.0,
        ..Frame::body(BODY, Align::Center)
    };
    left.map(|s| (s, column(LEFT)))
        .into_iter()
        .chain([(right, column(LEFT + half + 8.0))])
        .collect()
}

/// Heights of the parts of the signature blocks: date line, role lines, name + NIP.
fn sign_parts(blocks: &[(&Signer, Frame)]) -> (f32, f32, f32) {
    let max_of = |f: &dyn Fn(&Signer, Frame) -> f32| {
        blocks.iter().map(|(s, fr)| f(s, *fr)).fold(0.0, f32::max)
    };
    let dated_h = max_of(&|s, f| {
        s.dated
            .as_ref()
            .map_or(0.0, |d| Sheet::measure(&[plain(d.as_str())], f))
    });
    let role_h = max_of(&|s, f| Sheet::measure(&[plain(s.role.as_str())], f));
    let tail_h = max_of(&|s, f| Sheet::measure(&name_spans(s.person), f) + f.leading);
    (dated_h, role_h, tail_h)
}

/// Total height of the signature blocks, to keep text together with them.
pub fn signatures_height(left: Option<&Signer>, right: &Signer) -> f32 {
    let (dated_h, role_h, tail_h) = sign_parts(&sign_blocks(left, right));
    dated_h + role_h + SIGN_SPACE + tail_h
}

/// Signature blocks side by side, each centred in half the measure; `left` is
/// optional, `right` always present. The blocks are kept together on one page.
pub fn signatures(sheet: &mut Sheet, left: Option<&Signer>, right: &Signer) {
    let blocks = sign_blocks(left, right);
    let (dated_h, role_h, tail_h) = sign_parts(&blocks);
    let head_h = dated_h + role_h;
    sheet.ensure(head_h + SIGN_SPACE + tail_h);
    let top = sheet.y;
    for (signer, frame) in &blocks {
        if let Some(dated) = &signer.dated {
            sheet.place(&[plain(dated.as_str())], *frame, top);
        }
        sheet.place(&[plain(signer.role.as_str())], *frame, top - dated_h);
        let sign_top = top - head_h;
        if signer.meterai {
            meterai(sheet, frame.x + 6.0, sign_top - 10.0);
        }
        let name_top = sign_top - SIGN_SPACE;
        let name = name_spans(signer.person);
        let h = sheet.place(&name, *frame, name_top);
        if !signer.person.name.trim().is_empty() {
            sheet.underline(&name, *frame, name_top);
        }
        let nip = format!("NIP. {}", or_blank(&format_nip(&signer.person.nip)));
        sheet.place(&[plain(nip)], *frame, name_top - h);
    }
    sheet.y = top - head_h - SIGN_SPACE - tail_h;
}

/// Dots to fill by hand where a value is missing.
const BLANK: &str = "........................................";

/// `text`, or dots when it is blank.
pub fn or_blank(text: &str) -> String {
    if text.trim().is_empty() {
        BLANK.to_string()
    } else {
        text.trim().to_string()
    }
}

/// The signatory's name in bold; dots (not bold) when no name is known.
fn name_spans(p: &Person) -> Vec<Span> {
    let font = if p.name.trim().is_empty() {
        Font::Regular
    } else {
        Font::Bold
    };
    vec![Span {
        font,
        text: or_blank(&p.name),
    }]
}

/// The place for a meterai: a dashed box labelled "METERAI Rp10.000".
fn meterai(sheet: &mut Sheet, x: f32, top: f32) {
    let (w, h) = (58.0, 40.0);
    sheet.dash_box(x, top, w, h);
    let frame = Frame {
        x,
        width: w,
        size: 7.0,
        leading: 8.5,
        align: Align::Center,
    };
    sheet.place(&[plain("METERAI\nRp10.000")], frame, top - h / 2.0 + 7.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nip_is_grouped_only_when_it_is_an_18_digit_nip() {
        assert_eq!(format_nip("196801011990031001"), "19680101 199003 1 001");
        assert_eq!(format_nip("19680101 199003 1 001"), "19680101 199003 1 001");
        assert_eq!(format_nip(" -"), "-", "anything else is printed as given");
    }
}
