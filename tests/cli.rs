//! The binary, run as a user runs it: arguments in, exact stdout, stderr and exit
//! code out. Fixtures live in `tests/data/` so these tests do not move when the
//! built-in content grows.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use sha2::{Digest, Sha256};

mod common;

use common::{FORMATS, expect, expect_env, golden, run, strip_escapes};

const VALID: &str = "tests/data/valid.toml";
const VALID_OK: &str =
    "tests/data/valid.toml: ok, 8 aims, 4 pillars, 10 domains, 3 clauses, 2 sources\n";

#[test]
fn check_passes_on_the_built_in_content() {
    expect(
        &["check"],
        "content/aims.toml (built in): ok, 29 aims, 4 pillars, 24 domains, 9 clauses, 1 source\n",
        "",
        0,
    );
}

/// Two clauses whose texts start at the same place in their source are in
/// order whatever their numbers: neither stands before the other.
#[test]
fn clauses_that_start_together_are_in_order() {
    expect(
        &["check", "tests/data/clause-same-start.toml"],
        "tests/data/clause-same-start.toml: ok, 2 aims, 0 pillars, 0 domains, 2 clauses, 1 source\n",
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
        (stdout.starts_with("content/aims.toml (built in): ok"), code),
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
        "bad-fields.toml",
        concat!(
            "aims: error: tests/data/broken/bad-fields.toml:8:1: in [[aim]] `peace`: missing field `source`\n",
            "aims: error: tests/data/broken/bad-fields.toml:10:9: in [[aim]] `peace`: invalid type: integer `5`, expected a string\n",
            "aims: error: tests/data/broken/bad-fields.toml:11:1: in [[aim]] `peace`: unknown field `qoute`, expected one of `id`, `title`, `quote`, `source`, `clause`, `pillars`, `domains`\n",
            "  hint: did you mean `quote`?\n",
            "aims: error: tests/data/broken/bad-fields.toml:12:11: in [[aim]] `peace`: invalid type: string \"peace\", expected a sequence\n",
            "aims: tests/data/broken/bad-fields.toml has 4 problems\n",
        ),
    ),
    (
        "clause-not-cited.toml",
        concat!(
            "aims: error: tests/data/broken/clause-not-cited.toml:25:6: aim id `Trade` differs from aim id `trade` only in case, and ids are matched ignoring case\n",
            "  hint: first defined at line 18\n",
            "aims: error: tests/data/broken/clause-not-cited.toml:27:9: aim `Trade` quotes the text of clause `2.1` but does not cite it\n",
            "  hint: add clause = \"2.1\"\n",
            "aims: tests/data/broken/clause-not-cited.toml has 2 problems\n",
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
        "clause-position.toml",
        concat!(
            "aims: error: tests/data/broken/clause-position.toml:16:17: clause `2.1` gives its official_item but not where it was verified\n",
            "  hint: add verified_in = \"...\": the text, with its address, that shows the position\n",
            "aims: error: tests/data/broken/clause-position.toml:25:15: clause `2.2` says where its position was verified, but gives no official_item\n",
            "aims: error: tests/data/broken/clause-position.toml:34:17: clause `2.3` gives official_item 0: items are numbered from 1\n",
            "aims: tests/data/broken/clause-position.toml has 3 problems\n",
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
        "empty-fields.toml",
        concat!(
            "aims: error: tests/data/broken/empty-fields.toml:6:8: source `page` has an empty text\n",
            "aims: error: tests/data/broken/empty-fields.toml:14:8: clause `2.1` has an empty text\n",
            "aims: error: tests/data/broken/empty-fields.toml:18:9: aim `peace` has an empty title\n",
            "aims: error: tests/data/broken/empty-fields.toml:19:9: aim `peace` has an empty quote\n",
            "aims: tests/data/broken/empty-fields.toml has 4 problems\n",
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
        "malformed-keys.toml",
        concat!(
            "aims: error: tests/data/broken/malformed-keys.toml:4:6: source id `the page` holds ' '\n",
            "  hint: ids and aliases are typed on the command line and offered by completion scripts: use letters, digits, `-` or `.`\n",
            "aims: error: tests/data/broken/malformed-keys.toml:12:12: domain alias `stability,calm` holds ','\n",
            "  hint: ids and aliases are typed on the command line and offered by completion scripts: use letters, digits, `-` or `.`\n",
            // A control character is shown escaped, never sent to the terminal.
            "aims: error: tests/data/broken/malformed-keys.toml:12:30: domain alias `quiet\\u{7}` holds '\\u{7}'\n",
            "  hint: ids and aliases are typed on the command line and offered by completion scripts: use letters, digits, `-` or `.`\n",
            "aims: tests/data/broken/malformed-keys.toml has 3 problems\n",
        ),
    ),
    (
        "many.toml",
        concat!(
            // The first 20, then how many more and how to see them.
            "aims: error: tests/data/broken/many.toml:3:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:4:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:5:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:6:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:7:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:8:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:9:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:10:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:11:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:12:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:13:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:14:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:15:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:16:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:17:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:18:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:19:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:20:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:21:3: in [[aim]]: each `aim` must be a table\n",
            "aims: error: tests/data/broken/many.toml:22:3: in [[aim]]: each `aim` must be a table\n",
            "aims: ... and 5 more problems; `aims check tests/data/broken/many.toml --all` lists them all\n",
            "aims: tests/data/broken/many.toml has 25 problems\n",
        ),
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
        "relation-both.toml",
        concat!(
            "aims: error: tests/data/broken/relation-both.toml:19:42: domain `security` lists related `peace` twice\n",
            "aims: error: tests/data/broken/relation-both.toml:25:12: domain `counter-terrorism` names `security` both as broader and as related\n",
            "  hint: a narrower domain is already close to its broader one: keep `broader`\n",
            "aims: tests/data/broken/relation-both.toml has 2 problems\n",
        ),
    ),
    (
        "relation-cycle.toml",
        concat!(
            "aims: error: tests/data/broken/relation-cycle.toml:31:12: `broader` leads from domain `peace` back to itself: peace → security → terrorism → peace\n",
            "  hint: broader domains form a hierarchy: remove one of these relations\n",
        ),
    ),
    (
        "relation-itself.toml",
        concat!(
            "aims: error: tests/data/broken/relation-itself.toml:19:12: domain `peace` names itself as broader\n",
            "  hint: a domain's broader domains are other domains\n",
            "aims: error: tests/data/broken/relation-itself.toml:20:12: domain `peace` names itself as related\n",
            "  hint: a domain's related domains are other domains\n",
            "aims: tests/data/broken/relation-itself.toml has 2 problems\n",
        ),
    ),
    (
        "relation-unknown.toml",
        concat!(
            "aims: error: tests/data/broken/relation-unknown.toml:19:12: domain `peace` names unknown domain `securty`\n",
            "  hint: did you mean `security`?\n",
            "  hint: valid domains: peace, security\n",
            "aims: error: tests/data/broken/relation-unknown.toml:20:12: domain `peace` names unknown domain `war`\n",
            "  hint: valid domains: peace, security\n",
            "aims: tests/data/broken/relation-unknown.toml has 2 problems\n",
        ),
    ),
    (
        "server.log",
        concat!(
            // A file of no TOML at all is told so once, not on each line.
            "aims: error: tests/data/broken/server.log:1:1: this is not a TOML content file: its first 3 lines (blank lines and comments aside) are not TOML\n",
            "  hint: a content file holds [[source]], [[pillar]], [[domain]], [[clause]] and [[aim]] records of `key = value` lines; see README.md\n",
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
        "source-dates.toml",
        concat!(
            "aims: error: tests/data/broken/source-dates.toml:7:13: the published date of source `page`, `2026-02-29`, is not a day of the calendar\n",
            "  hint: write it as YYYY-MM-DD, as in 2026-11-26\n",
            "aims: error: tests/data/broken/source-dates.toml:8:12: the accessed date of source `page`, `26 Nov 2026`, is not a day of the calendar\n",
            "  hint: write it as YYYY-MM-DD, as in 2026-11-26\n",
            "aims: error: tests/data/broken/source-dates.toml:15:13: source `note` was published on 2026-12-01, after it was accessed\n",
            "aims: tests/data/broken/source-dates.toml has 3 problems\n",
        ),
    ),
    (
        "source-url.toml",
        concat!(
            "aims: error: tests/data/broken/source-url.toml:7:7: the url of source `page` is not a web address (relative URL without a base)\n",
            "  hint: write the whole address, as in https://example.org/page\n",
            "aims: error: tests/data/broken/source-url.toml:14:7: the url of source `note` is not a web address: it starts with `ftp:`, not `https:`\n",
            "  hint: write the whole address, as in https://example.org/page\n",
            "aims: tests/data/broken/source-url.toml has 2 problems\n",
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
        "unread-record.toml",
        concat!(
            "aims: error: tests/data/broken/unread-record.toml:4:1: in [[source]] `page`: missing field `text`\n",
            "aims: error: tests/data/broken/unread-record.toml:9:1: in [[pillar]] `other`: missing field `description`\n",
            "aims: error: tests/data/broken/unread-record.toml:13:1: in [[pillar]] `book`: missing field `description`\n",
            "aims: error: tests/data/broken/unread-record.toml:27:10: aim `trade` names unknown source `book`\n",
            "  hint: no sources are defined\n",
            "aims: tests/data/broken/unread-record.toml has 4 problems\n",
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
        "wordless-quote.toml",
        concat!(
            "aims: error: tests/data/broken/wordless-quote.toml:11:9: the quote of aim `semicolon` has an excerpt with no words: \";\"\n",
            "  hint: a quote is words of its source; `...` joins excerpts of words\n",
            "aims: error: tests/data/broken/wordless-quote.toml:23:9: the quote of aim `stray` has an excerpt with no words: \";\"\n",
            "  hint: a quote is words of its source; `...` joins excerpts of words\n",
            "aims: tests/data/broken/wordless-quote.toml has 2 problems\n",
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

/// The problems of `tests/data/broken/many.toml` (25, one a line), as
/// reported for the file at `path`: those numbered `numbers`.
fn many(path: &str, numbers: std::ops::RangeInclusive<usize>) -> String {
    numbers
        .map(|n| {
            format!(
                "aims: error: {path}:{}:3: in [[aim]]: each `aim` must be a table\n",
                n + 2
            )
        })
        .collect::<Vec<_>>()
        .concat()
}

#[test]
fn check_all_lists_every_problem_and_every_command_the_first_twenty() {
    let path = "tests/data/broken/many.toml";
    let every = format!("{}aims: {path} has 25 problems\n", many(path, 1..=25));
    expect(&["check", path, "--all"], "", &every, 1);
    expect(&["--content", path, "check", "--all"], "", &every, 1);
    // Named by the environment, for any command: the first 20, and how to see all.
    let first = format!(
        "{}aims: ... and 5 more problems; `aims check {path} --all` lists them all\naims: {path} has 25 problems\n",
        many(path, 1..=20)
    );
    expect_env(&["list"], &[("AIMS_CONTENT", path)], "", &first, 1);
    expect_env(&["domains"], &[("AIMS_CONTENT", path)], "", &first, 1);
    // `--all` is for `check` alone.
    let (_, stderr, code) = run(&["--content", path, "list", "--all"], &[]);
    assert_eq!(code, 2, "{stderr}");
    // A path a shell would split is quoted, to paste.
    let dir = std::env::temp_dir().join(format!("aims-cli-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let spaced = dir.join("my aims.toml");
    fs::copy(path, &spaced).expect("copied");
    let spaced = spaced.display().to_string();
    expect(
        &["check", &spaced],
        "",
        &format!(
            "{}aims: ... and 5 more problems; `aims check '{spaced}' --all` lists them all\naims: {spaced} has 25 problems\n",
            many(&spaced, 1..=20)
        ),
        1,
    );
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
    let missing = "tests/data/no-such-file.toml";
    let not_found = common::open_error(missing);
    expect(
        &["check", missing],
        "",
        &format!("aims: error: cannot read content file {missing}: {not_found}\n"),
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
        &[("AIMS_CONTENT", missing)],
        "",
        &format!(
            "aims: error: AIMS_CONTENT names {missing}: cannot read content file {missing}: {not_found}\n"
        ),
        1,
    );
}

#[test]
fn aims_alone_prints_a_short_help_that_fits_a_screen() {
    let (stdout, stderr, code) = run(&[], &[]);
    assert_eq!((stderr.as_str(), code), ("", 0));
    golden("short-help.txt", &stdout);
    assert!(stdout.lines().count() <= 30, "{stdout}");
    assert!(
        stdout.lines().all(|line| line.chars().count() <= 80),
        "{stdout}"
    );
    // Every command it names is one aims has.
    for line in stdout.lines().filter(|line| line.starts_with("  aims ")) {
        let command = line.split_whitespace().nth(1).unwrap();
        if !command.starts_with('-') && command != "<COMMAND>" {
            assert_eq!(run(&[command, "--help"], &[]).2, 0, "{line}");
        }
    }
}

#[test]
fn each_command_s_help_opens_with_what_aims_help_says_it_does() {
    let help = run(&["--help"], &[]).0;
    let commands = &help[help.find("Commands:\n").expect("a list of commands")..];
    let commands = commands
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.trim().split_once(char::is_whitespace))
        .filter(|(command, _)| *command != "help");
    let mut seen = 0;
    for (command, what) in commands {
        let (stdout, stderr, code) = run(&[command, "--help"], &[]);
        assert_eq!((stderr.as_str(), code), ("", 0), "{command}");
        assert_eq!(stdout.lines().next(), Some(what.trim()), "{command}");
        seen += 1;
    }
    assert!(seen >= 14, "{help}");
}

#[test]
fn usage_errors_exit_2_and_look_like_aims_own() {
    // clap's errors, said as aims says its own: `aims: error:`, then hints.
    for (args, stderr) in [
        (
            &["chek"][..],
            "aims: error: unknown command `chek`\n  hint: did you mean `schema` or `check`?\n  \
             hint: usage: aims [OPTIONS] [COMMAND] (more with --help)\n",
        ),
        (
            &["list", "--format", "jsn"],
            "aims: error: invalid value `jsn` for `--format <FORMAT>`\n  \
             hint: did you mean `json`?\n  hint: valid values: table, tsv, csv, json, jsonl, markdown, html\n",
        ),
        (
            &["list", "--domian", "x"],
            "aims: error: unexpected argument `--domian`\n  hint: did you mean `--domain`?\n  \
             hint: usage: aims list --domain <DOMAIN> (more with --help)\n",
        ),
        (
            &["show"],
            "aims: error: missing `<ID>...`\n  hint: usage: aims show <ID>... (more with --help)\n",
        ),
        // clap's own tips are hints too.
        (
            &["search", "--foo"],
            "aims: error: unexpected argument `--foo`\n  hint: to pass '--foo' as a value, use '-- --foo'\n  \
             hint: usage: aims search [OPTIONS] <WORD>... (more with --help)\n",
        ),
        // An empty path is a usage error, caught by clap.
        (&["check", ""], "aims: error: `[PATH]` needs a value\n"),
        (
            &["--content"],
            "aims: error: `--content <PATH>` needs a value\n",
        ),
    ] {
        expect(args, "", stderr, 2);
    }
}

#[test]
fn errors_are_coloured_and_wrapped_only_on_a_terminal() {
    let on_terminal = |args: &str, env: &[(&str, &str)]| {
        let mut terminal = common::on_terminal(60, 24, assert_cmd::cargo::cargo_bin!("aims"));
        terminal.args(args.split(' '));
        for (key, value) in env {
            terminal.env(key, value);
        }
        let shown = terminal.output();
        assert_eq!(shown.code, 2, "{shown:?}");
        shown.text
    };
    // The built-in content's 24 domains: cut to three lines of 60 columns.
    assert_eq!(
        on_terminal("list --domain transprt", &[]),
        "aims: \x1b[1;31merror:\x1b[0m unknown domain `transprt`\n  \
         \x1b[1;36mhint:\x1b[0m did you mean `transport`?\n  \
         \x1b[1;36mhint:\x1b[0m valid domains: economy, science, education,\n        \
         transport, customs, tourism, trade, peace, security,\n        \
         counter-terrorism, foreign-policy, law, and 12 more\n"
    );
    assert_eq!(
        on_terminal("list --format jsn", &[("NO_COLOR", "1")]),
        "aims: error: invalid value `jsn` for `--format <FORMAT>`\n  hint: did you mean `json`?\n  \
         hint: valid values: table, tsv, csv, json, jsonl,\n        markdown, html\n"
    );
}

#[test]
fn only_a_list_hint_is_cut_on_a_narrow_terminal_never_advice() {
    let shown = |args: &str, code: u32| {
        let mut terminal = common::on_terminal(28, 24, assert_cmd::cargo::cargo_bin!("aims"));
        terminal.args(args.split(' ')).env("NO_COLOR", "1");
        let shown = terminal.output();
        assert_eq!(shown.code, code, "{shown:?}");
        shown.text
    };
    let shown_check = shown("check tests/data/broken/clause-position.toml", 1);
    // Advice with a colon and commas in it is words, not a list: all of it.
    assert!(
        shown_check.contains(
            "  hint: add verified_in =\n        \"...\": the text,\n        \
             with its address,\n        that shows the\n        position\n"
        ),
        "{shown_check}"
    );
    // A list is cut to three lines.
    let shown_list = shown("list --domain zz", 2);
    assert!(
        shown_list
            .ends_with("  hint: valid domains:\n        economy, science,\n        and 22 more\n"),
        "{shown_list}"
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

/// The SHA-256 of the seed text the built-in source quotes: the bytes of
/// `seeds/000_6688befc4277959a.txt` in the project's shared folder (the name's
/// hex is no prefix of this or of any other common hash of the file).
const SEED_SHA256: &str = "4f550991a1cdbe5741a6f3f028032c11f4c147104f5f6fe1dbc179770730d9be";

/// The built-in source is the seed text, byte for byte: its hash is the
/// seed's, so no copy of the seed needs to be at hand.
#[test]
fn the_built_in_source_is_the_seed_text() {
    let content: toml::Table =
        toml::from_str(&fs::read_to_string("content/aims.toml").expect("content")).expect("TOML");
    let text = content["source"][0]["text"].as_str().expect("text");
    let hash = Sha256::digest(text.as_bytes())
        .iter()
        .fold(String::new(), |mut hex, byte| {
            write!(hex, "{byte:02x}").expect("writing to a string");
            hex
        });
    assert_eq!(
        hash, SEED_SHA256,
        "the built-in source differs from the seed text"
    );
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

// ---------------------------------------------------------------------------
// Browsing: every command in every format, on the fixture content.

/// Runs a listing on the fixture, with tables 80 columns wide, expecting success
/// and silence on stderr.
#[track_caller]
fn listing(args: &[&str]) -> String {
    let mut full = vec!["--content", VALID];
    full.extend_from_slice(args);
    let (stdout, stderr, code) = run(&full, &[("COLUMNS", "80")]);
    assert_eq!((stderr.as_str(), code), ("", 0), "aims {}", full.join(" "));
    stdout
}

#[test]
fn every_command_in_every_format_matches_its_golden_output() {
    let commands: [(&str, &[&str]); 7] = [
        ("list", &["list"]),
        ("show", &["show", "trade-investment", "global-peace"]),
        ("search", &["search", "peace"]),
        ("pillars", &["pillars"]),
        ("domains", &["domains"]),
        ("clauses", &["clauses"]),
        ("sources", &["sources"]),
    ];
    for (name, args) in commands {
        for (format, extension) in FORMATS {
            let mut args = args.to_vec();
            args.extend(["--format", format]);
            golden(&format!("{name}.{extension}"), &listing(&args));
        }
    }
}

#[test]
fn a_pipe_gets_tsv_by_default() {
    assert_eq!(listing(&["list"]), listing(&["list", "--format", "tsv"]));
    assert_eq!(
        listing(&["domains"]),
        listing(&["domains", "--format", "tsv"])
    );
    assert_eq!(
        listing(&["show", "global-peace"]),
        listing(&["show", "global-peace", "--format", "tsv"])
    );
}

#[test]
fn json_has_exactly_the_keys_of_the_spec() {
    let json: serde_json::Value =
        serde_json::from_str(&listing(&["list", "--format", "json"])).expect("JSON");
    for aim in json.as_array().expect("an array") {
        let keys: Vec<&str> = aim
            .as_object()
            .expect("objects")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = [
            "id", "title", "quote", "source", "citation", "clause", "pillars", "domains",
        ];
        expected.sort_unstable();
        assert_eq!(keys, expected);
    }
    // Facet listings: an id, a name or text, and the count of aims.
    for command in ["pillars", "domains", "clauses", "sources"] {
        let json: serde_json::Value =
            serde_json::from_str(&listing(&[command, "--format", "json"])).expect("JSON");
        for record in json.as_array().expect("an array") {
            assert!(
                record["id"].is_string() && record["aims"].is_u64(),
                "{command}: {record}"
            );
        }
    }
}

#[test]
fn columns_pick_and_order_and_no_header_drops_the_header() {
    assert_eq!(
        listing(&[
            "list",
            "--clause",
            "2",
            "--columns",
            "clause,id",
            "--format",
            "csv"
        ]),
        "clause,id\n2.1,regional-bilateral-cooperation\n2.2,trade-investment\n2.3,balanced-economy\n"
    );
    assert_eq!(
        listing(&[
            "pillars",
            "--columns",
            "aims,id",
            "--format",
            "csv",
            "--no-header"
        ]),
        "1,shared-history\n1,language\n1,identity\n1,culture\n"
    );
    // A markdown table without its header row is no table: refused.
    expect(
        &[
            "--content",
            VALID,
            "domains",
            "--columns",
            "id,aliases",
            "--format",
            "markdown",
            "--no-header",
        ],
        "",
        "aims: error: a markdown table cannot drop its header row: without it, it is not a table\n  hint: --no-header applies to table and csv\n",
        2,
    );

    assert_eq!(
        listing(&[
            "list",
            "--domain",
            "law",
            "--columns",
            "id,title",
            "--format",
            "table",
            "--no-header"
        ]),
        "un-charter  Uphold the UN Charter and international law\n"
    );
}

/// The ids `aims list ARGS` selects, in order.
#[track_caller]
fn ids(args: &[&str]) -> Vec<String> {
    let mut args = args.to_vec();
    args.extend(["--columns", "id", "--format", "tsv"]);
    listing(&args).lines().map(str::to_owned).collect()
}

#[test]
fn filters_match_ids_names_and_aliases_ignoring_case() {
    let transport = ["multilateral-cooperation", "neighbouring-nations"];
    for value in ["transport", "transportation", "TRANSPORT", "Transport"] {
        assert_eq!(
            ids(&["list", "--domain", value]),
            transport,
            "--domain {value}"
        );
    }
    assert_eq!(
        ids(&["list", "--domain", "peace and stability"]),
        ["neighbouring-nations", "global-peace"]
    );
    assert_eq!(ids(&["list", "--pillar", "Language"]), ["four-pillars"]);
    assert_eq!(
        ids(&["list", "--source", "on the un charter"]),
        ["un-charter", "global-peace"]
    );
    assert_eq!(
        ids(&["list", "--source", "charter-note"]),
        ["un-charter", "global-peace"]
    );
}

#[test]
fn values_of_one_filter_are_or_and_filters_are_and() {
    let trade_or_law = ["trade-investment", "un-charter"];
    assert_eq!(ids(&["list", "--domain", "trade,law"]), trade_or_law);
    assert_eq!(
        ids(&["list", "--domain", "trade", "--domain", "law"]),
        trade_or_law
    );
    assert_eq!(
        ids(&["list", "--domain", "peace", "--source", "charter-note"]),
        ["global-peace"]
    );
    // Trade is narrower than economy.
    assert_eq!(
        ids(&["list", "--domain", "economy", "--clause", "2"]),
        ["trade-investment", "balanced-economy"]
    );
    assert_eq!(
        ids(&[
            "list",
            "--domain",
            "economy",
            "--clause",
            "2",
            "--no-narrower"
        ]),
        ["balanced-economy"]
    );
    assert_eq!(
        ids(&["list", "--domain", "law", "--pillar", "culture"]),
        Vec::<String>::new()
    );
}

#[test]
fn a_clause_filter_takes_an_article_or_one_item() {
    assert_eq!(
        ids(&["list", "--clause", "2"]),
        [
            "regional-bilateral-cooperation",
            "trade-investment",
            "balanced-economy"
        ]
    );
    assert_eq!(ids(&["list", "--clause", "2.2"]), ["trade-investment"]);
    assert_eq!(
        ids(&["list", "--clause", "2.3,2.1"]),
        ["regional-bilateral-cooperation", "balanced-economy"]
    );
}

#[test]
fn text_and_search_words_ignore_case() {
    // --text: any value, in the title or the quote.
    assert_eq!(
        ids(&["list", "--text", "PEACE"]),
        ["neighbouring-nations", "global-peace"]
    );
    assert_eq!(
        ids(&["list", "--text", "charter,tourism"]),
        [
            "multilateral-cooperation",
            "neighbouring-nations",
            "un-charter"
        ]
    );
    // search: every word.
    assert_eq!(
        ids(&["search", "Trade", "investment"]),
        ["trade-investment"]
    );
    assert_eq!(
        ids(&["search", "peace", "--source", "aims-page"]),
        ["neighbouring-nations"]
    );
    // No aim holds both: those that hold either, best first (issue 21).
    assert_eq!(
        ids(&["search", "trade", "tourism"]),
        [
            "trade-investment",
            "multilateral-cooperation",
            "neighbouring-nations"
        ]
    );
}

#[test]
fn an_empty_result_is_a_success() {
    let args = ["--content", VALID, "search", "nothing-matches-this"];
    for (format, stdout) in [
        ("json", "[]\n"),
        ("jsonl", ""),
        ("tsv", ""),
        (
            "csv",
            "id,title,quote,source,citation,clause,pillars,domains\n",
        ),
    ] {
        let mut args = args.to_vec();
        args.extend(["--format", format]);
        expect(&args, stdout, "", 0);
    }
    let mut table = args.to_vec();
    table.extend(["--format", "table"]);
    expect(&table, "", "aims: no aims match\n", 0);
    // A content may define no pillars, domains or clauses: each listing
    // names its rows.
    let bare = "tests/data/bare.toml";
    for noun in ["pillars", "domains", "clauses"] {
        expect(
            &["--content", bare, noun, "--format", "table"],
            "",
            &format!("aims: no {noun} match\n"),
            0,
        );
    }
    expect(
        &["--content", bare, "matrix", "--format", "table"],
        "",
        "aims: no rows match\n",
        0,
    );
}

#[test]
fn unknown_values_are_usage_errors_with_the_closest_valid_one() {
    let cases: [(&[&str], &str); 7] = [
        (
            &["list", "--domain", "transprt"],
            "aims: error: unknown domain `transprt`\n  hint: did you mean `transport`?\n  hint: valid domains: economy, science, education, transport, customs, tourism, trade, peace, security, law\n",
        ),
        (
            &["list", "--domain", "Transportaton"],
            "aims: error: unknown domain `Transportaton`\n  hint: did you mean `transport`?\n  hint: valid domains: economy, science, education, transport, customs, tourism, trade, peace, security, law\n",
        ),
        (
            &["list", "--pillar", "langauge"],
            "aims: error: unknown pillar `langauge`\n  hint: did you mean `language`?\n  hint: valid pillars: shared-history, language, identity, culture\n",
        ),
        (
            &["search", "x", "--clause", "2.9"],
            "aims: error: unknown clause `2.9`\n  hint: article 2 has items 1 to 3\n  hint: valid clauses: 2, 2.1, 2.2, 2.3\n",
        ),
        (
            &["list", "--source", "nope"],
            "aims: error: unknown source `nope`\n  hint: no aim's title, quote or topics hold `nope` either\n  hint: valid sources: aims-page, charter-note\n",
        ),
        (
            &["show", "trade-investmnt"],
            "aims: error: unknown aim `trade-investmnt`\n  hint: did you mean `trade-investment`?\n  hint: valid aims: four-pillars, multilateral-cooperation, neighbouring-nations, regional-bilateral-cooperation, trade-investment, balanced-economy, un-charter, global-peace\n",
        ),
        (
            &["domains", "--columns", "id,alias"],
            "aims: error: unknown column `alias`\n  hint: did you mean `aliases`?\n  hint: valid columns: id, name, aliases, description, broader, narrower, related, aims, see_also, relations\n",
        ),
    ];
    for (args, stderr) in cases {
        let mut full = vec!["--content", VALID];
        full.extend_from_slice(args);
        expect(&full, "", stderr, 2);
    }
    expect(
        &["--content", VALID, "list", "--domain", "trade,"],
        "",
        "aims: error: an empty domain value matches nothing\n  hint: check for a stray comma, or quote a value that has spaces\n",
        2,
    );
    let (stdout, stderr, code) = run(&["list", "--format", "yaml"], &[]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr.starts_with("aims: error: invalid value `yaml` for `--format <FORMAT>`"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------
// The table on a real terminal: a pseudo-terminal.

/// Runs `aims --content VALID ARGS` on a pseudo-terminal `cols` wide.
fn on_terminal(cols: u16, args: &str, env: &[(&str, &str)]) -> String {
    common::shown_on_terminal(cols, 50, &format!("--content {VALID} {args}"), env)
}

/// As `on_terminal`, on a terminal that reports `rows` rows.
fn on_terminal_sized(cols: u16, rows: u16, args: &str, env: &[(&str, &str)]) -> String {
    common::shown_on_terminal(cols, rows, &format!("--content {VALID} {args}"), env)
}

#[test]
fn a_terminal_gets_a_table_that_fits_its_width() {
    for cols in [60, 120] {
        let plain = on_terminal(cols, "list --domain transport", &[("NO_COLOR", "1")]);
        assert!(
            !plain.contains('\x1b'),
            "NO_COLOR leaves no escape codes:\n{plain}"
        );
        for line in plain.lines() {
            assert!(
                line.chars().count() <= usize::from(cols),
                "wider than {cols}: {line:?}"
            );
        }
        golden(&format!("terminal-{cols}.txt"), &plain);

        let colored = on_terminal(cols, "list --domain transport", &[]);
        assert!(
            colored.contains("\x1b["),
            "colour on a terminal:\n{colored}"
        );
        assert_eq!(
            strip_escapes(&colored),
            plain,
            "colour changes nothing but colour"
        );
    }
    // --color never, and a terminal that reports width 0 (counted as 80).
    let never = on_terminal(60, "list --domain transport --color never", &[]);
    assert_eq!(
        never,
        on_terminal(60, "list --domain transport", &[("NO_COLOR", "1")])
    );
    let zero = on_terminal(0, "list --domain transport", &[("NO_COLOR", "1")]);
    assert_eq!(
        zero,
        listing(&["list", "--domain", "transport", "--format", "table"])
    );
}

#[test]
fn colour_never_reaches_a_pipe_or_a_machine_format() {
    assert!(!listing(&["list", "--format", "table"]).contains('\x1b'));
    let forced = run(
        &["--content", VALID, "list", "--format", "table"],
        &[("CLICOLOR_FORCE", "1")],
    )
    .0;
    assert!(
        forced.contains("\x1b["),
        "CLICOLOR_FORCE colours a table in a pipe"
    );
    let always = run(
        &[
            "--content",
            VALID,
            "--color",
            "always",
            "list",
            "--format",
            "json",
        ],
        &[],
    )
    .0;
    assert!(!always.contains('\x1b'), "JSON never carries escape codes");
    let terminal_json = on_terminal(80, "list --format json", &[]);
    assert!(!terminal_json.contains('\x1b'), "{terminal_json}");
}

// ---------------------------------------------------------------------------
// From a user's review: each of these was wrong once.

#[test]
fn search_and_text_match_whole_words_in_their_forms() {
    // "age" is in "encourage", "eco" starts "economy": neither is a word of them.
    assert_eq!(ids(&["search", "age"]), Vec::<String>::new());
    assert_eq!(ids(&["list", "--text", "eco"]), Vec::<String>::new());
    assert_eq!(ids(&["search", "investments"]), ["trade-investment"]);
    assert_eq!(
        ids(&["list", "--text", "economies"]),
        ["multilateral-cooperation", "balanced-economy"]
    );
    // A quoted argument with spaces is a phrase.
    assert_eq!(
        ids(&["search", "trade and investment"]),
        ["trade-investment"]
    );
    assert_eq!(
        ids(&["search", "investment and trade"]),
        Vec::<String>::new()
    );
}

#[test]
fn ids_and_columns_ignore_case_and_surrounding_spaces() {
    assert_eq!(ids(&["show", " TRADE-INVESTMENT "]), ["trade-investment"]);
    assert_eq!(
        listing(&[
            "domains",
            "--columns",
            "ID, Aims",
            "--format",
            "csv",
            "--no-header"
        ])
        .lines()
        .next(),
        Some("economy,3")
    );
}

#[test]
fn every_unknown_id_is_reported_and_echoes_are_made_safe() {
    expect(
        &[
            "--content",
            VALID,
            "show",
            "trade-investmnt",
            "nope",
            "un-charter",
        ],
        "",
        "aims: error: unknown aims `trade-investmnt`, `nope`\n  hint: did you mean `trade-investment`?\n  hint: no aim's title, quote or topics hold `nope` either\n  hint: valid aims: four-pillars, multilateral-cooperation, neighbouring-nations, regional-bilateral-cooperation, trade-investment, balanced-economy, un-charter, global-peace\n",
        2,
    );
    expect(
        &["--content", VALID, "list", "--pillar", "histroy"],
        "",
        "aims: error: unknown pillar `histroy`\n  hint: did you mean `shared-history`?\n  hint: valid pillars: shared-history, language, identity, culture\n",
        2,
    );
    // An escape sequence typed as a value is not replayed to the terminal, and a
    // huge value is not echoed whole.
    let (_, stderr, code) = run(&["--content", VALID, "show", "\u{1b}]0;pwned\u{7}"], &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("aims: error: unknown aim `\\u{1b}]0;pwned\\u{7}`\n"),
        "{stderr}"
    );
    let huge = "x".repeat(100_000);
    let (_, stderr, code) = run(&["--content", VALID, "list", "--domain", &huge], &[]);
    assert_eq!(code, 2);
    assert!(stderr.len() < 1_000, "{} bytes of stderr", stderr.len());
}

#[test]
fn columns_are_refused_for_json() {
    expect(
        &[
            "--content",
            VALID,
            "list",
            "--columns",
            "id",
            "--format",
            "json",
        ],
        "",
        "aims: error: --columns does not apply to json or jsonl\n  hint: JSON objects have every key: pick some with jq '.[] | {id, quote}'\n",
        2,
    );
}

// Linux: /dev/full, a file whose every write fails with "no space left",
// is Linux's (and FreeBSD's); macOS and Windows have none.
#[cfg(target_os = "linux")]
#[test]
fn help_that_cannot_be_written_is_an_error() {
    let full = fs::File::create("/dev/full").expect("/dev/full");
    let output = common::aims()
        .arg("--help")
        .stdout(full)
        .output()
        .expect("aims runs");
    assert_eq!(
        (
            String::from_utf8_lossy(&output.stderr).as_ref(),
            output.status.code()
        ),
        (
            "aims: error: cannot write output: No space left on device (os error 28)\n",
            Some(1)
        )
    );
}

#[test]
fn narrow_tables_keep_words_whole_while_they_fit() {
    let table = run(
        &[
            "--content",
            VALID,
            "list",
            "--domain",
            "trade",
            "--format",
            "table",
        ],
        &[("COLUMNS", "40")],
    )
    .0;
    assert_eq!(
        table,
        "ID                TITLE       QUOTE\ntrade-investment  Foster      fostering\n                  trade and   trade and\n                  investment  investment\nnote: clauses are numbered as \"What Does\n      the Assembly Aim To Achieve?\"\n      lists them, in its paraphrase; the\n      Nakhchivan Agreement's own order\n      and wording differ (see `aims\n      sources`)\n"
    );
    // A terminal that reports its columns but 0 rows is still measured.
    let shown = on_terminal(40, "list --domain trade --color never", &[]);
    let rows_zero = on_terminal_sized(40, 0, "list --domain trade --color never", &[]);
    assert_eq!(rows_zero, shown);
    // A person is also told where to look next.
    assert_eq!(shown, format!("{table}see also: economy (3)\n"));
}

// ---------------------------------------------------------------------------
// The shell and the editor: completions, the man page, the schema, the matrix.

/// A TOML content file as the JSON an editor's schema check sees.
fn toml_as_json(path: &str) -> serde_json::Value {
    toml::from_str(&fs::read_to_string(path).expect("content")).expect("TOML")
}

#[test]
fn the_committed_schema_is_what_aims_schema_prints() {
    let printed = listing(&["schema"]);
    let committed = fs::read_to_string("content/aims.schema.json").expect("committed schema");
    assert!(
        printed == committed,
        "content/aims.schema.json is stale: run `cargo run -- schema > content/aims.schema.json`"
    );
    let content = fs::read_to_string("content/aims.toml").expect("content");
    assert!(
        content.starts_with("#:schema ./aims.schema.json\n"),
        "editors find the schema by this line"
    );
}

#[test]
fn content_validates_against_the_schema_and_a_typo_does_not() {
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string("content/aims.schema.json").expect("schema"))
            .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid draft-07 schema");
    for path in ["content/aims.toml", VALID] {
        let errors: Vec<String> = validator
            .iter_errors(&toml_as_json(path))
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:?}");
    }
    for path in [
        "tests/data/broken/unknown-field.toml",
        "tests/data/broken/missing-field.toml",
    ] {
        assert!(
            !validator.is_valid(&toml_as_json(path)),
            "{path} should not validate"
        );
    }
}

#[test]
fn completions_offer_the_values_of_the_content_in_use() {
    // Elvish and PowerShell scripts from clap_complete complete commands and
    // flags, not their values.
    for shell in ["elvish", "powershell"] {
        assert!(listing(&["completions", shell]).contains("aims"), "{shell}");
    }
    for shell in ["bash", "zsh", "fish"] {
        let script = listing(&["completions", shell]);
        for value in ["transportation", "shared-history", "2.3", "charter-note"] {
            assert!(script.contains(value), "{shell} completions lack {value}");
        }
    }
    // Aim ids for `show` (clap_complete's fish script completes options only).
    for shell in ["bash", "zsh"] {
        assert!(
            listing(&["completions", shell]).contains("balanced-economy"),
            "{shell}"
        );
    }
    let bash = run(&["completions", "bash"], &[]).0;
    for value in [
        "counter-terrorism",
        "human-rights",
        "2.9",
        "combat-terrorism",
        "assembly-aims",
    ] {
        assert!(bash.contains(value), "bash completions lack {value}");
    }
    let check = std::process::Command::new("bash")
        .arg("-n")
        .stdin(std::process::Stdio::piped())
        .spawn();
    // A system without bash (Windows may have none) cannot say.
    let Ok(mut check) = check else {
        eprintln!("note: bash is not installed: the script's syntax is not checked");
        return;
    };
    std::io::Write::write_all(&mut check.stdin.take().expect("stdin"), bash.as_bytes())
        .expect("script sent");
    assert!(
        check.wait().expect("bash ends").success(),
        "bash -n rejects the completion script"
    );
}

#[test]
fn the_man_page_is_roff_with_every_command_and_the_examples() {
    let page = run(&["man"], &[]).0;
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq \\(aq\n"),
        "{}",
        &page[..80]
    );
    for section in [
        ".TH aims 1",
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH EXAMPLES",
        ".SH COMMANDS",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    for command in [
        "list",
        "show",
        "search",
        "pillars",
        "domains",
        "clauses",
        "sources",
        "matrix",
        "completions",
        "man",
        "schema",
        "check",
    ] {
        assert!(
            page.contains(&format!(".SS \"aims {command}"))
                || page.contains(&format!(".SS aims\\ {command}"))
                || page.contains(&format!(".SS \"aims {command} ")),
            "no section for {command}"
        );
    }
    assert!(
        page.contains("aims list \\-\\-domain transport"),
        "the examples are in the page"
    );
    // Each command's own options, with their values; not the global ones
    // (they are under OPTIONS) nor --help.
    let commands = &page[page.find(".SH COMMANDS").expect("commands")..];
    let commands = &commands[..commands.find(".SH ENVIRONMENT").expect("environment")];
    for option in [
        ".TP\n\\fB\\-\\-domain\\fR \\fIDOMAIN\\fR\nAims in these domains (id, name or alias), and in their narrower domains\n",
        ".TP\n\\fB\\-\\-no\\-header\\fR\nDrop the header row",
        ".TP\n\\fIID...\\fR\nThe ids of the aims to show",
    ] {
        assert!(commands.contains(option), "no {option:?} in {commands}");
    }
    for absent in ["\\-\\-content\\fR", "\\-\\-color", "\\-\\-help"] {
        assert!(!commands.contains(absent), "{absent} under COMMANDS");
    }
}

#[test]
fn the_matrix_counts_pairs_in_every_format() {
    for (format, extension) in FORMATS {
        golden(
            &format!("matrix.{extension}"),
            &listing(&["matrix", "--format", format]),
        );
        golden(
            &format!("matrix-clause-domain.{extension}"),
            &listing(&[
                "matrix", "--rows", "clause", "--cols", "domain", "--format", format,
            ]),
        );
    }
    // The filters of list apply: only the aims about peace.
    assert_eq!(
        listing(&[
            "matrix",
            "--rows",
            "source",
            "--cols",
            "domain",
            "--domain",
            "peace",
            "--columns",
            "id,peace,security,transport",
            "--format",
            "csv"
        ]),
        "id,peace,security,transport\naims-page,1,0,1\ncharter-note,1,1,0\n"
    );
    // Too wide for the terminal: numbered headers and a legend, within the width.
    let narrow = run(
        &[
            "--content",
            VALID,
            "matrix",
            "--rows",
            "clause",
            "--cols",
            "domain",
            "--format",
            "table",
        ],
        &[("COLUMNS", "30")],
    )
    .0;
    for line in narrow.lines() {
        assert!(line.chars().count() <= 30, "wider than 30: {line:?}");
    }
    assert!(
        narrow.starts_with("ID  1 2 3 4 5 6 7 8 9 10\n2.1 . . . . . . . . .  .\n"),
        "{narrow}"
    );
    assert!(narrow.contains("1=economy  2=science"), "{narrow}");
}

#[test]
fn choices_ignore_case_as_filter_values_do() {
    let json = run(&["--content", VALID, "pillars", "--format", "json"], &[]);
    assert_eq!(json.2, 0);
    assert_eq!(
        run(&["--content", VALID, "pillars", "-f", "JSON"], &[]),
        json
    );
    let never = run(&["--content", VALID, "--color", "Never", "pillars"], &[]);
    assert_eq!(never.2, 0);
}

/// Letters beyond ASCII (Turkish `İ` and `ı`, CJK) and a word said thrice.
const LETTERS: &str = "tests/data/letters.toml";
/// The aim of `LETTERS` that says "very very very good" in İstanbul, as TSV.
const SUMMIT: &str = "ıı\tA very good summit in İstanbul\t\
     The summit in İstanbul was very very very good for culture\tletters\t\"Letters\"\t\tculture\tcity\n";

#[test]
fn a_phrase_is_found_after_a_false_start() {
    for (phrase, stdout) in [
        ("very very good", SUMMIT),
        ("very very very good", SUMMIT),
        ("very very very very good", ""),
    ] {
        expect(&["--content", LETTERS, "search", phrase], stdout, "", 0);
    }
}

#[test]
fn dotted_capital_i_is_found_by_i_in_search_and_filters() {
    for args in [
        &["search", "istanbul"][..],
        &["search", "İSTANBUL"],
        &["search", "İstanbul"],
        &["list", "--text", "istanbul"],
        &["list", "--domain", "istanbul"],
        &["list", "--domain", "İSTANBUL"],
    ] {
        expect(&[&["--content", LETTERS][..], args].concat(), SUMMIT, "", 0);
    }
}

/// A named pipe that no one writes to would hold `open` for ever: it is
/// refused before it is opened (and the test ends, however `aims` behaves).
// Unix: named pipes (`mkfifo`) and /dev/null.
#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_is_refused_without_waiting() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fifo-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a folder");
    let pipe = dir.join("aims.toml");
    let _ = fs::remove_file(&pipe);
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let refused = |path: &Path, what: &str| {
        let output = assert_cmd::Command::from_std(common::aims())
            .arg("--content")
            .arg(path)
            .arg("list")
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .expect("aims runs");
        assert_eq!(
            (
                String::from_utf8_lossy(&output.stdout).into_owned(),
                String::from_utf8_lossy(&output.stderr).into_owned(),
                output.status.code(),
            ),
            (
                String::new(),
                format!(
                    "aims: error: cannot read content file {}: it is {what}, not a TOML file\n",
                    path.display()
                ),
                Some(1)
            )
        );
    };
    refused(&pipe, "a named pipe (FIFO)");
    refused(Path::new("/dev/null"), "a device");
    fs::remove_dir_all(&dir).expect("removed");
}

#[test]
fn the_colour_flag_is_read_as_clap_reads_it_and_wins_over_the_environment() {
    let plain = "aims: error: unknown pillar `zz`\n  \
                 hint: no aim's title, quote or topics hold `zz` either\n  \
                 hint: valid pillars: culture\n";
    let coloured = "aims: \x1b[1;31merror:\x1b[0m unknown pillar `zz`\n  \
                    \x1b[1;36mhint:\x1b[0m no aim's title, quote or topics hold `zz` either\n  \
                    \x1b[1;36mhint:\x1b[0m valid pillars: culture\n";
    for (flag, env, stderr) in [
        (&["--color", "NEVER"][..], ("CLICOLOR_FORCE", "1"), plain),
        (&["--color=Never"], ("CLICOLOR_FORCE", "1"), plain),
        (&["--color", "never"], ("CLICOLOR_FORCE", "1"), plain),
        (&["--color", "always"], ("NO_COLOR", "1"), coloured),
        (&["--color=ALWAYS"], ("NO_COLOR", "1"), coloured),
    ] {
        let args = [&["--content", LETTERS, "list", "-p", "zz"], flag].concat();
        expect_env(&args, &[env], "", stderr, 2);
    }
    // clap's own errors, before the line is parsed, follow the flag too.
    expect_env(
        &["--color", "NEVER", "lsit"],
        &[("CLICOLOR_FORCE", "1")],
        "",
        "aims: error: unknown command `lsit`\n  hint: did you mean `list`?\n  \
         hint: usage: aims [OPTIONS] [COMMAND] (more with --help)\n",
        2,
    );
}

#[test]
fn show_indents_by_the_columns_an_id_takes() {
    // `ıı` is four bytes and two columns: its title wraps under itself.
    expect_env(
        &["--content", LETTERS, "show", "ıı", "-f", "table"],
        &[("COLUMNS", "30")],
        "ıı  A very good summit in\n    İstanbul\n  quote      The summit in\n             \
         İstanbul was very\n             very very good\n             for culture\n  \
         source     letters\n  citation   \"Letters\"\n  clause     -\n  pillars    culture\n  \
         domains    city\n",
        "",
        0,
    );
}

#[test]
fn matrix_measures_headers_in_the_columns_they_take() {
    // 交通 and 貿易 take four columns each: the headers fit from 22 columns,
    // and below, numbers and a legend stand for them.
    let matrix = |columns: &str| {
        run(
            &[
                "--content",
                LETTERS,
                "matrix",
                "--rows",
                "pillar",
                "--cols",
                "domain",
                "-f",
                "table",
            ],
            &[("COLUMNS", columns)],
        )
    };
    assert_eq!(
        matrix("22"),
        (
            "ID      交通 貿易 CITY\nculture    1    1    1\n".to_owned(),
            String::new(),
            0
        )
    );
    assert_eq!(
        matrix("21"),
        (
            "ID      1 2 3\nculture 1 1 1\n1=交通  2=貿易\n3=city\n".to_owned(),
            String::new(),
            0
        )
    );
}

#[test]
fn a_pointer_to_search_runs_on_the_content_in_use() {
    let hint = |content: &str| {
        format!(
            "aims: error: unknown domain `summit`\n  \
             hint: `summit` stands in the text of 1 aim: aims --content {content} search summit\n  \
             hint: valid domains: 交通, 貿易, city\n"
        )
    };
    expect(
        &["--content", LETTERS, "list", "-d", "summit"],
        "",
        &hint(LETTERS),
        2,
    );
    expect_env(
        &["list", "-d", "summit"],
        &[("AIMS_CONTENT", LETTERS)],
        "",
        &hint(LETTERS),
        2,
    );
    // A path a shell would split is quoted for it.
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("pointer-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("a folder");
    let spaced = dir.join("my letters.toml");
    fs::copy(LETTERS, &spaced).expect("copied");
    let spaced = spaced.display().to_string();
    expect(
        &["--content", &spaced, "list", "-d", "summit"],
        "",
        &hint(&format!("'{spaced}'")),
        2,
    );
    fs::remove_dir_all(&dir).expect("removed");
}

#[test]
fn the_man_page_names_every_variable_read_and_every_exit_status() {
    let page = run(&["man"], &[]).0;
    let environment = &page[page.find(".SH ENVIRONMENT").expect("environment")..];
    let (environment, status) = environment
        .split_once(".SH \"EXIT STATUS\"")
        .expect("exit status");
    for name in common::SETTINGS {
        assert!(
            environment.contains(&format!(".TP\n\\fB{name}\\fR\n")),
            "no {name} in {environment}"
        );
    }
    assert!(
        status.contains(
            "130 when browse, its output not a terminal, is left without choosing an aim"
        ),
        "{status}"
    );
}

#[test]
fn an_option_given_twice_is_named_once_with_the_line_that_gives_it_once() {
    for (args, stderr) in [
        (
            &["list", "-f", "json", "-f", "csv"][..],
            "aims: error: `--format` given more than once\n  hint: give it once: `--format csv`\n",
        ),
        (
            &["list", "--format=json", "-fcsv"],
            "aims: error: `--format` given more than once\n  hint: give it once: `--format csv`\n",
        ),
        (
            &["list", "--no-header", "--no-header"],
            "aims: error: `--no-header` given more than once\n  hint: give it once: `--no-header`\n",
        ),
        (
            &["--content", "a.toml", "--content", "b c.toml", "list"],
            "aims: error: `--content` given more than once\n  \
             hint: give it once: `--content 'b c.toml'`\n",
        ),
    ] {
        expect(args, "", stderr, 2);
    }
}
