//! No string of a content holds a character that could drive a terminal or
//! hide what a reader sees (`text::is_hidden`): a content file is shared
//! between people, and what it holds is printed to their terminals, pasted
//! into their documents and read by their scripts.

use std::ops::Range;

use crate::diagnostic::Problem;
use crate::model::{Record, Records, Text};
use crate::text::{is_bidi_control, is_hidden};

/// The fields that hold prose, which may run over several lines and hold
/// tabs: a source's text and standing, a clause's text, a quote, a description.
const PROSE: [&str; 4] = ["text", "standing", "quote", "description"];

/// Checks every string of every record but ids and aliases (whose own rule,
/// in `index`, is stricter).
pub fn check_characters(raw: &Records, text: &str, problems: &mut Vec<Problem>) {
    each_kind(&raw.sources, text, problems);
    each_kind(&raw.pillars, text, problems);
    each_kind(&raw.domains, text, problems);
    each_kind(&raw.clauses, text, problems);
    each_kind(&raw.aims, text, problems);
}

fn each_kind<'a, R: Record<'a>>(records: &[R], text: &str, problems: &mut Vec<Problem>) {
    let kind = R::KIND.name;
    for record in records {
        let words: Vec<*const Text> = record
            .keys()
            .filter(|(_, key)| key.is_word())
            .map(|(value, _)| std::ptr::from_ref(value))
            .collect();
        record.each_text(&mut |field, value| {
            if words.contains(&std::ptr::from_ref(value)) {
                return;
            }
            if let Some((at, c)) = hidden(value, PROSE.contains(&field)) {
                problems.push(
                    Problem::new(place(value, at, text), format!(
                        "the {field} holds {}, which is not shown but acts on the text around it",
                        describe(c)
                    ))
                    .in_record(kind, Some(record.id()))
                    .hint(
                        "content strings may not hold control, bidirectional or zero-width characters: delete it (prose may hold line breaks and tabs)",
                    ),
                );
            }
        });
    }
}

/// The first hidden character of `value` and its byte offset; in prose, line
/// feeds, tabs and a carriage return before a line feed are allowed.
fn hidden(value: &str, prose: bool) -> Option<(usize, char)> {
    // Only these bytes start a hidden character in UTF-8 (C0 and DEL; C1 is
    // C2 xx; U+061C is D8 9C; the U+2xxx marks E2 xx xx; U+FEFF and U+FFF9 to
    // U+FFFB EF xx xx): a plain scan finds the first that may, and most
    // strings (a whole source text, a 50 MB quote) have none.
    let first = value
        .bytes()
        .position(|b| b < 0x20 || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2 | 0xef))?;
    let mut chars = value[first..]
        .char_indices()
        .map(|(at, c)| (first + at, c))
        .peekable();
    while let Some((at, c)) = chars.next() {
        let allowed = prose
            && (matches!(c, '\n' | '\t')
                || (c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n')));
        if is_hidden(c) && !allowed {
            return Some((at, c));
        }
    }
    None
}

/// Where the character at `at` of `value` stands in the file: exactly where
/// the value is the file's own text, else (an escape was decoded) the value's start.
fn place(value: &Text, at: usize, text: &str) -> Range<usize> {
    let start = (value.value.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    if matches!(value.value, std::borrow::Cow::Borrowed(_)) && start <= text.len() {
        let c = value[at..].chars().next().map_or(1, char::len_utf8);
        start + at..start + at + c
    } else {
        value.span.clone()
    }
}

/// A hidden character as a message names it: its code point, and what it is.
pub fn describe(c: char) -> String {
    let what = match c {
        '\u{1b}' => "an escape, which starts terminal control sequences",
        '\u{7}' => "a bell",
        '\r' => "a carriage return, which overwrites the line",
        '\n' => "a line break",
        '\t' => "a tab",
        '\u{80}'..='\u{9f}' => "a C1 control character",
        c if c.is_control() => "a control character",
        c if is_bidi_control(c) => {
            "a bidirectional control, which changes the order text is shown in"
        }
        '\u{2028}' | '\u{2029}' => "a line or paragraph separator",
        _ => "a zero-width character",
    };
    format!("U+{:04X} ({what})", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_may_hold_line_breaks_and_tabs_but_nothing_else_hidden() {
        assert_eq!(hidden("a\nb\tc\r\nd", true), None);
        assert_eq!(hidden("a\nb", false), Some((1, '\n')));
        assert_eq!(hidden("ab\r", true), Some((2, '\r')));
        assert_eq!(hidden("a\rb", true), Some((1, '\r')));
        assert_eq!(hidden("é\u{1b}[2J", true), Some((2, '\u{1b}')));
        assert_eq!(hidden("ok \u{200b}", false), Some((3, '\u{200b}')));
        assert_eq!(hidden("plain “text” İ", false), None);
        // Past characters whose first byte may start a hidden one, and are not.
        assert_eq!(hidden("é ¡ ؛ – \u{fffc}\u{a0}", false), None);
        assert_eq!(hidden("€\u{feff}", false), Some((3, '\u{feff}')));
        assert_eq!(hidden("\u{85}", false), Some((0, '\u{85}')));
    }

    #[test]
    fn a_hidden_character_is_named_by_its_code_point_and_kind() {
        assert_eq!(
            describe('\u{1b}'),
            "U+001B (an escape, which starts terminal control sequences)"
        );
        assert_eq!(describe('\u{9b}'), "U+009B (a C1 control character)");
        assert_eq!(describe('\0'), "U+0000 (a control character)");
        assert_eq!(
            describe('\u{202e}'),
            "U+202E (a bidirectional control, which changes the order text is shown in)"
        );
        assert_eq!(describe('\u{feff}'), "U+FEFF (a zero-width character)");
        assert_eq!(
            describe('\u{2028}'),
            "U+2028 (a line or paragraph separator)"
        );
        assert_eq!(describe('\u{7}'), "U+0007 (a bell)");
        assert_eq!(
            describe('\r'),
            "U+000D (a carriage return, which overwrites the line)"
        );
        assert_eq!(describe('\n'), "U+000A (a line break)");
        assert_eq!(describe('\t'), "U+0009 (a tab)");
    }

    #[test]
    fn a_place_is_exact_in_the_files_own_text_else_the_values_start() {
        let text = "title = 'ab\u{1b}c'";
        let at = text.find('a').unwrap();
        let borrowed = Text::new(at - 1..text.len(), &text[at..text.len() - 1]);
        assert_eq!(place(&borrowed, 2, text), at + 2..at + 3);
        let owned = Text::new(8..text.len(), String::from("ab\u{1b}c"));
        assert_eq!(place(&owned, 2, text), 8..text.len());
    }
}
