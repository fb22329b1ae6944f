//! Citations: a source as a reference in MLA 9, APA 7 or Chicago 18 (notes
//! and bibliography), rendered by hayagriva (typst's citation engine) from the
//! CSL styles of its archive (the three, and their en-US locale, taken out of
//! it by build.rs); and as BibTeX and CSL-JSON entries that reference managers
//! import.

mod docx;
mod export;
mod write;

pub use docx::docx;
pub use export::{bibtex, csl_json};
pub use write::{html, json, markdown, rich_html, text};

use std::sync::OnceLock;

use hayagriva::citationberg::{FontStyle, FontWeight};
use hayagriva::citationberg::{IndependentStyle, Locale, Style as CslStyle};
use hayagriva::types::{Date, EntryType, FormatString, Publisher, QualifiedUrl};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, Entry,
};

use crate::check::calendar_day;
use crate::check::quote::fold_whitespace;
use crate::listing::citation;
use crate::model::{Content, Source};

/// A style a citation is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// MLA Handbook, 9th edition.
    Mla,
    /// APA Publication Manual, 7th edition.
    Apa,
    /// Chicago Manual of Style, 18th edition, notes and bibliography.
    Chicago,
}

impl Style {
    pub const ALL: [Style; 3] = [Style::Mla, Style::Apa, Style::Chicago];

    /// Its name as `--style` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Style::Mla => "mla",
            Style::Apa => "apa",
            Style::Chicago => "chicago",
        }
    }

    /// The heading of the list of references.
    pub fn heading(self) -> &'static str {
        match self {
            Style::Mla => "Works Cited",
            Style::Apa => "References",
            Style::Chicago => "Bibliography",
        }
    }

    /// The style, read once a process: `aims mcp` cites again and again,
    /// and reading a style back costs more than citing with it.
    fn csl(self) -> &'static IndependentStyle {
        static READ: [OnceLock<IndependentStyle>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        READ[self as usize].get_or_init(|| self.read())
    }

    fn read(self) -> IndependentStyle {
        let bytes: &[u8] = match self {
            Style::Mla => include_bytes!(concat!(env!("OUT_DIR"), "/mla.cbor")),
            Style::Apa => include_bytes!(concat!(env!("OUT_DIR"), "/apa.cbor")),
            Style::Chicago => include_bytes!(concat!(env!("OUT_DIR"), "/chicago.cbor")),
        };
        match ciborium::from_reader(bytes).expect("build.rs wrote the style from the archive") {
            CslStyle::Independent(style) => style,
            CslStyle::Dependent(_) => {
                unreachable!("build.rs took the MLA, APA and Chicago styles, which stand alone")
            }
        }
    }
}

/// The locales the styles' terms are looked up in: en-US alone, their default
/// (build.rs checks it). Read once a process, as the styles are.
fn locales() -> &'static [Locale] {
    static READ: OnceLock<Vec<Locale>> = OnceLock::new();
    READ.get_or_init(|| {
        let en_us = include_bytes!(concat!(env!("OUT_DIR"), "/en-US.cbor"));
        vec![ciborium::from_reader(en_us.as_slice()).expect("build.rs wrote the en-US locale")]
    })
}

/// What `aims cite` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Each quote with its in-text citation, then the references.
    Text,
    /// The same, in markdown: italics, and Chicago's notes as footnotes.
    Markdown,
    /// The same as an HTML fragment: italics, and Chicago's notes as linked
    /// footnotes, to paste into a word processor.
    Html,
    /// The same as a Word document, Chicago's notes as Word's footnotes.
    Docx,
    /// The quotes, their citations and the references as one JSON object,
    /// ids and locators included.
    Json,
    /// A BibTeX (biblatex) entry per source.
    Bibtex,
    /// A CSL-JSON array, an item per source.
    CslJson,
}

impl Output {
    pub const ALL: [Output; 7] = [
        Output::Text,
        Output::Markdown,
        Output::Html,
        Output::Docx,
        Output::Json,
        Output::Bibtex,
        Output::CslJson,
    ];
}

/// A run of rendered text and its formatting, as a style wants it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    pub text: String,
    pub italic: bool,
    pub bold: bool,
    /// The address the text stands for, where it is a link.
    pub link: Option<String>,
}

/// Rendered text: its spans, in order.
pub type Rich = Vec<Span>;

