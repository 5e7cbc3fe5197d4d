//! Backup commands: list, create, restore (with `--dry-run`, the preview).

use swanilai_app::{App, AppResult, BackupDbStateDto, BackupInfoDto};

use crate::args::BackupCmd;
use crate::output::print_json;

pub fn run(cmd: BackupCmd, mut app: App) -> AppResult<()> {
    match cmd {
        BackupCmd::List { json } => {
            let list = app.backups()?;
            if json {
                print_json(&list);
                return Ok(());
            }
            outln!(
                "{}: {} backup(s), {} in all (the newest {} are kept)",
                list.dir,
                list.backups.len(),
                size(list.total_bytes),
                list.kept
            );
            for b in &list.backups {
                outln!("{}", line(b));
            }
        }
        BackupCmd::Create { json } => {
            let b = app.backup_now()?;
            if json {
                print_json(&b);
            } else {
                outln!("wrote {}", line(&b));
            }
        }
        BackupCmd::Restore { id, dry_run, json } => {
            if dry_run {
                let p = app.restore_preview(&id)?;
                if json {
                    print_json(&p);
                    return Ok(());
                }
                outln!("backup {}:", line(&p.backup));
                match &p.backup.state {
                    Some(s) => state("in the backup", s),
                    None => outln!("  cannot be read"),
                }
                state("now", &p.current);
                outln!("dry run: nothing was written");
            } else {
                let r = app.restore_backup(&id)?;
                if json {
                    print_json(&r);
                    return Ok(());
                }
                outln!(
                    "restored {}; the state before is backup {}",
                    r.restored,
                    r.backup_before.id
                );
                state("now", &r.state);
            }
        }
    }
    Ok(())
}

/// "20261130T010203Z-import  2026-11-30T01:02:03Z  import  120 KiB  2026: 47/47 2,77".
fn line(b: &BackupInfoDto) -> String {
    let held = match (&b.state, &b.problem) {
        (Some(s), _) => brief(s),
        (None, Some(p)) => format!("unreadable: {p}"),
        (None, None) => String::new(),
    };
    format!(
        "{}  {}  {}  {}  {}",
        b.id,
        if b.at.is_empty() { "-" } else { &b.at },
        serde_json::to_value(b.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        size(b.bytes),
        held
    )
}

fn brief(s: &BackupDbStateDto) -> String {
    let years: Vec<String> = s
        .assessments
        .iter()
        .map(|a| {
            format!(
                "{}: {}/{} {}",
                a.year,
                a.answered,
                a.total,
                a.index_text.as_deref().unwrap_or("-")
            )
        })
        .collect();
    if years.is_empty() {
        "no assessment".into()
    } else {
        years.join("; ")
    }
}

fn state(label: &str, s: &BackupDbStateDto) {
    outln!(
        "  {label}: {} | {} | audit {} entries, head {}",
        s.instansi.as_deref().unwrap_or("(no profile)"),
        brief(s),
        s.audit_entries,
        s.audit_head
    );
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{} KiB", bytes.div_ceil(1024))
    }
}
