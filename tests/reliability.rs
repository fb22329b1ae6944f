//! No input crashes, hangs or changes anything: the bad-input matrix (one row
//! a test case, each with its exit code and message), a property test that
//! mutates valid content, and a check that no command writes a file.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use proptest::prelude::*;

const VALID: &str = "tests/data/valid.toml";

mod common;

use common::aims;

/// A fresh file under the test's scratch folder (`target/tmp`).
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("reliability-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join(format!("{n}-{name}"));
    fs::write(&path, bytes).expect("scratch file");
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// What a row of the matrix expects: the exit code, and the start of stderr
/// (or, for a success, of stdout).
struct Row {
    what: &'static str,
    output: Output,
    elapsed: Duration,
    code: i32,
    starts: String,
}

fn row(what: &'static str, command: &mut Command, code: i32, starts: impl Into<String>) -> Row {
    let start = Instant::now();
    let output = command.output().expect("aims runs");
    Row {
        what,
        output,
        elapsed: start.elapsed(),
        code,
        starts: starts.into(),
    }
}

#[test]
#[allow(
    clippy::too_many_lines,
    reason = "one table, a row a case, read top to bottom"
)]
fn the_bad_input_matrix() {
    let valid = fs::read_to_string(VALID).expect("fixture");
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13).to_le_bytes()[0])
        .collect();
    let garbage = scratch("garbage.toml", &garbage);
    let invalid_utf8 = scratch("latin1.toml", b"[[aim]]\nid = \"caf\xe9\"\n");
    let nested = scratch(
        "nested.toml",
        format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000)).as_bytes(),
    );
    let big_string = scratch(
        "big-string.toml",
        format!(
            "{valid}\n[[aim]]\nid = \"big\"\ntitle = \"Big\"\nquote = \"{}\"\nsource = \"aims-page\"\n",
            "x".repeat(50 << 20)
        )
        .as_bytes(),
    );
    let too_large = scratch("too-large.toml", b"");
    fs::File::options()
        .write(true)
        .open(&too_large)
        .and_then(|f| f.set_len((1 << 30) + 1))
        .expect("a sparse file over the limit");
    let long_value = "x".repeat(100_000);
    let repeated: Vec<String> = (0..5000)
        .flat_map(|_| ["--domain".to_owned(), "transport".to_owned()])
        .collect();
    let comma_repeated = vec!["transport"; 5000].join(",");
    let once = text(
        &aims()
            .args(["--content", VALID, "list", "--domain", "transport"])
            .output()
            .expect("runs")
            .stdout,
    );

    let path = |p: &Path| p.display().to_string();
    #[cfg_attr(
        not(unix),
        expect(unused_mut, reason = "rows are added below on Unix only")
    )]
    let mut rows = vec![
        row(
            "a directory as --content",
            aims().args(["--content", "tests/data", "list"]),
            1,
            "aims: error: cannot read content file tests/data: it is a directory, not a TOML file\n",
        ),
        row(
            "an empty path as --content",
            aims().args(["--content", "", "list"]),
            2,
            "aims: error: `--content <PATH>` needs a value",
        ),
        row(
            "an empty AIMS_CONTENT (unset: the built-in content)",
            aims().args(["check"]).env("AIMS_CONTENT", ""),
            0,
            "content/aims.toml (built in): ok",
        ),
        row(
            "a missing file",
            aims().args(["--content", "tests/data/no-such.toml", "list"]),
            1,
            format!(
                "aims: error: cannot read content file tests/data/no-such.toml: {}\n",
                common::open_error("tests/data/no-such.toml")
            ),
        ),
        row(
            "a file of invalid UTF-8",
            aims().args(["check"]).arg(&invalid_utf8),
            1,
            format!(
                "aims: error: {}:2:10: invalid UTF-8 (byte 0xe9); a content file must be UTF-8 text\n",
                path(&invalid_utf8)
            ),
        ),
        row(
            "binary garbage",
            aims().args(["check"]).arg(&garbage),
            1,
            format!("aims: error: {}:", path(&garbage)),
        ),
        row(
            "deep nesting (100,000 brackets)",
            aims().args(["check"]).arg(&nested),
            1,
            format!(
                "aims: error: {}:1:85: nested deeper than 80 levels, the most a content file may be\n",
                path(&nested)
            ),
        ),
        row(
            "a 50 MB string",
            aims().args(["check"]).arg(&big_string),
            1,
            format!(
                "aims: error: {}:{}:9: the quote of aim `big` is not verbatim in source `aims-page`\n",
                path(&big_string),
                // The quote's line: after the fixture, a blank line and three others.
                valid.lines().count() + 5
            ),
        ),
        row(
            "a content file over 1 GiB",
            aims().args(["check"]).arg(&too_large),
            1,
            format!(
                "aims: error: {}: larger than 1024 MiB, the most a content file may be\n",
                path(&too_large)
            ),
        ),
        row(
            "a 100,000-character filter value",
            aims().args(["--content", VALID, "list", "--domain", &long_value]),
            2,
            format!(
                "aims: error: unknown domain `{}... (100000 characters)`\n",
                "x".repeat(60)
            ),
        ),
        row(
            "a filter value repeated 5,000 times",
            aims().args(["--content", VALID, "list"]).args(&repeated),
            0,
            once.clone(),
        ),
        row(
            "5,000 comma-separated repeats",
            aims().args(["--content", VALID, "list", "--domain", &comma_repeated]),
            0,
            once,
        ),
    ];
    // Unix: a device that never ends (/dev/zero), and arguments that are
    // bytes, not UTF-8, which only a Unix OsStr holds (Windows's hold
    // UTF-16).
    #[cfg(unix)]
    {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        rows.push(row(
            "a device that never ends",
            aims().args(["check", "/dev/zero"]),
            1,
            "aims: error: cannot read content file /dev/zero: it is a device, not a TOML file\n",
        ));
        rows.push(row(
            "a non-UTF-8 argument",
            aims()
                .args(["list", "--domain"])
                .arg(OsStr::from_bytes(b"\xff")),
            2,
            "aims: error: invalid UTF-8 was detected in one or more arguments",
        ));
        rows.push(row(
            "a non-UTF-8 path",
            aims()
                .arg("--content")
                .arg(OsStr::from_bytes(b"\xff.toml"))
                .arg("list"),
            1,
            format!(
                "aims: error: cannot read content file \u{fffd}.toml: {}\n",
                common::open_error(OsStr::from_bytes(b"\xff.toml"))
            ),
        ));
    }
    // Linux: /dev/full, a file whose every write fails with "no space
    // left", is Linux's (and FreeBSD's); macOS and Windows have none.
    #[cfg(target_os = "linux")]
    rows.push(row(
        "stdout on a full disk",
        aims()
            .args(["list"])
            .stdout(fs::File::create("/dev/full").expect("/dev/full")),
        1,
        "aims: error: cannot write output: No space left on device (os error 28)\n",
    ));
    let mut failures = Vec::new();
    for row in &rows {
        let (stdout, stderr) = (text(&row.output.stdout), text(&row.output.stderr));
        let shown = if row.code == 0 { &stdout } else { &stderr };
        let code = row.output.status.code();
        let crashed = stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE");
        if code != Some(row.code)
            || !shown.starts_with(&row.starts)
            || crashed
            || stderr.len() > 2000
        {
            failures.push(format!("{}: exit {code:?}, stderr {stderr:?}", row.what));
        }
        // Nothing takes long: a slow row is a hang in the making. The bound
        // is wall time on shared cores, for a debug build: a hang, not a
        // benchmark (benches/run.py measures time against a peer).
        if row.elapsed > Duration::from_secs(30) {
            failures.push(format!("{}: took {:?}", row.what, row.elapsed));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // A content whose listing overfills the pipe, so aims is still writing
    // when the reader goes away after one line.
    let mut big = fs::read_to_string(VALID).expect("fixture");
    for n in 0..3000 {
        writeln!(
            big,
            "\n[[aim]]\nid = \"peace-{n}\"\ntitle = \"Peace\"\nquote = \"the preservation of global peace, security\"\nsource = \"charter-note\""
        )
        .expect("a String takes any write");
    }
    let big = scratch("pipe.toml", big.as_bytes());
    let mut child = aims()
        .arg("--content")
        .arg(&big)
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("aims runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("one line");
    assert!(first.starts_with("four-pillars\t"), "{first}");
    let output = child.wait_with_output().expect("aims ends");
    assert_eq!(
        (text(&output.stderr), output.status.code()),
        (String::new(), Some(0))
    );
}

/// Every file below `dir`, with its bytes and modification time.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(snapshot(&path));
        } else {
            let modified = fs::metadata(&path)
                .and_then(|m| m.modified())
                .expect("mtime");
            files.push((path.clone(), fs::read(&path).expect("readable"), modified));
        }
    }
    files.sort();
    files
}

