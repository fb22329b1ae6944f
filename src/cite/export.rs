//! Entries for reference managers: BibTeX (biblatex) and CSL-JSON, one per
//! source, as Zotero and pandoc import them.

use std::fmt::Write as _;

use crate::check::calendar_day;
use crate::model::Source;

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
    if let Some(short) = &source.short_title {
        fields.push(("shorttitle", braced(short)));
    }
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
        ("title-short", source.short_title.as_deref()),
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
