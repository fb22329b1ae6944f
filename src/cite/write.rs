//! `aims cite`'s quotes and references written out: as text to paste, as
//! markdown, as an HTML fragment that keeps its formatting in a word
//! processor, and as JSON for scripts.

use std::fmt::Write as _;

use super::{Cited, Mark, Quoted, Rich, Span, plain};
use crate::text::{html_text as escape, markdown_text};

/// Paste-ready text: each quote with its in-text citation (or, in Chicago,
/// its note's number), then the notes, then the references. With `ids`,
/// each quote is headed by its aim's id and, for a clause, its locator.
pub fn text(cited: &Cited, ids: bool) -> String {
    let mut out = String::new();
    for quoted in &cited.quotes {
        if ids {
            let _ = writeln!(
                out,
                "{}",
                heading(quoted, &quoted.id, &|text| text.to_owned())
            );
        }
        let (quote, end) = quoted.around_mark();
        let _ = match &quoted.mark {
            Mark::InText(in_text) => writeln!(out, "“{quote}” {}{end}", plain(in_text)),
            Mark::Note(n) => writeln!(out, "“{quote}”{}", superscript(*n)),
        };
        out.push('\n');
    }
    if !cited.notes.is_empty() {
        out.push_str("Notes\n");
        for (n, note) in cited.notes.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, plain(note));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", cited.style.heading());
    for reference in &cited.references {
        let _ = writeln!(out, "{}", plain(reference));
    }
    out
}

/// Markdown: italics as `*`, Chicago's notes as footnotes, a heading over
/// the references; with `ids`, a line of id and locator over each quote.
pub fn markdown(cited: &Cited, ids: bool) -> String {
    let mut out = String::new();
    for quoted in &cited.quotes {
        if ids {
            let id = format!("`{}`", quoted.id);
            let _ = write!(out, "{}\n\n", heading(quoted, &id, &markdown_text));
        }
        let (quote, end) = quoted.around_mark();
        let quote = markdown_text(quote);
        let _ = match &quoted.mark {
            Mark::InText(in_text) => write!(out, "“{quote}” {}{end}\n\n", rich_markdown(in_text)),
            Mark::Note(n) => write!(out, "“{quote}”[^{n}]\n\n"),
        };
    }
    if !cited.notes.is_empty() {
        for (n, note) in cited.notes.iter().enumerate() {
            let _ = writeln!(out, "[^{}]: {}", n + 1, rich_markdown(note));
        }
        out.push('\n');
    }
    let _ = write!(out, "## {}", cited.style.heading());
    // A paragraph each: one line break alone would join them.
    for reference in &cited.references {
        let _ = write!(out, "\n\n{}", rich_markdown(reference));
    }
    out.push('\n');
    out
}

/// An HTML fragment, as a word processor takes it from the clipboard or a
/// file: the quotes in paragraphs, the style's italics, Chicago's notes as
/// footnotes that their marks link to, and the references with a hanging indent. Every text
/// is escaped. (`aims cite` prints it in a whole page, which names its
/// encoding; the browser's copy puts it on the clipboard as it is.)
pub fn html(cited: &Cited, ids: bool) -> String {
    let mut out = String::new();
    for quoted in &cited.quotes {
        if ids {
            let id = format!("<code>{}</code>", escape(&quoted.id));
            let _ = writeln!(out, "<p>{}</p>", heading(quoted, &id, &escape));
        }
        let (quote, end) = quoted.around_mark();
        let quote = escape(quote);
        let _ = match &quoted.mark {
            Mark::InText(in_text) => writeln!(out, "<p>“{quote}” {}{end}</p>", rich_html(in_text)),
            Mark::Note(n) => writeln!(
                out,
                "<p>“{quote}”<sup><a href=\"#aims-note-{n}\" id=\"aims-mark-{n}\">{n}</a></sup></p>"
            ),
        };
    }
    if !cited.notes.is_empty() {
        out.push_str("<h2>Notes</h2>\n<ol>\n");
        for (n, note) in cited.notes.iter().enumerate() {
            let n = n + 1;
            // No link back: pasted into a word processor, it would be a
            // stray arrow to delete.
            let _ = writeln!(out, "<li id=\"aims-note-{n}\">{}</li>", rich_html(note));
        }
        out.push_str("</ol>\n");
    }
    let _ = writeln!(out, "<h2>{}</h2>", cited.style.heading());
    for reference in &cited.references {
        let _ = writeln!(
            out,
            "<p style=\"padding-left: 2em; text-indent: -2em\">{}</p>",
            rich_html(reference)
        );
    }
    out
}

