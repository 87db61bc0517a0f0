//! One agreement as PDF: how long it takes (goal: 50 ms in release) and
//! how much it weighs (goal: 300 KB); sealing a signed agreement (goal:
//! 20 ms).
//!
//! `cargo bench -p stages-api --bench pdf`

// Shared with the tests, which use more of it.
#[allow(dead_code)]
#[path = "../tests/documents/fixture.rs"]
mod fixture;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use stages_api::documents::render_convention;
use stages_api::documents::seal::Seal;
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

/// The seal of a signed agreement (issue 17): the agreement with its
/// signature page, signed with the demo's P-256 key.
fn seal(c: &mut Criterion) {
    let document = fixture::convention_document(AgreementLanguage::Fr, fixture::demo_convention());
    let Ok(pdf) = render_convention(&document) else {
        eprintln!("demo convention PDF failed");
        return;
    };
    let Ok(seal) = Seal::generate("Université de démonstration") else {
        eprintln!("no seal");
        return;
    };
    match seal.seal(&pdf, "Convention", chrono::Utc::now()) {
        Ok(sealed) => eprintln!("sealed agreement: {} bytes", sealed.len()),
        Err(error) => eprintln!("sealing failed: {error}"),
    }
    c.bench_function("seal_agreement", |b| {
        b.iter(|| seal.seal(black_box(&pdf), "Convention", chrono::Utc::now()))
    });
}

criterion_group!(benches, convention_pdf, seal);
criterion_main!(benches);
