use std::process::ExitCode;

fn main() -> ExitCode {
    stages_api::cli::main()
}
