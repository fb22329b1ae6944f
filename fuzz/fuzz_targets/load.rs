//! Any bytes as a content file: loading never panics; the fast reader, when it
//! reads a file at all, reads it as the `toml` crate does, spans included; a
//! content that loads is listed by every command in every format without
//! panicking; one that does not load reports problems that each name the file.
#![no_main]

use aims::cli::{Facet, Filters, Format};
use aims::content::{Origin, parse_and_check, parse_toml};
use aims::output::{self, Style};
use aims::query::{self, Query};
use aims::scan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(fast) = scan::read(&text) {
        let (slow, problems) = parse_toml(&text);
        assert!(
            problems.is_empty(),
            "the fast reader took what toml rejects: {problems:?}"
        );
        assert_eq!(format!("{fast:?}"), format!("{:?}", slow.expect("read")));
    }
    let origin = Origin::File {
        path: "fuzz.toml".into(),
        from_env: false,
    };
    let content = match parse_and_check(&origin, &text) {
        Ok(content) => content,
        Err(err) => {
            assert!(!err.problems.is_empty());
            for problem in &err.problems {
                let message = problem.render(&err.origin, &err.text);
                assert!(message.starts_with("aims: error: fuzz.toml"), "{message}");
            }
            return;
        }
    };
    let filters = Filters {
        pillar: Vec::new(),
        domain: Vec::new(),
        clause: Vec::new(),
        source: Vec::new(),
        text: vec!["a".to_owned()],
    };
    let query = Query::resolve(&content, &filters, &[]).expect("no facet filter to refuse");
    let selected = query::select(&content, &query);
    let listings = [
        query::aims(&content, &selected),
        query::pillars(&content),
        query::domains(&content),
        query::clauses_listing(&content),
        query::sources(&content),
        query::matrix(&content, &selected, Facet::Clause, Facet::Domain),
    ];
    for listing in &listings {
        for format in [
            Format::Table,
            Format::Tsv,
            Format::Csv,
            Format::Json,
            Format::Jsonl,
            Format::Markdown,
        ] {
            for width in [1, 20, 80] {
                let style = Style {
                    format,
                    color: width == 80,
                    width,
                    columns: None,
                    header: true,
                };
                output::print(&mut Vec::new(), listing, &style).expect("writing to memory");
            }
        }
        output::print_records(
            &mut Vec::new(),
            listing,
            &Style {
                format: Format::Table,
                color: false,
                width: 30,
                columns: None,
                header: true,
            },
        )
        .expect("writing to memory");
    }
});
