//! The browser's screens as snapshots (ratatui's `TestBackend`, insta), and
//! its keys. The content is the test fixture, so that the screens do not move
//! when the built-in content grows.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

use super::{Browser, Outcome, View, Way, draw};
use crate::content::{self, Origin};
use crate::model::Content;
use crate::query::{self, Filters, Query};

fn fixture() -> Content<'static> {
    let origin = Origin::File {
        path: "tests/data/valid.toml".into(),
        from_env: false,
    };
    content::load(&origin).expect("the fixture loads")
}

fn browser<'c>(content: &'c Content<'c>, filters: &Filters, print: bool) -> Browser<'c> {
    let query = Query::resolve(content, filters, &[]).expect("filters resolve");
    Browser::new(content, query::select(content, &query), print)
}

fn press(browser: &mut Browser, keys: &[KeyCode]) -> Outcome {
    let mut outcome = Outcome::Stay;
    for &code in keys {
        outcome = browser.key(KeyEvent::from(code));
    }
    outcome
}

fn typed(browser: &mut Browser, text: &str) {
    for c in text.chars() {
        press(browser, &[KeyCode::Char(c)]);
    }
}

fn ctrl(browser: &mut Browser, c: char) -> Outcome {
    browser.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn screen(browser: &mut Browser, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|frame| draw(frame, browser)).expect("drawn");
    terminal
}

fn ids<'b>(browser: &'b Browser) -> Vec<&'b str> {
    browser
        .shown
        .iter()
        .map(|hit| &*browser.content.aims[hit.aim].id)
        .collect()
}

#[test]
fn the_list_at_80x24() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    insta::assert_snapshot!(screen(&mut browser, 80, 24).backend());
}

#[test]
fn typing_narrows_the_list_best_first_and_marks_the_words() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    typed(&mut browser, "peace sec");
    assert_eq!(ids(&browser), ["global-peace"]);
    let terminal = screen(&mut browser, 80, 24);
    insta::assert_snapshot!(terminal.backend());
    // "peace" and "security" are marked in the title: bold yellow.
    let buffer = terminal.backend().buffer();
    let row = 1;
    let marked: String = (0..80)
        .map(|x| &buffer[(x, row)])
        .filter(|cell| cell.fg == Color::Yellow && cell.modifier.contains(Modifier::BOLD))
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert_eq!(marked, "peacesecurity");
    // Deleting a letter widens it again; Ctrl-U clears.
    press(
        &mut browser,
        &[KeyCode::Backspace, KeyCode::Backspace, KeyCode::Backspace],
    );
    assert_eq!(browser.typed, "peace ");
    assert!(browser.shown.len() > 1);
    ctrl(&mut browser, 'u');
    assert_eq!(browser.shown.len(), content.aims.len());
}

#[test]
fn a_picker_narrows_by_domain_and_x_clears() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    press(&mut browser, &[KeyCode::Tab, KeyCode::Char('d')]);
    assert_eq!(browser.view, View::Picker { facet: 1, row: 0 });
    insta::assert_snapshot!(screen(&mut browser, 80, 24).backend());
    let security = content
        .domains
        .iter()
        .position(|d| &*d.id == "security")
        .expect("security");
    for _ in 0..=security {
        press(&mut browser, &[KeyCode::Down]);
    }
    press(&mut browser, &[KeyCode::Enter]);
    assert_eq!(browser.view, View::List);
    assert_eq!(browser.picked, [None, Some(security), None]);
    let all_security = browser.shown.len();
    assert!(all_security < content.aims.len());
    press(&mut browser, &[KeyCode::Char('x')]);
    assert_eq!(browser.picked, [None; 3]);
    assert_eq!(browser.shown.len(), content.aims.len());
}

