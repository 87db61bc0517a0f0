//! Saves of one version sent at the same instant: exactly one wins, the
//! others get 412, and the winner's content is whole. On PostgreSQL the
//! transactions really run side by side, so a version check made apart
//! from the write would let several through (a lost update); SQLite is
//! checked too, as the embedded default.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, fill_a_convention, internship, validated, version};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::future::Future;
use std::sync::Arc;
use tokio::sync::Barrier;

/// How many clients save the same version at once.
const CLIENTS: usize = 8;

/// Builds every request, holds them all at a barrier, then lets them go
/// together; returns each one's status and body in order.
async fn at_once<F, Fut>(make: F) -> Vec<(StatusCode, Value)>
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = (StatusCode, Value)>,
{
    let barrier = Arc::new(Barrier::new(CLIENTS));
    let requests = (0..CLIENTS).map(|i| {
        let barrier = barrier.clone();
        let request = make(i);
        async move {
            barrier.wait().await;
            request.await
        }
    });
    futures_util::future::join_all(requests).await
}

/// A PUT that owns its path, so that each client's request can be built
/// apart from the others.
async fn put(who: &As<'_>, path: String, version: i64, body: Value) -> (StatusCode, Value) {
    who.put(&path, version, body).await
}

/// Exactly one success, every other answer a 412; the winner's index.
fn one_winner(results: &[(StatusCode, Value)], what: &str) -> usize {
    let winners: Vec<usize> = results
        .iter()
        .enumerate()
        .filter(|(_, (status, _))| status.is_success())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(winners.len(), 1, "{what}: one save must win: {results:?}");
    for (status, body) in results.iter().filter(|(s, _)| !s.is_success()) {
        assert_eq!(
            *status,
            StatusCode::PRECONDITION_FAILED,
            "{what}: the losers are told the version moved: {body}"
        );
    }
    winners[0]
}

async fn a_convention_step_saved_at_once_keeps_one_whole_change(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let path = format!("/api/conventions/{}/internship", conv["id"]);
    let subject = |i: usize| format!("Sujet numéro {i} : refonte de l'outil de suivi");
    let results = at_once(|i| {
        let mut body = internship();
        body["subject"] = json!(subject(i));
        body["leave_days"] = json!(i);
        student.put(&path, version(&conv), body)
    })
    .await;
    let winner = one_winner(&results, "internship step");
    let (_, after) = student
        .get(&format!("/api/conventions/{}", conv["id"]))
        .await;
    assert_eq!(version(&after), version(&conv) + 1);
    let saved = &after["content"]["internship"];
    assert_eq!(saved["subject"], json!(subject(winner)));
    assert_eq!(
        saved["leave_days"],
        json!(winner),
        "the winner's change is whole"
    );
}

/// The case the independent check found: two different steps of one
/// version, saved at once; before, both answered 200 and one was lost.
async fn two_steps_saved_at_once_do_not_lose_one(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let (_, before) = student.get(&format!("/api/conventions/{id}")).await;
    let student_step = json!({
        "address": {"street": "4 rue des Jardins", "postal_code": "25000", "city": "Besançon", "country": "FR"},
        "personal_email": "camille.martin@example.org",
        "mobile_phone": "06 99 88 77 66",
        "health_insurance": {"fund": "CPAM du Doubs"}
    });
    let digits = |v: &Value| v.as_str().unwrap_or_default().replace(' ', "");
    let mut internship_step = internship();
    internship_step["subject"] = json!("Un sujet changé en même temps");
    let results = at_once(|i| {
        if i.is_multiple_of(2) {
            put(
                &student,
                format!("/api/conventions/{id}/student"),
                version(&conv),
                student_step.clone(),
            )
        } else {
            put(
                &student,
                format!("/api/conventions/{id}/internship"),
                version(&conv),
                internship_step.clone(),
            )
        }
    })
    .await;
    let winner = one_winner(&results, "student and internship steps");
    let (_, after) = student.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(version(&after), version(&conv) + 1);
    let mobile = digits(&after["content"]["student"]["mobile_phone"]);
    if winner.is_multiple_of(2) {
        assert_eq!(mobile, "0699887766");
        assert_eq!(
            after["content"]["internship"]["subject"],
            conv["content"]["internship"]["subject"]
        );
    } else {
        assert_eq!(
            after["content"]["internship"]["subject"],
            "Un sujet changé en même temps"
        );
        assert_eq!(
            mobile,
            digits(&before["content"]["student"]["mobile_phone"])
        );
    }
}

