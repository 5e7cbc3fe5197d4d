//! TypeScript bindings of the IPC contract (ts-rs), committed in `ui/src/ipc/bindings/`.
//! The test below regenerates them into a scratch folder and fails when the committed
//! files differ; `UPDATE_BINDINGS=1 cargo test -p swanilai-app bindings` rewrites them.

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use ts_rs::{Config, TS};

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings")
    }

    /// Every type the desktop shell sends or receives; their dependencies come along.
    fn export_all(cfg: &Config) {
        macro_rules! all {
            ($($t:ty),* $(,)?) => { $( <$t as TS>::export_all(cfg).expect(stringify!($t)); )* };
        }
        use crate::*;
        all!(
            InstansiInput,
            InstansiDto,
            AssessmentDto,
            AnswerInput,
            AnswerDto,
            EvidenceDto,
            IndexDto,
            ImportPreview,
            ImportProblem,
            swanilai_xlsx::ProblemKind,
            ImportOutcome,
            FrameworkDto,
            DemoSummary,
            IndicatorInfo,
            AppError,
            ErrorCode,
            NewAccount,
            AccountDto,
            SignedInDto,
            TeamMemberDto,
            Assignee,
            AssignmentDto,
            CommentDto,
            AuditEntryDto,
            AuditReport,
            DocumentKind,
            PackageSummary,
            database::DatabaseDto,
            database::BackupDto,
            BackupReason,
            BackupAssessmentDto,
            BackupDbStateDto,
            BackupInfoDto,
            BackupListDto,
            RestorePreviewDto,
            RestoreReportDto,
            ProgressDto,
            CompareDto,
            StageInput,
            StageImportDto,
            CarryInput,
            YearsDto,
            PlanInput,
            PlanDto,
            GapDto,
            IndicatorPlanInput,
            IndicatorPlanDto,
            RecommendationInput,
            RecommendationDto,
            ScenarioDto,
            ValueChange,
            settings::Settings,
            settings::TextSize,
            settings::Display,
            Year,
            ReviewStep,
            swanilai_core::workflow::Role,
            PackageTarget,
            PackageDto,
            MergeReport,
            MergeDecision,
            WorkingCopyDto,
            Take,
            ScoringDto,
            ValueInput,
            ExternalInput,
            IndicatorValueDto,
            ButirInput,
            ButirDto,
        );
    }

    fn read_dir(dir: &Path) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.ends_with(".ts") {
                    out.insert(name, std::fs::read_to_string(e.path()).unwrap_or_default());
                }
            }
        }
        out
    }

    #[test]
    fn committed_bindings_are_fresh() {
        let scratch = tempfile::tempdir().expect("tempdir");
        export_all(
            &Config::new()
                .with_large_int("number")
                .with_out_dir(scratch.path()),
        );
        let fresh = read_dir(scratch.path());
        assert!(
            fresh.len() > 15,
            "expected every DTO to be generated, got {}",
            fresh.len()
        );
        let dir = committed_dir();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            for old in read_dir(&dir).keys() {
                std::fs::remove_file(dir.join(old)).expect("remove old binding");
            }
            std::fs::create_dir_all(&dir).expect("bindings dir");
            for (name, text) in &fresh {
                std::fs::write(dir.join(name), text).expect("write binding");
            }
        }
        let committed = read_dir(&dir);
        let stale: Vec<&String> = fresh
            .iter()
            .filter(|(n, t)| committed.get(*n) != Some(*t))
            .map(|(n, _)| n)
            .chain(committed.keys().filter(|n| !fresh.contains_key(*n)))
            .collect();
        assert!(
            stale.is_empty(),
            "ui/src/ipc/bindings is stale ({stale:?}); regenerate with `UPDATE_BINDINGS=1 cargo test -p swanilai-app bindings` and commit"
        );
    }
}
