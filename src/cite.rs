//! Citations: a source as a reference in MLA 9, APA 7 or Chicago 18 (notes
//! and bibliography), rendered by hayagriva (typst's citation engine) from the
//! CSL styles of its archive (the three, and their en-US locale, taken out of
//! it by build.rs); and as BibTeX and CSL-JSON entries that reference managers
//! import.

use std::fmt::Write as _;

use hayagriva::citationberg::{FontStyle, FontWeight};
use hayagriva::citationberg::{IndependentStyle, Locale, Style as CslStyle};
use hayagriva::types::{Date, EntryType, FormatString, Publisher, QualifiedUrl};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest,
    ElemChild, ElemChildren, Entry,
};

use crate::check::calendar_day;
use crate::check::quote::fold_whitespace;
use crate::listing::citation;
use crate::model::{Content, Source};
use crate::text::markdown_text;

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

    /// The heading of the list of references.
    pub fn heading(self) -> &'static str {
        match self {
            Style::Mla => "Works Cited",
            Style::Apa => "References",
            Style::Chicago => "Bibliography",
        }
    }

    fn csl(self) -> IndependentStyle {
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
/// (build.rs checks it).
fn locales() -> Vec<Locale> {
    let en_us = include_bytes!(concat!(env!("OUT_DIR"), "/en-US.cbor"));
    vec![ciborium::from_reader(en_us.as_slice()).expect("build.rs wrote the en-US locale")]
}

/// What `aims cite` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Each quote with its in-text citation, then the references.
    Text,
    /// The same, in markdown: italics, and Chicago's notes as footnotes.
    Markdown,
    /// A BibTeX (biblatex) entry per source.
    Bibtex,
    /// A CSL-JSON array, an item per source.
    CslJson,
}

/// How a rendered citation is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    Plain,
    /// Italics as `*...*`, as markdown has them.
    Markdown,
}

/// A source's citations in one style: the in-text form (a parenthetical, or
/// for Chicago a note) for each of `uses` citations of it, in order, and the
/// entry of its list of references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub in_text: Vec<String>,
    pub reference: String,
}

/// Renders `uses` citations of `source`, and its reference, in `style`.
pub fn render(source: &Source, style: Style, uses: usize, markup: Markup) -> Rendered {
    let entry = entry(source, style);
    let csl = style.csl();
    let locales = locales();
    let mut driver = BibliographyDriver::new();
    for _ in 0..uses {
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(&entry)],
            &csl,
            &locales,
        ));
    }
    let rendered = driver.finish(BibliographyRequest {
        style: &csl,
        locale: None,
        locale_files: &locales,
    });
    let in_text = rendered
        .citations
        .iter()
        .map(|citation| written(&citation.citation, markup))
        .collect();
    let reference = rendered
        .bibliography
        .and_then(|bibliography| bibliography.items.into_iter().next())
        .map(|item| written(&item.content, markup))
        .unwrap_or_default();
    Rendered { in_text, reference }
}

