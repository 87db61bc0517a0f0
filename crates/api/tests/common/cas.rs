//! The test CAS server `cargo xtask test` starts (django-cas-server over
//! the test directory): a person signs in on its form, as in a browser,
//! and gets service tickets.
#![allow(dead_code)]

/// The CAS server's base address.
pub fn url() -> String {
    std::env::var("STAGES_TEST_CAS_URL")
        .expect("STAGES_TEST_CAS_URL: run the CAS tests through `cargo xtask test`")
}

/// A browser's session at the CAS server: its cookies, no redirects
/// followed (the ticket is in the redirect).
pub struct CasBrowser {
    client: reqwest::Client,
}

fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no {name} in the CAS form"))
        + marker.len();
    let end = start + page[start..].find('"').unwrap();
    page[start..end].to_owned()
}

fn ticket_of(res: &reqwest::Response) -> Option<String> {
    let location = res.headers().get("location")?.to_str().ok()?;
    let (_, ticket) = location.split_once("ticket=")?;
    Some(ticket.to_owned())
}

impl CasBrowser {
    /// Signs in on the CAS form as `username`, asking for a ticket for
    /// `service`, and returns the browser and that ticket.
    pub async fn sign_in(username: &str, password: &str, service: &str) -> (Self, String) {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let login = format!("{}/login", url());
        let page = client
            .get(&login)
            .query(&[("service", service)])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let res = client
            .post(&login)
            .form(&[
                (
                    "csrfmiddlewaretoken",
                    hidden(&page, "csrfmiddlewaretoken").as_str(),
                ),
                ("lt", hidden(&page, "lt").as_str()),
                ("service", service),
                ("username", username),
                ("password", password),
            ])
            .send()
            .await
            .unwrap();
        let ticket = ticket_of(&res)
            .unwrap_or_else(|| panic!("CAS gave {username} no ticket: {}", res.status()));
        (Self { client }, ticket)
    }

    /// Another ticket for `service`, from the CAS session (no form).
    pub async fn ticket(&self, service: &str) -> String {
        let res = self
            .client
            .get(format!("{}/login", url()))
            .query(&[("service", service)])
            .send()
            .await
            .unwrap();
        ticket_of(&res).expect("a ticket from the CAS session")
    }

    /// Signs out of CAS, which sends the back-channel logout to every
    /// service this session signed in to.
    pub async fn sign_out(&self) {
        let res = self
            .client
            .get(format!("{}/logout", url()))
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success() || res.status().is_redirection());
    }
}
