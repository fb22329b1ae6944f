//! A content file is shared between people, so it is untrusted input: each
//! attack or accident of issue 17 as it would reach `aims`, and what `aims`
//! does instead. Fixtures in `tests/data/hostile/`.

mod common;

use common::{expect, run};

const KEYS: &str = "tests/data/hostile/keys.toml";
const HIDDEN: &str = "tests/data/hostile/hidden.toml";
const MARKUP: &str = "tests/data/hostile/markup.toml";

const KEY_HINT: &str = "  hint: ids and aliases are typed on the command line and offered by completion scripts: use letters, digits, `-` or `.`\n";
const HIDDEN_HINT: &str = "  hint: content strings may not hold control, bidirectional or zero-width characters: delete it (prose may hold line breaks and tabs)\n";

/// What `check` says of `keys.toml`: shell syntax, look-alikes and keys that
/// lookup would take for one another.
fn keys_report() -> String {
    [
        "aims: error: tests/data/hostile/keys.toml:9:6: domain id `x$(touch${IFS}pwned)` holds '$'\n",
        KEY_HINT,
        "aims: error: tests/data/hostile/keys.toml:19:6: domain id `ab` differs from domain id `a-b` only in case or punctuation, and ids are matched by their letters and digits\n",
        "  hint: first defined at line 14\n",
        "aims: error: tests/data/hostile/keys.toml:20:8: domain name `AB` of `ab` is already the id of domain `a-b`\n",
        "  hint: first defined at line 14\n",
        "aims: error: tests/data/hostile/keys.toml:24:6: domain id `cafe\u{301}` is not in composed form (NFC): it looks like `café` but does not match it\n",
        "  hint: write it composed: \"café\"\n",
        "aims: error: tests/data/hostile/keys.toml:26:12: domain alias `r&d` holds '&'\n",
        KEY_HINT,
        "aims: error: tests/data/hostile/keys.toml:26:19: domain alias `quote\"d` holds '\"'\n",
        KEY_HINT,
        "aims: error: tests/data/hostile/keys.toml:26:31: domain alias `zero\\u{200b}width` holds '\\u{200b}'\n",
        KEY_HINT,
        "aims: error: tests/data/hostile/keys.toml:26:50: domain alias `--` holds no letter or digit\n",
        "  hint: ids and aliases are matched by their letters and digits: use some\n",
        "aims: tests/data/hostile/keys.toml has 8 problems\n",
    ]
    .concat()
}

#[test]
fn keys_are_typable_unique_as_lookup_folds_them_and_composed() {
    expect(&["check", KEYS], "", &keys_report(), 1);
}

#[test]
fn no_string_holds_a_control_bidi_or_zero_width_character() {
    let problem = |place: &str, what: &str| {
        format!(
            "aims: error: tests/data/hostile/hidden.toml:{place}: {what}, which is not shown but acts on the text around it\n{HIDDEN_HINT}"
        )
    };
    let report = [
        problem(
            "4:9",
            "in [[source]] `page`: the title holds U+001B (an escape, which starts terminal control sequences)",
        ),
        problem(
            "5:12",
            "in [[source]] `page`: the standing holds U+009B (a C1 control character)",
        ),
        problem(
            "6:8",
            "in [[source]] `page`: the site holds U+001B (an escape, which starts terminal control sequences)",
        ),
        problem(
            "12:15",
            "in [[domain]] `peace`: the description holds U+000D (a carriage return, which overwrites the line)",
        ),
        // Written as itself in the file, the override is found where it stands.
        problem(
            "16:22",
            "in [[aim]] `peace`: the title holds U+202E (a bidirectional control, which changes the order text is shown in)",
        ),
        "aims: tests/data/hostile/hidden.toml has 5 problems\n".to_owned(),
    ]
    .concat();
    expect(&["check", HIDDEN], "", &report, 1);
}

#[test]
fn every_command_refuses_a_hostile_content_and_prints_nothing() {
    for args in [
        &["list"][..],
        &["list", "-f", "json"],
        &["show", "peace"],
        &["search", "peace"],
        &["cite", "peace"],
        &["cite", "peace", "-f", "bibtex"],
        &["sources"],
        &["domains", "-f", "csv"],
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
    ] {
        for file in [KEYS, HIDDEN] {
            let mut all = vec!["--content", file];
            all.extend_from_slice(args);
            let (stdout, stderr, code) = run(&all, &[]);
            assert_eq!((stdout.as_str(), code), ("", 1), "aims {}", all.join(" "));
            assert!(
                !stderr.contains(['\u{1b}', '\u{9b}', '\u{7}', '\r', '\u{202e}']),
                "aims {}: {stderr:?}",
                all.join(" ")
            );
        }
    }
}

