//! The `stages` command.

use std::process::ExitCode;

fn main() -> ExitCode {
    stages_cli::commands::main()
}
