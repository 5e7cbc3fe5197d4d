//! `swanilai`: the command line of Swanilai SPBE. The same use cases as the desktop app,
//! through swanilai-app, for scripting, tests, benchmarks and recaps.

/// println! that survives a closed pipe.
macro_rules! outln {
    ($($t:tt)*) => { $crate::output::emit(&format!($($t)*)) };
}

mod args;
mod backups;
mod output;
mod packages;
mod planning;
mod recap;
mod report;
mod run;
mod scoring;
mod session;
mod team;
mod verification;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match run::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "error[{}]: {}",
                output::code_name(e.code),
                output::escape_controls(&e.message)
            );
            ExitCode::from(1)
        }
    }
}
