//! A keystroke of `aims browse` at 100,000 aims: the filter step (rank the
//! aims by the words typed) alone, and with the screen drawn. The content is
//! made by `benches/generate.py` (the built-in aims repeated under new ids).
//!
//!     cargo bench --bench browse

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use aims::browse::{Browser, draw};
use aims::content::{self, Origin};
use aims::query::{self, Filters, Query};
use aims::search::{self, Index, Terms};

const AIMS: usize = 100_000;

/// The generated content of `AIMS` aims, made once.
fn generated() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(format!("target/bench/aims-{AIMS}.toml"));
    if !path.exists() {
        let status = Command::new("python3")
            .arg(root.join("benches/generate.py"))
            .arg(AIMS.to_string())
            .arg(&path)
            .status()
            .expect("python3 runs benches/generate.py");
        assert!(status.success(), "generate.py failed");
    }
    path
}

fn keystroke(c: &mut Criterion) {
    let origin = Origin::File {
        path: generated(),
        from_env: false,
    };
    let content = content::load(&origin).expect("the generated content loads");
    let query = Query::resolve(&content, &Filters::default(), &[]).expect("no filters");
    let base = query::select(&content, &query);
    assert_eq!(base.len(), AIMS);

    let index = Index::new(&content);
    let all: Vec<usize> = (0..AIMS).collect();
    let mut group = c.benchmark_group("100k aims");
    for typed in ["t", "tra", "trade", "economic coop", "\"rule of law\""] {
        let terms = Terms::typed(typed).expect("words");
        group.bench_function(format!("filter {typed}"), |b| {
            b.iter(|| index.rank(&all, &terms));
        });
    }
    // The peer, in the same run: `aims search`'s ranking, which reads the
    // text each time.
    let terms = Terms::typed("trade").expect("words");
    group.bench_function(
        "filter trade, as aims search ranks (the text read again)",
        |b| {
            b.iter(|| search::rank(&content, &all, &terms));
        },
    );

    // A keystroke as the browser takes it: the filter, then the screen drawn.
    let mut browser = Browser::new(&content, base, false);
    for key in "trad".chars() {
        browser.key(KeyEvent::from(KeyCode::Char(key)));
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    group.bench_function("keystroke and draw (type e, then Backspace)", |b| {
        b.iter(|| {
            for code in [KeyCode::Char('e'), KeyCode::Backspace] {
                browser.key(KeyEvent::from(code));
                terminal
                    .draw(|frame| draw(frame, &mut browser))
                    .expect("drawn");
            }
        });
    });
    group.bench_function("index the content (once, when browse starts)", |b| {
        b.iter(|| Index::new(&content));
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = keystroke
}
criterion_main!(benches);
