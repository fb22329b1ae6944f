//! How the browser is drawn: the search line, the list of aims, the selected
//! aim in full (beside the list on a wide terminal, below it on a narrow
//! one), a picker over them, and the keys on the bottom line.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::state::{Browser, PICKED, View};
use crate::listing::{self, Facet, Field};
use crate::search::Terms;

/// Terminals at least this wide show the aim beside the list.
const SIDE_BY_SIDE: u16 = 120;

const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
const MARK: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
const DIM: Style = Style::new().add_modifier(Modifier::DIM);
const ID: Style = Style::new().fg(Color::Cyan);
const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
const LABEL: Style = Style::new().add_modifier(Modifier::BOLD);

pub fn draw(frame: &mut Frame, browser: &mut Browser) {
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    search_line(frame, top, browser);
    match browser.view {
        View::Detail { scroll } => {
            let text = detail(browser);
            // Scrolled no further than its last line at the bottom.
            let rows = wrapped_rows(&text, body.width);
            let last = rows.saturating_sub(body.height.saturating_sub(1));
            let scroll = scroll.min(last);
            let block = Block::new().borders(Borders::TOP).border_style(DIM);
            let paragraph = Paragraph::new(text)
                .block(block)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0));
            frame.render_widget(paragraph, body);
            browser.view = View::Detail { scroll };
        }
        View::List | View::Picker { .. } => {
            let (list_area, detail_area) = if body.width >= SIDE_BY_SIDE {
                let [list_area, detail_area] =
                    Layout::horizontal([Constraint::Percentage(45), Constraint::Min(0)])
                        .areas(body);
                (list_area, detail_area)
            } else {
                // The list takes at most half, and no more rows than it has.
                let rows = u16::try_from(browser.shown.len()).unwrap_or(u16::MAX);
                let [list_area, detail_area] = Layout::vertical([
                    Constraint::Length(rows.clamp(1, (body.height / 2).max(3))),
                    Constraint::Min(0),
                ])
                .areas(body);
                (list_area, detail_area)
            };
            list(frame, list_area, browser);
            let borders = if body.width >= SIDE_BY_SIDE {
                Borders::LEFT
            } else {
                Borders::TOP
            };
            let paragraph = Paragraph::new(detail(browser))
                .block(Block::new().borders(borders).border_style(DIM))
                .wrap(Wrap { trim: false });
            frame.render_widget(paragraph, detail_area);
            if let View::Picker { facet, row } = browser.view {
                picker(frame, body, browser, facet, row);
            }
        }
    }
    frame.render_widget(Paragraph::new(bottom_line(browser, bottom.width)), bottom);
    if !browser.color {
        // NO_COLOR, --color never: bold, dim and reverse stay, colours go.
        for cell in &mut frame.buffer_mut().content {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
    }
}