/// The source as hayagriva's entry: a web page, part of its site. APA names
/// no publisher for a web page (it would stand as the author); MLA and
/// Chicago name the site's owner.
fn entry(source: &Source, style: Style) -> Entry {
    let text = |value: &str| FormatString::from(value.to_owned());
    let mut page = Entry::new(&source.id, EntryType::Web);
    page.set_title(text(&source.title));
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
        if let (Some(publisher), false) = (&source.publisher, style == Style::Apa) {
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

/// Rendered text in `markup`, its punctuation tidied.
fn written(children: &ElemChildren, markup: Markup) -> String {
    let mut out = String::new();
    match markup {
        Markup::Plain => children
            .write_buf(&mut out, BufWriteFormat::Plain)
            .expect("writing to a String"),
        Markup::Markdown => markdown(children, &mut out),
    }
    tidy(&out)
}

/// The styles' rule that hayagriva misses: a title that ends in `?` or `!`
/// takes no period or comma after it ("Achieve?” Assembly", not "Achieve?.”").
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // The last character written that was not a closing quote or markup.
    let mut last = ' ';
    for c in text.chars() {
        if matches!(c, '.' | ',') && matches!(last, '?' | '!') {
            continue;
        }
        if !matches!(c, '”' | '’' | '"' | '\'' | '*') {
            last = c;
        }
        out.push(c);
    }
    out
}

/// hayagriva's elements as markdown: italics as `*`, bold as `**`, links as
/// their text, and every text as written (`markdown_text`). Read from the
/// elements, not from hayagriva's HTML, which writes the content's text
/// unescaped: a `<b>` in a title would become markup.
fn markdown(children: &ElemChildren, out: &mut String) {
    for child in &children.0 {
        match child {
            ElemChild::Text(text) | ElemChild::Link { text, .. } => {
                let mark = match (text.formatting.font_style, text.formatting.font_weight) {
                    (FontStyle::Italic, _) => "*",
                    (_, FontWeight::Bold) => "**",
                    _ => "",
                };
                let _ = write!(out, "{mark}{}{mark}", markdown_text(&text.text));
            }
            ElemChild::Elem(elem) => markdown(&elem.children, out),
            ElemChild::Markup(text) => out.push_str(&markdown_text(text)),
            ElemChild::Transparent { .. } => {}
        }
    }
}

/// `aims cite` as text or markdown: each aim (its clause's citation, where it
/// quotes one), its quote in quotation marks with its in-text citation, ready
/// to paste; Chicago's notes; then the references, one per source.
pub fn quotations(
    content: &Content,
    aims: &[usize],
    sources: &[usize],
    style: Style,
    output: Output,
) -> String {
    let markup = if output == Output::Markdown {
        Markup::Markdown
    } else {
        Markup::Plain
    };
    let uses = |source: usize| {
        aims.iter()
            .filter(|&&a| content.aims[a].source.index() == source)
            .count()
    };
    let rendered: Vec<Rendered> = sources
        .iter()
        .map(|&s| render(&content.sources[s], style, uses(s), markup))
        .collect();
    // Each source's citations, taken in the order of its aims.
    let mut next = vec![0; sources.len()];
    let mut out = String::new();
    let mut notes = Vec::new();
    let markdown = markup == Markup::Markdown;
    for &aim in aims {
        let aim = &content.aims[aim];
        let s = sources
            .iter()
            .position(|&s| s == aim.source.index())
            .expect("every aim's source is listed");
        let in_text = rendered[s]
            .in_text
            .get(next[s])
            .cloned()
            .unwrap_or_default();
        next[s] += 1;
        let id = if markdown {
            format!("`{}`", aim.id)
        } else {
            aim.id.to_string()
        };
        let text = |text: &str| {
            if markdown {
                markdown_text(text)
            } else {
                text.to_owned()
            }
        };
        let heading = match &aim.clause {
            Some(_) => format!("{id} ({})", text(&citation(content, aim))),
            None => id,
        };
        let quote = format!("“{}”", text(&fold_whitespace(&aim.quote)));
        let cited = if style == Style::Chicago {
            notes.push(in_text);
            if markdown {
                format!("{quote}[^{}]", notes.len())
            } else {
                format!("{quote}{}", superscript(notes.len()))
            }
        } else {
            format!("{quote} {in_text}")
        };
        let gap = if markdown { "\n\n" } else { "\n" };
        let _ = write!(out, "{heading}{gap}{cited}\n\n");
    }
    if !notes.is_empty() {
        if !markdown {
            out.push_str("Notes\n");
        }
        for (n, note) in notes.iter().enumerate() {
            let _ = if markdown {
                writeln!(out, "[^{}]: {note}", n + 1)
            } else {
                writeln!(out, "{}. {note}", n + 1)
            };
        }
        out.push('\n');
    }
    let _ = if markdown {
        write!(out, "## {}\n\n", style.heading())
    } else {
        writeln!(out, "{}", style.heading())
    };
    for rendered in &rendered {
        out.push_str(&rendered.reference);
        out.push('\n');
    }
    out
}

/// A note's number as superscript digits, as it stands after a quote.
fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|d| match d {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            _ => '⁰',
        })
        .collect()
}

/// BibTeX (biblatex) entries for `sources`, one each, keyed by their ids as
/// BibTeX allows them (`key`); where two ids give one key, the later ones
/// get `-2`, `-3`...: a key names one entry, or a reference manager drops one.
pub fn bibtex(sources: &[&Source]) -> String {
    let mut keys: Vec<String> = Vec::with_capacity(sources.len());
    let mut entries = Vec::with_capacity(sources.len());
    for source in sources {
        let base = key(&source.id);
        let mut unique = base.clone();
        let mut n = 1;
        while keys.contains(&unique) {
            n += 1;
            unique = format!("{base}-{n}");
        }
        entries.push(entry_bibtex(source, &unique));
        keys.push(unique);
    }
    entries.join("\n")
}

