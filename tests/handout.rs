//! Handouts (SPEC section 7): `--group-by` in every format, whole HTML pages
//! for listings, `show` and the matrix, and markdown that is always a table.

mod common;

use common::{FORMATS, expect, golden, run};

const VALID: &str = "tests/data/valid.toml";
const MARKUP: &str = "tests/data/hostile/markup.toml";

/// `aims ARGS`, expecting success and silence on stderr.
#[track_caller]
fn ok(args: &[&str]) -> String {
    let (stdout, stderr, code) = run(args, &[("COLUMNS", "80")]);
    assert_eq!((stderr.as_str(), code), ("", 0), "aims {}", args.join(" "));
    stdout
}

#[test]
fn grouped_listings_match_their_golden_outputs_in_every_format() {
    for facet in ["clause", "pillar"] {
        for (format, extension) in FORMATS.iter().chain(&[("html", "html")]) {
            let text = ok(&[
                "--content",
                VALID,
                "list",
                "--group-by",
                facet,
                "--format",
                format,
            ]);
            golden(&format!("list-group-{facet}.{extension}"), &text);
        }
    }
}

#[test]
fn a_table_has_a_heading_per_group_in_the_facets_order_and_the_rest_last() {
    let table = ok(&[
        "--content",
        VALID,
        "list",
        "--group-by",
        "clause",
        "-f",
        "table",
    ]);
    let headings: Vec<&str> = table
        .lines()
        .filter(|line| line.starts_with("Clause ") || line.starts_with("No clause"))
        .collect();
    assert_eq!(
        headings,
        [
            "Clause 2.1 (1)",
            "Clause 2.2 (1)",
            "Clause 2.3 (1)",
            "No clause (5)"
        ]
    );
    // The notes come once, at the end.
    assert_eq!(table.matches("note: clauses are numbered").count(), 1);
    assert!(
        table.trim_end().ends_with("(see `aims sources`)"),
        "{table}"
    );
}

#[test]
fn an_aim_under_several_groups_is_in_each_and_scripts_get_the_group() {
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "--content",
        VALID,
        "list",
        "--group-by",
        "pillar",
        "-f",
        "json",
    ]))
    .expect("JSON");
    let pairs: Vec<(String, String)> = json
        .as_array()
        .expect("an array")
        .iter()
        .map(|record| {
            (
                record["group"].as_str().unwrap_or("-").to_owned(),
                record["id"].as_str().expect("an id").to_owned(),
            )
        })
        .collect();
    let four = pairs.iter().filter(|(_, id)| id == "four-pillars").count();
    assert_eq!(four, 4, "{pairs:?}");
    // The aims on no pillar come last, their group null.
    assert_eq!(pairs.last().map(|(g, _)| g.as_str()), Some("-"));
    // Ungrouped, there is no group key at all.
    let plain: serde_json::Value =
        serde_json::from_str(&ok(&["--content", VALID, "list", "-f", "json"])).expect("JSON");
    assert!(plain[0].get("group").is_none());
    // TSV has the group first: a line per domain each aim is in, in the
    // order of the content's domains.
    let tsv = ok(&[
        "--content",
        VALID,
        "search",
        "peace",
        "--group-by",
        "domain",
        "-f",
        "tsv",
    ]);
    let groups: Vec<&str> = tsv
        .lines()
        .map(|line| line.split('\t').next().unwrap_or(""))
        .collect();
    for line in tsv.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let domains = fields.last().expect("the domains");
        assert!(domains.split(',').any(|d| d == fields[0]), "{line}");
    }
    assert_eq!(
        groups,
        [
            "transport",
            "customs",
            "tourism",
            "peace",
            "peace",
            "security"
        ]
    );
}

#[test]
fn markdown_keeps_its_header_row() {
    expect(
        &["--content", VALID, "list", "-f", "markdown", "--no-header"],
        "",
        "aims: error: a markdown table cannot drop its header row: without it, it is not a table\n  hint: --no-header applies to table and csv\n",
        2,
    );
}

#[test]
fn show_the_matrix_and_the_other_listings_as_pages() {
    golden(
        "show-page.html",
        &ok(&[
            "--content",
            VALID,
            "show",
            "trade-investment",
            "un-charter",
            "-f",
            "html",
            "--style",
            "chicago",
        ]),
    );
    golden(
        "matrix-page.html",
        &ok(&[
            "--content",
            VALID,
            "matrix",
            "--rows",
            "domain",
            "--cols",
            "pillar",
            "-f",
            "html",
        ]),
    );
    golden(
        "pillars-page.html",
        &ok(&["--content", VALID, "pillars", "-f", "html"]),
    );
}

#[test]
fn a_page_is_whole_self_contained_and_escapes_the_content() {
    for args in [
        &["--content", MARKUP, "list", "-f", "html"][..],
        &[
            "--content",
            MARKUP,
            "list",
            "--group-by",
            "domain",
            "-f",
            "html",
        ],
        &["--content", MARKUP, "matrix", "-f", "html"],
        &["--content", MARKUP, "domains", "-f", "html"],
    ] {
        let page = ok(args);
        assert!(
            page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n"),
            "{page}"
        );
        assert!(page.ends_with("</html>\n"), "{page}");
        // No script, no outside file.
        for absent in ["<script", "src=", "<link", "@import", "url("] {
            assert!(
                !page.contains(absent),
                "{absent} in aims {}",
                args.join(" ")
            );
        }
        // The content's markup stays text.
        assert!(
            !page.contains("<b>") || page.contains("&lt;b&gt;"),
            "{page}"
        );
        assert!(!page.contains("<b>stability"), "{page}");
    }
}