#[test]
fn enter_opens_the_aim_in_full_and_esc_goes_back_then_quits() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    typed(&mut browser, "law");
    assert_eq!(press(&mut browser, &[KeyCode::Enter]), Outcome::Stay);
    assert_eq!(browser.view, View::Detail { scroll: 0 });
    insta::assert_snapshot!(screen(&mut browser, 80, 24).backend());
    assert_eq!(press(&mut browser, &[KeyCode::Esc]), Outcome::Stay);
    assert_eq!((browser.view.clone(), browser.typing), (View::List, true));
    assert_eq!(press(&mut browser, &[KeyCode::Esc]), Outcome::Stay);
    assert!(!browser.typing);
    assert_eq!(press(&mut browser, &[KeyCode::Esc]), Outcome::Quit);
}

#[test]
fn q_types_while_typing_and_quits_otherwise() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    assert_eq!(press(&mut browser, &[KeyCode::Char('q')]), Outcome::Stay);
    assert_eq!(browser.typed, "q");
    press(&mut browser, &[KeyCode::Tab]);
    assert_eq!(press(&mut browser, &[KeyCode::Char('q')]), Outcome::Quit);
    let mut browser = self::browser(&content, &Filters::default(), false);
    assert_eq!(ctrl(&mut browser, 'c'), Outcome::Quit);
}

#[test]
fn enter_prints_the_aim_when_stdout_is_not_a_terminal() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), true);
    typed(&mut browser, "customs");
    let Outcome::Print(hit) = press(&mut browser, &[KeyCode::Enter]) else {
        panic!("Enter prints");
    };
    assert_eq!(&*content.aims[hit.aim].id, ids(&browser)[0]);
}

#[test]
fn the_copy_key_copies_the_quote_with_its_reference() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    typed(&mut browser, "customs");
    let Outcome::Copy(copy) = ctrl(&mut browser, 'y') else {
        panic!("Ctrl-Y copies");
    };
    let aim = &content.aims[browser.shown[0].aim];
    assert_eq!(copy.id, &*aim.id);
    // The quote first, as `aims cite ID` prints it: no id line to delete.
    assert!(
        copy.text.starts_with(&format!("“{}”", aim.quote)),
        "{}",
        copy.text
    );
    assert!(copy.text.contains("\nWorks Cited\n"), "{}", copy.text);
    assert!(
        copy.html.starts_with(&format!("<p>“{}”", aim.quote)) && copy.html.contains("<i>"),
        "{}",
        copy.html
    );
    // Nothing is said until the copy is made; then where it went.
    assert_eq!(browser.status, None);
    browser.copied(&copy, Way::System);
    assert_eq!(
        browser.status.as_deref(),
        Some(
            format!(
                "copied {}'s quote and MLA reference, as text and HTML",
                aim.id
            )
            .as_str()
        )
    );
    browser.copied(&copy, Way::Terminal);
    let status = browser.status.clone().expect("a status");
    assert!(
        status.starts_with(&format!("sent {} to the terminal's clipboard", aim.id))
            && !status.contains("copied"),
        "{status}"
    );
    // The next key clears it.
    press(&mut browser, &[KeyCode::Down]);
    assert_eq!(browser.status, None);
}

#[test]
fn the_command_line_filters_hold_under_the_search() {
    let content = fixture();
    let filters = Filters {
        domain: vec!["security".into()],
        ..Filters::default()
    };
    let mut browser = browser(&content, &filters, false);
    let base = browser.shown.len();
    assert!(base < content.aims.len());
    typed(&mut browser, "s");
    assert!(browser.shown.len() <= base);
    ctrl(&mut browser, 'u');
    assert_eq!(browser.shown.len(), base);
}

