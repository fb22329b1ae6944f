//! The README's examples are tests: every `$ command` in a `console` code block is
//! run as a user runs it, on an 80-column terminal without colour, and what it
//! prints must be what the README shows. With `AIMS_BLESS=1`, the README is
//! rewritten with what the commands print (review the diff before committing).

#[cfg(unix)]
use std::fs;
#[cfg(unix)]
use std::path::Path;
#[cfg(unix)]
use std::process::Command;

mod common;

/// One example: the command after `$ `, the lines shown under it, and where
/// those lines stand in the README (a range of line indices).
struct Example {
    command: String,
    expected: String,
    #[cfg_attr(
        not(unix),
        expect(
            dead_code,
            reason = "the examples run, and are rewritten, on Unix only"
        )
    )]
    lines: std::ops::Range<usize>,
}

/// Every example of every `console` code block, in order.
fn examples(readme: &str) -> Vec<Example> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut examples = Vec::new();
    let mut in_console = false;
    let mut current: Option<(String, usize)> = None;
    for (i, line) in lines.iter().enumerate() {
        let end_of_output = in_console && (line.starts_with("$ ") || *line == "```");
        if end_of_output && let Some((command, start)) = current.take() {
            examples.push(Example {
                command,
                expected: lines[start..i].iter().flat_map(|l| [l, "\n"]).collect(),
                lines: start..i,
            });
        }
        if *line == "```console" {
            in_console = true;
        } else if *line == "```" {
            in_console = false;
        } else if in_console && let Some(command) = line.strip_prefix("$ ") {
            current = Some((command.to_owned(), i + 1));
        }
    }
    examples
}

/// Runs `command` in a shell on a pseudo-terminal 80 columns wide, with the
/// built `aims` first on the PATH, from the repository's root.
#[cfg(unix)]
fn run(command: &str) -> String {
    let aims = Path::new(env!("CARGO_BIN_EXE_aims"));
    let bin = aims.parent().expect("aims is in a folder");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    common::shell_on_terminal(80, 50, command)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .text
}

/// A tool an example pipes into that this machine may lack (the set-up needs
/// only the Rust toolchain): such an example is skipped, with a note.
#[cfg(unix)]
fn missing_tool(command: &str) -> Option<&'static str> {
    ["jq"].into_iter().find(|tool| {
        command.contains(&format!("| {tool} "))
            && !Command::new(tool)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
    })
}

// Unix: the examples are lines of a Unix shell (pipes into `jq`, `cut`,
// `awk`, single quotes), as the README shows them.
#[cfg(unix)]
#[test]
fn every_readme_example_prints_what_the_readme_shows() {
    let readme = fs::read_to_string("README.md").expect("README.md");
    let examples = examples(&readme);
    assert!(
        examples.len() >= 5,
        "the README shows five examples at least"
    );
    let bless = std::env::var_os("AIMS_BLESS").is_some();
    let mut lines: Vec<String> = readme.lines().map(str::to_owned).collect();
    let mut failures = Vec::new();
    // From the last, so that rewriting one does not move the others.
    for example in examples.iter().rev() {
        if let Some(tool) = missing_tool(&example.command) {
            eprintln!(
                "note: skipped `{}`: {tool} is not installed",
                example.command
            );
            continue;
        }
        let actual = run(&example.command);
        if actual != example.expected {
            if bless {
                let new: Vec<String> = actual.lines().map(str::to_owned).collect();
                lines.splice(example.lines.clone(), new);
            } else {
                failures.push(format!(
                    "$ {}\n--- README shows:\n{}--- it prints:\n{}",
                    example.command, example.expected, actual
                ));
            }
        }
    }
    if bless {
        fs::write("README.md", lines.join("\n") + "\n").expect("README written");
    }
    assert!(
        failures.is_empty(),
        "README examples differ from what they print (AIMS_BLESS=1 cargo test --test readme rewrites them):\n\n{}",
        failures.join("\n")
    );
}

#[test]
fn examples_are_read_from_console_blocks_only() {
    let readme =
        "text\n```sh\n$ not-an-example\n```\n```console\n$ aims a\none\ntwo\n$ aims b\n```\n";
    let found: Vec<(String, String)> = examples(readme)
        .into_iter()
        .map(|e| (e.command, e.expected))
        .collect();
    assert_eq!(
        found,
        [
            ("aims a".to_owned(), "one\ntwo\n".to_owned()),
            ("aims b".to_owned(), String::new())
        ]
    );
}