#[test]
fn no_command_writes_a_file() {
    // An empty folder as the working directory and the home, holding only a
    // copy of the content: after every command, it holds exactly that.
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("never-writes-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("folder");
    let content = dir.join("content.toml");
    fs::copy(VALID, &content).expect("copy");
    let before = snapshot(&dir);
    let commands: [&[&str]; 17] = [
        &["list"],
        &["list", "--domain", "transport", "--format", "json"],
        &["show", "trade-investment", "--format", "table"],
        &["search", "peace", "--format", "csv"],
        &["pillars", "--format", "markdown"],
        &["domains", "--format", "jsonl"],
        &["clauses"],
        &["sources"],
        &["matrix"],
        &["check"],
        &["check", "content.toml"],
        &["completions", "bash"],
        &["man"],
        &["schema"],
        &["list", "--domain", "nope"],
        &["--help"],
        // Its input ends at once: a server that starts and stops.
        &["mcp"],
    ];
    for args in commands {
        let output = aims()
            .current_dir(&dir)
            .env("HOME", &dir)
            .env("XDG_CONFIG_HOME", &dir)
            .env("XDG_CACHE_HOME", &dir)
            .args(["--content", "content.toml"])
            .args(args)
            .output()
            .expect("aims runs");
        assert!(
            matches!(output.status.code(), Some(0 | 2)),
            "{args:?}: {output:?}"
        );
    }
    assert!(
        before == snapshot(&dir),
        "a command created or changed a file in {}",
        dir.display()
    );
}

/// One way to damage a content file.
#[derive(Debug, Clone)]
enum Damage {
    FlipByte { at: usize, bit: u8 },
    Cut { at: usize },
    DuplicateLine { line: usize },
    Stray { at: usize, text: &'static str },
}

fn damage() -> impl Strategy<Value = Damage> {
    let stray = prop::sample::select(vec![
        "\"", "'", "[", "]", "[[", "]]", "{", "}", "=", "\\", ",", "#", "\n", "...", "é", "ğ", "ş",
        "ı", "Ә", "ж", "😀", "\u{200b}", "\u{feff}",
    ]);
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Damage::FlipByte { at, bit }),
        any::<usize>().prop_map(|at| Damage::Cut { at }),
        any::<usize>().prop_map(|line| Damage::DuplicateLine { line }),
        (any::<usize>(), stray).prop_map(|(at, text)| Damage::Stray { at, text }),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    if bytes.is_empty() {
        return;
    }
    match *damage {
        Damage::FlipByte { at, bit } => {
            let at = at % bytes.len();
            bytes[at] ^= 1 << bit;
        }
        Damage::Cut { at } => bytes.truncate(at % bytes.len()),
        Damage::DuplicateLine { line } => {
            let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
            let line = line % lines.len();
            let copy = lines[line].to_vec();
            let at: usize = lines[..=line].iter().map(|l| l.len()).sum();
            bytes.splice(at..at, copy);
        }
        Damage::Stray { at, text } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, text.bytes());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Damaged content: exit 0 (still valid) or 1, never a panic, and on
    /// failure every first line names the file.
    #[test]
    fn damaged_content_is_a_located_error_never_a_crash(damages in prop::collection::vec(damage(), 1..5)) {
        let mut bytes = fs::read(VALID).expect("fixture");
        for damage in &damages {
            apply(&mut bytes, damage);
        }
        let file = scratch("damaged.toml", &bytes);
        let output = aims().arg("check").arg(&file).output().expect("aims runs");
        let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
        prop_assert!(!stderr.contains("panicked"), "{stderr}");
        match output.status.code() {
            Some(0) => prop_assert!(stdout.starts_with(&format!("{}: ok, ", file.display())), "{stdout}"),
            Some(1) => {
                let named = format!("aims: error: {}", file.display());
                prop_assert!(stdout.is_empty());
                prop_assert!(stderr.lines().filter(|l| l.starts_with("aims: error:")).all(|l| l.starts_with(&named)), "{stderr}");
                prop_assert!(stderr.starts_with(&named), "{stderr}");
            }
            other => prop_assert!(false, "exit {other:?}: {stderr}"),
        }
        fs::remove_file(&file).expect("scratch removed");
    }
}
