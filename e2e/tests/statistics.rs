//! Statistiques in a real browser: a manager shows their centre's year,
//! reads the charts with their tables, and downloads the XLSX export. The
//! page is checked by axe-core and kept as a screenshot.

use stages_e2e::{Browser, Server};

#[tokio::test]
async fn a_manager_reads_the_statistics_and_downloads_the_xlsx_export() {
    let server = Server::start();
    let browser = Browser::start().await;
    browser.sign_in(&server, "gestionnaire").await;

    // The side menu leads there, for staff.
    browser.click(".side-menu a[href='/statistics']").await;
    browser
        .wait_for("#scope-centre_id option:nth-child(2)")
        .await;
    let centre = browser
        .client
        .execute(
            "return [...document.querySelectorAll('#scope-centre_id option')]\
               .find(o => o.textContent.includes('Sciences et Technologies')).value;",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("the centre's option: {e}"));
    let centre = centre.as_str().unwrap_or_default().to_owned();
    browser.select("#scope-centre_id", &centre).await;
    browser.fill("#scope-academic_year", "2026-2027").await;
    browser.click("#stats-submit").await;
    browser.wait_for("#stats-total").await;
    browser
        .wait_for_text("#chart-hosts", "北京科技有限公司")
        .await;
    browser.wait_for("#chart-status svg rect").await;
    browser.screenshot("statistics").await;
    browser.check_accessibility("statistics").await;

    browser.click("#stats-export-xlsx").await;
    browser
        .wait_for_text(".download:has(#stats-export-xlsx) .download-done", ".xlsx")
        .await;
    let (status, content_type, head) = browser
        .fetch_from_page(&format!(
            "/api/statistics/export?centre_id={centre}&academic_year=2026-2027&format=xlsx"
        ))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        content_type,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    // An XLSX file is a ZIP archive.
    assert!(head.starts_with("PK"), "{head:?}");
    browser.close().await;
}
