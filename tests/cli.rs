//! The binary, run as a user runs it: arguments in, exact stdout, stderr and exit
//! code out. Fixtures live in `tests/data/` so these tests do not move when the
//! built-in content grows.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// Runs `aims` with `args` (and `env`), with no content or colour settings
/// inherited from the environment of the test run.
fn run(args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut command = assert_cmd::cargo::cargo_bin_cmd!("aims");
    command
        .args(args)
        .env_remove("AIMS_CONTENT")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("aims runs");
    (
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        output
            .status
            .code()
            .expect("aims exits, not killed by a signal"),
    )
}

/// These args in, this stdout, this stderr, this exit code out.
#[track_caller]
fn expect(args: &[&str], stdout: &str, stderr: &str, code: i32) {
    expect_env(args, &[], stdout, stderr, code);
}

#[track_caller]
fn expect_env(args: &[&str], env: &[(&str, &str)], stdout: &str, stderr: &str, code: i32) {
    let actual = run(args, env);
    assert_eq!(
        actual,
        (stdout.to_owned(), stderr.to_owned(), code),
        "aims {}",
        args.join(" ")
    );
}

const VALID: &str = "tests/data/valid.toml";
const VALID_OK: &str =
    "tests/data/valid.toml: ok, 8 aims, 4 pillars, 10 domains, 3 clauses, 2 sources\n";

#[test]
fn check_passes_on_the_built_in_content() {
    expect(
        &["check"],
        "content/aims.toml: ok, 29 aims, 4 pillars, 19 domains, 9 clauses, 1 source\n",
        "",
        0,
    );
}

#[test]
fn check_takes_a_path_or_the_content_in_use() {
    expect(&["check", VALID], VALID_OK, "", 0);
    expect(&["--content", VALID, "check"], VALID_OK, "", 0);
    expect(&["check", "--content", VALID], VALID_OK, "", 0);
    expect_env(&["check"], &[("AIMS_CONTENT", VALID)], VALID_OK, "", 0);
    // An empty AIMS_CONTENT is unset, as with NO_COLOR: the built-in content.
    let (stdout, _, code) = run(&["check"], &[("AIMS_CONTENT", "")]);
    assert_eq!(
        (stdout.starts_with("content/aims.toml: ok"), code),
        (true, 0)
    );
    // The flag wins over the environment.
    expect_env(
        &["--content", VALID, "check"],
        &[("AIMS_CONTENT", "tests/data/broken/empty.toml")],
        VALID_OK,
        "",
        0,
    );
    // A path given to check wins over the content in use.
    expect(
        &["--content", "tests/data/broken/empty.toml", "check", VALID],
        VALID_OK,
        "",
        0,
    );
}

