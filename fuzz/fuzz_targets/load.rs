//! Any bytes as a content file: loading never panics; the fast reader, when it
//! reads a file at all, reads it as the `toml` crate does, spans included (the
//! same bytes are tried with CRLF line ends too); a content that loads is
//! listed by every command in every format without panicking, and nothing it
//! prints without colour holds a hidden character (`aims::text::is_hidden`);
//! one that does not load reports problems that each name the file.
//!
//! Input that starts with a 0xFF byte (never in a TOML file) is hostile
//! strings instead: split at U+0001, they become an id, a title, a quote and
//! a site in a content that is otherwise valid, written with TOML escapes so
//! that any character reaches the checks and, if they pass it, the printers,
//! every citation style and every completion script.
#![no_main]

use std::fmt::Write as _;

use aims::cite;
use aims::content::{Origin, parse_and_check, parse_toml, read_fast};
use aims::diagnostic::{self, Lines};
use aims::listing::{self, Facet};
use aims::output::{self, Format, Style};
use aims::query::{self, Filters, Query};
use aims::shell;
use aims::text::is_hidden;
use clap_complete::Shell;
use libfuzzer_sys::fuzz_target;

/// `value` as a TOML basic string, every character but plain ASCII escaped.
fn basic(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        if c.is_ascii_alphanumeric() || " .,;:-()'".contains(c) {
            out.push(c);
        } else {
            let _ = write!(out, "\\U{:08X}", u32::from(c));
        }
    }
    out.push('"');
    out
}

/// A valid content with hostile strings where people put words.
fn hostile(strings: &str) -> String {
    let mut parts = strings.split('\u{1}');
    let mut next = |default: &str| parts.next().map_or_else(|| default.to_owned(), str::to_owned);
    let (id, title, quote, site) = (next("peace"), next("A title"), next("peace"), next("A site"));
    format!(
        "[[source]]\nid = \"s\"\ntitle = {title}\nstanding = \"A test.\"\nsite = {site}\n\
         url = \"https://example.org/a}}b\"\ntext = {text}\n\n\
         [[domain]]\nid = \"peace\"\nname = \"Peace\"\ndescription = \"Peace.\"\n\n\
         [[aim]]\nid = {id}\ntitle = {title}\nquote = {quote}\nsource = \"s\"\n",
        title = basic(&title),
        site = basic(&site),
        text = basic(&format!("The Assembly aims at peace; {quote}.")),
        id = basic(&id),
        quote = basic(&quote),
    )
}

/// Nothing printed without colour holds a hidden character, but the line
/// breaks and tabs of layout.
fn shown_as_text(printed: &[u8], what: &str) {
    let printed = String::from_utf8_lossy(printed);
    assert!(
        !printed.chars().any(|c| is_hidden(c) && c != '\n' && c != '\t'),
        "{what}: {printed:?}"
    );
}

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
    let strings = data.first() == Some(&0xff);
    let text = if strings {
        hostile(&String::from_utf8_lossy(&data[1..])).into()
    } else {
        String::from_utf8_lossy(data)
    };
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
                let message =
                    diagnostic::present(&[problem.report(&err.origin, &lines)], None, false);
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
                let mut printed = Vec::new();
                output::print(&mut printed, listing, &style).expect("writing to memory");
                if !style.color {
                    shown_as_text(&printed, &format!("{format:?}"));
                }
            }
        }
        let mut printed = Vec::new();
        output::print_records(
            &mut printed,
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
        shown_as_text(&printed, "records");
    }
    // Citations and completion scripts cost milliseconds (a CSL style read,
    // a command line built): for the hostile strings, where they matter.
    if !strings {
        return;
    }
    let aims: Vec<usize> = (0..content.aims.len()).collect();
    let mut sources: Vec<usize> = Vec::new();
    for aim in &content.aims {
        if !sources.contains(&aim.source.index()) {
            sources.push(aim.source.index());
        }
    }
    // One style an input (reading a CSL style, as build.rs took it out of
    // hayagriva's archive, takes seconds under the address sanitizer), chosen
    // by the input's length.
    let style = [cite::Style::Mla, cite::Style::Apa, cite::Style::Chicago][data.len() % 3];
    for output in [cite::Output::Text, cite::Output::Markdown] {
        let text = cite::quotations(&content, &aims, &sources, style, output);
        shown_as_text(text.as_bytes(), "cite");
    }
    let cited: Vec<_> = sources.iter().map(|&s| &content.sources[s]).collect();
    shown_as_text(cite::bibtex(&cited).as_bytes(), "bibtex");
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
        let mut script = Vec::new();
        shell::completions(&mut script, shell, &content).expect("writing to memory");
        shown_as_text(&script, "completions");
    }
});
