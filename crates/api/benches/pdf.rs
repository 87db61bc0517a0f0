//! One agreement as PDF, in subset fonts: how long it takes (goal: 50 ms in
//! release) and how much it weighs (goal: 100 KB); sealing a signed agreement (goal:
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

/// An agreement whose student and host are named in Polish, Vietnamese and
/// Chinese: three subset fonts, one of them CJK.
fn every_alphabet_pdf(c: &mut Criterion) {
    let mut convention = fixture::demo_convention();
    convention.student.student.first_name = "Łucja".into();
    convention.student.student.last_name = "Nguyễn".into();
    if let Some(organisation) = convention.organisation.as_mut() {
        organisation.name = "北京科技有限公司".into();
    }
    let document = fixture::convention_document(AgreementLanguage::Fr, convention);
    match render_convention(&document) {
        Ok(pdf) => eprintln!("every-alphabet convention PDF: {} bytes", pdf.len()),
        Err(error) => eprintln!("every-alphabet convention PDF failed: {error}"),
    }
    c.bench_function("convention_pdf_every_alphabet", |b| {
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

criterion_group!(benches, convention_pdf, every_alphabet_pdf, seal);
criterion_main!(benches);