/// The text of `rich`, its formatting dropped.
pub fn plain(rich: &[Span]) -> String {
    rich.iter().map(|span| span.text.as_str()).collect()
}

/// The citations of `aims`, in order, each of its aim's source, and the
/// references of `sources`: rendered together, as a paper cites them, so
/// that the style orders the references and tells apart two works of one
/// author and year (2026a, 2026b), as citeproc-js does.
fn render(
    content: &Content,
    aims: &[usize],
    sources: &[usize],
    style: Style,
) -> (Vec<Rich>, Vec<Rich>) {
    let entries: Vec<Entry> = sources
        .iter()
        .map(|&s| entry(&content.sources[s]))
        .collect();
    let csl = style.csl();
    let locales = locales();
    let mut driver = BibliographyDriver::new();
    for &aim in aims {
        let s = sources
            .iter()
            .position(|&s| s == content.aims[aim].source.index())
            .expect("every aim's source is listed");
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(&entries[s])],
            csl,
            locales,
        ));
    }
    let rendered = driver.finish(BibliographyRequest {
        style: csl,
        locale: None,
        locale_files: locales,
    });
    let in_text = rendered
        .citations
        .iter()
        .map(|citation| rich(&citation.citation))
        .collect();
    let mut references: Vec<Rich> = rendered
        .bibliography
        .map(|bibliography| {
            bibliography
                .items
                .iter()
                .map(|item| rich(&item.content))
                .collect()
        })
        .unwrap_or_default();
    // hayagriva sorts by the key with its quotation marks (“ before any
    // letter); the styles, and citeproc-js, sort by the words.
    references.sort_by_cached_key(|reference| sort_key(&plain(reference)));
    (in_text, references)
}

/// A reference as the styles sort it: its letters and digits, case aside,
/// punctuation and quotation marks left out.
fn sort_key(reference: &str) -> String {
    reference
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The source as hayagriva's entry: a web page, part of its site, whose
/// owner publishes it. As in CSL-JSON, the owner stands in for the author
/// where a style wants one (APA's group author); the title carries its
/// short form for MLA's in-text citation.
fn entry(source: &Source) -> Entry {
    let text = |value: &str| FormatString::from(value.to_owned());
    let mut page = Entry::new(&source.id, EntryType::Web);
    page.set_title(match &source.short_title {
        Some(short) => FormatString::with_short(source.title.to_string(), short.to_string()),
        None => text(&source.title),
    });
    if let Some(url) = source.url.as_ref().and_then(|url| url.trim().parse().ok()) {
        page.set_url(QualifiedUrl {
            value: url,
            visit_date: source.accessed.as_deref().and_then(date),
        });
    }
    if let Some(published) = source.published.as_deref().and_then(date) {
        page.set_date(published);
    }
    if let Some(site) = &source.site {
        let mut parent = Entry::new(&format!("{}-site", source.id), EntryType::Web);
        parent.set_title(text(site));
        if let Some(publisher) = &source.publisher {
            parent.set_publisher(Publisher::new(Some(text(publisher)), None));
        }
        page.set_parents(vec![parent]);
    }
    page
}

/// A checked `YYYY-MM-DD` as hayagriva's date (months and days from 0).
fn date(text: &str) -> Option<Date> {
    let (year, month, day) = calendar_day(text)?;
    Some(Date {
        year: i32::try_from(year).ok()?,
        month: u8::try_from(month - 1).ok(),
        day: u8::try_from(day - 1).ok(),
        approximate: false,
        season: None,
    })
}

/// hayagriva's elements as spans, their punctuation tidied. Read from the
/// elements, not from hayagriva's HTML, which writes the content's text
/// unescaped: a `<b>` in a title would become markup.
fn rich(children: &ElemChildren) -> Rich {
    let mut spans = Vec::new();
    collect(children, &mut spans);
    tidy(&mut spans);
    // Runs of one formatting as one span.
    let mut merged: Rich = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            _ if span.text.is_empty() => {}
            Some(last)
                if (last.italic, last.bold, &last.link) == (span.italic, span.bold, &span.link) =>
            {
                last.text.push_str(&span.text);
            }
            _ => merged.push(span),
        }
    }
    merged
}