/// A completion script made from `content` (None: the built-in one) for `shell`.
fn completions(content: Option<&str>, shell: &str) -> String {
    let mut args = Vec::new();
    if let Some(content) = content {
        args.extend(["--content", content]);
    }
    args.extend(["completions", shell]);
    let (stdout, stderr, code) = run(&args, &[]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
    stdout
}

/// Whether `shell` (`bash`, `zsh`, `fish`) reads `script` without a syntax error.
fn parses(shell: &str, script: &str) -> Option<bool> {
    let path = std::env::temp_dir().join(format!("aims-{shell}-{}", std::process::id()));
    std::fs::write(&path, script).expect("script written");
    let status = common::scrubbed(shell).arg("-n").arg(&path).status();
    let _ = std::fs::remove_file(&path);
    // A shell that is not installed cannot say.
    status.ok().map(|status| status.success())
}

#[test]
fn completion_scripts_of_any_checked_content_parse_in_their_shell() {
    let mut checked = 0;
    for content in [None, Some("tests/data/valid.toml"), Some(MARKUP)] {
        for shell in ["bash", "zsh", "fish"] {
            let script = completions(content, shell);
            match parses(shell, &script) {
                Some(ok) => {
                    assert!(ok, "{shell} cannot read the script for {content:?}");
                    checked += 1;
                }
                None => assert_ne!(shell, "bash", "bash runs every test"),
            }
        }
    }
    assert!(checked >= 3);
    // The values are the content's, unquoted words for the shell.
    let bash = completions(Some(MARKUP), "bash");
    assert!(bash.contains("peace trade other"), "{bash}");
    // Ids and aliases only: a name (`Peace`) may hold spaces, and is typed quoted.
    assert!(!bash.contains("Peace"), "{bash}");
}

#[test]
fn markdown_shows_the_contents_markup_as_written() {
    expect(
        &["--content", MARKUP, "list", "-f", "markdown"],
        concat!(
            "| id | title | quote |\n",
            "| --- | --- | --- |\n",
            "| peace | Aim at \\*peace\\* and \\<b\\>stability\\</b\\> | The Assembly aims at \\*peace\\* and \\<b\\>stability\\</b\\> |\n",
            "| trade | Foster \\`trade\\` and \\[investment\\](y) | fostering \\`trade\\` and \\[investment\\](https://evil.example) |\n",
            "| other | Aim at peace, again | The Assembly aims at peace |\n",
        ),
        "",
        0,
    );
    let (stdout, _, code) = run(
        &["--content", MARKUP, "cite", "peace", "-f", "markdown"],
        &[],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with(
            "“The Assembly aims at \\*peace\\* and \\<b\\>stability\\</b\\>” (“A \\*page\\* with \\<b\\>markup\\</b\\> and \\[A Link\\]"
        ),
        "{stdout}"
    );
    // hayagriva writes a title's `<b>` into its HTML as it stands: the
    // markdown is made from its elements, so the tag stays text.
    assert!(!stdout.contains("**markup**"), "{stdout}");
    // In HTML, every text from the content is escaped: the tag and the link
    // stay text.
    let (html, _, code) = run(&["--content", MARKUP, "cite", "peace", "-f", "html"], &[]);
    assert_eq!(code, 0);
    assert!(
        html.contains(
            "\n<p>“The Assembly aims at *peace* and &lt;b&gt;stability&lt;/b&gt;” (“A *page* with &lt;b&gt;markup&lt;/b&gt;"
        ),
        "{html}"
    );
    assert!(
        !html.contains("<b>") && !html.contains("href=\"https://evil"),
        "{html}"
    );
}

#[test]
fn bibtex_escapes_what_would_end_an_entry_and_keeps_keys_unique() {
    expect(
        &[
            "--content",
            MARKUP,
            "cite",
            "peace",
            "other",
            "-f",
            "bibtex",
        ],
        concat!(
            "@online{caf-,\n",
            "  title = {A *page* with <b>markup</b> and [a link](https://evil.example)},\n",
            "  journaltitle = {Site \\& co. 100\\% \\{braced\\} \\#1},\n",
            "  url = {https://example.org/a%7Db%7Bc},\n",
            "}\n",
            "\n",
            // `café` and `caf-` are one key as BibTeX writes them.
            "@online{caf--2,\n",
            "  title = {Another page},\n",
            "}\n",
        ),
        "",
        0,
    );
}

#[test]
fn a_path_or_value_given_is_echoed_escaped() {
    // Why it cannot be read is the system's to say (Windows refuses such a
    // name outright).
    let hostile = "no\u{1b}]0;pwned\u{7}.toml";
    expect(
        &["--content", hostile, "list"],
        "",
        &format!(
            "aims: error: cannot read content file no\\u{{1b}}]0;pwned\\u{{7}}.toml: {}\n",
            common::open_error(hostile)
        ),
        1,
    );
    let (_, stderr, code) = run(&["list", "-d", "x\u{1b}[2J"], &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("aims: error: unknown domain `x\\u{1b}[2J`\n"),
        "{stderr}"
    );
}

#[test]
fn a_pager_that_cannot_start_is_named_escaped() {
    let shown = common::shown_on_terminal(
        80,
        24,
        "pillars --paging always",
        &[("AIMS_PAGER", "no-such-pager-\u{1b}[31m")],
    );
    assert!(
        shown.contains("cannot start the pager `no-such-pager-\\u{1b}[31m`"),
        "{shown:?}"
    );
    assert!(!shown.contains("\u{1b}[31m"), "{shown:?}");
}
