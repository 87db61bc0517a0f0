//! The SPA's figures (issue 7): the release module's size gzipped, and
//! how soon the home page is interactive in headless Chromium on
//! localhost. Both are printed (`cargo nextest run -p stages-e2e --test
//! spa_figures --no-capture`); the size goal is checked, the time is
//! measured only (timings vary with the machine).

use stages_e2e::{Browser, Server, web_dir};
use std::process::Command;

/// The release build's goal: at most 1 MB gzipped.
const WASM_GZIP_GOAL_BYTES: usize = 1_000_000;

fn gzipped_size(path: &std::path::Path) -> usize {
    let output = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("gzip: {e}"));
    assert!(output.status.success(), "gzip {} failed", path.display());
    output.stdout.len()
}

#[test]
fn the_release_module_is_under_one_megabyte_gzipped() {
    let dist = web_dir();
    let wasm = std::fs::read_dir(&dist)
        .unwrap_or_else(|e| panic!("{}: {e}", dist.display()))
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|e| e == "wasm"))
        .unwrap_or_else(|| panic!("no .wasm in {}", dist.display()));
    let bytes = std::fs::read(&wasm).unwrap_or_else(|e| panic!("{}: {e}", wasm.display()));
    let gzipped = gzipped_size(&wasm);
    println!(
        "SPA module: {} bytes, {} bytes gzipped (gzip -9)",
        bytes.len(),
        gzipped
    );
    assert!(
        gzipped <= WASM_GZIP_GOAL_BYTES,
        "{} bytes gzipped, above the goal of {WASM_GZIP_GOAL_BYTES}",
        gzipped
    );
}

/// Reloads the home page and returns, in milliseconds after the start of
/// the navigation, when its welcome text was painted (Element Timing) and
/// when the page had its menus and language switch (detected from the
/// page; an upper bound).
async fn home_page_times(browser: &Browser, server: &Server) -> (f64, f64) {
    browser.open(server, "/").await;
    let result = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const ready = () => document.querySelector('.side-menu a') && document.querySelector('#lang-switch');\
             const painted = () => new Promise(resolve => {\
               setTimeout(() => resolve(-1), 2000);\
               new PerformanceObserver(list => {\
                 const entry = list.getEntries().find(e => e.identifier === 'home');\
                 if (entry) resolve(entry.renderTime || entry.loadTime);\
               }).observe({type: 'element', buffered: true});\
             });\
             const poll = () => ready() ? painted().then(p => done([p, performance.now()]))\
                                        : requestAnimationFrame(poll);\
             poll();",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("measure the home page: {e}"));
    serde_json::from_value(result).unwrap_or_else(|e| panic!("home page times: {e}"))
}

#[tokio::test]
async fn the_home_page_time_to_interactive() {
    let server = Server::start();
    let browser = Browser::start().await;
    // A first visit, nothing cached: the sign-in page, which loads the
    // whole module as the home page does.
    browser.open(&server, "/login").await;
    let cold = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             const poll = () => document.querySelector('#login-submit')\
                 ? done(performance.now()) : requestAnimationFrame(poll);\
             poll();",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("measure the sign-in page: {e}"));
    println!(
        "sign-in page, first visit: interactive by {:.0} ms (upper bound)",
        cold.as_f64().unwrap_or_default()
    );
    // The module came compressed as built (brotli), not as it is on disk.
    let module = browser
        .client
        .execute(
            "const e = performance.getEntriesByType('resource').find(r => r.name.endsWith('.wasm'));\
             return e ? [e.encodedBodySize, e.decodedBodySize] : null;",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("the module's transfer: {e}"));
    let (encoded, decoded): (f64, f64) =
        serde_json::from_value(module).unwrap_or_else(|e| panic!("the module's sizes: {e}"));
    println!("SPA module over the wire: {encoded:.0} bytes for {decoded:.0}");
    assert!(
        encoded > 0.0 && encoded <= WASM_GZIP_GOAL_BYTES as f64 && encoded < decoded / 3.0,
        "the module is sent compressed: {encoded} bytes for {decoded}"
    );
    browser.sign_in(&server, "etudiant").await;
    let mut painted = Vec::new();
    let mut interactive = Vec::new();
    for _ in 0..5 {
        let (p, i) = home_page_times(&browser, &server).await;
        painted.push(p);
        interactive.push(i);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "home page, signed in, 5 reloads: welcome painted at {:.0} ms (median), \
         interactive by {:.0} ms (median, upper bound), slowest {:.0} ms",
        median(&mut painted),
        median(&mut interactive),
        interactive.iter().copied().fold(0.0, f64::max)
    );
    browser.close().await;
}
