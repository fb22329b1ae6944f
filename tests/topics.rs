//! Answers to the question asked (SPEC section 3): domains that include their
//! narrower ones and name their related ones, ranked search in English word
//! forms, and hints that lead somewhere. Through the binary, as a user runs it.

mod common;

use common::{expect, run, shown_on_terminal, strip_escapes};

const VALID: &str = "tests/data/valid.toml";

/// The ids of the aims `aims ARGS` prints, in order (on the built-in content
/// unless ARGS say otherwise).
#[track_caller]
fn ids(args: &[&str]) -> Vec<String> {
    let mut args = args.to_vec();
    args.extend(["--columns", "id", "--format", "tsv"]);
    let (stdout, stderr, code) = run(&args, &[]);
    assert_eq!((stderr.as_str(), code), ("", 0), "aims {}", args.join(" "));
    stdout.lines().map(str::to_owned).collect()
}

/// `aims --content VALID ARGS`, expecting success and silence on stderr.
#[track_caller]
fn on_fixture(args: &[&str]) -> String {
    let mut full = vec!["--content", VALID];
    full.extend_from_slice(args);
    let (stdout, stderr, code) = run(&full, &[("COLUMNS", "80")]);
    assert_eq!((stderr.as_str(), code), ("", 0), "aims {}", full.join(" "));
    stdout
}

// ---------------------------------------------------------------------------
// Narrower domains: included, and said.

#[test]
fn a_domain_includes_its_narrower_domains_and_says_through_which() {
    // In the fixture, trade is narrower than economy.
    assert_eq!(
        on_fixture(&["list", "--domain", "economy", "--columns", "id,domains,via"]),
        "multilateral-cooperation\teconomy,science,education,transport,customs,tourism\t\n\
         trade-investment\ttrade\ttrade\n\
         balanced-economy\teconomy\t\n"
    );
    // TSV keeps its eight columns and adds `via` last, so `cut -f1-8` holds.
    let tsv = on_fixture(&["list", "--domain", "economy"]);
    for line in tsv.lines() {
        assert_eq!(line.split('\t').count(), 9, "{line}");
    }
    assert_eq!(
        on_fixture(&[
            "list",
            "--domain",
            "economy",
            "--format",
            "csv",
            "--columns",
            "id,via"
        ]),
        "id,via\nmultilateral-cooperation,\ntrade-investment,trade\nbalanced-economy,\n"
    );
    // A table shows the column beside the id.
    assert_eq!(
        on_fixture(&[
            "list",
            "--domain",
            "trade,economy",
            "--format",
            "table",
            "--columns",
            "id,via,title"
        ]),
        "ID                        VIA  TITLE\n\
         multilateral-cooperation       Multilateral cooperation across many domains\n\
         trade-investment               Foster trade and investment\n\
         balanced-economy               A balanced economic system\n\
         note: clauses are numbered as \"What Does the Assembly Aim To Achieve?\" lists\n      \
         them, in its paraphrase; the Nakhchivan Agreement's own order and wording\n      \
         differ (see `aims sources`)\n"
    );
    let table = on_fixture(&["list", "--domain", "economy", "--format", "table"]);
    assert!(
        table.starts_with("ID                        VIA    TITLE"),
        "{table}"
    );
    assert!(
        table.contains("\ntrade-investment          trade  Foster trade"),
        "{table}"
    );
}

#[test]
fn no_narrower_keeps_the_exact_domain_and_no_via_column() {
    assert_eq!(
        on_fixture(&[
            "list",
            "--domain",
            "economy",
            "--no-narrower",
            "--columns",
            "id"
        ]),
        "multilateral-cooperation\nbalanced-economy\n"
    );
    let tsv = on_fixture(&["list", "--domain", "economy", "--no-narrower"]);
    assert!(
        tsv.lines().all(|line| line.split('\t').count() == 8),
        "{tsv}"
    );
    // Nor is there one when no row came through a narrower domain.
    let tsv = on_fixture(&["list", "--domain", "trade"]);
    assert!(
        tsv.lines().all(|line| line.split('\t').count() == 8),
        "{tsv}"
    );
}

