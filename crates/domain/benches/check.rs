//! Time to check one complete, realistic convention against every rule
//! (goal: under 20 µs), and one step of a draft as the wizard does on save.

#![allow(clippy::unwrap_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use stages_domain::model::WizardStep;
use stages_domain::rules::{self, CheckContext, CheckMode};
use std::hint::black_box;

fn check(c: &mut Criterion) {
    let convention = common::convention();
    let ctx = common::context();
    assert!(rules::check(&convention, &ctx).is_empty());
    c.bench_function("check complete convention", |b| {
        b.iter(|| rules::check(black_box(&convention), black_box(&ctx)))
    });
    let draft = CheckContext {
        mode: CheckMode::Draft,
        ..ctx
    };
    c.bench_function("check internship step of a draft", |b| {
        b.iter(|| {
            rules::check_step(
                WizardStep::Internship,
                black_box(&convention),
                black_box(&draft),
            )
        })
    });
}

criterion_group!(benches, check);
criterion_main!(benches);
