//! Dispatch: each command opens the database as it needs and calls one use case.

use std::path::PathBuf;

use swanilai_app::{
    check_catalog_file, index_from_levels, levels_from_csv, AnswerInput, App, AppError, AppResult,
    ErrorCode, InstansiInput, InstansiKind, Open,
};

use crate::args::{AnswerCmd, AssessmentCmd, CatalogCmd, Cli, Command, EvidenceCmd, PackageCmd};
use crate::output::{escape_controls, print_answers, print_index, print_json, print_preview};

pub fn run(cli: Cli) -> AppResult<()> {
    let user = cli.user.clone();
    let lang = cli.language();
    let open_initialized = |path: &std::path::Path| {
        let mut app = crate::session::open(path, user.as_deref())?;
        app.set_language(lang);
        Ok::<_, AppError>(app)
    };
    let db = cli.db.clone();
    let db = move || db.clone().map_or_else(default_db, Ok);
    match cli.command {
        Command::Init {
            instansi,
            kind,
            coordinator,
            coordinator_nip,
        } => {
            let kind = InstansiKind::parse(&kind).ok_or_else(|| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    format!(
                        "kind '{kind}' is not one of provinsi, kabupaten, kota, instansi-pusat"
                    ),
                )
            })?;
            let path = db()?;
            let mut app = App::open(&path, Open::CreateIfMissing)?;
            let i = app.init(InstansiInput {
                name: instansi,
                kind,
                coordinator_name: coordinator,
                coordinator_nip,
                address: String::new(),
            })?;
            outln!(
                "{} ({}) created in {}",
                i.name,
                i.kind.as_str(),
                path.display()
            );
        }
        Command::Info { json } => {
            let mut app = open_initialized(&db()?)?;
            let i = app.instansi()?;
            let a = app.assessments()?;
            if json {
                print_json(&serde_json::json!({ "instansi": i, "assessments": a }));
            } else if let Some(i) = i {
                outln!("{} ({})", i.name, i.kind.as_str());
                outln!("Koordinator SPBE: {}", i.coordinator_name);
                for a in a {
                    outln!(
                        "  {} {} [{}] {}",
                        a.year,
                        a.framework_id,
                        a.criteria_version,
                        a.status
                    );
                }
            }
        }
        Command::Assessment(AssessmentCmd::New {
            year,
            framework,
            from_previous,
            indicators,
        }) => {
            let mut app = open_initialized(&db()?)?;
            crate::verification::new_assessment(
                &mut app,
                year,
                framework.as_deref(),
                from_previous,
                indicators.as_deref(),
            )?;
        }
        Command::Assessment(AssessmentCmd::List { json }) => {
            let list = open_initialized(&db()?)?.assessments()?;
            if json {
                print_json(&list);
            } else {
                for a in list {
                    outln!(
                        "{} {} [{}] {}",
                        a.year,
                        a.framework_id,
                        a.criteria_version,
                        a.status
                    );
                }
            }
        }
        Command::Answer(cmd) => answer(cmd, open_initialized(&db()?)?)?,
        Command::Evidence(cmd) => evidence(cmd, open_initialized(&db()?)?)?,
        Command::External(cmd) => crate::scoring::external(cmd, open_initialized(&db()?)?)?,
        Command::Butir(cmd) => crate::scoring::butir(cmd, open_initialized(&db()?)?)?,
        Command::Verification(cmd) => {
            crate::verification::verification(cmd, open_initialized(&db()?)?)?
        }
        Command::Whatif { year, set, json } => {
            crate::planning::what_if(open_initialized(&db()?)?, year.year, &set, json)?
        }
        Command::Gap {
            year,
            target,
            ceiling,
            effort,
            indicator,
            json,
        } => crate::planning::gap(
            open_initialized(&db()?)?,
            year.year,
            target,
            &ceiling,
            &effort,
            indicator,
            json,
        )?,
        Command::Plan(cmd) => crate::planning::plan(cmd, open_initialized(&db()?)?)?,
        Command::Recommendation(cmd) => {
            crate::planning::recommendation(cmd, open_initialized(&db()?)?)?
        }
        Command::Compare { year, years, json } => {
            crate::verification::compare(open_initialized(&db()?)?, year.year, years, json)?
        }
        Command::Index {
            year,
            values: Some(file),
            framework,
            json,
            ..
        } => {
            if year.year.is_some() {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    "--values computes without a database; drop --year",
                ));
            }
            let framework = framework.unwrap_or_default();
            crate::scoring::index_of_values(&framework, &file, json, lang)?;
        }
        Command::Index {
            year,
            levels: Some(file),
            framework,
            json,
            ..
        } => {
            if let Some(f) = framework {
                let c = swanilai_app::shipped_framework(&f)?;
                if c.scoring().value != swanilai_core::ValueKind::Level {
                    return Err(AppError::new(
                        ErrorCode::WrongValueKind,
                        format!("{f} scores decimal values; compute it with `index --framework {f} --values FILE.csv`"),
                    ));
                }
            }
            if year.year.is_some() {
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    "--levels computes without a database; drop --year",
                ));
            }
            let text = std::fs::read_to_string(&file).map_err(|e| {
                AppError::new(
                    ErrorCode::FileUnreadable,
                    format!("cannot read {}: {e}", file.display()),
                )
            })?;
            let levels = levels_from_csv(&text, &file.display().to_string(), None, lang)?;
            let dto = index_from_levels(&levels);
            if json {
                print_json(&dto)
            } else {
                print_index(&dto)
            }
        }
        Command::Index {
            year,
            levels: None,
            json,
            ..
        } => {
            let dto = open_initialized(&db()?)?.index(year.year)?;
            if json {
                print_json(&dto)
            } else {
                print_index(&dto)
            }
        }
        Command::Export { year, out } => {
            let mut app = open_initialized(&db()?)?;
            app.export_workbook(year.year, &out)?;
            outln!("wrote {}", out.display());
        }
        Command::Import {
            year,
            file,
            dry_run,
            accept_valid,
            json,
        } => {
            let mut app = open_initialized(&db()?)?;
            if dry_run {
                let p = app.import_preview(year.year, &file)?;
                if json {
                    print_json(&p)
                } else {
                    print_preview(&p, false, lang)
                }
                // As the real import: problems are a failure, not a quiet success.
                if !p.problems.is_empty() {
                    return Err(AppError::new(
                        ErrorCode::ImportRejected,
                        dry_run_refused(&p.file, p.problems.len(), lang),
                    ));
                }
            } else {
                let o = app.import_apply(year.year, &file, accept_valid)?;
                if json {
                    print_json(&o)
                } else {
                    print_preview(&o.preview, true, lang);
                    outln!("{} indicator(s) written", o.indicators_written);
                }
            }
        }
        Command::Demo => {
            let path = db()?;
            let mut app = App::open(&path, Open::CreateIfMissing)?;
            let scratch = path.with_file_name(".swanilai-demo-files");
            let s = app.demo(&scratch)?;
            let _ = std::fs::remove_dir_all(&scratch);
            outln!(
                "{}: assessments {:?}, {} indicators answered, {} evidence files, in {}",
                s.instansi,
                s.years,
                s.answered,
                s.evidence_files,
                path.display()
            );
        }
        Command::Catalog(cmd) => catalog(cmd, db, &open_initialized)?,
        Command::Package(PackageCmd::Open { file }) => {
            let mut app = App::open(&db()?, Open::CreateIfMissing)?;
            let p = app.package_open(&file)?;
            outln!(
                "opened the work package for {} ({} {}): indicators {}",
                p.for_account.as_deref().unwrap_or("-"),
                app.db_path().display(),
                p.year,
                crate::packages::list(&p.indicators)
            );
            if !p.kept_unsent.is_empty() {
                outln!(
                    "kept your unsent work on indicators {}",
                    crate::packages::list(&p.kept_unsent)
                );
            }
        }
        Command::Package(cmd) => crate::packages::run(cmd, open_initialized(&db()?)?)?,
        Command::Backup(cmd) => crate::backups::run(cmd, open_initialized(&db()?)?)?,
        Command::Recap { inputs, out, json } => crate::recap::run(&inputs, &out, json, lang)?,
        Command::Report { year, target, out } => {
            crate::report::check(&out)?;
            crate::report::run(open_initialized(&db()?)?, year.year, target, &out)?
        }
        other => crate::team::run(other, open_initialized(&db()?)?)?,
    }
    Ok(())
}