#[test]
fn json_keeps_the_keys_of_the_spec_when_rows_came_through_narrower_domains() {
    let json: serde_json::Value = serde_json::from_str(&on_fixture(&[
        "list", "--domain", "economy", "--format", "json",
    ]))
    .expect("JSON");
    for aim in json.as_array().expect("an array") {
        // serde_json sorts the keys; the golden files show their order.
        let keys: Vec<&str> = aim
            .as_object()
            .expect("objects")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "citation", "clause", "domains", "id", "pillars", "quote", "source", "title"
            ]
        );
    }
}

#[test]
fn the_built_in_security_domain_includes_counter_terrorism() {
    assert_eq!(
        ids(&["list", "--domain", "security"]),
        ["global-peace", "combat-terrorism"]
    );
    assert_eq!(
        ids(&["list", "--domain", "security", "--no-narrower"]),
        ["global-peace"]
    );
    let (stdout, _, _) = run(
        &["list", "--domain", "security", "--columns", "id,via"],
        &[],
    );
    assert_eq!(
        stdout,
        "global-peace\t\ncombat-terrorism\tcounter-terrorism\n"
    );
}

// ---------------------------------------------------------------------------
// Related domains: on a terminal, where to look next.

#[test]
fn a_terminal_listing_ends_with_the_related_domains_and_their_counts() {
    let shown = shown_on_terminal(
        80,
        50,
        &format!("--content {VALID} list --domain peace --columns id --color never"),
        &[],
    );
    assert_eq!(
        shown,
        "ID\nneighbouring-nations\nglobal-peace\nsee also: security (1)\n"
    );
    // The count is what that domain lists with the other filters kept.
    let shown = shown_on_terminal(
        80,
        50,
        &format!(
            "--content {VALID} list --domain peace --source aims-page --columns id --color never"
        ),
        &[],
    );
    assert_eq!(shown, "ID\nneighbouring-nations\nsee also: security (0)\n");
    // A narrower domain leads to its broader one.
    let shown = shown_on_terminal(
        80,
        50,
        &format!("--content {VALID} list --domain trade --columns id --color never"),
        &[],
    );
    assert!(shown.starts_with("ID\ntrade-investment\nnote: "), "{shown}");
    assert!(
        shown.ends_with("(see `aims sources`)\nsee also: economy (3)\n"),
        "{shown}"
    );
    // A script is not told: `aims domains` has the relations.
    let (stdout, stderr, code) = run(&["--content", VALID, "list", "--domain", "peace"], &[]);
    assert_eq!((stderr.as_str(), code), ("", 0));
    assert_eq!(stdout.lines().count(), 2);
    // On the built-in content, security leads to peace.
    let shown = shown_on_terminal(
        80,
        50,
        "list --domain security --columns id,via --color never",
        &[],
    );
    assert!(
        shown.starts_with(
            "ID                VIA\nglobal-peace\ncombat-terrorism  counter-terrorism\nnote: "
        ),
        "{shown}"
    );
    assert!(shown.ends_with("\nsee also: peace (5)\n"), "{shown}");
}

