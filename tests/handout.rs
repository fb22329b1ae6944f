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

/// A page as a browser reads it (html5ever, through scraper).
fn parsed(page: &str) -> scraper::Html {
    let html = scraper::Html::parse_document(page);
    assert!(html.errors.is_empty(), "{:?}\n{page}", html.errors);
    html
}

fn select<'h>(html: &'h scraper::Html, css: &str) -> Vec<scraper::ElementRef<'h>> {
    let selector = scraper::Selector::parse(css).expect("a selector");
    html.select(&selector).collect()
}

fn text(element: &scraper::ElementRef) -> String {
    element.text().collect()
}

#[test]
fn the_clause_handout_parses_with_a_heading_per_clause_and_one_for_the_rest() {
    let page = parsed(&ok(&["list", "--group-by", "clause", "--format", "html"]));
    assert_eq!(select(&page, "html")[0].value().attr("lang"), Some("en"));
    assert_eq!(
        select(&page, "h1").iter().map(text).collect::<Vec<_>>(),
        ["Aims by clause"]
    );
    let sections: Vec<String> = select(&page, "section > h2").iter().map(text).collect();
    let mut expected: Vec<String> = (1..=9).map(|n| format!("Clause 2.{n} (1)")).collect();
    expected.push("No clause (20)".to_owned());
    assert_eq!(sections, expected);
    // Every aim once, each with its quote and where it stands.
    let articles = select(&page, "article");
    assert_eq!(articles.len(), 29);
    assert_eq!(select(&page, "article blockquote").len(), 29);
    assert_eq!(select(&page, "article p.meta").len(), 29);
    // The references of the sources quoted, in MLA.
    let headings: Vec<String> = select(&page, "main > h2").iter().map(text).collect();
    assert_eq!(headings, ["Works Cited"]);
    assert_eq!(select(&page, "p.ref").len(), 1);
    // A print stylesheet, and nothing fetched.
    let style = text(&select(&page, "style")[0]);
    assert!(style.contains("@media print") && style.contains("break-inside:avoid"));
    assert!(select(&page, "script, link, img, iframe").is_empty());
}

#[test]
fn an_aim_in_several_groups_is_in_each_but_its_id_names_one_place() {
    let page = parsed(&ok(&["list", "--group-by", "pillar", "--format", "html"]));
    let ids: Vec<&str> = select(&page, "[id]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "{ids:?}");
    let four: usize = select(&page, "article h3")
        .iter()
        .filter(|h| text(h).starts_with("Build on shared history"))
        .count();
    assert_eq!(four, 4);
}

#[test]
fn the_contents_markup_reads_back_as_the_text_it_was() {
    let page = parsed(&ok(&["--content", MARKUP, "list", "-f", "html"]));
    // No element came from the content: its tags are text.
    assert!(select(&page, "main b, main script").is_empty());
    let titles: Vec<String> = select(&page, "article h3").iter().map(text).collect();
    assert!(
        titles.contains(&"Aim at *peace* and <b>stability</b>".to_owned()),
        "{titles:?}"
    );
    let quotes: Vec<String> = select(&page, "blockquote").iter().map(text).collect();
    assert!(
        quotes
            .iter()
            .any(|q| q.contains("fostering `trade` and [investment](https://evil.example)")),
        "{quotes:?}"
    );
    // So do the names in a grid and in a table.
    for args in [
        &["--content", MARKUP, "matrix", "-f", "html"][..],
        &["--content", MARKUP, "domains", "-f", "html"],
    ] {
        let page = parsed(&ok(args));
        assert!(select(&page, "main b, main script").is_empty());
    }
}

#[test]
fn the_matrix_page_shades_every_count_and_names_both_axes() {
    let page = parsed(&ok(&[
        "--content",
        VALID,
        "matrix",
        "--rows",
        "domain",
        "--cols",
        "pillar",
        "-f",
        "html",
    ]));
    let columns: Vec<String> = select(&page, "th.col").iter().map(text).collect();
    assert_eq!(
        columns,
        ["Shared history", "Language", "Identity", "Culture"]
    );
    let rows: Vec<String> = select(&page, "th.row").iter().map(text).collect();
    assert!(rows.contains(&"Peace and stability".to_owned()), "{rows:?}");
    for cell in select(&page, "td.n") {
        let count = text(&cell);
        let shaded = cell
            .value()
            .attr("style")
            .is_some_and(|s| s.starts_with("background:hsl("));
        assert_eq!(shaded, !count.is_empty(), "{count:?}");
    }
    let style = text(&select(&page, "style")[0]);
    assert!(style.contains("@page{size:landscape}"));
}

#[test]
fn an_empty_answer_is_a_page_that_says_so() {
    let page = parsed(&ok(&["--content", VALID, "search", "zzzz", "-f", "html"]));
    assert_eq!(
        select(&page, "p.lede").iter().map(text).collect::<Vec<_>>(),
        ["No aims match."]
    );
    assert!(select(&page, "h2, p.ref").is_empty());
    // An empty grouped CSV still has the group column.
    assert!(
        ok(&[
            "--content",
            VALID,
            "search",
            "zzzz",
            "--group-by",
            "clause",
            "-f",
            "csv"
        ])
        .starts_with("group,id,")
    );
}

#[test]
fn options_html_cannot_honour_are_refused() {
    expect(
        &["--content", VALID, "list", "-f", "html", "--columns", "id"],
        "",
        "aims: error: --columns does not apply to html: the page shows each aim whole\n  hint: pick columns in a table, tsv, csv or markdown\n",
        2,
    );
    expect(
        &[
            "--content",
            VALID,
            "show",
            "trade-investment",
            "--context",
            "-f",
            "html",
        ],
        "",
        "aims: error: --context does not apply to html\n  hint: the sentence around a quote is in table, tsv, csv, json and markdown\n",
        2,
    );
}

#[test]
fn grouped_columns_keep_the_group_in_scripts_and_leave_it_to_headings_in_tables() {
    let tsv = ok(&[
        "--content",
        VALID,
        "list",
        "--group-by",
        "pillar",
        "-f",
        "tsv",
        "--columns",
        "id",
    ]);
    assert!(tsv.starts_with("shared-history\tfour-pillars\n"), "{tsv}");
    let table = ok(&[
        "--content",
        VALID,
        "list",
        "--group-by",
        "pillar",
        "-f",
        "table",
        "--columns",
        "group,id",
    ]);
    assert!(
        table.starts_with("Shared history (1)\nID\nfour-pillars\n"),
        "{table}"
    );
    // show groups too, in tables under headings.
    let shown = ok(&[
        "--content",
        VALID,
        "show",
        "four-pillars",
        "trade-investment",
        "--group-by",
        "pillar",
        "-f",
        "table",
    ]);
    assert!(shown.starts_with("Shared history (1)\n"), "{shown}");
    assert!(shown.contains("\nNo pillar (1)\n"), "{shown}");
}
