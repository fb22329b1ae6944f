//! What a content's strings may hold, and how any text that `aims` did not
//! write itself reaches a terminal: the one definition of a character that
//! could drive a terminal or hide what a reader sees, used by the checks (to
//! refuse it) and by every printer and message (to show it as an escape).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is invisible or acts on the text around it rather than being
/// read: a control character (C0, DEL, C1: escape sequences, bells, a
/// carriage return that overwrites a line), a bidirectional control (text that
/// reads in another order than it is stored, as in "Trojan Source"), a
/// zero-width character (two keys that look the same but differ), or a line
/// or paragraph separator other than a line feed.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(
            c,
            // Zero-width space, non-joiner and joiner; word joiner and the
            // invisible operators; the byte-order mark (zero-width no-break space).
            |'\u{200b}'..='\u{200d}'| '\u{2060}'
                ..='\u{2064}' | '\u{feff}'
            // Line and paragraph separators; interlinear annotation marks.
            | '\u{2028}' | '\u{2029}' | '\u{fff9}'..='\u{fffb}'
        )
}

/// Whether `c` is a bidirectional mark, embedding, override or isolate.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` may stand in an id or an alias, which people type on the
/// command line and which completion scripts offer to shells: a letter of
/// any script, a digit, `-` or `.`. Nothing a shell reads as syntax, nothing
/// a comma-separated list splits on, nothing invisible.
pub fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

/// A text in lower case, as search and the filters compare words: Turkish
/// dotted `İ` is `i` (`İstanbul` is found by `istanbul`), where Rust's lower
/// case of it is `i` and a combining dot above (U+0307) that nobody types;
/// that dot after an `i` (`I` and the dot, written apart) goes too.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if !(c == '\u{307}' && folded.ends_with('i')) {
            folded.push(c);
        }
    }
    folded
}

/// A key (an id, alias or name) as lookup compares it: its letters and digits
/// in lower case as search folds them (`Shared_History`, `shared history` and
/// `sharedhistory` are one; `u.n.` is `un`; `İstanbul` is `istanbul`). The
/// checks compare keys for uniqueness the same way, so that a value a user
/// types names one record.
pub fn fold_key(value: &str) -> String {
    fold(value)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// `text` as it may be printed for a person: every hidden character shown as
/// an escape (`\u{1b}`, `\r`), but the line feeds and tabs that prose may hold (a
/// carriage return before a line feed is dropped: a line ends either way).
/// Borrowed when there is nothing to escape, as there never is in a checked
/// content: this is the second line of defence, for what the checks missed
/// and for text from elsewhere (paths, environment variables).
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\n' || c == '\t')
}

