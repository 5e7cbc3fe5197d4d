//! The stages of an evaluation (tahap evaluasi): the team's own answer (penilaian
//! mandiri), then the external assessors' Penilaian Dokumen, Interviu and Visitasi, and the
//! final result of the Laporan Hasil Evaluasi (LHE).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One stage of the evaluation of an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// The team's own answer (penilaian mandiri).
    Mandiri,
    /// Penilaian Dokumen: the assessors' reading of the evidence.
    Dokumen,
    /// Interviu: after the interview.
    Interviu,
    /// Visitasi: after the site visit (not every instansi gets one).
    Visitasi,
    /// The final level of the Laporan Hasil Evaluasi.
    Final,
}

/// A stage name that is not one of the five.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a stage (mandiri, dokumen, interviu, visitasi, final)")]
pub struct UnknownStage(pub String);

impl Stage {
    /// Every stage, in the order the evaluation goes.
    pub const ALL: [Stage; 5] = [
        Stage::Mandiri,
        Stage::Dokumen,
        Stage::Interviu,
        Stage::Visitasi,
        Stage::Final,
    ];
    /// The stages the external assessors record (all but mandiri).
    pub const VERIFIED: [Stage; 4] = [
        Stage::Dokumen,
        Stage::Interviu,
        Stage::Visitasi,
        Stage::Final,
    ];

    /// The stored and command-line name: "mandiri", "dokumen", "interviu", "visitasi", "final".
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Mandiri => "mandiri",
            Stage::Dokumen => "dokumen",
            Stage::Interviu => "interviu",
            Stage::Visitasi => "visitasi",
            Stage::Final => "final",
        }
    }

    /// The national name of the stage, as a header says it.
    pub fn title(self) -> &'static str {
        match self {
            Stage::Mandiri => "Penilaian Mandiri",
            Stage::Dokumen => "Penilaian Dokumen",
            Stage::Interviu => "Interviu",
            Stage::Visitasi => "Visitasi",
            Stage::Final => "Hasil Akhir (LHE)",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Stage {
    type Err = UnknownStage;

    /// Reads the stored name in any case, and the national titles ("Penilaian Dokumen",
    /// "Hasil Akhir", "LHE").
    fn from_str(s: &str) -> Result<Stage, UnknownStage> {
        let t = s.trim().to_lowercase();
        let t = t.trim_start_matches("penilaian ").trim();
        Ok(match t {
            "mandiri" => Stage::Mandiri,
            "dokumen" => Stage::Dokumen,
            "interviu" | "wawancara" | "interview" => Stage::Interviu,
            "visitasi" | "visit" => Stage::Visitasi,
            "final" | "akhir" | "hasil akhir" | "lhe" | "hasil akhir (lhe)" => Stage::Final,
            _ => return Err(UnknownStage(s.trim().to_owned())),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_national_titles_read() {
        for s in Stage::ALL {
            assert_eq!(s.as_str().parse::<Stage>().unwrap(), s);
            assert_eq!(s.title().parse::<Stage>().unwrap(), s);
        }
        assert_eq!(" DOKUMEN ".parse::<Stage>().unwrap(), Stage::Dokumen);
        assert_eq!("LHE".parse::<Stage>().unwrap(), Stage::Final);
        let err = "verifikasi".parse::<Stage>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'verifikasi' is not a stage (mandiri, dokumen, interviu, visitasi, final)"
        );
    }
}