/// Each broken fixture, with every problem `aims check` must report for it.
const BROKEN: &[(&str, &str)] = &[
    (
        "alias-collision.toml",
        concat!(
            "aims: error: tests/data/broken/alias-collision.toml:23:12: domain alias `trade` of `commerce` is already the id of domain `trade`\n",
            "  hint: first defined at line 9\n",
        ),
    ),
    (
        "clause-order.toml",
        concat!(
            "aims: error: tests/data/broken/clause-order.toml:20:8: clause `2.2` stands before clause `2.1` in source `page`, but its item number is higher\n",
            "  hint: number the items of an article in the order the source gives them\n",
        ),
    ),
    (
        "clause-quote.toml",
        concat!(
            "aims: error: tests/data/broken/clause-quote.toml:19:9: the quote of aim `peace` is not verbatim in the text of its clause `2.1`\n",
            "  hint: its words \"The Assembly aims at pea...\" are not in the text of its clause `2.1`\n",
            "  hint: letters, case and punctuation must be as in the source; `...` joins excerpts in their order\n",
        ),
    ),
    (
        "clause-uncited.toml",
        concat!(
            "aims: error: tests/data/broken/clause-uncited.toml:9:6: clause id `2.1` does not match its article 2 and item 2\n",
            "  hint: write id = \"2.2\"\n",
            "aims: error: tests/data/broken/clause-uncited.toml:9:6: clause `2.1` is quoted by no aim\n",
            "  hint: every clause is an aim: add an [[aim]] with clause = \"2.1\"\n",
            "aims: tests/data/broken/clause-uncited.toml has 2 problems\n",
        ),
    ),
    (
        "dangling-reference.toml",
        concat!(
            "aims: error: tests/data/broken/dangling-reference.toml:24:10: aim `peace` names unknown source `pgae`\n",
            "  hint: did you mean `page`?\n",
            "  hint: valid sources: page\n",
            "aims: error: tests/data/broken/dangling-reference.toml:25:12: aim `peace` names unknown domain `paece`\n",
            "  hint: did you mean `peace`?\n",
            "  hint: valid domains: trade, peace\n",
            "aims: tests/data/broken/dangling-reference.toml has 2 problems\n",
        ),
    ),
    (
        "duplicate-id.toml",
        concat!(
            "aims: error: tests/data/broken/duplicate-id.toml:15:6: duplicate aim id `peace`\n",
            "  hint: first defined at line 9\n",
        ),
    ),
    (
        "empty.toml",
        concat!(
            "aims: error: tests/data/broken/empty.toml: the content has no [[aim]] records\n",
            "  hint: a content file holds [[source]], [[pillar]], [[domain]], [[clause]] and [[aim]] records; see README.md\n",
        ),
    ),
    (
        "invalid-utf8.toml",
        "aims: error: tests/data/broken/invalid-utf8.toml:3:8: invalid UTF-8 (byte 0xe9); a content file must be UTF-8 text\n",
    ),
    (
        "missing-field.toml",
        "aims: error: tests/data/broken/missing-field.toml:8:1: in [[aim]] `peace`: missing field `quote`\n",
    ),
    (
        "not-verbatim.toml",
        concat!(
            "aims: error: tests/data/broken/not-verbatim.toml:11:9: the quote of aim `peace` is not verbatim in source `page`\n",
            "  hint: after \"...sembly aims at peace and\" the quote has \"security\", the text has \"stability; fostering tra...\"\n",
            "  hint: letters, case and punctuation must be as in the source; `...` joins excerpts in their order\n",
        ),
    ),
    (
        "several.toml",
        concat!(
            "aims: error: tests/data/broken/several.toml:23:9: the quote of aim `peace` is not verbatim in source `page`\n",
            "  hint: after \"The\" the quote has \"assembly aims at peace\", the text has \"Assembly aims at peace a...\"\n",
            "  hint: letters, case and punctuation must be as in the source; `...` joins excerpts in their order\n",
            "aims: error: tests/data/broken/several.toml:25:21: aim `peace` is tagged with domain `trade`, but its quote does not say so\n",
            "  hint: a tag must be justified by the words of the aim's own quote: one of `trade`, `Trade and investment`, `investment`\n",
            "aims: error: tests/data/broken/several.toml:26:12: aim `peace` names unknown pillar `language`\n",
            "  hint: no pillars are defined\n",
            "aims: error: tests/data/broken/several.toml:33:12: aim `trade` names unknown domain `trdae`\n",
            "  hint: did you mean `trade`?\n",
            "  hint: valid domains: trade, peace\n",
            "aims: error: tests/data/broken/several.toml:36:6: duplicate aim id `peace`\n",
            "  hint: first defined at line 21\n",
            "aims: tests/data/broken/several.toml has 5 problems\n",
        ),
    ),
    (
        "syntax.toml",
        "aims: error: tests/data/broken/syntax.toml:10:15: invalid basic string, expected `\"`\n",
    ),
    (
        "unjustified-tag.toml",
        concat!(
            "aims: error: tests/data/broken/unjustified-tag.toml:25:21: aim `trade` is tagged with domain `peace`, but its quote does not say so\n",
            "  hint: a tag must be justified by the words of the aim's own quote: one of `peace`, `Peace and stability`, `stability`\n",
        ),
    ),
    (
        "unknown-field.toml",
        concat!(
            "aims: error: tests/data/broken/unknown-field.toml:11:1: in [[aim]] `peace`: unknown field `qoute`, expected one of `id`, `title`, `quote`, `source`, `clause`, `pillars`, `domains`\n",
            "  hint: did you mean `quote`?\n",
        ),
    ),
    (
        "unknown-kind.toml",
        concat!(
            "aims: error: tests/data/broken/unknown-kind.toml:8:3: unknown record kind `[[aims]]`\n",
            "  hint: did you mean `[[aim]]`?\n",
            "  hint: valid kinds: [[source]], [[pillar]], [[domain]], [[clause]], [[aim]]\n",
            "aims: error: tests/data/broken/unknown-kind.toml: the content has no [[aim]] records\n",
            "  hint: a content file holds [[source]], [[pillar]], [[domain]], [[clause]] and [[aim]] records; see README.md\n",
            "aims: tests/data/broken/unknown-kind.toml has 2 problems\n",
        ),
    ),
    (
        "wrong-type.toml",
        concat!(
            "aims: error: tests/data/broken/wrong-type.toml:10:9: in [[aim]] `peace`: invalid type: sequence, expected a string\n",
            "aims: error: tests/data/broken/wrong-type.toml:14:1: `pillar` must be an array of tables, written as [[pillar]] sections\n",
            "aims: tests/data/broken/wrong-type.toml has 2 problems\n",
        ),
    ),
];

