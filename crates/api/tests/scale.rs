//! The benchmark volume loads on both backends and is searchable like
//! records entered by hand.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::As;
use diesel::prelude::*;
use stages_api::db::schema::{conventions, organisations, students};

async fn a_generated_volume_is_consistent_and_searchable(app: &TestApp) {
    let mut conn = app.pool.get().unwrap();
    let before: i64 = conventions::table.count().get_result(&mut conn).unwrap();
    assert_eq!(stages_cli::scale::seed(&mut conn, 120).unwrap(), 120);
    // A second run adds to the first without colliding.
    stages_cli::scale::seed(&mut conn, 30).unwrap();
    let count = |conn: &mut stages_api::db::AnyConnection| -> (i64, i64, i64) {
        (
            conventions::table.count().get_result(conn).unwrap(),
            organisations::table.count().get_result(conn).unwrap(),
            students::table.count().get_result(conn).unwrap(),
        )
    };
    let (c, o, s) = count(&mut conn);
    assert_eq!(c - before, 150);
    assert!(o >= 150 && s >= 75);
    // The statistics count the load: every convention once by status, in
    // the whole university's counts.
    use stages_api::db::schema::statistics_counts as counts;
    let by_status: Vec<i64> = counts::table
        .filter(counts::centre_id.eq(0))
        .filter(counts::dimension.eq("status"))
        .select(counts::n)
        .load(&mut conn)
        .unwrap();
    assert_eq!(by_status.iter().sum::<i64>(), c);
    drop(conn);

    let admin = As::new(app, "admin").await;
    let (_, page) = admin.get("/api/conventions?q=martin&limit=5").await;
    // Words match by prefix: "martin" finds Martin and Martinez.
    for item in page["items"].as_array().unwrap() {
        let name = item["student_last_name"].as_str().unwrap_or_default();
        assert!(name.starts_with("Martin"), "{item}");
    }
    let (_, orgs) = admin.get("/api/organisations?name=societe&limit=3").await;
    assert!(!orgs["items"].as_array().unwrap().is_empty());
    // One published offer for ten hosts, found by a keyword of its title
    // and by its place.
    let (_, offers) = admin.get("/api/offers?q=stage&limit=50").await;
    let offers = offers["items"].as_array().unwrap();
    assert!(offers.len() >= 12, "{offers:?}");
    let city = offers[0]["offer"]["city"].as_str().unwrap();
    let (_, there) = admin
        .get(&format!("/api/offers?place={}", city.replace(' ', "%20")))
        .await;
    assert!(
        there["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["offer"]["city"] == city),
        "{there}"
    );
    // The generated conventions read back like any other.
    let id = page["items"][0]["id"].as_i64();
    if let Some(id) = id {
        let (status, conv) = admin.get(&format!("/api/conventions/{id}")).await;
        assert_eq!(status, reqwest::StatusCode::OK, "{conv}");
        assert!(conv["figures"]["effective_minutes"].as_i64().unwrap() > 0);
    }
}

on_both_backends!(a_generated_volume_is_consistent_and_searchable);
