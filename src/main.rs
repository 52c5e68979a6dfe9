fn main() -> std::process::ExitCode {
    tiplint::cli::run()
}
