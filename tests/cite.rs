//! Citing (SPEC section 4): `aims cite` in each style and format, and `show
//! --context`, through the binary, against golden outputs on the fixture and
//! on the built-in content.

mod common;

use common::{FORMATS, expect, expect_env, golden, run, shown_on_terminal};

const VALID: &str = "tests/data/valid.toml";

/// `aims ARGS`, expecting success and silence on stderr.
#[track_caller]
fn ok(args: &[&str]) -> String {
    let (stdout, stderr, code) = run(args, &[("COLUMNS", "80")]);
    assert_eq!((stderr.as_str(), code), ("", 0), "aims {}", args.join(" "));
    stdout
}

#[test]
fn cite_in_every_style_and_format_matches_its_golden_output() {
    // Two aims of one source with every publication detail, one of a source
    // with none; and on the built-in content, a clause's aim and another.
    let contents: [(&str, &[&str]); 2] = [
        (
            "fixture",
            &[
                "--content",
                VALID,
                "cite",
                "trade-investment",
                "global-peace",
                "balanced-economy",
            ],
        ),
        ("builtin", &["cite", "combat-terrorism", "human-rights"]),
    ];
    for (name, args) in contents {
        for style in ["mla", "apa", "chicago"] {
            for (format, extension) in [("text", "txt"), ("markdown", "md")] {
                let mut full = args.to_vec();
                full.extend(["--style", style, "--format", format]);
                golden(&format!("cite-{name}-{style}.{extension}"), &ok(&full));
            }
        }
        for (format, extension) in [("bibtex", "bib"), ("csl-json", "json")] {
            let mut full = args.to_vec();
            full.extend(["--format", format]);
            golden(&format!("cite-{name}.{extension}"), &ok(&full));
        }
    }
}

#[test]
fn mla_is_the_default_and_text_the_default_format() {
    let args = ["--content", VALID, "cite", "trade-investment"];
    let mut mla = args.to_vec();
    mla.extend(["--style", "mla", "--format", "text"]);
    assert_eq!(ok(&args), ok(&mla));
}

#[test]
fn references_follow_each_styles_rules_for_a_web_page_with_no_author_or_date() {
    let reference = |style: &str| {
        let text = ok(&["cite", "combat-terrorism", "--style", style]);
        text.lines().last().expect("a reference").to_owned()
    };
    let url = "https://aots.ilerimun.com/introduction/what-does-the-assembly-aim-to-achieve";
    // MLA 9: "Title." Site, Publisher, URL. Accessed day Mon. year.
    assert_eq!(
        reference("mla"),
        format!(
            "“What Does the Assembly Aim to Achieve?” Assembly of Turkic States Study Guide, İleri MUN, {url}. Accessed 26 Nov. 2026."
        )
    );
    // APA 7: no author, so the title leads; (n.d.); site; retrieved from.
    assert_eq!(
        reference("apa"),
        format!(
            "What Does the Assembly Aim To Achieve? (n.d.). Assembly of Turkic States Study Guide. Retrieved November 26, 2026, from {url}"
        )
    );
    // Chicago 18: the site's owner stands for the author in the bibliography.
    assert_eq!(
        reference("chicago"),
        format!(
            "İleri MUN. “What Does the Assembly Aim to Achieve?” Assembly of Turkic States Study Guide. Accessed November 26, 2026. {url}."
        )
    );
}