#[test]
fn domains_show_their_relations_from_both_ends() {
    // `related` is written on peace only; security shows it too.
    assert_eq!(
        on_fixture(&[
            "domains",
            "--columns",
            "id,broader,narrower,related,aims",
            "--format",
            "csv"
        ]),
        "id,broader,narrower,related,aims\n\
         economy,,trade,,3\n\
         science,,,,1\n\
         education,,,,1\n\
         transport,,,,2\n\
         customs,,,,2\n\
         tourism,,,,2\n\
         trade,economy,,,1\n\
         peace,,,security,2\n\
         security,,,peace,1\n\
         law,,,,1\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&on_fixture(&["domains", "--format", "json"])).expect("JSON");
    assert_eq!(json[0]["narrower"], serde_json::json!(["trade"]));
    assert_eq!(json[8]["related"], serde_json::json!(["peace"]));
    assert!(
        json[0].get("relations").is_none(),
        "the table's column is not a key"
    );
}

// ---------------------------------------------------------------------------
// The built-in content: new domains, pillar aliases, every aim reachable.

#[test]
fn the_new_domains_answer_to_the_words_of_their_quotes() {
    for (domain, expected) in [
        ("un", &["un-charter", "un-objectives"][..]),
        ("United Nations", &["un-charter", "un-objectives"]),
        ("trust", &["mutual-trust"]),
        ("confidence", &["mutual-trust"]),
        ("solidarity", &["turkic-solidarity", "shared-foundation"]),
        (
            "good-neighbour",
            &["good-neighbours", "neighbouring-nations"],
        ),
        ("neighbors", &["good-neighbours", "neighbouring-nations"]),
        (
            "neighbourly relations",
            &["good-neighbours", "neighbouring-nations"],
        ),
    ] {
        assert_eq!(
            ids(&["list", "--domain", domain]),
            expected,
            "--domain {domain}"
        );
    }
    assert_eq!(ids(&["list", "--domain", "cooperation"]).len(), 8);
}

#[test]
fn pillars_answer_to_their_plain_names() {
    let shared = ["four-pillars", "shared-foundation"];
    for pillar in [
        "history",
        "shared-history",
        "Shared history",
        "shared_history",
    ] {
        assert_eq!(
            ids(&["list", "--pillar", pillar]),
            shared,
            "--pillar {pillar}"
        );
    }
    assert_eq!(ids(&["list", "--pillar", "languages"]), ["four-pillars"]);
}

#[test]
fn all_but_two_aims_are_reachable_through_a_pillar_or_a_domain() {
    let (stdout, _, _) = run(&["list", "--format", "json"], &[]);
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let unreachable: Vec<&str> = json
        .as_array()
        .expect("an array")
        .iter()
        .filter(|aim| {
            aim["pillars"].as_array().is_some_and(Vec::is_empty)
                && aim["domains"].as_array().is_some_and(Vec::is_empty)
        })
        .map(|aim| aim["id"].as_str().expect("an id"))
        .collect();
    // Their quotes name no topic: "shared growth" and "a non-exclusive stance".
    assert_eq!(unreachable, ["shared-growth", "non-exclusive"]);
    assert_eq!(json.as_array().expect("an array").len(), 29);
}

// ---------------------------------------------------------------------------
// Ranked search.

#[test]
fn search_ranks_best_first_with_ties_in_content_order() {
    // The aim whose quote names it comes first; the nine items of Article 2,
    // which name it in their citation only, tie and keep their order.
    let (stdout, _, _) = run(&["search", "nakhchivan", "--format", "jsonl"], &[]);
    let rows: Vec<(String, f64)> = stdout
        .lines()
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).expect("JSON");
            (
                row["id"].as_str().expect("id").to_owned(),
                row["score"].as_f64().expect("score"),
            )
        })
        .collect();
    let order: Vec<&str> = rows.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        order,
        [
            "un-objectives",
            "regional-bilateral-cooperation",
            "trade-investment",
            "balanced-economy",
            "mutual-trust",
            "regional-peace",
            "common-foreign-policy",
            "combat-terrorism",
            "judicial-cooperation",
            "science-culture-media"
        ]
    );
    assert!(rows[0].1 > rows[1].1, "{rows:?}");
    assert!(
        rows[1..]
            .iter()
            .all(|(_, score)| (*score - rows[1].1).abs() < 1e-9),
        "{rows:?}"
    );
    // The same order in every format.
    assert_eq!(ids(&["search", "nakhchivan"]), order);
    // A short quote that names it, and a title that does too, come first.
    assert_eq!(ids(&["search", "peace"])[0], "regional-peace");
}