/// How many rows `text` takes wrapped at `width` columns (as words wrap).
fn wrapped_rows(text: &Text, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let rows: usize = text
        .lines
        .iter()
        .map(|line| {
            let plain: String = line.spans.iter().map(|span| &*span.content).collect();
            textwrap::wrap(&plain, textwrap::Options::new(width).break_words(true))
                .len()
                .max(1)
        })
        .sum();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// The search typed, how many aims it shows, and what is picked.
fn search_line(frame: &mut Frame, area: Rect, browser: &Browser) {
    let prompt = "search: ";
    let mut right = format!(
        "{} of {} aims",
        browser.shown.len(),
        browser.content.aims.len()
    );
    if let Some(given) = &browser.given {
        let _ = write!(right, " · {given}");
    }
    for (facet, picked) in browser.picked.iter().enumerate() {
        if let Some(record) = picked {
            let name = match PICKED[facet] {
                Facet::Pillar => &browser.content.pillars[*record].id,
                Facet::Domain => &browser.content.domains[*record].id,
                _ => &browser.content.clauses[*record].id,
            };
            let _ = write!(right, " · {}: {name}", facet_name(facet));
        }
    }
    let left = Line::from(vec![
        Span::styled(prompt, LABEL),
        Span::raw(browser.typed.as_str()),
    ]);
    let used = left.width() + 1;
    let room = usize::from(area.width).saturating_sub(used);
    let right = truncate(&right, room);
    let width = u16::try_from(right.width()).unwrap_or(0);
    frame.render_widget(Paragraph::new(left), area);
    frame.render_widget(
        Paragraph::new(Span::styled(right, DIM)),
        Rect {
            x: area.right().saturating_sub(width),
            width,
            ..area
        },
    );
    if browser.typing && browser.view == View::List {
        let x = area.x + u16::try_from(prompt.width() + browser.typed.width()).unwrap_or(0);
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

fn facet_name(facet: usize) -> &'static str {
    match PICKED[facet] {
        Facet::Pillar => "pillar",
        Facet::Domain => "domain",
        _ => "clause",
    }
}

/// `text` cut to `width` columns, with an ellipsis where it was cut.
fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() + 1 > width {
            break;
        }
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `spans` cut to `width` columns, with an ellipsis where they were cut.
fn fit(spans: Vec<Span<'_>>, width: usize) -> Vec<Span<'_>> {
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= width {
        return spans;
    }
    let mut room = width.saturating_sub(1);
    let mut out = Vec::new();
    for span in spans {
        if span.width() <= room {
            room -= span.width();
            out.push(span);
        } else {
            // The part that fits, then the ellipsis (in the room kept for it).
            let mut cut = String::new();
            for c in span.content.chars() {
                if cut.width() + c.to_string().width() > room {
                    break;
                }
                cut.push(c);
            }
            cut.push('…');
            out.push(Span::styled(cut, span.style));
            return out;
        }
    }
    out
}

/// The aims shown: id and title, a window of them around the selection.
fn list(frame: &mut Frame, area: Rect, browser: &mut Browser) {
    let rows = usize::from(area.height);
    if browser.shown.is_empty() {
        let picked = browser.picked.iter().any(Option::is_some);
        let empty = match (browser.typed.trim().is_empty(), picked) {
            (true, true) => "no aim carries all the picks: x clears them",
            (true, false) => "no aims",
            (false, true) => {
                "no aim of the picks holds these words: Ctrl-U clears them, x the picks"
            }
            (false, false) => "no aim holds these words: Backspace, or Ctrl-U to clear",
        };
        frame.render_widget(Paragraph::new(Span::styled(empty, DIM)), area);
        return;
    }
    if browser.selected < browser.offset {
        browser.offset = browser.selected;
    } else if browser.selected >= browser.offset + rows {
        browser.offset = browser.selected + 1 - rows;
    }
    let window = &browser.shown[browser.offset..browser.shown.len().min(browser.offset + rows)];
    let content = browser.content;
    let id_width = window
        .iter()
        .map(|hit| content.aims[hit.aim].id.width())
        .max()
        .unwrap_or(0)
        .min(usize::from(area.width) / 3);
    // The selected row is marked, not only reversed: a screen read as text
    // (a capture, a screen reader) shows it too.
    let marker = |selected: bool| if selected { "> " } else { "  " };
    let lines: Vec<Line> = window
        .iter()
        .enumerate()
        .map(|(n, hit)| {
            let aim = &content.aims[hit.aim];
            let id = truncate(&aim.id, id_width);
            let selected = browser.offset + n == browser.selected;
            let mut spans = vec![
                Span::raw(marker(selected)),
                Span::styled(format!("{id:<id_width$}  "), ID),
            ];
            let room = usize::from(area.width).saturating_sub(id_width + 4);
            spans.extend(fit(
                marked(&aim.title, browser.marks.as_ref(), Style::new()),
                room,
            ));
            let mut line = Line::from(spans);
            if selected {
                line = line.style(SELECTED);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// `text` in spans, the words searched for marked.
fn marked<'t>(text: &'t str, marks: Option<&Terms>, style: Style) -> Vec<Span<'t>> {
    let Some(marks) = marks else {
        return vec![Span::styled(text, style)];
    };
    let mut spans = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    let push = |from: usize, to: usize, word: bool, spans: &mut Vec<Span<'t>>| {
        if from < to {
            let part = &text[from..to];
            let style = if word && marks.marks(part) {
                MARK
            } else {
                style
            };
            spans.push(Span::styled(part, style));
        }
    };
    for (at, c) in text.char_indices() {
        let word = c.is_alphanumeric();
        if word != in_word {
            push(start, at, in_word, &mut spans);
            start = at;
            in_word = word;
        }
    }
    push(start, text.len(), in_word, &mut spans);
    spans
}

/// The selected aim in full: title, quote, the sentence around it, the
/// citation, the clause, pillars and domains.
fn detail<'b>(browser: &'b Browser) -> Text<'b> {
    let Some(hit) = browser.current() else {
        return Text::default();
    };
    let content = browser.content;
    let aim = &content.aims[hit.aim];
    let mut listing = listing::aims(content, std::slice::from_ref(hit), false);
    listing::add_context(content, &mut listing, std::slice::from_ref(hit));
    let field = |name: &str| -> Option<&Field> {
        let at = listing.columns.iter().position(|c| c.name == name)?;
        listing.rows.first()?.get(at)
    };
    let marks = browser.marks.as_ref();
    let mut lines = vec![
        Line::from(vec![
            Span::styled(aim.id.to_string(), ID),
            Span::raw("  "),
            Span::styled(aim.title.to_string(), LABEL),
        ]),
        Line::default(),
    ];
    let mut quote = vec![Span::raw("“")];
    quote.extend(marked(&aim.quote, marks, Style::new()));
    quote.push(Span::raw("”"));
    lines.push(Line::from(quote));
    lines.push(Line::default());
    let label = |name: &'static str| Span::styled(format!("{name}: "), LABEL);
    if let Some(citation) = field("citation") {
        lines.push(Line::from(vec![
            label("Cite"),
            Span::raw(citation.text(", ")),
        ]));
    }
    if let Some(clause) = &aim.clause {
        let clause = &content.clauses[clause.index()];
        lines.push(Line::from(vec![
            label("Clause"),
            Span::raw(format!("{} {}", clause.id, clause.text)),
        ]));
    }
    let pillars: Vec<&str> = aim
        .pillars
        .iter()
        .map(|p| &*content.pillars[p.index()].name)
        .collect();
    let domains: Vec<&str> = aim
        .domains
        .iter()
        .map(|d| &*content.domains[d.index()].name)
        .collect();
    let via: Vec<&str> = hit.via.iter().map(|&d| &*content.domains[d].id).collect();
    let via = (!via.is_empty()).then(|| format!(" (via {})", via.join(", ")));
    for (name, names, note) in [("Pillars", pillars, None), ("Domains", domains, via)] {
        if names.is_empty() {
            continue;
        }
        let mut spans = vec![label(name), Span::raw(names.join(", "))];
        spans.extend(note.map(|note| Span::styled(note, DIM)));
        lines.push(Line::from(spans));
    }
    // Last, as it is the longest: where the list leaves little room, the
    // reference comes first.
    if let Some(Field::Marked { text, marks }) = field("context") {
        let mut spans = vec![label("Context")];
        let mut at = 0;
        for mark in marks {
            spans.push(Span::styled(text[at..mark.start].to_owned(), DIM));
            spans.push(Span::raw(text[mark.clone()].to_owned()));
            at = mark.end;
        }
        spans.push(Span::styled(text[at..].to_owned(), DIM));
        lines.push(Line::default());
        lines.push(Line::from(spans));
    }
    Text::from(lines)
}

/// A list of a facet's records over the body, with how many aims each would show.
fn picker(frame: &mut Frame, body: Rect, browser: &Browser, facet: usize, row: usize) {
    let counts = browser.choices(facet);
    let mut items: Vec<(String, Option<usize>)> =
        vec![(format!("any {}", facet_name(facet)), None)];
    items.extend(
        counts
            .iter()
            .enumerate()
            .map(|(record, &count)| (browser.name(facet, record), Some(count))),
    );
    let width = body.width.min(70).max(body.width.min(30));
    let height = u16::try_from(items.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    };
    let inner = usize::from(height.saturating_sub(2));
    let first = row.saturating_sub(inner.saturating_sub(1));
    let text_width = usize::from(width.saturating_sub(2));
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(first)
        .take(inner)
        .map(|(n, (name, count))| {
            let count = count.map(|c| format!(" {c}")).unwrap_or_default();
            let name = format!("{}{name}", if n == row { "> " } else { "  " });
            let name = truncate(&name, text_width.saturating_sub(count.width()));
            let pad = text_width.saturating_sub(name.width() + count.width());
            let style = if count == " 0" { DIM } else { Style::new() };
            let mut line = Line::from(vec![
                Span::styled(name, style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, DIM),
            ]);
            if n == row {
                line = line.style(SELECTED);
            }
            line
        })
        .collect();
    let title = format!(" pick a {} ", facet_name(facet));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(title)),
        area,
    );
}