#[test]
fn a_clause_is_cited_by_its_place_in_the_source_s_list() {
    let text = ok(&["cite", "2.7"]);
    assert!(
        text.starts_with("combat-terrorism (Nakhchivan Agreement, Art. 2, 7th item as listed in \"What Does the Assembly Aim To Achieve?\")\n"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["list", "--clause", "2.7", "--format", "json"])).expect("JSON");
    assert_eq!(
        json[0]["citation"],
        "Nakhchivan Agreement, Art. 2, 7th item as listed in \"What Does the Assembly Aim To Achieve?\""
    );
    // Where the Agreement's own place is verified, clauses and show say so.
    let clauses: serde_json::Value =
        serde_json::from_str(&ok(&["clauses", "--format", "json"])).expect("JSON");
    let official: Vec<serde_json::Value> = clauses
        .as_array()
        .expect("an array")
        .iter()
        .map(|c| c["official_item"].clone())
        .collect();
    assert_eq!(
        official,
        serde_json::json!([null, null, null, 1, 2, 3, 4, null, null])
            .as_array()
            .expect("array")
            .clone()
    );
    assert!(
        clauses[6]["verified_in"]
            .as_str()
            .is_some_and(|v| v.contains("http://hozir.org/"))
    );
    let shown = ok(&["show", "combat-terrorism", "--format", "table"]);
    assert!(
        shown.contains("note: clause 2.7 is the 4th item in the Nakhchivan Agreement's own list\n      (verified in the English text of the Agreement"),
        "{shown}"
    );
}

#[test]
fn an_unknown_id_is_a_usage_error_with_the_closest() {
    let (stdout, stderr, code) = run(&["cite", "combat-terorism"], &[]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr.starts_with(
            "aims: error: unknown aim `combat-terorism`\n  hint: did you mean `combat-terrorism`?\n"
        ),
        "{stderr}"
    );
    expect(
        &["cite", "combat-terrorism", "--style", "ieee"],
        "",
        "aims: error: invalid value `ieee` for `--style <STYLE>`\n  hint: valid values: mla, apa, chicago\n",
        2,
    );
}

#[test]
fn show_context_in_every_format_matches_its_golden_output() {
    for (format, extension) in FORMATS {
        let args = [
            "--content",
            VALID,
            "show",
            "multilateral-cooperation",
            "trade-investment",
            "--context",
            "--format",
            format,
        ];
        golden(&format!("show-context.{extension}"), &ok(&args));
    }
}

#[test]
fn the_quote_is_bold_in_its_context_on_a_terminal_and_plain_in_a_pipe() {
    let shown = shown_on_terminal(80, 24, "show human-rights --context", &[]);
    assert!(
        shown.contains(
            "\x1b[1mMember nations have pledged their commitment to key ideals such as\x1b[22m"
        ),
        "{shown:?}"
    );
    assert!(
        shown.contains("\x1b[1mrespecting human rights\x1b[22m, the rule of law"),
        "{shown:?}"
    );
    let plain = ok(&["show", "human-rights", "--context", "--columns", "context"]);
    assert_eq!(
        plain,
        "Member nations have pledged their commitment to key ideals such as democracy, respecting human rights, the rule of law, and ideal governance.\n"
    );
}

#[test]
fn in_a_table_the_quote_is_bold_on_each_line_it_stands_on_and_nowhere_else() {
    // The first excerpt runs over two lines: it is bold to the end of the
    // first and from the start of the second, never in the column beside
    // it, and the table is laid out as it is without colour.
    let args = [
        "--color",
        "always",
        "show",
        "human-rights",
        "--context",
        "--columns",
        "id,context",
        "--format",
        "table",
    ];
    expect_env(
        &args,
        &[("COLUMNS", "50")],
        "\x1b[1mID\x1b[0m            \x1b[1mCONTEXT\x1b[0m\n\
         \x1b[38;5;14mhuman-rights\x1b[39m  \x1b[1mMember nations have pledged their\x1b[22m\n              \
         \x1b[1mcommitment to key ideals such as\x1b[22m\n              \
         democracy, \x1b[1mrespecting human rights\x1b[22m,\n              \
         the rule of law, and ideal\n              \
         governance.\n",
        "",
        0,
    );
    let (plain, _, _) = run(&args[2..], &[("COLUMNS", "50")]);
    assert_eq!(
        plain,
        "ID            CONTEXT\n\
         human-rights  Member nations have pledged their\n              \
         commitment to key ideals such as\n              \
         democracy, respecting human rights,\n              \
         the rule of law, and ideal\n              \
         governance.\n"
    );
}