/// A deletion and a save of the same version: one of them happens.
async fn a_draft_deleted_while_saved_is_one_or_the_other(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let path = format!("/api/conventions/{id}");
    let results = at_once(|i| {
        let student = &student;
        let path = &path;
        let v = version(&conv);
        async move {
            if i == 0 {
                student.send(Method::DELETE, path, Some(v), None).await
            } else {
                let mut body = internship();
                body["subject"] = json!(format!("Sujet {i}"));
                put(student, format!("{path}/internship"), v, body).await
            }
        }
    })
    .await;
    let winners: Vec<usize> = results
        .iter()
        .enumerate()
        .filter(|(_, (status, _))| status.is_success())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(winners.len(), 1, "one of them happens: {results:?}");
    let winner = winners[0];
    // A save that arrives after the deletion finds nothing to save (404);
    // otherwise the losers are told the version moved.
    for (status, body) in results.iter().filter(|(s, _)| !s.is_success()) {
        let expected_losses: &[StatusCode] = if winner == 0 {
            &[StatusCode::PRECONDITION_FAILED, StatusCode::NOT_FOUND]
        } else {
            &[StatusCode::PRECONDITION_FAILED]
        };
        assert!(expected_losses.contains(status), "{status} {body}");
    }
    let (status, _) = student.get(&path).await;
    let expected = if winner == 0 {
        StatusCode::NOT_FOUND
    } else {
        StatusCode::OK
    };
    assert_eq!(status, expected);
}

