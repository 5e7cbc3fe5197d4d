//! Team, review and audit commands.

use swanilai_app::{App, AppError, AppResult, Assignee, ErrorCode, NewAccount};

use crate::args::{AuditCmd, Command, CommentCmd, DocumentCmd, ReviewStep, TeamCmd, UserCmd};
use crate::output::{print_answers, print_json};
use crate::session::password_from;

pub fn run(cmd: Command, mut app: App) -> AppResult<()> {
    match cmd {
        Command::User(UserCmd::Add { name, unit, nip }) => {
            let password = password_from(
                "SWANILAI_NEW_PASSWORD",
                &format!("New password for {name}: "),
            )?;
            let a = app.add_account(NewAccount {
                name,
                unit,
                nip,
                password,
            })?;
            let role = if a.is_admin {
                " (supervisor: the instansi's first account)"
            } else {
                ""
            };
            outln!("account {} added{role}", a.name);
        }
        Command::User(UserCmd::List { json }) => {
            let list = app.accounts()?;
            if json {
                print_json(&list)
            } else {
                for a in list {
                    outln!(
                        "{} {} {}{}",
                        a.name,
                        a.unit,
                        a.nip,
                        if a.is_admin { " [supervisor]" } else { "" }
                    );
                }
            }
        }
        Command::User(UserCmd::Passwd { for_account }) => {
            let new = password_from("SWANILAI_NEW_PASSWORD", "New password: ")?;
            match for_account {
                Some(name) => {
                    app.reset_password(&name, &new)?;
                    outln!("password of {name} set");
                }
                None => {
                    let current = password_from("SWANILAI_PASSWORD", "Current password: ")?;
                    app.change_password(&current, &new)?;
                    outln!("password changed");
                }
            }
        }
        Command::Team(TeamCmd::Set { year, member, role }) => {
            let m = app.set_team_role(year.year, &member, swanilai_app::parse_role(&role)?)?;
            outln!("{} is {} ({})", m.name, m.role_title, m.role);
        }
        Command::Team(TeamCmd::Remove { year, member }) => {
            app.remove_team_member(year.year, &member)?;
            outln!("{member} removed from the team");
        }
        Command::Team(TeamCmd::List { year, json }) => {
            let team = app.team(year.year)?;
            if json {
                print_json(&team)
            } else {
                for m in team {
                    outln!("{:<30} {:<22} {}", m.name, m.role_title, m.unit);
                }
            }
        }
        Command::Assign {
            year,
            indicator,
            member,
            unit,
            remove,
        } => {
            let who = match (member, unit) {
                (Some(m), _) => Assignee::Account(m),
                (None, Some(u)) => Assignee::Unit(u),
                (None, None) => {
                    return Err(AppError::new(
                        ErrorCode::InvalidInput,
                        "name a member or --unit",
                    ))
                }
            };
            let a = if remove {
                app.unassign(year.year, indicator, who)?
            } else {
                app.assign(year.year, indicator, who)?
            };
            let label = match a.assignee {
                Assignee::Account(n) => n,
                Assignee::Unit(u) => format!("unit {u}"),
            };
            outln!(
                "indicator {} {} {label}",
                a.indicator,
                if remove {
                    "no longer assigned to"
                } else {
                    "assigned to"
                }
            );
        }
        Command::Assignments { year, json } => {
            let list = app.assignments(year.year)?;
            if json {
                print_json(&list)
            } else {
                for a in list {
                    match a.assignee {
                        Assignee::Account(n) => outln!("{:>2} {n}", a.indicator),
                        Assignee::Unit(u) => outln!("{:>2} unit {u}", a.indicator),
                    }
                }
            }
        }
        Command::Mine { year, json } => {
            let list = app.my_indicators(year.year)?;
            if json {
                print_json(&list)
            } else {
                print_answers(&list)
            }
        }
        Command::Review {
            step,
            year,
            indicator,
            comment,
        } => {
            let step = match step {
                ReviewStep::Submit => swanilai_app::ReviewStep::Submit,
                ReviewStep::Approve => swanilai_app::ReviewStep::Approve,
                ReviewStep::Return => swanilai_app::ReviewStep::Return,
            };
            let a = app.review(year.year, indicator, step, comment.as_deref())?;
            outln!("indicator {} is now {}", a.indicator, a.status);
        }
        Command::Queue { year, json } => {
            let list = app.review_queue(year.year)?;
            if json {
                print_json(&list)
            } else {
                print_answers(&list)
            }
        }
        Command::Finalize { year } => {
            let a = app.finalize(year.year)?;
            outln!("assessment {} is {}", a.year, a.status);
        }
        Command::Reopen { year, reason } => {
            let a = app.reopen(year.year, &reason)?;
            outln!("assessment {} is {} again", a.year, a.status);
        }
        Command::Comment(CommentCmd::Add {
            year,
            indicator,
            text,
        }) => {
            let c = app.add_comment(year.year, indicator, &text)?;
            outln!("comment {} added to indicator {}", c.id, c.indicator);
        }
        Command::Comment(CommentCmd::List {
            year,
            indicator,
            json,
        }) => {
            let list = app.comments(year.year, indicator)?;
            if json {
                print_json(&list)
            } else {
                for c in list {
                    outln!("[{}] {} ({}): {}", c.created_at, c.author, c.kind, c.body);
                }
            }
        }
        Command::History {
            year,
            indicator,
            json,
        } => {
            let list = app.history(year.year, indicator)?;
            if json {
                print_json(&list)
            } else {
                for e in list {
                    outln!(
                        "#{} {} {} {}: {} -> {}",
                        e.seq,
                        e.at,
                        e.actor,
                        e.action,
                        e.before,
                        e.after
                    );
                }
            }
        }
        Command::Audit(AuditCmd::Verify { json }) => {
            let r = app.verify_audit()?;
            if json {
                print_json(&r);
            } else {
                outln!("{}", r.message);
                for m in r.mismatches.iter().skip(1) {
                    outln!("{m}");
                }
            }
            if !r.ok {
                return Err(AppError::new(ErrorCode::AuditBroken, r.message));
            }
        }
        Command::Audit(AuditCmd::Log { year, json }) => {
            let list = app.audit_log(year.year)?;
            if json {
                print_json(&list)
            } else {
                for e in list {
                    let ind = e
                        .indicator
                        .map(|i| format!(" indicator {i}"))
                        .unwrap_or_default();
                    outln!("#{} {} {} {}{}", e.seq, e.at, e.actor, e.action, ind);
                }
            }
        }
        Command::Document(doc) => documents(doc, &mut app)?,
        other => {
            return Err(AppError::new(
                ErrorCode::Internal,
                format!("command not routed: {other:?}"),
            ));
        }
    }
    Ok(())
}

fn documents(cmd: DocumentCmd, app: &mut App) -> AppResult<()> {
    let (kind, year, out, date) = match cmd {
        DocumentCmd::BeritaAcara { year, out, date } => {
            (swanilai_app::DocumentKind::BeritaAcara, year, out, date)
        }
        DocumentCmd::Persetujuan { year, out, date } => (
            swanilai_app::DocumentKind::PersetujuanPublikasi,
            year,
            out,
            date,
        ),
    };
    app.write_document(year.year, kind, date.as_deref(), &out)?;
    outln!("wrote {}", out.display());
    Ok(())
}