fn answer(cmd: AnswerCmd, mut app: App) -> AppResult<()> {
    match cmd {
        AnswerCmd::Set {
            year,
            indicator,
            level,
            clear_level,
            value,
            clear_value,
            assessor_value,
            explanation,
            explanation_file,
            service_name,
            owner,
            json,
        } => {
            let any_value = value.is_some() || clear_value || assessor_value.is_some();
            let set = crate::scoring::set_values(
                &mut app,
                year.year,
                indicator,
                value,
                clear_value,
                assessor_value,
            )?;
            let explanation = match explanation_file {
                Some(f) => Some(std::fs::read_to_string(&f).map_err(|e| {
                    AppError::new(
                        ErrorCode::FileUnreadable,
                        format!("cannot read {}: {e}", f.display()),
                    )
                })?),
                None => explanation,
            };
            let level = if clear_level {
                Some(None)
            } else {
                level.map(Some)
            };
            let input = AnswerInput {
                level,
                explanation,
                service_name: service_name.map(|s| Some(s).filter(|s| !s.trim().is_empty())),
                owner,
            };
            if input == AnswerInput::default() {
                if let Some(v) = set.filter(|_| any_value) {
                    if json {
                        print_json(&v)
                    } else {
                        crate::scoring::print_value(&v)
                    }
                    return Ok(());
                }
                return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    "nothing to set: give --level, --clear-level, --value, --explanation, --service-name or --owner",
                ));
            }
            let a = app.set_answer(year.year, indicator, input)?;
            if json {
                print_json(&a)
            } else if let Some(v) = &set {
                crate::scoring::print_value(v)
            } else {
                outln!(
                    "{} indicator {}: level {}",
                    a.year,
                    a.indicator,
                    a.level.map_or("-".into(), |l| l.to_string())
                );
            }
        }
        AnswerCmd::Show {
            year,
            indicator,
            json,
        } => {
            let a = app.answer(year.year, indicator)?;
            if json {
                print_json(&a)
            } else {
                outln!("{}. {}", a.indicator, a.name);
                if let Some(s) = &a.service_name {
                    outln!("Layanan: {s}");
                }
                outln!(
                    "Tingkat: {} {}",
                    a.level.map_or("-".into(), |l| l.to_string()),
                    a.level_name.unwrap_or_default()
                );
                outln!(
                    "Status: {}  Unit: {}  Data dukung: {}",
                    a.status,
                    a.owner,
                    a.evidence_count
                );
                outln!("\n{}", a.explanation);
            }
        }
        AnswerCmd::List { year, json } => {
            let list = app.answers(year.year)?;
            if json {
                print_json(&list)
            } else {
                print_answers(&list)
            }
        }
    }
    Ok(())
}