#[test]
fn search_json_carries_a_score_and_the_other_formats_keep_their_columns() {
    let json: serde_json::Value =
        serde_json::from_str(&on_fixture(&["search", "peace", "--format", "json"])).expect("JSON");
    let first = json[0].as_object().expect("an object");
    let keys: Vec<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "citation", "clause", "domains", "id", "pillars", "quote", "score", "source", "title"
        ]
    );
    assert!(first["score"].as_f64().is_some_and(|s| s > 0.0));
    let tsv = on_fixture(&["search", "peace"]);
    assert!(
        tsv.lines().all(|line| line.split('\t').count() == 8),
        "{tsv}"
    );
    assert_eq!(
        on_fixture(&[
            "search",
            "peace",
            "--columns",
            "id,score",
            "--format",
            "csv"
        ]),
        "id,score\nglobal-peace,1.147\nneighbouring-nations,0.972\n"
    );
    // `list` has no score.
    assert!(!on_fixture(&["list", "--format", "json"]).contains("\"score\""));
}

#[test]
fn search_understands_english_word_forms() {
    for (word, expected) in [
        ("terrorist", &["combat-terrorism"][..]),
        ("terrorists", &["combat-terrorism"]),
        ("extremist", &["combat-terrorism"]),
        (
            "economic",
            &["balanced-economy", "multilateral-cooperation"],
        ),
        ("neighbour", &["good-neighbours", "neighbouring-nations"]),
        ("neighbor", &["good-neighbours", "neighbouring-nations"]),
        ("neighbouring", &["good-neighbours", "neighbouring-nations"]),
        (
            "cooperating",
            &[
                "broad-cooperation",
                "regional-bilateral-cooperation",
                "judicial-cooperation",
            ],
        ),
    ] {
        let found = ids(&["search", word]);
        for id in expected {
            assert!(
                found.contains(&(*id).to_owned()),
                "search {word}: {found:?}"
            );
        }
    }
}

