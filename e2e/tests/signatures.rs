//! Issue 17's journey in a real browser: a manager gives the last
//! validation and sends the agreement for signature, then a new link to the
//! student who lost the first, and vouches for the tutor's address the
//! student entered; the student signs by the link of their mail with the code read from the SMTP sink, then the
//! host's signatory the same way; staff record the tutor's, the
//! supervisor's and the school's paper signatures with a scan; the signed
//! agreement downloads sealed, `pdfsig` finds the seal valid, and the
//! student Łucja Nguyễn and the host 北京科技有限公司 come back intact from
//! `pdftotext`. Then an amendment goes through its own circuit: validated,
//! sent from its section of the page, signed by the student and the host
//! by link and by the others on paper, sealed.

use serde_json::json;
use stages_e2e::{Browser, Server};

const STUDENT: &str = "lucja.nguyen@etu.univ-demo.fr";
const HOST_SIGNATORY: &str = "wei.li@beijing-keji-demo.fr";

/// The path of the signing link in the last request mailed to `to`.
fn signing_path(server: &Server, to: &str) -> String {
    let mail = server.wait_for_mail(to, "votre signature est attendue");
    let start = mail
        .body
        .find("/signer/")
        .unwrap_or_else(|| panic!("no link in {}", mail.body));
    let path: String = mail.body[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    assert!(!path.contains("[["), "the worker filled the link: {path}");
    path
}

/// The six digits of the last code mailed to `to`: the run of six digits
/// after the colon of "… la convention 2026-000001 : 123456".
fn code(server: &Server, to: &str) -> String {
    let mail = server.wait_for_mail(to, "votre code de signature");
    mail.body
        .split(|c: char| !c.is_ascii_digit())
        .rfind(|run| run.len() == 6)
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no code in {}", mail.body))
}

/// How many codes were mailed to `to` so far.
fn codes_mailed(server: &Server, to: &str) -> usize {
    server
        .mails()
        .iter()
        .filter(|m| m.to.contains(to) && m.subject.contains("votre code de signature"))
        .count()
}

/// The path of the next link mailed to `to`, once it differs from
/// `previous`.
async fn next_signing_path(server: &Server, to: &str, previous: &str) -> String {
    for _ in 0..300 {
        let path = signing_path(server, to);
        if path != previous {
            return path;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no new link mailed to {to}");
}

/// A party opens the link `path` in a browser of their own, finds
/// `summary` in what they sign, and signs.
async fn signs_at(server: &Server, path: &str, to: &str, summary: &str, shot: &str) {
    let signer = Browser::start().await;
    signer.open(server, path).await;
    signer.wait_for_text("#signing-summary", summary).await;
    // A party who signed before (the agreement, then an amendment) has an
    // earlier code in their mailbox: wait for this one.
    let before = codes_mailed(server, to);
    signer.click("#signing-ask-code").await;
    signer.wait_for("#signing-code-sent").await;
    for _ in 0..300 {
        if codes_mailed(server, to) > before {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    signer.fill("#signing-code", &code(server, to)).await;
    signer.screenshot(shot).await;
    signer.check_accessibility("signing page").await;
    signer.click("#signing-submit").await;
    signer
        .wait_for_text("#signing-done", "Votre signature est enregistrée")
        .await;
    signer.close().await;
}

#[tokio::test]
async fn an_agreement_is_signed_by_link_and_on_paper_and_sealed() {
    let server = Server::start_with_mail();
    let manager = Browser::start().await;
    manager.sign_in(&server, "gestionnaire").await;
    let page = manager.api_ok("GET", "/api/conventions", None, None).await;
    let id = page["items"]
        .as_array()
        .expect("a page of conventions")
        .iter()
        .find(|c| c["status"] == "in_validation")
        .and_then(|c| c["id"].as_i64())
        .expect("the demo convention in validation");
    manager
        .open(&server, &format!("/conventions/{id}#validation"))
        .await;
    manager.click("#validate-administrative").await;
    manager
        .wait_for_text("#signature-status", "Pas encore envoyée")
        .await;
    manager.click("#signature-send").await;
    manager
        .wait_for_text("#signature-status", "En cours de signature")
        .await;
    // Where each link goes is on the page before anyone signs.
    manager
        .wait_for_text("#signature-email-host_signatory", HOST_SIGNATORY)
        .await;
    // The student entered her tutor: no link goes to that address until
    // staff vouch for it (SIG-17).
    manager
        .wait_for_text("#signature-unvouched-tutor", "pas encore vérifiée")
        .await;
    assert!(!manager.exists("#signature-unvouched-host_signatory").await);
    manager.scroll_to("#signature").await;
    manager.screenshot("signature-1-sent").await;
    manager.check_accessibility("signature circuit").await;
    // The evaluation page says it too: the link to the tutor's form
    // would not be mailed there either.
    manager.open(&server, &format!("/evaluations/{id}")).await;
    manager
        .wait_for_text("#tutor-address-unvouched", "fang.wang@beijing-keji-demo.fr")
        .await;
    manager
        .check_accessibility("evaluations, tutor's address not checked")
        .await;
    // Staff checked the address: links may go there, the signing link
    // too (the tutor's contact and the convention name the same one).
    manager.click("#tutor-address-vouch").await;
    manager.click("#tutor-address-vouch-confirm").await;
    for _ in 0..100 {
        if !manager.exists("#tutor-address-unvouched").await {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(!manager.exists("#tutor-address-unvouched").await);
    manager.open(&server, &format!("/evaluations/{id}")).await;
    manager.wait_for("#tutor-link-create").await;
    assert!(!manager.exists("#tutor-address-unvouched").await);
    manager.open(&server, &format!("/conventions/{id}")).await;
    manager.wait_for("#signature-email-tutor").await;
    assert!(!manager.exists("#signature-unvouched-tutor").await);

    // An administrator sees who vouched for it, and withdraws it, as if
    // by mistake: the circuit warns again.
    let admin = Browser::start().await;
    admin.sign_in(&server, "admin").await;
    admin
        .click(".side-menu a[href='/admin/vouched-addresses']")
        .await;
    admin.wait_for("#vouched-search").await;
    admin.fill("#vouched-search", "FANG.wang").await;
    admin.click(".search-form button[type=submit]").await;
    let row = "#vouched-addresses tr[data-address='fang.wang@beijing-keji-demo.fr']";
    admin.wait_for_text(row, "gestionnaire").await;
    admin.check_accessibility("vouched addresses").await;
    admin.click("#vouched-withdraw-0").await;
    admin.click("#vouched-withdraw-0-confirm").await;
    admin
        .wait_for_text("#vouch-withdrawn", "fang.wang@beijing-keji-demo.fr")
        .await;
    admin.wait_for("#vouched-none").await;
    admin.screenshot("vouched-addresses-withdrawn").await;
    manager.open(&server, &format!("/conventions/{id}")).await;
    manager
        .wait_for_text("#signature-unvouched-tutor", "pas encore vérifiée")
        .await;
    vouch_for_the_tutor(&manager).await;

    // The student lost the mail: staff send a new link, and the student
    // signs with it (the first one no longer works).
    let first = signing_path(&server, STUDENT);
    manager.click("#signature-renew-student").await;
    manager
        .wait_for_text("#signature-row-student", "Un nouveau lien a été envoyé")
        .await;
    let student_link = next_signing_path(&server, STUDENT, &first).await;
    signs_at(
        &server,
        &student_link,
        STUDENT,
        "Łucja Nguyễn",
        "signature-2-student",
    )
    .await;
    let host_link = signing_path(&server, HOST_SIGNATORY);
    signs_at(
        &server,
        &host_link,
        HOST_SIGNATORY,
        "北京科技有限公司",
        "signature-3-host",
    )
    .await;

    // The rest on paper, with the agreement sent as the "scan".
    let (status, scan) = manager
        .bytes_from_page(&format!("/api/conventions/{id}/signature/document"))
        .await;
    assert_eq!(status, 200);
    let scan_path = std::env::temp_dir().join(format!("scan-{}.pdf", server.port));
    std::fs::write(&scan_path, &scan).expect("write the scan");
    manager.open(&server, &format!("/conventions/{id}")).await;
    records_on_paper(&manager, "signature", &scan_path).await;
    manager.wait_for("#signature-download-signed").await;
    manager.scroll_to("#signature").await;
    manager.screenshot("signature-4-signed").await;

    let (status, sealed) = manager
        .bytes_from_page(&format!("/api/conventions/{id}/signature/signed"))
        .await;
    assert_eq!(status, 200);
    let sealed_path = std::env::temp_dir().join(format!("sealed-{}.pdf", server.port));
    assert_sealed(&sealed_path, &sealed);
    // The names print exactly: the student's Polish and Vietnamese letters,
    // the host's Chinese characters, as a reader copies them.
    let text = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&sealed_path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    for name in ["Łucja Nguyễn", "北京科技有限公司"] {
        assert!(text.contains(name), "{name} missing in {text}");
    }

    // An amendment is signed in its own circuit.
    let conv = manager
        .api_ok("GET", &format!("/api/conventions/{id}"), None, None)
        .await;
    manager
        .api_ok(
            "POST",
            &format!("/api/conventions/{id}/amendments"),
            conv["version"].as_i64(),
            Some(json!({
                "title": "Nouveau sujet",
                "reason": "Le projet a changé.",
                "changes": [{"kind": "subject", "subject": "Migration de l'outil de suivi"}]
            })),
        )
        .await;
    let list = manager
        .api_ok(
            "GET",
            &format!("/api/conventions/{id}/amendments"),
            None,
            None,
        )
        .await;
    let amendment = &list[0];
    manager
        .api_ok(
            "POST",
            &format!("/api/amendments/{}/validate", amendment["id"]),
            amendment["version"].as_i64(),
            None,
        )
        .await;
    manager.open(&server, &format!("/conventions/{id}")).await;
    manager
        .wait_for_text("#amendment-signature-1-title", "Nouveau sujet")
        .await;
    manager
        .wait_for_text("#amendment-signature-1-status", "Pas encore envoyée")
        .await;
    manager.click("#amendment-signature-1-send").await;
    manager
        .wait_for_text("#amendment-signature-1-status", "En cours de signature")
        .await;
    let link = next_signing_path(&server, STUDENT, &student_link).await;
    signs_at(
        &server,
        &link,
        STUDENT,
        "n° 1 : Nouveau sujet",
        "signature-5-amendment-student",
    )
    .await;
    let link = next_signing_path(&server, HOST_SIGNATORY, &host_link).await;
    signs_at(
        &server,
        &link,
        HOST_SIGNATORY,
        "n° 1 : Nouveau sujet",
        "signature-6-amendment-host",
    )
    .await;
    manager.open(&server, &format!("/conventions/{id}")).await;
    records_on_paper(&manager, "amendment-signature-1", &scan_path).await;
    manager
        .wait_for("#amendment-signature-1-download-signed")
        .await;
    manager.scroll_to("#amendment-signature-1").await;
    manager.screenshot("signature-7-amendment-signed").await;
    let amendment_id = amendment["id"].as_i64().expect("the amendment's id");
    let (status, sealed) = manager
        .bytes_from_page(&format!(
            "/api/conventions/{id}/amendments/{amendment_id}/signature/signed"
        ))
        .await;
    assert_eq!(status, 200);
    assert_sealed(&sealed_path, &sealed);

    let _ = std::fs::remove_file(scan_path);
    let _ = std::fs::remove_file(sealed_path);
    manager.close().await;
}

/// Writes `pdf` to `path` and checks that `pdfsig` finds its seal valid.
fn assert_sealed(path: &std::path::Path, pdf: &[u8]) {
    std::fs::write(path, pdf).expect("write the sealed PDF");
    let report = std::process::Command::new("pdfsig")
        .arg(path)
        .output()
        .expect("pdfsig");
    let report = String::from_utf8_lossy(&report.stdout);
    assert!(
        report.contains("Signature Validation: Signature is Valid."),
        "{report}"
    );
}

/// Staff record the tutor's, the supervisor's and the school's paper
/// signatures in the circuit whose elements' ids start with `prefix`.
async fn records_on_paper(manager: &Browser, prefix: &str, scan_path: &std::path::Path) {
    for party in ["tutor", "supervisor", "school"] {
        manager.wait_for(&format!("#{prefix}-paper-{party}")).await;
        // Signed on the day of the validation, the earliest the form takes
        // (the server's today, whatever the clock says here).
        let date = format!("#{prefix}-date-{party}");
        let earliest = manager
            .attribute(&date, "min")
            .await
            .expect("the date input's minimum");
        manager.set_value(&date, &earliest).await;
        let input = manager
            .wait_for(&format!("#{prefix}-scan-file-{party}"))
            .await;
        input
            .send_keys(&scan_path.display().to_string())
            .await
            .expect("choose the scan");
        manager.click(&format!("#{prefix}-record-{party}")).await;
        manager
            .wait_for_text(&format!("#{prefix}-row-{party}"), "Signée sur papier")
            .await;
    }
    manager
        .wait_for_text(
            &format!("#{prefix}-status"),
            "Signée par toutes les parties",
        )
        .await;
}

/// Staff confirm the tutor's address on the circuit, and its warning goes.
async fn vouch_for_the_tutor(manager: &Browser) {
    manager.click("#signature-vouch-tutor").await;
    manager.click("#signature-vouch-tutor-confirm").await;
    for _ in 0..100 {
        if !manager.exists("#signature-unvouched-tutor").await {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        !manager.exists("#signature-unvouched-tutor").await,
        "the tutor's address is vouched for"
    );
}