#[test]
fn each_broken_fixture_fails_with_every_problem_located() {
    let fixtures: Vec<String> = fs::read_dir("tests/data/broken")
        .expect("tests/data/broken exists")
        .map(|entry| {
            entry
                .expect("readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for fixture in &fixtures {
        assert!(
            BROKEN.iter().any(|(name, _)| name == fixture),
            "tests/data/broken/{fixture} has no expected output in BROKEN"
        );
    }
    for (name, stderr) in BROKEN {
        let path = format!("tests/data/broken/{name}");
        expect(&["check", &path], "", stderr, 1);
        // The loader is the same for every command: a broken --content fails alike.
        expect(&["--content", &path, "check"], "", stderr, 1);
    }
}

#[test]
fn no_input_file_is_ever_written() {
    let snapshot = || -> Vec<(String, Vec<u8>, SystemTime)> {
        let mut files = Vec::new();
        for dir in ["tests/data", "tests/data/broken", "content"] {
            for entry in fs::read_dir(dir).expect("fixture folder exists") {
                let path = entry.expect("readable").path();
                if path.is_file() {
                    let modified = fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .expect("mtime");
                    let bytes = fs::read(&path).expect("readable fixture");
                    files.push((path.display().to_string(), bytes, modified));
                }
            }
        }
        files.sort();
        files
    };
    let before = snapshot();
    expect(&["check", VALID], VALID_OK, "", 0);
    for (name, _) in BROKEN {
        run(&["check", &format!("tests/data/broken/{name}")], &[]);
    }
    run(&["check"], &[]);
    assert!(
        before == snapshot(),
        "a fixture or content/aims.toml was changed"
    );
}

#[test]
fn files_that_cannot_be_read_are_errors_that_name_them() {
    expect(
        &["check", "tests/data/no-such-file.toml"],
        "",
        "aims: error: cannot read content file tests/data/no-such-file.toml: No such file or directory (os error 2)\n",
        1,
    );
    expect(
        &["--content", "tests/data", "check"],
        "",
        "aims: error: cannot read content file tests/data: it is a directory, not a TOML file\n",
        1,
    );
    expect_env(
        &["check"],
        &[("AIMS_CONTENT", "tests/data/no-such-file.toml")],
        "",
        "aims: error: AIMS_CONTENT names tests/data/no-such-file.toml: cannot read content file tests/data/no-such-file.toml: No such file or directory (os error 2)\n",
        1,
    );
}

#[test]
fn usage_errors_exit_2() {
    let (stdout, stderr, code) = run(&[], &[]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(stderr.starts_with("Browse the stated aims"), "{stderr}");

    let (stdout, stderr, code) = run(&["chek"], &[]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr.starts_with(
            "error: unrecognized subcommand 'chek'\n\n  tip: a similar subcommand exists: 'check'\n",
        ),
        "{stderr}"
    );

    // An empty path is a usage error, caught by clap.
    let (stdout, stderr, code) = run(&["check", ""], &[]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr.starts_with("error: a value is required for '[PATH]' but none was supplied"),
        "{stderr}"
    );

    let (stdout, stderr, code) = run(&["--content"], &[]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr
            .starts_with("error: a value is required for '--content <PATH>' but none was supplied"),
        "{stderr}"
    );
}

/// Folds runs of white space to one space, as the content format allows.
fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A second, independent reading of the built-in content: straight from the
/// TOML, without the loader, every quote stands in its source, in order.
#[test]
fn every_built_in_quote_stands_verbatim_in_its_source() {
    let content: toml::Table =
        toml::from_str(&fs::read_to_string("content/aims.toml").expect("content")).expect("TOML");
    let sources = content["source"].as_array().expect("sources");
    let text_of = |id: &str| {
        let source = sources
            .iter()
            .find(|s| s["id"].as_str() == Some(id))
            .unwrap_or_else(|| panic!("source {id}"));
        fold(source["text"].as_str().expect("text"))
    };
    let aims = content["aim"].as_array().expect("aims");
    assert!((20..=35).contains(&aims.len()), "{} aims", aims.len());
    for aim in aims {
        let text = text_of(aim["source"].as_str().expect("source"));
        let quote = aim["quote"].as_str().expect("quote");
        let mut rest = text.as_str();
        for excerpt in quote.split("...").map(fold).filter(|e| !e.is_empty()) {
            let at = rest
                .find(&excerpt)
                .unwrap_or_else(|| panic!("aim {}: {excerpt:?} is not in its source", aim["id"]));
            rest = &rest[at + excerpt.len()..];
        }
    }
}

/// The built-in source is the seed text, byte for byte, where the seed is at hand
/// (beside this repository, as in CI).
#[test]
fn the_built_in_source_is_the_seed_text() {
    let seed = Path::new("../shared/seeds/000_6688befc4277959a.txt");
    let Ok(seed) = fs::read_to_string(seed) else {
        eprintln!(
            "note: {} is not beside this checkout; skipped",
            seed.display()
        );
        return;
    };
    let content: toml::Table =
        toml::from_str(&fs::read_to_string("content/aims.toml").expect("content")).expect("TOML");
    let text = content["source"][0]["text"].as_str().expect("text");
    assert_eq!(text, seed);
}

#[test]
fn article_2_is_nine_clauses_in_the_source_order() {
    let content: toml::Table =
        toml::from_str(&fs::read_to_string("content/aims.toml").expect("content")).expect("TOML");
    let text = fold(content["source"][0]["text"].as_str().expect("text"));
    let article = text
        .split_once('‘')
        .and_then(|(_, rest)| rest.split_once('’'))
        .expect("Article 2 is quoted between ‘ and ’")
        .0;
    let items: Vec<&str> = article.trim_end_matches('.').split("; ").collect();
    let clauses = content["clause"].as_array().expect("clauses");
    assert_eq!(clauses.len(), 9);
    for (n, (clause, item)) in clauses.iter().zip(&items).enumerate() {
        assert_eq!(clause["id"].as_str(), Some(format!("2.{}", n + 1).as_str()));
        assert_eq!(clause["text"].as_str(), Some(*item));
    }
}