/// `text` with every hidden character shown as an escape, line feeds and tabs
/// too: for one-line messages, where a value must not start a line of its own.
pub fn escaped(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// JSON that `serde_json` wrote, with every hidden character it leaves raw
/// (DEL, C1, bidirectional and zero-width characters) written as a `\uXXXX`
/// escape, which reads back as the same string: a JSON listing printed on a
/// terminal cannot drive it either. Hidden characters stand only inside
/// strings (JSON's own syntax is ASCII, and `serde_json` escapes every C0
/// control in a string, so a raw line feed or tab is layout), so each can be
/// replaced where it is.
pub fn json_safe(json: &str) -> Cow<'_, str> {
    let raw = |c: char| is_hidden(c) && !matches!(c, '\n' | '\t' | '\r');
    if !json.chars().any(raw) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if raw(c) {
            // Every hidden character is in the Basic Multilingual Plane.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text as HTML reads it back, in an element or an attribute: `& < > "`
/// and `'` as references.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text as markdown shows it as written: every character that markdown
/// (GitHub's, pandoc's) could read as syntax (emphasis, code, links, HTML, a
/// table's `|`, an entity, a heading, math) escaped with a backslash, which
/// `CommonMark` allows before any ASCII punctuation.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_markdown_syntax(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether markdown could read `c` as syntax (see `markdown_text`).
pub fn is_markdown_syntax(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' | '$'
    )
}

fn escape(text: &str, kept: impl Fn(char) -> bool) -> Cow<'_, str> {
    let shown = |c: char| !is_hidden(c) || kept(c);
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') && kept('\n') {
            continue;
        }
        if shown(c) {
            out.push(c);
        } else {
            out.extend(c.escape_default());
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_what_would_be_markup() {
        assert_eq!(
            html_text("<b>\"A\" & 'B'</b>"),
            "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn hidden_characters_are_controls_bidi_and_zero_width() {
        for c in [
            '\0', '\u{7}', '\u{1b}', '\r', '\n', '\t', '\u{7f}', '\u{80}', '\u{9b}', '\u{9f}',
            '\u{61c}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}',
            '\u{202e}', '\u{2066}', '\u{2069}', '\u{2060}', '\u{2064}', '\u{feff}', '\u{2028}',
            '\u{2029}', '\u{fff9}', '\u{fffb}',
        ] {
            assert!(is_hidden(c), "{c:?}");
        }
        for c in [
            ' ', 'a', 'İ', 'ı', 'é', '\u{301}', '中', '-', '…', '“', '\u{a0}', '\u{201f}',
            '\u{2065}', '\u{206a}', '\u{2027}', '\u{202f}', '\u{fffc}', '\u{fff8}', '\u{60b}',
            '\u{61d}',
        ] {
            assert!(!is_hidden(c), "{c:?}");
        }
    }

    #[test]
    fn keys_are_letters_digits_hyphens_and_points() {
        for key in [
            "combat-terrorism",
            "2.7",
            "İstanbul",
            "qazaqşa",
            "中文",
            "x1",
        ] {
            assert!(key.chars().all(is_key_char), "{key}");
        }
        for c in [
            '$', '(', ')', '`', '"', '\'', ';', '&', '|', ',', ' ', '\\', '/', '_', '*', '<', '{',
            '\u{200b}', '\u{1b}', '\u{301}',
        ] {
            assert!(!is_key_char(c), "{c:?}");
        }
    }

    #[test]
    fn keys_fold_to_their_letters_and_digits_in_lower_case() {
        assert_eq!(fold_key("Shared_History"), "sharedhistory");
        assert_eq!(fold_key("shared history"), "sharedhistory");
        assert_eq!(fold_key("a-b"), fold_key("ab"));
        assert_eq!(fold_key("U.N."), "un");
        assert_eq!(fold_key("-."), "");
        assert_eq!(fold_key("İstanbul"), fold_key("istanbul"));
        assert_eq!(fold_key("İx"), fold_key("ix"));
    }

    #[test]
    fn visible_text_escapes_what_would_drive_a_terminal() {
        assert!(matches!(visible("plain “text”\n\tok"), Cow::Borrowed(_)));
        assert_eq!(
            visible("a\u{1b}]0;x\u{7}b\u{9b}2J\rc"),
            "a\\u{1b}]0;x\\u{7}b\\u{9b}2J\\rc"
        );
        assert_eq!(visible("line\r\nnext"), "line\nnext");
        assert_eq!(
            visible("\u{202e}cod\u{200b}e\u{feff}"),
            "\\u{202e}cod\\u{200b}e\\u{feff}"
        );
        assert_eq!(escaped("a\nb\tc\r\n"), "a\\nb\\tc\\r\\n");
        assert!(matches!(escaped("fine"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escapes_what_serde_json_leaves_raw_and_reads_back_the_same() {
        let value = "a\u{7f}b\u{9b}c\u{202e}d\u{200b}e “f” İ";
        let json = serde_json::to_string(&value).unwrap();
        let safe = json_safe(&json);
        assert_eq!(safe, r#""a\u007fb\u009bc\u202ed\u200be “f” İ""#);
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), value);
        assert!(matches!(json_safe("[\n\t\"plain\"\r\n]"), Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_text_escapes_what_markdown_reads_as_syntax() {
        assert_eq!(
            markdown_text("*a* <b>x</b> [x](y) `c` a|b _u_ r&d #1 ~s~ !$"),
            r"\*a\* \<b\>x\</b\> \[x\](y) \`c\` a\|b \_u\_ r\&d \#1 \~s\~ \!\$"
        );
        assert_eq!(markdown_text(r"a\b, (c). “d”"), r"a\\b, (c). “d”");
    }
}