/// One JSON object: the style, each quote with its id, source, locator and
/// citation (Chicago: its note's number and text), and the references.
pub fn json(cited: &Cited) -> serde_json::Value {
    let quotes: Vec<serde_json::Value> = cited
        .quotes
        .iter()
        .map(|quoted| {
            let (citation, note) = match &quoted.mark {
                Mark::InText(in_text) => (plain(in_text), serde_json::Value::Null),
                Mark::Note(n) => (plain(&cited.notes[n - 1]), (*n).into()),
            };
            serde_json::json!({
                "id": quoted.id,
                "source": quoted.source,
                "locator": quoted.locator,
                "quote": quoted.quote,
                "citation": citation,
                "note": note,
            })
        })
        .collect();
    serde_json::json!({
        "style": cited.style.name(),
        "quotes": quotes,
        "references": cited.references.iter().map(|r| plain(r)).collect::<Vec<_>>(),
    })
}

/// A quote's heading: its id (as `id` gives it) and, for a clause, the
/// locator (written by `text`).
fn heading(quoted: &Quoted, id: &str, text: &dyn Fn(&str) -> String) -> String {
    match &quoted.locator {
        Some(locator) => format!("{id} ({})", text(locator)),
        None => id.to_owned(),
    }
}

fn rich_markdown(rich: &Rich) -> String {
    let mut out = String::new();
    for span in rich {
        let mark = match span {
            Span { italic: true, .. } => "*",
            Span { bold: true, .. } => "**",
            _ => "",
        };
        let _ = write!(out, "{mark}{}{mark}", markdown_text(&span.text));
    }
    out
}

/// Rendered text as HTML: italics, bold, and links; a link whose text is
/// not its address is marked `shown`, for a print stylesheet to print the
/// address after it (see `page`).
pub fn rich_html(rich: &Rich) -> String {
    let mut out = String::new();
    for span in rich {
        let mut text = escape(&span.text);
        if let Some(link) = &span.link {
            let class = if *link == span.text {
                ""
            } else {
                " class=\"shown\""
            };
            text = format!("<a href=\"{}\"{class}>{text}</a>", escape(link));
        }
        if span.bold {
            text = format!("<b>{text}</b>");
        }
        if span.italic {
            text = format!("<i>{text}</i>");
        }
        out.push_str(&text);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_numbers_are_superscript() {
        assert_eq!(superscript(1_234_567_890), "¹²³⁴⁵⁶⁷⁸⁹⁰");
    }

    #[test]
    fn a_link_that_hides_its_address_is_marked_to_print_it() {
        let link = |text: &str| {
            vec![Span {
                text: text.into(),
                link: Some("https://a.org/x".into()),
                ..Span::default()
            }]
        };
        assert_eq!(
            rich_html(&link("the page")),
            "<a href=\"https://a.org/x\" class=\"shown\">the page</a>"
        );
        assert_eq!(
            rich_html(&link("https://a.org/x")),
            "<a href=\"https://a.org/x\">https://a.org/x</a>"
        );
    }

    #[test]
    fn formatting_travels_with_its_text() {
        let rich = vec![
            Span {
                text: "Site <x>".into(),
                italic: true,
                ..Span::default()
            },
            Span {
                text: ", ".into(),
                ..Span::default()
            },
            Span {
                text: "https://a.org/?q=1&r=2".into(),
                link: Some("https://a.org/?q=1&r=2".into()),
                ..Span::default()
            },
            Span {
                text: "Bold".into(),
                bold: true,
                ..Span::default()
            },
        ];
        assert_eq!(
            rich_html(&rich),
            "<i>Site &lt;x&gt;</i>, <a href=\"https://a.org/?q=1&amp;r=2\">https://a.org/?q=1&amp;r=2</a><b>Bold</b>"
        );
        assert_eq!(
            rich_markdown(&rich),
            "*Site \\<x\\>*, https://a.org/?q=1\\&r=2**Bold**"
        );
    }
}
