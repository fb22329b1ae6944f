//! The styles of what `aims` writes to a terminal, each named once as an
//! `anstyle::Style` (an error's `error:`, an id, a label, a searched word),
//! and how a style is written: the one place that knows escape codes.

use std::fmt::Write as _;

use anstyle::{Ansi256Color, AnsiColor, Color, Effects, Style};

/// `error:` before an error.
pub const ERROR: Style = Style::new()
    .bold()
    .fg_color(Some(Color::Ansi(AnsiColor::Red)));
/// `hint:` before a hint.
pub const HINT: Style = Style::new()
    .bold()
    .fg_color(Some(Color::Ansi(AnsiColor::Cyan)));
/// A record's id, heading its record.
pub const ID: Style = Style::new()
    .bold()
    .fg_color(Some(Color::Ansi(AnsiColor::Cyan)));
/// The rest of a record's heading, and a table's column headers.
pub const HEADING: Style = Style::new().bold();
/// The name of a field before its value.
pub const LABEL: Style = Style::new().dimmed();
/// A note under a listing: said, not listed.
pub const NOTE: Style = Style::new().dimmed();
/// What stands out within a text: the quote in its context.
pub const EMPHASIS: Style = Style::new().bold();
/// A word a search matched, in red as ripgrep marks its matches.
pub const MATCH: Style = Style::new()
    .bold()
    .fg_color(Some(Color::Ansi(AnsiColor::Red)));
/// An id in a table's id column: bright cyan, without the weight of a heading.
pub const ID_COLUMN: Style = Style::new().fg_color(Some(Color::Ansi256(Ansi256Color(14))));

/// What turns `style` on, as one escape sequence (`ESC[1;31m`): anstyle
/// writes one per attribute (`ESC[1mESC[31m`), the same to a terminal, but
/// `aims` has always written one, and what reads its output may expect so.
pub fn on(style: Style) -> String {
    const CODES: [(Effects, u8); 8] = [
        (Effects::BOLD, 1),
        (Effects::DIMMED, 2),
        (Effects::ITALIC, 3),
        (Effects::UNDERLINE, 4),
        (Effects::BLINK, 5),
        (Effects::INVERT, 7),
        (Effects::HIDDEN, 8),
        (Effects::STRIKETHROUGH, 9),
    ];
    let mut codes: Vec<String> = CODES
        .iter()
        .filter(|(effect, _)| style.get_effects().contains(*effect))
        .map(|(_, code)| code.to_string())
        .collect();
    match style.get_fg_color() {
        Some(Color::Ansi(color)) => {
            let index = Ansi256Color::from_ansi(color).index();
            // The bright colours have codes of their own, from 90.
            let code = if index < 8 { 30 + index } else { 82 + index };
            codes.push(code.to_string());
        }
        Some(Color::Ansi256(color)) => codes.push(format!("38;5;{}", color.index())),
        Some(Color::Rgb(color)) => {
            codes.push(format!("38;2;{};{};{}", color.r(), color.g(), color.b()));
        }
        None => {}
    }
    if codes.is_empty() {
        return String::new();
    }
    format!("\x1b[{}m", codes.join(";"))
}

/// What turns every style off.
pub fn off(style: Style) -> String {
    style.render_reset().to_string()
}

/// What ends the weight of a bold or dimmed style alone, leaving a colour
/// (and any other style) that the text around it has: for emphasis within
/// a line. anstyle writes only a whole reset.
pub const NORMAL_WEIGHT: &str = "\x1b[22m";

/// `text` in `style`, then every style off.
pub fn paint(style: Style, text: &str) -> String {
    let mut out = on(style);
    let _ = write!(out, "{text}{}", off(style));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_style_is_one_escape_sequence_that_says_what_anstyle_says() {
        for (style, expected) in [
            (ERROR, "\x1b[1;31m"),
            (HINT, "\x1b[1;36m"),
            (ID, "\x1b[1;36m"),
            (HEADING, "\x1b[1m"),
            (LABEL, "\x1b[2m"),
            (NOTE, "\x1b[2m"),
            (EMPHASIS, "\x1b[1m"),
            (MATCH, "\x1b[1;31m"),
            (ID_COLUMN, "\x1b[38;5;14m"),
            (Style::new(), ""),
            (
                Style::new()
                    .italic()
                    .underline()
                    .fg_color(Some(Color::Ansi(AnsiColor::BrightWhite))),
                "\x1b[3;4;97m",
            ),
            (
                Style::new().fg_color(Some(Color::Rgb(anstyle::RgbColor(1, 2, 3)))),
                "\x1b[38;2;1;2;3m",
            ),
        ] {
            assert_eq!(on(style), expected, "{style:?}");
            // The same codes as anstyle's own, one sequence each.
            let anstyle = style.render().to_string();
            let codes = |text: &str| -> Vec<String> {
                text.split("\x1b[")
                    .filter(|code| !code.is_empty())
                    .map(|code| code.trim_end_matches('m').to_owned())
                    .collect()
            };
            assert_eq!(
                codes(&on(style)).join(";"),
                codes(&anstyle).join(";"),
                "{style:?}"
            );
        }
        assert_eq!(paint(ERROR, "error:"), "\x1b[1;31merror:\x1b[0m");
        assert_eq!(off(Style::new()), "");
    }
}