/// A BibTeX (biblatex) entry for `source` under `key`: `@online`, as Zotero
/// and pandoc read it (`journaltitle` is the site: both read it as the web
/// page's container, where `maintitle` would replace its title in pandoc).
fn entry_bibtex(source: &Source, key: &str) -> String {
    let mut fields: Vec<(&str, String)> = vec![("title", braced(&source.title))];
    if let Some(publisher) = &source.publisher {
        fields.push(("organization", braced(publisher)));
    }
    if let Some(site) = &source.site {
        fields.push(("journaltitle", braced(site)));
    }
    if let Some(published) = &source.published {
        fields.push(("date", braced(published)));
    }
    if let Some(url) = &source.url {
        fields.push(("url", url_field(url.trim())));
    }
    if let Some(accessed) = &source.accessed {
        fields.push(("urldate", braced(accessed)));
    }
    let mut out = format!("@online{{{key},\n");
    for (name, value) in fields {
        let _ = writeln!(out, "  {name} = {{{value}}},");
    }
    out.push_str("}\n");
    out
}

/// An address as a `url` field holds it: verbatim (biblatex reads it so),
/// but for what would end the field or the entry early, percent-encoded as
/// the address means the same with them (braces, a backslash, spaces).
fn url_field(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    let _ = write!(out, "%{byte:02X}");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A BibTeX key: letters, digits and `-_:.` only.
fn key(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_:.".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// A value in braces, its own braces and TeX's special characters escaped;
/// capitals kept as written (`{{...}}` would, but reads badly: the title's
/// words are protected one by one only where they start with a capital).
fn braced(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A CSL-JSON item for `source` (a `webpage`), as Zotero and pandoc read it.
pub fn csl_json(source: &Source) -> serde_json::Value {
    let parts = |text: &str| {
        calendar_day(text).map(|(y, m, d)| serde_json::json!({ "date-parts": [[y, m, d]] }))
    };
    let mut item = serde_json::Map::new();
    item.insert("id".into(), source.id.to_string().into());
    item.insert("type".into(), "webpage".into());
    item.insert("title".into(), source.title.to_string().into());
    let optional = [
        ("container-title", source.site.as_deref()),
        ("publisher", source.publisher.as_deref()),
        ("section", source.section.as_deref()),
        ("URL", source.url.as_deref().map(str::trim)),
    ];
    for (name, value) in optional {
        if let Some(value) = value {
            item.insert(name.into(), value.into());
        }
    }
    if let Some(issued) = source.published.as_deref().and_then(parts) {
        item.insert("issued".into(), issued);
    }
    if let Some(accessed) = source.accessed.as_deref().and_then(parts) {
        item.insert("accessed".into(), accessed);
    }
    serde_json::Value::Object(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_period_or_comma_follows_a_question_mark() {
        for (text, expected) in [
            ("“Aim To Achieve?.” Site", "“Aim To Achieve?” Site"),
            ("“Aim To Achieve?,” Site", "“Aim To Achieve?” Site"),
            ("*Achieve?*. (n.d.)", "*Achieve?* (n.d.)"),
            ("Achieve!. Next", "Achieve! Next"),
            ("An end. Then, more.", "An end. Then, more."),
        ] {
            assert_eq!(tidy(text), expected, "{text}");
        }
    }

    #[test]
    fn note_numbers_are_superscript() {
        assert_eq!(superscript(1_234_567_890), "¹²³⁴⁵⁶⁷⁸⁹⁰");
    }

    #[test]
    fn bibtex_escapes_what_tex_reads_as_commands() {
        assert_eq!(braced("a\tb\nc"), "a b c");
        assert_eq!(
            braced("A & B: 50% {x} #1 a_b ~^\\"),
            "A \\& B: 50\\% \\{x\\} \\#1 a\\_b \\textasciitilde{}\\textasciicircum{}\\textbackslash{}"
        );
        assert_eq!(key("my source/1"), "my-source-1");
    }

    #[test]
    fn a_url_field_keeps_the_address_and_cannot_end_the_entry() {
        assert_eq!(
            url_field("https://x.org/a}b{c\\d e%20"),
            "https://x.org/a%7Db%7Bc%5Cd%20e%20"
        );
        assert_eq!(url_field("https://x.org/é"), "https://x.org/é");
    }
}
