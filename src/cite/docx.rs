//! `aims cite --format docx`: the quotes and references as a Word document,
//! Chicago's notes as Word's own footnotes. The document is the few parts
//! Word's XML needs, written here, in a zip archive that the `zip`
//! crate writes (stored, dated 1980-01-01 as zip's default, so the same
//! citations give the same bytes).

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::{Cited, Mark, Rich, Span, Style};

const MAIN: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The Word document, as bytes.
pub fn docx(cited: &Cited, ids: bool) -> Vec<u8> {
    let parts = [
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", package_relationships()),
        ("word/_rels/document.xml.rels", document_relationships()),
        ("word/document.xml", document(cited, ids)),
        ("word/footnotes.xml", footnotes(cited)),
        ("word/settings.xml", settings()),
        ("word/styles.xml", styles()),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, xml) in parts {
        zip.start_file(name, options)
            .and_then(|()| Ok(zip.write_all(xml.as_bytes())?))
            .expect("writing a zip archive to memory");
    }
    zip.finish()
        .expect("writing a zip archive to memory")
        .into_inner()
}

fn content_types() -> String {
    let part = |name: &str, kind: &str| {
        format!(
            "<Override PartName=\"/word/{name}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml\"/>"
        )
    };
    format!(
        "{DECLARATION}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>{}{}{}{}</Types>",
        part("document", "document.main"),
        part("footnotes", "footnotes"),
        part("settings", "settings"),
        part("styles", "styles"),
    )
}

fn package_relationships() -> String {
    format!(
        "{DECLARATION}<Relationships xmlns=\"{RELATIONSHIPS}\">\
<Relationship Id=\"rId1\" Type=\"{TYPES}/officeDocument\" Target=\"word/document.xml\"/>\
</Relationships>"
    )
}

fn document_relationships() -> String {
    let mut out = format!("{DECLARATION}<Relationships xmlns=\"{RELATIONSHIPS}\">");
    for (n, part) in ["styles", "settings", "footnotes"].iter().enumerate() {
        let _ = write!(
            out,
            "<Relationship Id=\"rId{}\" Type=\"{TYPES}/{part}\" Target=\"{part}.xml\"/>",
            n + 1
        );
    }
    out.push_str("</Relationships>");
    out
}

/// The body: a paragraph per quote, its citation or its footnote's mark;
/// the references under their heading, each with a hanging indent; US
/// Letter with one-inch margins.
fn document(cited: &Cited, ids: bool) -> String {
    let mut body = String::new();
    for quoted in &cited.quotes {
        if ids {
            let heading = match &quoted.locator {
                Some(locator) => format!("{} ({locator})", quoted.id),
                None => quoted.id.clone(),
            };
            let _ = write!(body, "<w:p>{}</w:p>", run(&heading, ""));
        }
        let (quote, end) = quoted.around_mark();
        let quote = format!("“{quote}”");
        let _ = match &quoted.mark {
            Mark::InText(in_text) => write!(
                body,
                "<w:p>{}{}{}</w:p>",
                run(&format!("{quote} "), ""),
                runs(in_text),
                if end.is_empty() {
                    String::new()
                } else {
                    run(end, "")
                }
            ),
            Mark::Note(n) => write!(
                body,
                "<w:p>{}<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{n}\"/></w:r></w:p>",
                run(&quote, "")
            ),
        };
    }
    // Centred; in bold for APA alone, as the guides set it.
    let bold = if cited.style == Style::Apa {
        "<w:b/>"
    } else {
        ""
    };
    let _ = write!(
        body,
        "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>{}</w:p>",
        run(cited.style.heading(), bold)
    );
    for reference in &cited.references {
        let _ = write!(
            body,
            "<w:p><w:pPr><w:ind w:left=\"720\" w:hanging=\"720\"/></w:pPr>{}</w:p>",
            runs(reference)
        );
    }
    format!(
        "{DECLARATION}<w:document xmlns:w=\"{MAIN}\"><w:body>{body}\
<w:sectPr><w:pgSz w:w=\"12240\" w:h=\"15840\"/>\
<w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/>\
</w:sectPr></w:body></w:document>"
    )
}

/// Word's footnotes part: its two separators, then a footnote per note.
fn footnotes(cited: &Cited) -> String {
    let separator = |id: i32, kind: &str, mark: &str| {
        format!(
            "<w:footnote w:type=\"{kind}\" w:id=\"{id}\"><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:{mark}/></w:r></w:p></w:footnote>"
        )
    };
    let mut out = format!(
        "{DECLARATION}<w:footnotes xmlns:w=\"{MAIN}\">{}{}",
        separator(-1, "separator", "separator"),
        separator(0, "continuationSeparator", "continuationSeparator"),
    );
    for (n, note) in cited.notes.iter().enumerate() {
        let _ = write!(
            out,
            "<w:footnote w:id=\"{}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>\
<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>{}{}</w:p></w:footnote>",
            n + 1,
            run(" ", ""),
            runs(note)
        );
    }
    out.push_str("</w:footnotes>");
    out
}

fn settings() -> String {
    format!(
        "{DECLARATION}<w:settings xmlns:w=\"{MAIN}\"><w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr></w:settings>"
    )
}

/// Times New Roman 12 pt, as the style guides ask; headings centred;
/// footnotes at 10 pt, their marks superscript.
fn styles() -> String {
    format!(
        "{DECLARATION}<w:styles xmlns:w=\"{MAIN}\"><w:docDefaults><w:rPrDefault><w:rPr>\
<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>\
<w:sz w:val=\"24\"/><w:lang w:val=\"en-US\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"240\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>\
<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/></w:rPr></w:style>\
<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>\
<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style></w:styles>"
    )
}

fn runs(rich: &Rich) -> String {
    rich.iter()
        .map(|span: &Span| {
            let mut properties = String::new();
            if span.bold {
                properties.push_str("<w:b/>");
            }
            if span.italic {
                properties.push_str("<w:i/>");
            }
            run(&span.text, &properties)
        })
        .collect()
}

/// A run of `text` with run `properties` (`<w:i/>`...).
fn run(text: &str, properties: &str) -> String {
    let properties = if properties.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{properties}</w:rPr>")
    };
    format!(
        "<w:r>{properties}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        xml_text(text)
    )
}

/// Text as XML 1.0 holds it: `& < > "` escaped, and what XML cannot hold at
/// all (controls other than tab and line ends, U+FFFE, U+FFFF) left out;
/// the content's checks let none of them in.
fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            xml_text("a<b>&\"c\"\u{1b}\u{7}\u{FFFF}\td"),
            "a&lt;b&gt;&amp;&quot;c&quot;\td"
        );
    }

    #[test]
    fn a_run_carries_its_formatting() {
        assert_eq!(
            runs(&vec![Span {
                text: "Site".into(),
                italic: true,
                bold: true,
                link: None,
            }]),
            "<w:r><w:rPr><w:b/><w:i/></w:rPr><w:t xml:space=\"preserve\">Site</w:t></w:r>"
        );
        assert_eq!(
            run("a", ""),
            "<w:r><w:t xml:space=\"preserve\">a</w:t></w:r>"
        );
    }
}