fn evidence(cmd: EvidenceCmd, mut app: App) -> AppResult<()> {
    match cmd {
        EvidenceCmd::Add {
            year,
            indicator,
            date,
            butir,
            files,
            json,
        } => {
            if let Some(b) = butir.as_deref() {
                // Refuse a butir id before copying anything.
                let ok = app
                    .butir(year.year, Some(indicator))?
                    .iter()
                    .any(|x| x.id == b.trim());
                if !ok {
                    return Err(AppError::new(
                        ErrorCode::UnknownButir,
                        format!("indicator {indicator} has no butir '{}'; `butir list --indicator {indicator}` shows them", b.trim()),
                    ));
                }
            }
            let mut added =
                app.add_evidence_files(year.year, indicator, &files, date.as_deref())?;
            if let Some(b) = butir.as_deref() {
                for e in &mut added {
                    let fresh = e.newly_attached;
                    *e = app.attach_evidence_to_butir(year.year, e.id, Some(b))?;
                    e.newly_attached = fresh;
                }
            }
            if json {
                print_json(&added)
            } else {
                for e in added {
                    let note = if e.newly_attached {
                        ""
                    } else {
                        " (already attached)"
                    };
                    outln!(
                        "{} {} sha256:{}{note}",
                        e.label,
                        e.conventional_name,
                        e.sha256.clone().unwrap_or_default()
                    );
                    if let Some(other) = e.claims_indicator {
                        outln!(
                            "warning: the name '{}' looks like evidence of indicator {other}; it is attached to indicator {} as {}",
                            e.name,
                            e.indicator,
                            e.label
                        );
                    }
                }
            }
        }
        EvidenceCmd::Link {
            year,
            indicator,
            url,
            title,
            note,
        } => {
            let e = app.add_evidence_link(year.year, indicator, &url, title.as_deref(), &note)?;
            outln!("{} {} {}", e.label, e.name, e.url.unwrap_or_default());
        }
        EvidenceCmd::List {
            year,
            indicator,
            json,
        } => {
            let list = app.evidence(year.year, indicator)?;
            if json {
                print_json(&list)
            } else {
                for e in list {
                    let what = match (&e.url, e.size) {
                        (Some(url), _) => url.clone(),
                        (None, Some(size)) => format!("{size} bytes"),
                        _ => String::new(),
                    };
                    let name = match e.url {
                        Some(_) => format!("{} {}", e.label, e.name),
                        None => e.conventional_name.clone(),
                    };
                    let carried = e
                        .carried_from
                        .map(|y| format!("  carried from {y}"))
                        .unwrap_or_default();
                    outln!(
                        "[{}] {} ({}) {}{carried}",
                        e.id,
                        name,
                        what,
                        e.document_date.unwrap_or_default()
                    );
                }
            }
        }
        EvidenceCmd::Remove { year, id } => {
            let e = app.remove_evidence(year.year, id)?;
            outln!("removed {} {}", e.label, e.name);
        }
        EvidenceCmd::Verify { year, json } => {
            let check = app.verify_evidence(year.year)?;
            if json {
                print_json(&check);
            } else if check.is_clean() {
                outln!(
                    "{} evidence file(s) checked: every one matches its sha256; nothing stray in {}",
                    check.files,
                    app.evidence_dir().display()
                );
            }
            for e in &check.damaged {
                eprintln!(
                    "damaged: [{}] {}",
                    e.id,
                    escape_controls(&e.conventional_name)
                );
            }
            for e in &check.missing {
                eprintln!(
                    "missing: [{}] {}",
                    e.id,
                    escape_controls(&e.conventional_name)
                );
            }
            for s in &check.strays {
                eprintln!(
                    "not recorded ({}): {}",
                    s.kind,
                    escape_controls(&app.evidence_dir().join(&s.path).display().to_string())
                );
            }
            if !check.is_clean() {
                return Err(AppError::new(
                    ErrorCode::EvidenceCorrupt,
                    format!(
                        "{} damaged, {} missing, {} file(s) in the evidence folder that the database does not record",
                        check.damaged.len(),
                        check.missing.len(),
                        check.strays.len()
                    ),
                ));
            }
        }
        EvidenceCmd::Package { year, out } => {
            let s = app.export_evidence_package(year.year, &out, &mut |_, _| {})?;
            outln!(
                "wrote {}: {} files, {} links, {} bytes",
                s.path,
                s.files,
                s.links,
                s.bytes
            );
        }
        EvidenceCmd::Get { year, id, out } => {
            app.export_evidence_file(year.year, id, &out)?;
            outln!("wrote {}", out.display());
        }
    }
    Ok(())
}

