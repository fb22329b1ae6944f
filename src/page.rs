//! `--format html`: whole, self-contained pages to print or hand out. The
//! aims as a handout (each aim's title, quote with its citation, clause,
//! domains and pillars by name, grouped if asked, and the references of the
//! sources quoted at the end); any other listing as a table; the matrix as
//! a grid shaded by its counts. No script, no file or address to fetch;
//! every text from the content escaped; a print stylesheet for A4 and
//! Letter, and a layout that reads on a phone.

use std::fmt::Write as _;

use crate::cite::{self, Mark, Quoted};
use crate::listing::{Field, Group, Listing};
use crate::model::{Aim, Content};
use crate::query::Hit;
use crate::text::html_text as escape;

/// The style every page shares: serif for reading, a measure of about 70
/// characters, and for print a margin that fits A4 and Letter alike, an aim
/// never split across pages, and each link's address printed after it.
const STYLE: &str = "\
:root{color-scheme:light}
body{margin:0;color:#111;background:#fff;font:12pt/1.45 Georgia,'Times New Roman',serif}
main{max-width:44em;margin:0 auto;padding:1.2em 1em 2em}
main.wide{max-width:none}
h1{font-size:1.5em;margin:0 0 .2em}
h2{font-size:1.15em;margin:1.4em 0 .5em;padding-bottom:.15em;border-bottom:1px solid #888;break-after:avoid}
h3{font-size:1em;margin:.8em 0 .15em;break-after:avoid}
.lede,.meta,footer{color:#444}
.lede{margin:0 0 1em}
article{break-inside:avoid}
blockquote{margin:.15em 0 .2em 1.2em}
.meta{font-size:.85em;margin:0 0 .6em 1.4em}
.ref{padding-left:2em;text-indent:-2em;margin:.3em 0}
ol.notes{font-size:.9em;padding-left:1.5em}
table{border-collapse:collapse;font-size:.9em;margin:.5em 0}
th,td{border:1px solid #bbb;padding:.2em .45em;vertical-align:top;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}
th.row{white-space:nowrap}
th.col{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;white-space:nowrap;padding:.45em .2em}
.scroll{overflow-x:auto}
footer{font-size:.8em;margin-top:2em;border-top:1px solid #ccc;padding-top:.4em}
a{color:#1a4d8f}
@page{margin:16mm 15mm}
@media print{
body{font-size:10.5pt}
main{max-width:none;padding:0}
a{color:inherit;text-decoration:none}
a.shown::after{content:\" <\" attr(href) \">\";font-size:.85em}
.scroll{overflow:visible}
th,td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
@media (max-width:36em){body{font-size:11pt}blockquote{margin-left:.5em}.meta{margin-left:.6em}}
";

/// How a page is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Text at a reading measure.
    Reading,
    /// A table, as wide as the window.
    Wide,
    /// A grid, as wide as the window, printed across a landscape page.
    Grid,
}

/// A whole page: its title, and the body's HTML, in `layout`.
fn document(title: &str, body: &str, layout: Layout) -> String {
    let main = if layout == Layout::Reading {
        "<main>"
    } else {
        "<main class=\"wide\">"
    };
    let landscape = if layout == Layout::Grid {
        "@page{size:landscape}\n"
    } else {
        ""
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{}</title>\n<style>\n{STYLE}{landscape}</style>\n</head>\n<body>\n{main}\n{body}</main>\n</body>\n</html>\n",
        escape(title)
    )
}

/// `body` (an HTML fragment, such as `aims cite` writes) as a whole page.
pub fn whole(title: &str, body: &str) -> String {
    document(title, body, Layout::Reading)
}

/// The aims of `hits` as a handout, in `groups` if grouped, cited in `style`.
pub fn handout(
    content: &Content,
    hits: &[Hit],
    groups: Option<&[Group]>,
    heading: &str,
    notes: &[String],
    style: cite::Style,
) -> String {
    // Every appearance of an aim, in the page's order, cited in turn.
    let sections: Vec<(Option<&Group>, Vec<usize>)> = match groups {
        None => vec![(None, (0..hits.len()).collect())],
        Some(groups) => groups.iter().map(|g| (Some(g), g.rows.clone())).collect(),
    };
    let order: Vec<usize> = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|&r| hits[r].aim))
        .collect();
    let mut sources: Vec<usize> = Vec::new();
    for &aim in &order {
        let source = content.aims[aim].source.index();
        if !sources.contains(&source) {
            sources.push(source);
        }
    }
    let cited = cite::cited(content, &order, &sources, style);
    let mut quotes = cited.quotes.iter();

    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>", escape(heading));
    if hits.is_empty() {
        body.push_str("<p class=\"lede\">No aims match.</p>\n");
        footer(&mut body, notes);
        return document(heading, &body, Layout::Reading);
    }
    let titles: Vec<String> = sources
        .iter()
        .map(|&s| format!("“{}”", escape(&content.sources[s].title)))
        .collect();
    let _ = writeln!(
        body,
        "<p class=\"lede\">{} {} quoted from {}</p>",
        hits.len(),
        if hits.len() == 1 { "aim" } else { "aims" },
        titles.join(", ")
    );
    // An aim in several groups: its first appearance carries its id, so
    // that a link to it (#combat-terrorism) has one place to go.
    let mut anchored = vec![false; content.aims.len()];
    for (group, rows) in &sections {
        if let Some(group) = group {
            let _ = writeln!(
                body,
                "<section>\n<h2>{} <small>({})</small></h2>",
                escape(&group.name),
                group.rows.len()
            );
        }
        for &row in rows {
            let aim = &content.aims[hits[row].aim];
            let anchor = if std::mem::replace(&mut anchored[hits[row].aim], true) {
                String::new()
            } else {
                format!(" id=\"{}\"", escape(&aim.id))
            };
            let cited_aim = quotes.next().expect("a quote per appearance");
            body.push_str(&article(content, aim, cited_aim, &anchor));
        }
        if group.is_some() {
            body.push_str("</section>\n");
        }
    }
    if !cited.notes.is_empty() {
        body.push_str("<h2>Notes</h2>\n<ol class=\"notes\">\n");
        for (n, note) in cited.notes.iter().enumerate() {
            let _ = writeln!(
                body,
                "<li id=\"note-{}\">{}</li>",
                n + 1,
                cite::rich_html(note)
            );
        }
        body.push_str("</ol>\n");
    }
    let _ = writeln!(body, "<h2>{}</h2>", cited.style.heading());
    for reference in &cited.references {
        let _ = writeln!(body, "<p class=\"ref\">{}</p>", cite::rich_html(reference));
    }
    footer(&mut body, notes);
    document(heading, &body, Layout::Reading)
}

/// One aim of a handout: its title, its quote with its citation (or note
/// mark), where it stands, and its domains and pillars by name.
fn article(content: &Content, aim: &Aim, cited: &Quoted, anchor: &str) -> String {
    let (quote, end) = cited.around_mark();
    let mark = match &cited.mark {
        Mark::InText(in_text) => format!(" {}{end}", cite::rich_html(in_text)),
        Mark::Note(n) => format!("<sup><a href=\"#note-{n}\" id=\"mark-{n}\">{n}</a></sup>"),
    };
    // Where it stands, then what it is tagged with, if anything.
    let mut meta = vec![escape(&crate::listing::citation(content, aim))];
    let pillars: Vec<String> = aim
        .pillars
        .iter()
        .map(|p| content.pillars[p.index()].name.to_string())
        .collect();
    let domains: Vec<String> = aim
        .domains
        .iter()
        .map(|d| content.domains[d.index()].name.to_string())
        .collect();
    for (label, names) in [("Domains", domains), ("Pillars", pillars)] {
        if !names.is_empty() {
            meta.push(format!("{label}: {}", escape(&names.join(", "))));
        }
    }
    format!(
        "<article{anchor}>\n<h3>{title}</h3>\n<blockquote>“{quote}”{mark}</blockquote>\n\
<p class=\"meta\">{meta}</p>\n</article>\n",
        title = escape(&aim.title),
        quote = escape(quote),
        meta = meta.join(" · "),
    )
}

/// A listing as a table, under `heading`.
pub fn table(listing: &Listing, heading: &str) -> String {
    let mut body = format!(
        "<h1>{}</h1>\n<div class=\"scroll\"><table>\n<tr>",
        escape(heading)
    );
    let shown: Vec<usize> = (0..listing.columns.len())
        .filter(|&c| listing.columns[c].plain)
        .collect();
    for &c in &shown {
        let _ = write!(body, "<th>{}</th>", escape(&listing.columns[c].name));
    }
    body.push_str("</tr>\n");
    for row in &listing.rows {
        body.push_str("<tr>");
        for &c in &shown {
            let field = &row[c];
            let class = if matches!(field, Field::Count(_) | Field::MaybeCount(_)) {
                " class=\"n\""
            } else {
                ""
            };
            let _ = write!(body, "<td{class}>{}</td>", escape(&field.text(", ")));
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</table></div>\n");
    footer(&mut body, &listing.notes);
    document(heading, &body, Layout::Wide)
}

/// The matrix as a grid: the names of its rows and columns on both axes,
/// each cell shaded by its count (the largest darkest) with the count
/// written in it, and an empty cell left white.
pub fn matrix(listing: &Listing, rows: &[String], columns: &[String], heading: &str) -> String {
    let most = listing
        .rows
        .iter()
        .flat_map(|row| row.iter())
        .filter_map(|field| match field {
            Field::Tally(n) => Some(*n),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .max(1);
    // Names upright down the side, and turned up along the top, so that a
    // grid of 24 columns fits a landscape page.
    let mut body = format!(
        "<h1>{}</h1>\n<div class=\"scroll\"><table>\n<tr><th></th>",
        escape(heading)
    );
    for name in columns {
        let _ = write!(
            body,
            "<th scope=\"col\" class=\"col\">{}</th>",
            escape(name)
        );
    }
    body.push_str("</tr>\n");
    for (name, row) in rows.iter().zip(&listing.rows) {
        let _ = write!(
            body,
            "<tr><th scope=\"row\" class=\"row\">{}</th>",
            escape(name)
        );
        for field in row.iter().skip(1) {
            let n = match field {
                Field::Tally(n) => *n,
                _ => 0,
            };
            if n == 0 {
                body.push_str("<td class=\"n\"></td>");
                continue;
            }
            let (lightness, ink) = shade(n, most);
            let _ = write!(
                body,
                "<td class=\"n\" style=\"background:hsl(212 60% {lightness:.0}%);color:{ink}\">{n}</td>"
            );
        }
        body.push_str("</tr>\n");
    }
    body.push_str("</table></div>\n");
    footer(&mut body, &listing.notes);
    document(heading, &body, Layout::Grid)
}

/// A cell's shade for a count of `n` where the largest is `most`: from a
/// pale blue (92% light) to a deep one (35%), and white figures on the
/// darker half.
fn shade(n: usize, most: usize) -> (f64, &'static str) {
    #[expect(clippy::cast_precision_loss, reason = "counts of aims, far below 2^52")]
    let share = n as f64 / most as f64;
    let lightness = 92.0 - 57.0 * share;
    let ink = if lightness < 60.0 { "#fff" } else { "#111" };
    (lightness, ink)
}

/// The notes a listing carries, in small print at the end.
fn footer(body: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    body.push_str("<footer>\n");
    for note in notes {
        let _ = writeln!(body, "<p>Note: {}</p>", escape(note));
    }
    body.push_str("</footer>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listing::Column;

    #[test]
    fn a_larger_count_is_darker_and_its_figure_white_past_the_middle() {
        assert_eq!(shade(4, 4), (35.0, "#fff"));
        assert_eq!(shade(1, 4), (77.75, "#111"));
        assert_eq!(shade(2, 4), (63.5, "#111"));
        assert_eq!(shade(3, 4), (49.25, "#fff"));
    }

    #[test]
    fn the_grid_is_shaded_against_its_largest_count() {
        let listing = Listing {
            noun: "rows",
            columns: vec![Column::text("id"), Column::number("a"), Column::number("b")],
            rows: vec![
                vec![Field::Text("r".into()), Field::Tally(1), Field::Tally(4)],
                vec![Field::Text("s".into()), Field::Tally(0), Field::Tally(2)],
            ],
            compact: true,
            ..Listing::default()
        };
        let page = matrix(
            &listing,
            &["R".into(), "S <&>".into()],
            &["A".into(), "B".into()],
            "Grid",
        );
        assert!(page.contains("<tr><th scope=\"row\" class=\"row\">R</th><td class=\"n\" style=\"background:hsl(212 60% 78%);color:#111\">1</td><td class=\"n\" style=\"background:hsl(212 60% 35%);color:#fff\">4</td></tr>"), "{page}");
        assert!(page.contains("<tr><th scope=\"row\" class=\"row\">S &lt;&amp;&gt;</th><td class=\"n\"></td><td class=\"n\" style=\"background:hsl(212 60% 64%);color:#111\">2</td></tr>"), "{page}");
    }
}
