//! One agreement as PDF: how long it takes (goal: 50 ms in release) and
//! how much it weighs (goal: 300 KB).
//!
//! `cargo bench -p stages-api --bench pdf`

// Shared with the tests, which use more of it.
#[allow(dead_code)]
#[path = "../tests/documents/fixture.rs"]
mod fixture;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use stages_api::documents::render_convention;
use stages_domain::model::AgreementLanguage;

fn convention_pdf(c: &mut Criterion) {
    let document = fixture::convention_document(AgreementLanguage::Fr, fixture::demo_convention());
    match render_convention(&document) {
        Ok(pdf) => eprintln!("demo convention PDF: {} bytes", pdf.len()),
        Err(error) => eprintln!("demo convention PDF failed: {error}"),
    }
    c.bench_function("convention_pdf", |b| {
        b.iter(|| render_convention(black_box(&document)))
    });
}

criterion_group!(benches, convention_pdf);
criterion_main!(benches);