#[test]
fn without_colour_the_screen_keeps_bold_and_reverse_only() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    typed(&mut browser, "peace");
    browser.color = false;
    let terminal = screen(&mut browser, 80, 24);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|cell| cell.fg == Color::Reset && cell.bg == Color::Reset)
    );
    assert!(
        buffer
            .content
            .iter()
            .any(|cell| cell.modifier.contains(Modifier::BOLD))
    );
    assert!(
        buffer
            .content
            .iter()
            .any(|cell| cell.modifier.contains(Modifier::REVERSED))
    );
    browser.color = true;
    let terminal = screen(&mut browser, 80, 24);
    assert!(
        terminal
            .backend()
            .buffer()
            .content
            .iter()
            .any(|cell| cell.fg == Color::Yellow)
    );
}

#[test]
fn a_small_terminal_of_60x20() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    press(&mut browser, &[KeyCode::Down, KeyCode::Tab]);
    insta::assert_snapshot!(screen(&mut browser, 60, 20).backend());
}

#[test]
fn a_wide_terminal_shows_the_aim_beside_the_list() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    insta::assert_snapshot!(screen(&mut browser, 160, 30).backend());
}

#[test]
fn the_list_scrolls_to_keep_the_selection_on_screen() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    press(&mut browser, &[KeyCode::End]);
    let terminal = screen(&mut browser, 60, 12);
    let last = &content.aims[content.aims.len() - 1].id;
    let shown = format!("{}", terminal.backend());
    assert!(shown.contains(&**last), "{shown}");
    // 12 rows: the top line, 5 of the list, the aim, the keys.
    assert_eq!(browser.offset, content.aims.len() - 5);
    press(&mut browser, &[KeyCode::Up; 5]);
    screen(&mut browser, 60, 12);
    assert_eq!(browser.offset, content.aims.len() - 6);
    press(&mut browser, &[KeyCode::Home]);
    screen(&mut browser, 60, 12);
    assert_eq!(browser.offset, 0);
}

#[test]
fn the_aim_alone_scrolls_no_further_than_its_end() {
    let content = fixture();
    let mut browser = browser(&content, &Filters::default(), false);
    press(&mut browser, &[KeyCode::Enter]);
    press(&mut browser, &[KeyCode::PageDown; 10]);
    let shown = format!("{}", screen(&mut browser, 60, 12).backend());
    let View::Detail { scroll } = browser.view else {
        panic!("the aim alone");
    };
    assert!(scroll > 0 && scroll < 20, "{scroll}");
    // Its last line is on the screen's last row above the keys.
    let rows: Vec<&str> = shown.lines().collect();
    assert!(!rows[10].trim_matches(['"', ' ']).is_empty(), "{shown}");
}

