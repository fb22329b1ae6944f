//! Search that never leaves a delegate at a dead end (SPEC section 7): a
//! ranked answer when no aim holds every word, topics, word forms without
//! false friends, see-also words, and an honest empty answer. Through the
//! binary, as a user runs it.

mod common;

use common::{expect, run, shown_on_terminal, strip_escapes};

/// The ids `aims ARGS --format json` prints, in order.
fn ids(args: &[&str]) -> Vec<String> {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    let (stdout, stderr, code) = run(&full, &[]);
    assert_eq!((stderr.as_str(), code), ("", 0), "aims {}", args.join(" "));
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    json.as_array()
        .expect("an array")
        .iter()
        .map(|aim| aim["id"].as_str().expect("an id").to_owned())
        .collect()
}

#[test]
fn words_no_aim_holds_together_get_the_aims_that_hold_some_ranked() {
    assert_eq!(
        ids(&["search", "trade", "borders"]),
        [
            "trade-investment",
            "combat-terrorism",
            "sovereignty",
            "neighbouring-nations"
        ]
    );
    let shown = strip_escapes(&shown_on_terminal(100, 40, "search trade borders", &[]));
    assert!(
        shown.contains(
            "note: no aim holds all of `trade`, `borders`: these hold some of them, best first"
        ),
        "{shown}"
    );
    // Where some aim holds them all, only those.
    assert_eq!(
        ids(&["search", "trade", "investment"]),
        ["trade-investment"]
    );
}

#[test]
fn a_word_that_names_a_domain_finds_the_aims_under_it_after_its_own() {
    // TSV has `via` last, as `list --domain` gives it.
    let (stdout, _, _) = run(&["search", "economy", "--format", "tsv"], &[]);
    let found: Vec<(&str, &str)> = stdout
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (fields[0], *fields.last().expect("fields"))
        })
        .collect();
    assert_eq!(
        found,
        [
            ("balanced-economy", ""),
            ("multilateral-cooperation", ""),
            ("trade-investment", "trade"),
        ]
    );
    // An alias names it too (economic), and security finds terrorism's aim.
    assert!(ids(&["search", "economic"]).contains(&"trade-investment".to_owned()));
    assert!(ids(&["search", "security"]).contains(&"combat-terrorism".to_owned()));
}

#[test]
fn derived_forms_meet_and_false_friends_do_not() {
    for (word, aim) in [
        ("cooperative", "broad-cooperation"),
        ("sovereign", "sovereignty"),
        ("democratic", "democracy"),
        ("Eurasia", "eurasian-cooperation"),
        ("universal", "un-charter"),
    ] {
        assert!(ids(&["search", word]).contains(&aim.to_owned()), "{word}");
    }
    // "universally acknowledged" is not about the universe.
    assert_eq!(ids(&["search", "universe"]), Vec::<String>::new());
}

#[test]
fn a_see_also_word_points_to_its_domain_and_tags_nothing() {
    assert_eq!(ids(&["search", "tariff"]), Vec::<String>::new());
    let shown = strip_escapes(&shown_on_terminal(100, 24, "search tariff", &[]));
    assert!(
        shown.contains(
            "hint: no aim says `tariff`; see the domain Customs (2 aims): aims list -d customs"
        ),
        "{shown}"
    );
    let domains: serde_json::Value =
        serde_json::from_str(&run(&["domains", "--format", "json"], &[]).0).expect("JSON");
    let customs = domains
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["id"] == "customs")
        .expect("customs");
    assert_eq!(customs["see_also"], serde_json::json!(["tariff"]));
}

#[test]
fn a_see_also_word_that_is_a_key_is_refused_by_check() {
    let content = std::fs::read_to_string("tests/data/valid.toml").expect("fixture");
    let edited = content.replacen(
        "id = \"customs\"\n",
        "id = \"customs\"\nsee_also = [\"Security\", \"visa\"]\n",
        1,
    );
    assert_ne!(edited, content, "the fixture has a customs domain");
    let path = std::env::temp_dir().join(format!("aims-see-also-{}.toml", std::process::id()));
    std::fs::write(&path, edited).expect("written");
    let (stdout, stderr, code) = run(&["check", path.to_str().expect("UTF-8")], &[]);
    let _ = std::fs::remove_file(&path);
    assert_eq!((stdout.as_str(), code), ("", 1));
    assert!(
        stderr.contains("`Security`, a see-also word of domain `customs`, is a key of domain `security`: a search finds its aims itself"),
        "{stderr}"
    );
    assert!(!stderr.contains("visa"), "{stderr}");
}

#[test]
fn an_empty_answer_says_what_the_content_covers() {
    let shown = strip_escapes(&shown_on_terminal(120, 24, "search zzyzx", &[]));
    assert!(shown.contains("aims: no aims match"), "{shown}");
    assert!(shown.contains("hint: no aim says `zzyzx`"), "{shown}");
    assert!(
        shown.contains("hint: the content holds 29 aims, all quoted from \"What does the Assembly aim to achieve?\""),
        "{shown}"
    );
    // A misspelt topic: the closest one, as a command.
    let shown = strip_escapes(&shown_on_terminal(120, 24, "search turism", &[]));
    assert!(
        shown.contains("hint: the closest topics: aims list -d tourism"),
        "{shown}"
    );
}

#[test]
fn only_stop_words_is_a_usage_error() {
    expect(
        &["search", "the", "of"],
        "",
        "aims: error: `the of` says nothing of a topic: search ignores such words\n  hint: search for what the aims are about, as in `aims search trade`\n",
        2,
    );
}