fn catalog(
    cmd: CatalogCmd,
    db: impl Fn() -> AppResult<PathBuf>,
    open_initialized: &dyn Fn(&std::path::Path) -> AppResult<App>,
) -> AppResult<()> {
    match cmd {
        CatalogCmd::Check { file } => {
            let f = check_catalog_file(&file)?;
            outln!(
                "{} {} is valid: {} domains, {} aspects, {} indicators, criteria {:?}",
                f.id,
                f.version,
                f.domains,
                f.aspects,
                f.indicators,
                f.criteria_versions
            );
        }
        CatalogCmd::Load { file } => {
            let mut app = open_initialized(&db()?)?;
            let f = app.import_framework(&file)?;
            outln!(
                "loaded {} {} ({} indicators)",
                f.id,
                f.version,
                f.indicators
            );
        }
        CatalogCmd::List { json } => {
            let list = open_initialized(&db()?)?.frameworks()?;
            if json {
                print_json(&list)
            } else {
                for f in list {
                    outln!(
                        "{} {} {}{}{}",
                        f.id,
                        f.version,
                        f.title,
                        if f.builtin { " (shipped)" } else { "" },
                        if f.provisional {
                            " (SEMENTARA: provisional)"
                        } else {
                            ""
                        }
                    );
                }
            }
        }
        CatalogCmd::Export { from, out } => {
            swanilai_app::export_catalog(from.as_deref(), &out)?;
            outln!("wrote {}", out.display());
        }
    }
    Ok(())
}

/// The desktop's default too (`swanilai_app::places`).
fn default_db() -> AppResult<PathBuf> {
    Ok(swanilai_app::places::default_database())
}

/// Why a dry run with problems exits non-zero: the import would write nothing.
fn dry_run_refused(file: &str, problems: usize, lang: swanilai_app::settings::Language) -> String {
    lang.pick(
        format!(
            "{file}: {problems} masalah; impor akan ditolak dan tidak ada yang ditulis \
             (perbaiki lembar kerja, atau gunakan --accept-valid untuk menulis baris yang valid)"
        ),
        format!(
            "{file}: {problems} problem(s); the import would be refused and write nothing (mend \
             the workbook, or use --accept-valid to write the valid rows)"
        ),
    )
}