/// The keys of what is on the screen, or what the last key did.
fn bottom_line(browser: &Browser, width: u16) -> Line<'static> {
    if let Some(status) = &browser.status {
        return Line::from(Span::styled(status.clone(), DIM));
    }
    let wide = width >= 80;
    let keys: &[(&str, &str)] = match browser.view {
        View::Picker { .. } => &[
            ("↑↓", "move"),
            ("⏎", "pick"),
            ("Esc", "back"),
            ("q", "quit"),
        ],
        View::Detail { .. } => &[
            ("↑↓", "scroll"),
            ("y", "copy"),
            ("Esc", "back"),
            ("q", "quit"),
        ],
        View::List if browser.typing => &[
            ("type", "to search"),
            ("↑↓", "move"),
            ("⏎", "open"),
            ("Tab", "keys"),
            ("^Y", "copy"),
            ("Esc", "back"),
        ],
        View::List if wide => &[
            ("/", "search"),
            ("p", "pillar"),
            ("d", "domain"),
            ("c", "clause"),
            ("x", "clear"),
            ("y", "copy"),
            ("⏎", "open"),
            ("q", "quit"),
        ],
        View::List => &[
            ("/", "search"),
            ("p d c", "pick"),
            ("x", "clear"),
            ("y", "copy"),
            ("⏎", "open"),
            ("q", "quit"),
        ],
    };
    let mut spans = Vec::new();
    for (n, (key, what)) in keys.iter().enumerate() {
        if n > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(*key, KEY));
        spans.push(Span::styled(format!(" {what}"), DIM));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_with_an_ellipsis_only_when_it_does_not_fit() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 0), "");
        let spans = vec![Span::raw("ab"), Span::raw("cd"), Span::raw("ef")];
        let fitted: Vec<String> = fit(spans.clone(), 5)
            .iter()
            .map(|span| span.content.to_string())
            .collect();
        assert_eq!(fitted, ["ab", "cd", "…"]);
        let fitted: Vec<String> = fit(spans.clone(), 4)
            .iter()
            .map(|span| span.content.to_string())
            .collect();
        assert_eq!(fitted, ["ab", "c…"]);
        assert_eq!(fit(spans, 6).len(), 3);
    }
}