fn collect(children: &ElemChildren, spans: &mut Rich) {
    for child in &children.0 {
        match child {
            ElemChild::Text(text) => spans.push(Span {
                text: text.text.clone(),
                italic: text.formatting.font_style == FontStyle::Italic,
                bold: text.formatting.font_weight == FontWeight::Bold,
                link: None,
            }),
            ElemChild::Link { text, url } => spans.push(Span {
                text: text.text.clone(),
                italic: text.formatting.font_style == FontStyle::Italic,
                bold: text.formatting.font_weight == FontWeight::Bold,
                link: Some(url.clone()),
            }),
            ElemChild::Elem(elem) => collect(&elem.children, spans),
            ElemChild::Markup(text) => spans.push(Span {
                text: text.clone(),
                ..Span::default()
            }),
            ElemChild::Transparent { .. } => {}
        }
    }
}

/// Two rules of the styles' punctuation that hayagriva misses:
/// - a title that ends in `?` or `!` takes no period after it ("Achieve?”
///   Assembly", not "Achieve?.”"); a comma stays, as Chicago keeps it in
///   notes ("Achieve?,” Assembly") and citeproc-js writes it;
/// - a period or comma that the style puts after a field in quotation marks
///   goes inside them, as en-US wants (CSL's `punctuation-in-quote`):
///   "Assembly.”", not "Assembly”.". The content's own text, one span, keeps
///   its punctuation where it wrote it.
fn tidy(spans: &mut Rich) {
    // Each character with the span it belongs to.
    let mut out: Vec<(char, usize)> = Vec::new();
    for (index, span) in spans.iter().enumerate() {
        for c in span.text.chars() {
            if !matches!(c, '.' | ',') {
                out.push((c, index));
                continue;
            }
            let before = out.iter().rev().map(|(c, _)| *c).find(|c| !is_closing(*c));
            if c == '.' && matches!(before, Some('?' | '!')) {
                continue;
            }
            let quotes = out.iter().rev().take_while(|(c, _)| *c == '”').count();
            let at = out.len() - quotes;
            if quotes > 0 && out[at].1 < index {
                // In the span of the quotation mark it goes inside.
                out.insert(at, (c, out[at].1));
            } else {
                out.push((c, index));
            }
        }
    }
    for span in spans.iter_mut() {
        span.text.clear();
    }
    for (c, index) in out {
        spans[index].text.push(c);
    }
}

/// A closing quotation mark.
fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'')
}

/// What `aims cite` hands over, before it is written in a format: each
/// quote with its citation, Chicago's notes, and the references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub style: Style,
    pub quotes: Vec<Quoted>,
    /// Chicago's notes, in the order of their marks; none in the other styles.
    pub notes: Vec<Rich>,
    /// A reference per source, in the style's order (by author or title).
    pub references: Vec<Rich>,
}

/// An aim's quote and how it is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quoted {
    pub id: String,
    pub source: String,
    /// Where the quote stands, for an aim that quotes a clause: "Nakhchivan
    /// Agreement, Art. 2, 7th item as listed in ...".
    pub locator: Option<String>,
    /// The quote, its white space folded as it reads.
    pub quote: String,
    pub mark: Mark,
}

impl Quoted {
    /// The quote as it stands before its mark, and what follows the mark: a
    /// quote that ends its sentence gives its period to the end, after an
    /// in-text citation (“...characteristics” (Source).), as MLA and APA
    /// place it; before a note's number, it stays (“...characteristics.”¹).
    pub fn around_mark(&self) -> (&str, &str) {
        match (&self.mark, self.quote.strip_suffix('.')) {
            (Mark::InText(_), Some(quote)) if !quote.ends_with('.') => (quote, "."),
            _ => (&self.quote, ""),
        }
    }
}

/// How a quote points to its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// A parenthetical citation after the quote (MLA, APA).
    InText(Rich),
    /// The number of its note (Chicago), from 1.
    Note(usize),
}