async fn host_records_saved_at_once_keep_one_version(app: &TestApp) {
    let manager = As::new(app, "gestionnaire").await;
    let (_, found) = manager.get("/api/organisations?limit=1").await;
    let organisation = found["items"][0].clone();
    let org_id = organisation["id"].as_i64().unwrap();

    // The organisation itself.
    let (_, current) = manager.get(&format!("/api/organisations/{org_id}")).await;
    let results = at_once(|i| {
        let mut body = json!({
            "name": format!("Organisme renommé {i}"),
            "siret": current["siret"],
            "naf_code": current["naf_code"],
            "headcount": 100 + i,
            "kind": current["kind"],
            "legal_status_code": current["legal_status_code"],
            "street": current["street"],
            "postal_code": current["postal_code"],
            "city": current["city"],
            "country_code": current["country_code"],
            "phone": current["phone"],
        });
        if current["email"].is_string() {
            body["email"] = current["email"].clone();
        }
        put(
            &manager,
            format!("/api/organisations/{org_id}"),
            version(&current),
            body,
        )
    })
    .await;
    let winner = one_winner(&results, "organisation");
    let (_, after) = manager.get(&format!("/api/organisations/{org_id}")).await;
    assert_eq!(version(&after), version(&current) + 1);
    assert_eq!(after["name"], json!(format!("Organisme renommé {winner}")));
    assert_eq!(after["headcount"], json!(100 + winner));

    // One of its services, then one of that service's contacts.
    let (status, service) = manager
        .post(
            &format!("/api/organisations/{org_id}/services"),
            None,
            Some(json!({"name": "Équipe course", "street": "1 rue de la Paix", "postal_code": "75002", "city": "Paris"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{service}");
    let service_id = service["id"].as_i64().unwrap();
    let results = at_once(|i| {
        put(&manager,
            format!("/api/services/{service_id}"),
            version(&service),
            json!({"name": format!("Équipe {i}"), "street": format!("{i} rue de la Paix"), "postal_code": "75002", "city": "Paris"}),
        )
    })
    .await;
    let winner = one_winner(&results, "service");
    let (_, services) = manager
        .get(&format!("/api/organisations/{org_id}/services"))
        .await;
    let saved = services
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == json!(service_id))
        .unwrap()
        .clone();
    assert_eq!(saved["name"], json!(format!("Équipe {winner}")));
    assert_eq!(saved["street"], json!(format!("{winner} rue de la Paix")));

    let (status, contact) = manager
        .post(
            &format!("/api/services/{service_id}/contacts"),
            None,
            Some(json!({"last_name": "Weiß", "first_name": "Jürgen", "position": "Ingénieur", "email": "j.weiss@labo-demo.fr", "phone": "03 81 11 22 34"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    let contact_id = contact["id"].as_i64().unwrap();
    let results = at_once(|i| {
        put(&manager,
            format!("/api/contacts/{contact_id}"),
            version(&contact),
            json!({"last_name": format!("Weiß {i}"), "first_name": "Jürgen", "position": format!("Poste {i}"), "email": "j.weiss@labo-demo.fr", "phone": "03 81 11 22 34"}),
        )
    })
    .await;
    let winner = one_winner(&results, "contact");
    let (_, contacts) = manager
        .get(&format!("/api/services/{service_id}/contacts"))
        .await;
    let saved = contacts
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == json!(contact_id))
        .unwrap()
        .clone();
    assert_eq!(saved["last_name"], json!(format!("Weiß {winner}")));
    assert_eq!(saved["position"], json!(format!("Poste {winner}")));
}

async fn reference_records_saved_at_once_keep_one_version(app: &TestApp) {
    let admin = As::new(app, "admin").await;

    // A value of a nomenclature.
    let (_, themes) = admin.get("/api/nomenclatures/theme?q=informatique").await;
    let theme = themes["items"][0].clone();
    let results = at_once(|i| {
        admin.put(
            "/api/nomenclatures/theme/computing",
            version(&theme),
            json!({"label": format!("Informatique {i}"), "label_en": format!("Computing {i}"), "active": true}),
        )
    })
    .await;
    let winner = one_winner(&results, "nomenclature");
    let (_, themes) = admin.get("/api/nomenclatures/theme?q=informatique").await;
    assert_eq!(
        themes["items"][0]["label"],
        json!(format!("Informatique {winner}"))
    );
    assert_eq!(
        themes["items"][0]["label_en"],
        json!(format!("Computing {winner}"))
    );

    // A centre, and its staff and routes (written after the version).
    let (_, centres) = admin.get("/api/centres").await;
    let centre = centres.as_array().unwrap()[0].clone();
    let centre_id = centre["id"].as_i64().unwrap();
    let (_, centre) = admin.get(&format!("/api/centres/{centre_id}")).await;
    let results = at_once(|i| {
        let mut body = centre.clone();
        body["name"] = json!(format!("Centre {i}"));
        body["phone"] = json!(format!("05 49 45 30 0{i}"));
        let body = keep_fields(
            &body,
            &[
                "name",
                "level",
                "is_fallback",
                "street",
                "postal_code",
                "city",
                "country_code",
                "email",
                "phone",
                "signatory_name",
                "signatory_position",
                "settings",
            ],
        );
        put(
            &admin,
            format!("/api/centres/{centre_id}"),
            version(&centre),
            body,
        )
    })
    .await;
    let winner = one_winner(&results, "centre");
    let (_, after) = admin.get(&format!("/api/centres/{centre_id}")).await;
    assert_eq!(after["name"], json!(format!("Centre {winner}")));
    assert_eq!(
        after["phone"].as_str().unwrap().replace(' ', ""),
        format!("054945300{winner}")
    );

    let results = at_once(|i| {
        put(
            &admin,
            format!("/api/centres/{centre_id}/organisation"),
            version(&after),
            json!({"staff": [], "routes": [{"kind": "programme", "code": format!("RACE-{i}")}]}),
        )
    })
    .await;
    let winner = one_winner(&results, "centre's organisation");
    let (_, organised) = admin.get(&format!("/api/centres/{centre_id}")).await;
    let routes = serde_json::to_string(&organised).unwrap();
    for i in 0..CLIENTS {
        assert_eq!(
            routes.contains(&format!("RACE-{i}\"")),
            i == winner,
            "only the winner's route is kept: {organised}"
        );
    }
}

fn keep_fields(value: &Value, names: &[&str]) -> Value {
    Value::Object(
        names
            .iter()
            .filter_map(|n| value.get(*n).map(|v| ((*n).to_owned(), v.clone())))
            .collect(),
    )
}

async fn offers_and_amendments_saved_at_once_keep_one_version(app: &TestApp) {
    let manager = As::new(app, "gestionnaire").await;
    let (_, found) = manager.get("/api/organisations?limit=1").await;
    let host = found["items"][0]["id"].as_i64().unwrap();
    let offer = |title: String| {
        json!({
            "kind": "internship",
            "title": title,
            "description": "Tableaux de bord des chantiers, modèles de prévision ; Python et SQL.",
            "city": "Besançon",
            "postal_code": "25000",
            "country": "FR",
            "contract": null,
            "start": "2027-04-05",
            "end": "2027-09-24",
            "paid": true,
            "disability_friendly": true,
            "contact_name": "Service RH",
            "contact_email": null
        })
    };
    let (status, draft) = manager
        .post(
            "/api/offers",
            None,
            Some(json!({"organisation_id": host, "offer": offer("Analyste".into())})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    let offer_id = draft["id"].as_i64().unwrap();
    let results = at_once(|i| {
        put(
            &manager,
            format!("/api/offers/{offer_id}"),
            version(&draft),
            json!({"organisation_id": host, "offer": offer(format!("Analyste {i}"))}),
        )
    })
    .await;
    let winner = one_winner(&results, "offer");
    let (_, after) = manager.get(&format!("/api/offers/{offer_id}")).await;
    assert_eq!(version(&after), version(&draft) + 1);
    assert_eq!(
        after["offer"]["title"],
        json!(format!("Analyste {winner}")),
        "{after}"
    );

    // An amendment of a validated convention.
    let (id, conv) = validated(app).await;
    let student = As::new(app, "etudiant").await;
    let amendment = |weeks: usize| {
        json!({
            "title": format!("Prolongation de {weeks} semaines"),
            "reason": "Le projet a pris du retard.",
            "changes": [{"kind": "dates", "start": "2027-01-04", "end": format!("2027-04-{:02}", 2 + 7 * (weeks % 4))}]
        })
    };
    let (status, _) = student
        .post(
            &format!("/api/conventions/{id}/amendments"),
            Some(version(&conv)),
            Some(amendment(0)),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, list) = student
        .get(&format!("/api/conventions/{id}/amendments"))
        .await;
    let created = list.as_array().unwrap()[0].clone();
    let amendment_id = created["id"].as_i64().unwrap();
    let results = at_once(|i| {
        put(
            &student,
            format!("/api/amendments/{amendment_id}"),
            version(&created),
            amendment(i),
        )
    })
    .await;
    let winner = one_winner(&results, "amendment");
    let (_, list) = student
        .get(&format!("/api/conventions/{id}/amendments"))
        .await;
    assert_eq!(
        list[0]["title"],
        json!(format!("Prolongation de {winner} semaines"))
    );
}

/// A copied refresh token redeemed by several clients at once: exactly
/// one gets a new session; the others are a replay, which ends the
/// sign-in, the winner's new token included.
async fn a_refresh_token_redeemed_at_once_is_spent_once(app: &TestApp) {
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "etudiant", "password": "demo"}))
        .send()
        .await
        .unwrap();
    let cookie = |res: &reqwest::Response| {
        res.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned()
    };
    let token = cookie(&res);
    let results = at_once(|_| {
        let url = app.url("/api/auth/refresh");
        let token = token.clone();
        async move {
            let res = reqwest::Client::new()
                .post(url)
                .header("Cookie", token)
                .send()
                .await
                .unwrap();
            let status = res.status();
            let next = (status == StatusCode::OK).then(|| cookie(&res));
            (status, next.map(Value::String).unwrap_or(Value::Null))
        }
    })
    .await;
    let winners: Vec<&Value> = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::OK)
        .map(|(_, next)| next)
        .collect();
    assert_eq!(winners.len(), 1, "one redemption only: {results:?}");
    assert!(
        results
            .iter()
            .all(|(s, _)| *s == StatusCode::OK || *s == StatusCode::UNAUTHORIZED),
        "{results:?}"
    );
    let res = reqwest::Client::new()
        .post(app.url("/api/auth/refresh"))
        .header("Cookie", winners[0].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "the replay ended the sign-in"
    );
}

/// A POST conditioned on a version, owning its path.
async fn post(who: &As<'_>, path: String, version: i64, body: Value) -> (StatusCode, Value) {
    who.post(&path, Some(version), Some(body)).await
}

/// Staff answering one ticket at once: one answer is recorded and the
/// ticket is answered once; the others are told it moved on. Then its
/// author and staff closing it at once close it once.
async fn a_ticket_answered_at_once_keeps_one_answer(app: &TestApp) {
    let (id, _) = common::flows::submitted(app).await;
    let student = As::new(app, "etudiant").await;
    let (status, ticket) = student
        .post(
            "/api/tickets",
            None,
            Some(json!({"subject": "Ma convention", "body": "Est-elle complète ?", "convention_id": id})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{ticket}");
    let ticket_id = ticket["id"].as_i64().unwrap();
    let manager = As::new(app, "gestionnaire").await;
    let results = at_once(|i| {
        post(
            &manager,
            format!("/api/tickets/{ticket_id}/answer"),
            version(&ticket),
            json!({"answer": format!("Réponse {i}")}),
        )
    })
    .await;
    let winner = one_winner(&results, "ticket answer");
    let (_, after) = manager.get(&format!("/api/tickets/{ticket_id}")).await;
    assert_eq!(after["status"], json!("answered"), "{after}");
    assert_eq!(
        after["answer"],
        json!(format!("Réponse {winner}")),
        "{after}"
    );
    assert_eq!(version(&after), version(&ticket) + 1);

    let results = at_once(|i| {
        let who = if i % 2 == 0 { &student } else { &manager };
        post(
            who,
            format!("/api/tickets/{ticket_id}/close"),
            version(&after),
            json!({}),
        )
    })
    .await;
    one_winner(&results, "ticket close");
    let (_, closed) = student.get(&format!("/api/tickets/{ticket_id}")).await;
    assert_eq!(closed["status"], json!("closed"), "{closed}");
    assert_eq!(version(&closed), version(&after) + 1);
}

/// The rate table stays in order when administrators change it at once:
/// half the clients enter 2027 at 4,60 while the others raise 2026 to 4,70
/// (each alone is fine, together the minimum would go down). Checked
/// apart from the write, both could pass on PostgreSQL; the table lock
/// makes one of them see the other. Exactly one 2027 entry and one 2026
/// correction may win, and the table never goes down.
async fn rates_changed_at_once_never_go_down(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let body = |cents: i64| json!({"cents": cents, "source": "saisie concurrente"});
    let results = at_once(|i| {
        let method = if i.is_multiple_of(2) {
            reqwest::Method::POST
        } else {
            reqwest::Method::PUT
        };
        let (path, version, cents) = if i.is_multiple_of(2) {
            ("/api/hourly-rates/2027", None, 460)
        } else {
            ("/api/hourly-rates/2026", Some(1), 470)
        };
        admin.send(method, path, version, Some(body(cents)))
    })
    .await;
    let created = results
        .iter()
        .step_by(2)
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let corrected = results
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|(s, _)| *s == StatusCode::OK)
        .count();
    assert!(created <= 1 && corrected <= 1, "{results:?}");
    assert_eq!(
        created + corrected,
        1,
        "one excludes the other: {results:?}"
    );
    for (status, problem) in results.iter().filter(|(s, _)| !s.is_success()) {
        assert!(
            [
                StatusCode::CONFLICT,
                StatusCode::PRECONDITION_FAILED,
                StatusCode::UNPROCESSABLE_ENTITY
            ]
            .contains(status),
            "{status}: {problem}"
        );
    }
    let (_, table) = admin.get("/api/hourly-rates").await;
    let cents: Vec<i64> = table
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["cents"].as_i64().unwrap())
        .collect();
    assert!(cents.is_sorted(), "never downwards: {table}");
}

on_both_backends!(
    a_refresh_token_redeemed_at_once_is_spent_once,
    a_convention_step_saved_at_once_keeps_one_whole_change,
    two_steps_saved_at_once_do_not_lose_one,
    a_draft_deleted_while_saved_is_one_or_the_other,
    host_records_saved_at_once_keep_one_version,
    reference_records_saved_at_once_keep_one_version,
    offers_and_amendments_saved_at_once_keep_one_version,
    a_ticket_answered_at_once_keeps_one_answer,
    rates_changed_at_once_never_go_down,
);