#[test]
fn list_keys_move_and_pickers_open_on_the_pick_and_stop_at_their_ends() {
    let content = fixture();
    let mut b = browser(&content, &Filters::default(), false);
    press(&mut b, &[KeyCode::Tab, KeyCode::Down, KeyCode::Down]);
    assert_eq!(b.selected, 2);
    // Wide enough, the keys are named in full.
    let shown = format!("{}", screen(&mut b, 80, 24).backend());
    assert!(shown.contains("p pillar  d domain  c clause"), "{shown}");
    press(
        &mut b,
        &[
            KeyCode::Char('d'),
            KeyCode::Down,
            KeyCode::Down,
            KeyCode::Enter,
        ],
    );
    assert_eq!(b.picked[1], Some(1));
    press(&mut b, &[KeyCode::Char('d')]);
    assert_eq!(b.view, View::Picker { facet: 1, row: 2 });
    let rows = b.records(1);
    press(&mut b, &[KeyCode::End, KeyCode::Down]);
    assert_eq!(
        b.view,
        View::Picker {
            facet: 1,
            row: rows
        }
    );
    press(&mut b, &[KeyCode::PageDown]);
    assert_eq!(
        b.view,
        View::Picker {
            facet: 1,
            row: rows
        }
    );
    // The rows reversed are the ones marked: the list's and the picker's.
    let terminal = screen(&mut b, 80, 24);
    let buffer = terminal.backend().buffer();
    let reversed: Vec<String> = (0..24)
        .map(|y| {
            (0..80)
                .map(|x| &buffer[(x, y)])
                .filter(|cell| cell.modifier.contains(Modifier::REVERSED))
                .map(ratatui::buffer::Cell::symbol)
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    assert_eq!(reversed.len(), 2, "{reversed:?}");
    assert!(
        reversed.iter().all(|row| row.starts_with("> ")),
        "{reversed:?}"
    );
}

#[test]
fn each_pick_shows_what_the_same_filter_of_list_selects_and_the_picker_counts_it() {
    let content = fixture();
    let ids_of = |facet: usize, record: usize| -> String {
        match facet {
            0 => content.pillars[record].id.to_string(),
            1 => content.domains[record].id.to_string(),
            _ => content.clauses[record].id.to_string(),
        }
    };
    for (facet, key) in [(0, 'p'), (1, 'd'), (2, 'c')] {
        let mut browser = browser(&content, &Filters::default(), false);
        let records = browser.records(facet);
        let counts = browser.choices(facet);
        assert_eq!(counts.len(), records);
        for (record, &count) in counts.iter().enumerate() {
            press(
                &mut browser,
                &[KeyCode::Esc, KeyCode::Char('x'), KeyCode::Char(key)],
            );
            for _ in 0..=record {
                press(&mut browser, &[KeyCode::Down]);
            }
            press(&mut browser, &[KeyCode::Enter]);
            let id = ids_of(facet, record);
            let mut filters = Filters::default();
            match facet {
                0 => filters.pillar = vec![id.clone()],
                1 => filters.domain = vec![id.clone()],
                _ => filters.clause = vec![id.clone()],
            }
            let query = Query::resolve(&content, &filters, &[]).expect("an id");
            let expected: Vec<&str> = query::select(&content, &query)
                .iter()
                .map(|hit| &*content.aims[hit.aim].id)
                .collect();
            assert_eq!(ids(&browser), expected, "{key} {id}");
            assert_eq!(count, expected.len(), "the picker's count for {id}");
        }
        // The last row is the last record.
        press(
            &mut browser,
            &[
                KeyCode::Esc,
                KeyCode::Char(key),
                KeyCode::End,
                KeyCode::Enter,
            ],
        );
        assert_eq!(browser.picked[facet], Some(records - 1));
    }
}

#[test]
fn the_keys_of_each_view() {
    use KeyCode::{Down, End, Enter, Esc, Home, PageDown, PageUp, Up};
    let content = fixture();
    let last = content.aims.len() - 1;
    let mut b = browser(&content, &Filters::default(), false);
    // The list, typing: arrows and pages move; letters type, Ctrl-letters do not.
    for (keys, selected) in [
        (&[Down][..], 1),
        (&[Up], 0),
        (&[PageDown], last),
        (&[PageUp], 0),
        (&[End], last),
        (&[Home], 0),
    ] {
        press(&mut b, keys);
        assert_eq!(b.selected, selected, "{keys:?}");
    }
    typed(&mut b, "y peace sec");
    assert_eq!(b.typed, "y peace sec");
    ctrl(&mut b, 'a');
    assert_eq!(b.typed, "y peace sec");
    ctrl(&mut b, 'w');
    assert_eq!(b.typed, "y peace ");
    ctrl(&mut b, 'u');
    assert_eq!(b.typed, "");
    // The list, not typing: j k g G, / i Tab type again, Enter opens, y copies.
    press(&mut b, &[KeyCode::Tab]);
    for (key, selected) in [('j', 1), ('j', 2), ('k', 1), ('G', last), ('g', 0)] {
        press(&mut b, &[KeyCode::Char(key)]);
        assert_eq!(b.selected, selected, "{key}");
    }
    for key in [KeyCode::Char('/'), KeyCode::Char('i'), KeyCode::Tab] {
        assert!(!b.typing);
        press(&mut b, &[key]);
        assert!(b.typing, "{key:?}");
        press(&mut b, &[KeyCode::Tab]);
    }
    assert!(matches!(
        press(&mut b, &[KeyCode::Char('y')]),
        Outcome::Copy(_)
    ));
    press(&mut b, &[Enter]);
    assert_eq!(b.view, View::Detail { scroll: 0 });
    // The aim alone: arrows, pages, space, g scroll; y copies; q quits.
    for (key, scroll) in [
        (Down, 1),
        (KeyCode::Char('j'), 2),
        (Up, 1),
        (KeyCode::Char('k'), 0),
        (PageDown, 10),
        (PageUp, 0),
        (KeyCode::Char(' '), 10),
        (KeyCode::Char('g'), 0),
    ] {
        press(&mut b, &[key]);
        assert_eq!(b.view, View::Detail { scroll }, "{key:?}");
    }
    assert!(matches!(
        press(&mut b, &[KeyCode::Char('y')]),
        Outcome::Copy(_)
    ));
    assert_eq!(press(&mut b, &[KeyCode::Char('q')]), Outcome::Quit);
    press(&mut b, &[Esc]);
    assert_eq!(b.view, View::List);
    // A picker: arrows, j k, pages, g G, Home End move; Esc leaves without a pick.
    press(&mut b, &[KeyCode::Char('c')]);
    let rows = b.records(2);
    for (key, row) in [
        (Down, 1),
        (KeyCode::Char('j'), 2),
        (Up, 1),
        (KeyCode::Char('k'), 0),
        (PageDown, 10.min(rows)),
        (PageUp, 0),
        (End, rows),
        (Home, 0),
        (KeyCode::Char('G'), rows),
        (KeyCode::Char('g'), 0),
    ] {
        press(&mut b, &[key]);
        assert_eq!(b.view, View::Picker { facet: 2, row }, "{key:?}");
    }
    press(&mut b, &[Down, Esc]);
    assert_eq!((b.view.clone(), b.picked), (View::List, [None; 3]));
    press(&mut b, &[KeyCode::Char('p')]);
    assert_eq!(press(&mut b, &[KeyCode::Char('q')]), Outcome::Quit);
}

#[test]
fn the_top_line_says_what_is_picked_and_where_the_cursor_is() {
    let content = fixture();
    let mut b = browser(&content, &Filters::default(), false);
    typed(&mut b, "peace");
    let mut terminal = screen(&mut b, 80, 24);
    terminal.backend_mut().assert_cursor_position((8 + 5, 0));
    press(&mut b, &[KeyCode::Tab, KeyCode::Char('p')]);
    let shown = format!("{}", screen(&mut b, 80, 24).backend());
    assert!(shown.contains(" pick a pillar "), "{shown}");
    press(
        &mut b,
        &[
            KeyCode::Down,
            KeyCode::Enter,
            KeyCode::Char('d'),
            KeyCode::Down,
        ],
    );
    press(&mut b, &[KeyCode::Enter]);
    let top = format!("{}", screen(&mut b, 80, 24).backend());
    let top = top.lines().next().unwrap_or_default();
    let pillar = &content.pillars[0].id;
    let domain = &content.domains[0].id;
    assert!(
        top.ends_with(&format!("· pillar: {pillar} · domain: {domain}\"")),
        "{top}"
    );
    assert!(top.starts_with("\"search: peace "), "{top}");
}

#[test]
fn an_aim_that_came_through_a_narrower_domain_says_which() {
    let content = fixture();
    let filters = Filters {
        domain: vec!["economy".into()],
        ..Filters::default()
    };
    let mut b = browser(&content, &filters, false);
    let at = b
        .shown
        .iter()
        .position(|hit| !hit.via.is_empty())
        .expect("an aim through trade");
    for _ in 0..at {
        press(&mut b, &[KeyCode::Down]);
    }
    let shown = format!("{}", screen(&mut b, 80, 24).backend());
    assert!(
        shown.contains("Domains: Trade and investment (via trade)"),
        "{shown}"
    );
}