/// Cites `aims` (indexes into the content) from `sources`, the sources they
/// quote in the order of their first aim, in `style`.
pub fn cited(content: &Content, aims: &[usize], sources: &[usize], style: Style) -> Cited {
    let (in_text, references) = render(content, aims, sources, style);
    let mut notes = Vec::new();
    let quotes = aims
        .iter()
        .zip(in_text)
        .map(|(&a, in_text)| {
            let aim = &content.aims[a];
            let mark = if style == Style::Chicago {
                notes.push(in_text);
                Mark::Note(notes.len())
            } else {
                Mark::InText(in_text)
            };
            Quoted {
                id: aim.id.to_string(),
                source: content.sources[aim.source.index()].id.to_string(),
                locator: aim.clause.as_ref().map(|_| citation(content, aim)),
                quote: fold_whitespace(&aim.quote).into_owned(),
                mark,
            }
        })
        .collect();
    Cited {
        style,
        quotes,
        notes,
        references,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(texts: &[&str]) -> Rich {
        texts
            .iter()
            .map(|text| Span {
                text: (*text).to_owned(),
                ..Span::default()
            })
            .collect()
    }

    fn tidied(texts: &[&str]) -> Vec<String> {
        let mut rich = spans(texts);
        tidy(&mut rich);
        rich.into_iter().map(|span| span.text).collect()
    }

    #[test]
    fn elements_become_spans_of_one_formatting_each() {
        use hayagriva::{ElemChild, ElemChildren, Formatted, Formatting};
        let text = |text: &str, italic: bool| Formatted {
            text: text.to_owned(),
            formatting: Formatting {
                font_style: if italic {
                    FontStyle::Italic
                } else {
                    FontStyle::Normal
                },
                ..Formatting::default()
            },
        };
        let children = ElemChildren(vec![
            ElemChild::Text(text("A ", false)),
            ElemChild::Markup("b ".to_owned()),
            // Nothing in italics: no span of its own between two plain ones.
            ElemChild::Text(text("", true)),
            ElemChild::Text(text("c", false)),
            ElemChild::Text(text("Site", true)),
            ElemChild::Link {
                text: text("https://a.org", false),
                url: "https://a.org".to_owned(),
            },
        ]);
        assert_eq!(
            rich(&children),
            vec![
                Span {
                    text: "A b c".into(),
                    ..Span::default()
                },
                Span {
                    text: "Site".into(),
                    italic: true,
                    ..Span::default()
                },
                Span {
                    text: "https://a.org".into(),
                    link: Some("https://a.org".into()),
                    ..Span::default()
                },
            ]
        );
    }

    #[test]
    fn references_sort_by_their_words_not_their_quotation_marks() {
        let mut references = ["“What Does”", "On the UN", "A Model UN. “X”", "İleri MUN"];
        references.sort_by_cached_key(|r| sort_key(r));
        assert_eq!(
            references,
            ["A Model UN. “X”", "İleri MUN", "On the UN", "“What Does”"]
        );
    }

    #[test]
    fn no_period_follows_a_question_mark_but_a_comma_may() {
        for (spans, expected) in [
            (
                ["“Aim To Achieve?", ".” Site"],
                ["“Aim To Achieve?", "” Site"],
            ),
            (
                ["“Aim To Achieve?", ",” Site"],
                ["“Aim To Achieve?", ",” Site"],
            ),
            (
                ["“Aim To Achieve?”", ", Site"],
                ["“Aim To Achieve?,”", " Site"],
            ),
            (["Achieve?", ". (n.d.)"], ["Achieve?", " (n.d.)"]),
            (["Achieve!", ". Next"], ["Achieve!", " Next"]),
            (["An end", ". Then, more."], ["An end", ". Then, more."]),
        ] {
            assert_eq!(tidied(&spans), expected, "{spans:?}");
        }
        assert_eq!(
            tidied(&["Achieve?", "”", ". Site"]),
            ["Achieve?", "”", " Site"]
        );
        assert_eq!(tidied(&["“Achieve?.” Site"]), ["“Achieve?” Site"]);
        // The content's own quotation marks, within one field, keep the
        // punctuation where it was written.
        for text in ["the “Turkic World”, a review", "A “B”."] {
            assert_eq!(tidied(&[text]), [text]);
        }
    }

    #[test]
    fn a_period_or_comma_goes_inside_the_closing_quotation_mark() {
        assert_eq!(
            tidied(&["İleri MUN", ", ", "“What Does the Assembly”", "."]),
            ["İleri MUN", ", ", "“What Does the Assembly.”", ""]
        );
        assert_eq!(tidied(&["“A”", ", b"]), ["“A,”", " b"]);
        assert_eq!(tidied(&["”", "."]), [".”", ""]);
        // An apostrophe is not a quotation mark to move into.
        assert_eq!(tidied(&["the States’."]), ["the States’."]);
    }
}