#[test]
fn search_matches_whole_words_and_splits_hyphens() {
    // "unique" is not UN.
    assert_eq!(ids(&["search", "UN"]), ["un-objectives", "un-charter"]);
    assert_eq!(ids(&["search", "human-rights"]), ["human-rights"]);
    assert_eq!(ids(&["search", "cross-border"]), ["combat-terrorism"]);
    assert_eq!(ids(&["search", "2.7"]), ["combat-terrorism"]);
    // A quoted argument is a phrase: its words together, in order.
    assert_eq!(ids(&["search", "rule of law"]), ["rule-of-law"]);
    assert_eq!(ids(&["search", "law of rule"]), Vec::<String>::new());
    // Words of a search of several are all required; stop words are dropped.
    assert_eq!(
        ids(&["search", "the", "economy", "balanced"]),
        ["balanced-economy"]
    );
    // Only stop words: a usage error (issue 21).
    let (_, stderr, code) = run(&["search", "the"], &[]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn list_text_matches_as_search_does() {
    assert_eq!(ids(&["list", "--text", "terrorist"]), ["combat-terrorism"]);
    assert_eq!(
        ids(&["list", "--text", "UN"]),
        ["un-charter", "un-objectives"]
    );
    // Any of several values, in the content's order.
    assert_eq!(
        ids(&["list", "--text", "terrorists,trust"]),
        ["mutual-trust", "combat-terrorism"]
    );
    expect(
        &["list", "--text", "..."],
        "",
        "aims: error: the --text value `...` has no letters or digits to match\n  hint: search matches whole words, in their English forms\n",
        2,
    );
}

#[test]
fn a_coloured_terminal_highlights_the_words_matched() {
    let shown = shown_on_terminal(
        100,
        50,
        &format!("--content {VALID} search investments"),
        &[],
    );
    assert!(shown.contains("\x1b[1;31minvestment\x1b[0m"), "{shown:?}");
    // The id keeps its own colour, and the plain text is what it was.
    assert!(
        shown.contains("\x1b[38;5;14mtrade-investment\x1b[39m"),
        "{shown:?}"
    );
    let plain = shown_on_terminal(
        100,
        50,
        &format!("--content {VALID} search investments --color never"),
        &[],
    );
    assert_eq!(strip_escapes(&shown), plain);
    assert!(!plain.contains('\x1b'));
    // A pipe gets no escape codes, even in a table.
    assert!(!on_fixture(&["search", "investment", "--format", "table"]).contains('\x1b'));
}

// ---------------------------------------------------------------------------
// Hints.

#[test]
fn a_suggestion_comes_only_when_it_is_close() {
    let (_, stderr, code) = run(&["list", "--domain", "defence"], &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with("aims: error: unknown domain `defence`\n  hint: no aim's title, quote or topics hold `defence` either\n  hint: valid domains: "),
        "{stderr}"
    );
    let (_, stderr, _) = run(&["list", "--domain", "secruity"], &[]);
    assert!(
        stderr.contains("  hint: did you mean `security`?\n"),
        "{stderr}"
    );
}

#[test]
fn a_value_that_stands_in_the_text_leads_to_search() {
    let (_, stderr, code) = run(&["list", "--domain", "nakhchivan"], &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(
            "aims: error: unknown domain `nakhchivan`\n  hint: `nakhchivan` stands in the text of 10 aims: aims search nakhchivan\n  hint: valid domains: "
        ),
        "{stderr}"
    );
    let (_, stderr, _) = run(&["list", "--pillar", "shared growth"], &[]);
    assert!(
        stderr.contains(
            "  hint: `shared growth` stands in the text of 1 aim: aims search 'shared growth'\n"
        ),
        "{stderr}"
    );
    let (_, stderr, _) = run(&["show", "caucasus"], &[]);
    assert!(
        stderr.contains("  hint: `caucasus` stands in the text of 1 aim: aims search caucasus\n"),
        "{stderr}"
    );
    // A close value is what was meant: no pointer beside it.
    let (_, stderr, _) = run(&["show", "eurasian"], &[]);
    assert_eq!(
        stderr.lines().take(2).collect::<Vec<_>>(),
        [
            "aims: error: unknown aim `eurasian`",
            "  hint: did you mean `eurasian-cooperation`?"
        ]
    );
    assert!(
        stderr
            .lines()
            .nth(2)
            .is_some_and(|l| l.starts_with("  hint: valid aims: "))
    );
}

#[test]
fn show_takes_a_clause_or_an_article() {
    assert_eq!(ids(&["show", "2.7"]), ["combat-terrorism"]);
    assert_eq!(
        ids(&["show", "2.2", "combat-terrorism", "2.7"]),
        ["trade-investment", "combat-terrorism"]
    );
    assert_eq!(ids(&["show", "2"]).len(), 9);
}

#[test]
fn an_item_number_suggests_its_clause() {
    expect(
        &["list", "--clause", "7"],
        "",
        "aims: error: unknown clause `7`\n  hint: did you mean `2.7`?\n  hint: valid clauses: 2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9\n",
        2,
    );
}

#[test]
fn a_plural_or_other_form_of_a_value_is_accepted() {
    assert_eq!(
        ids(&["list", "--domain", "laws"]),
        ids(&["list", "--domain", "law"])
    );
    assert_eq!(
        ids(&["list", "--domain", "economies"]),
        ids(&["list", "--domain", "economy"])
    );
    assert_eq!(
        ids(&["list", "--domain", "terrorist"]),
        ["combat-terrorism"]
    );
    assert_eq!(
        ids(&["list", "--pillar", "identities"]),
        ["four-pillars", "shared-foundation"]
    );
}

// ---------------------------------------------------------------------------
// From a new user's questions: each of these was wrong once.

#[test]
fn an_empty_search_still_has_its_score_column() {
    expect(
        &[
            "search",
            "energy",
            "--columns",
            "id,score",
            "--format",
            "csv",
        ],
        "id,score\n",
        "",
        0,
    );
}

#[test]
fn derived_forms_the_stemmer_leaves_apart_still_meet() {
    assert_eq!(ids(&["search", "democratic"]), ["democracy"]);
    assert_eq!(ids(&["search", "sovereignty"]), ["sovereignty"]);
    assert_eq!(
        ids(&["search", "neighbourhood"]),
        ["good-neighbours", "neighbouring-nations"]
    );
}

#[test]
fn values_match_whatever_stands_between_their_letters() {
    for typed in ["humanrights", "Human_Rights", "human rights"] {
        assert_eq!(
            ids(&["list", "--domain", typed]),
            ["human-rights"],
            "{typed}"
        );
    }
    assert_eq!(
        ids(&["list", "--domain", "u.n."]),
        ["un-charter", "un-objectives"]
    );
    assert_eq!(ids(&["list", "--clause", "Article 2"]).len(), 9);
    assert_eq!(ids(&["list", "--clause", "art. 2"]).len(), 9);
}

#[test]
fn clause_hints_speak_of_items_not_likeness() {
    expect(
        &["list", "--clause", "2.10"],
        "",
        "aims: error: unknown clause `2.10`\n  hint: article 2 has items 1 to 9\n  hint: valid clauses: 2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9\n",
        2,
    );
    let (_, stderr, code) = run(&["show", "7"], &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.starts_with(
            "aims: error: unknown aim `7`\n  hint: did you mean `2.7`?\n  hint: valid aims: "
        ),
        "{stderr}"
    );
}

#[test]
fn a_word_no_aim_holds_is_said_so() {
    let (_, stderr, _) = run(&["list", "--domain", "energy"], &[]);
    assert!(
        stderr.starts_with("aims: error: unknown domain `energy`\n  hint: no aim's title, quote or topics hold `energy` either\n  hint: valid domains: "),
        "{stderr}"
    );
    // Words no aim holds together: the aims that hold some, and a note.
    let shown = strip_escapes(&shown_on_terminal(80, 24, "search energy turkic", &[]));
    assert!(
        shown.ends_with(
            "\nnote: no aim holds all of `energy`, `turkic`: these hold some of them, best first\n"
        ),
        "{shown}"
    );
    assert_eq!(
        shown_on_terminal(120, 24, "search energy", &[]),
        "aims: no aims match\n  hint: no aim says `energy`\n  hint: the content holds 29 aims, all quoted from \"What does the Assembly aim to achieve?\"\n"
    );
    // A script is not told.
    expect(&["search", "energy"], "", "", 0);
}

#[test]
fn a_domain_leads_to_the_pillar_of_its_name() {
    let shown = shown_on_terminal(
        80,
        24,
        "list --domain culture --columns id --color never",
        &[],
    );
    assert!(
        shown.ends_with("\nsee also: education (2), pillar culture (2)\n"),
        "{shown}"
    );
    // Not when that pillar is asked for already.
    let shown = shown_on_terminal(
        80,
        24,
        "list --domain culture --pillar culture --color never",
        &[],
    );
    assert!(shown.ends_with("\nsee also: education (0)\n"), "{shown}");
}

#[test]
fn see_also_names_each_domain_once_and_none_already_listed() {
    // Peace and security are related: asking for both leaves nothing to add.
    let shown = shown_on_terminal(
        80,
        24,
        &format!("--content {VALID} list --domain peace,security --columns id --color never"),
        &[],
    );
    assert_eq!(shown, "ID\nneighbouring-nations\nglobal-peace\n");
    // Law and peace are both related to the United Nations: named once.
    let shown = shown_on_terminal(
        80,
        24,
        "list --domain law,peace --columns id --color never",
        &[],
    );
    assert!(
        shown.ends_with("\nsee also: counter-terrorism (1), human-rights (1), governance (1), united-nations (2), security (2), neighbourly-relations (2)\n"),
        "{shown}"
    );
}

#[test]
fn a_field_no_candidate_has_still_gives_a_score() {
    // Neither aim of this source has a clause or a pillar: those fields are
    // empty across the collection, which must not make a score undefined.
    let json: serde_json::Value = serde_json::from_str(&on_fixture(&[
        "search",
        "peace",
        "--source",
        "charter-note",
        "--format",
        "json",
    ]))
    .expect("JSON");
    assert_eq!(json[0]["id"], "global-peace");
    assert!(
        json[0]["score"].as_f64().is_some_and(f64::is_finite),
        "{json}"
    );
}
