//! Any bytes as a content file: loading never panics; the fast reader, when it
//! reads a file at all, reads it as the `toml` crate does, spans included (the
//! same bytes are tried with CRLF line ends too); a content that loads is
//! listed by every command in every format without panicking; one that does
//! not load reports problems that each name the file.
#![no_main]

use aims::content::{Origin, parse_and_check, parse_toml, read_fast};
use aims::diagnostic::Lines;
use aims::listing::{self, Facet};
use aims::output::{self, Format, Style};
use aims::query::{self, Filters, Query};
use libfuzzer_sys::fuzz_target;

/// The fast reader's records are the `toml` crate's, whenever it reads a text.
fn agrees(text: &str) {
    if let Some(fast) = read_fast(text) {
        let (slow, problems) = parse_toml(text);
        assert!(
            problems.is_empty(),
            "the fast reader took what toml rejects: {problems:?}"
        );
        assert_eq!(format!("{fast:?}"), format!("{:?}", slow.expect("read")));
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    agrees(&text);
    agrees(&text.replace('\n', "\r\n"));
    let origin = Origin::File {
        path: "fuzz.toml".into(),
        from_env: false,
    };
    let content = match parse_and_check(&origin, &text) {
        Ok(content) => content,
        Err(err) => {
            assert!(!err.problems.is_empty());
            let lines = Lines::new(&err.text);
            for problem in &err.problems {
                let message = problem.render(&err.origin, &lines);
                assert!(message.starts_with("aims: error: fuzz.toml"), "{message}");
            }
            return;
        }
    };
    let filters = Filters {
        text: vec!["a".to_owned()],
        ..Filters::default()
    };
    let query = Query::resolve(&content, &filters, &[]).expect("no facet filter to refuse");
    let selected = query::select(&content, &query);
    let listings = [
        listing::aims(&content, &selected, false),
        listing::pillars(&content),
        listing::domains(&content),
        listing::clauses_listing(&content),
        listing::sources(&content),
        listing::matrix(&content, &selected, Facet::Clause, Facet::Domain),
    ];
    for listing in &listings {
        for format in Format::ALL {
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
