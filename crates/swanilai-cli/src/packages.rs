//! Work package commands: out, return, merge (open is in run.rs: it may create the database).

use swanilai_app::{App, AppError, AppResult, ErrorCode, MergeReport, PackageTarget, Take};

use crate::args::{PackageCmd, TakeSide};
use crate::output::print_json;

/// "7, 8, 12".
pub fn list(n: &[u32]) -> String {
    n.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

fn indicators(text: &str) -> AppResult<Vec<u32>> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<u32>().map_err(|_| {
                AppError::new(
                    ErrorCode::InvalidInput,
                    format!("--indicators: '{t}' is not an indicator number (write e.g. 7,8,12)"),
                )
            })
        })
        .collect()
}

pub fn run(cmd: PackageCmd, mut app: App) -> AppResult<()> {
    match cmd {
        PackageCmd::Out {
            year,
            for_account,
            unit,
            indicators: chosen,
            out,
        } => {
            let target = match (for_account, unit, chosen) {
                (Some(a), _, _) => PackageTarget::Account(a),
                (_, Some(u), _) => PackageTarget::Unit(u),
                (_, _, Some(list)) => PackageTarget::Indicators(indicators(&list)?),
                _ => return Err(AppError::new(
                    ErrorCode::InvalidInput,
                    "say who the package is for: --for ACCOUNT, --unit UNIT or --indicators 7,8",
                )),
            };
            let p = app.package_out(year.year, target, &out, &mut |_, _| {})?;
            outln!(
                "wrote {}: work package for {}, indicators {}, {} evidence file(s)",
                p.path,
                p.for_account.as_deref().unwrap_or("(chosen indicators)"),
                list(&p.indicators),
                p.files
            );
        }
        PackageCmd::Open { .. } => unreachable_open()?,
        PackageCmd::Copy { year, out } => {
            let p = app.package_copy(year.year, &out)?;
            outln!(
                "wrote {}: a full copy of the {} assessment ({} evidence file(s)); merge it into the other copy with `package merge`",
                p.path,
                p.year,
                p.files
            );
        }
        PackageCmd::Return { out } => {
            let p = app.package_return(&out)?;
            outln!(
                "wrote {}: send-back package with indicators {}, {} new evidence file(s)",
                p.path,
                list(&p.indicators),
                p.files
            );
        }
        PackageCmd::Merge {
            file,
            dry_run,
            take,
            json,
        } => {
            let take = take.map(|t| match t {
                TakeSide::Theirs => Take::Theirs,
                TakeSide::Ours => Take::Ours,
            });
            let report = app.package_merge(&file, dry_run, take, &[])?;
            if json {
                print_json(&report)
            } else {
                print_merge(&report)
            }
        }
    }
    Ok(())
}

/// `package open` is dispatched before a session is needed (run.rs).
fn unreachable_open() -> AppResult<()> {
    Err(AppError::new(
        ErrorCode::Internal,
        "package open is handled by the database opening step",
    ))
}

fn print_merge(r: &MergeReport) {
    if r.already_merged {
        outln!("{} was already merged; nothing changed", r.file);
        return;
    }
    outln!(
        "{} from {} ({}), sha256 {}",
        r.file,
        r.made_by,
        r.made_at,
        r.file_sha256
    );
    for i in &r.indicators {
        let fields: Vec<&str> = i.fields.iter().map(|f| f.as_str()).collect();
        let mut line = format!("  indicator {:>2}: {:?}", i.indicator, i.outcome).to_lowercase();
        if !fields.is_empty() {
            line.push_str(&format!(" [{}]", fields.join(", ")));
        }
        if !i.evidence_added.is_empty() {
            line.push_str(&format!(" +{} evidence", i.evidence_added.len()));
        }
        if !i.evidence_removed.is_empty() {
            line.push_str(&format!(" -{} evidence", i.evidence_removed.len()));
        }
        if i.comments_added > 0 {
            line.push_str(&format!(" +{} comment(s)", i.comments_added));
        }
        if i.not_assigned {
            line.push_str(" (the sender is no longer assigned)");
        }
        outln!("{line}");
        for d in i
            .details
            .iter()
            .filter(|d| d.change == swanilai_core::merge::Change::Conflict)
        {
            outln!(
                "      {}: base '{}', theirs '{}', ours '{}'",
                d.field.as_str(),
                d.base,
                d.theirs,
                d.ours
            );
        }
    }
    match (&r.written, &r.backup) {
        (true, Some(b)) => outln!("merged; backup written first: {b}"),
        (true, None) => outln!("merged"),
        _ => outln!("preview only: nothing was written"),
    }
}
