//! How dates, hours and amounts read in each language. The domain keeps
//! them exact (dates, minutes, cents); only their display lives here.

use crate::i18n::Lang;
use chrono::NaiveDate;
use stages_domain::violation::Decimal;

pub fn date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%d %b %Y").to_string(),
    }
}

/// A decimal written the reader's way: `1 417,50` in French, `1,417.50`
/// in English.
fn decimal(lang: Lang, exact: &str) -> String {
    let (sign, unsigned) = match exact.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", exact),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let (group, point) = match lang {
        Lang::Fr => ('\u{202f}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{frac}")
    }
}

/// Minutes as hours: `315 h`, `924,5 h`.
pub fn hours(lang: Lang, minutes: u64) -> String {
    format!(
        "{} h",
        decimal(lang, Decimal::hours_from_minutes(minutes).as_str())
    )
}

/// Cents as euros: `1 417,50 €`, `€1,417.50`.
pub fn euros(lang: Lang, cents: i64) -> String {
    let amount = decimal(lang, Decimal::from_cents(cents).as_str());
    match lang {
        Lang::Fr => format!("{amount} €"),
        Lang::En => format!("€{amount}"),
    }
}

/// An amount in another currency: `600,00 CHF`.
pub fn money(lang: Lang, cents: i64, currency: &str) -> String {
    if currency == "EUR" {
        euros(lang, cents)
    } else {
        format!(
            "{} {currency}",
            decimal(lang, Decimal::from_cents(cents).as_str())
        )
    }
}

/// Cents typed as euros (`600`, `600,5`, `1 417.50`); `None` when the text
/// is not an amount.
pub fn parse_cents(text: &str) -> Option<i64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let (int, frac) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if frac.len() > 2 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = int.parse().ok()?;
    let cents: i64 = format!("{frac:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(cents)
}

/// Minutes typed as hours (`35`, `35,5`, `7.25`); `None` when the text is
/// not a number of hours.
pub fn parse_minutes(text: &str) -> Option<u32> {
    let cents_of_hour = parse_cents(text)?;
    u32::try_from(cents_of_hour * 60 / 100).ok()
}

/// Cents as the text of an amount field (`600,00` / `600.00`).
pub fn cents_input(lang: Lang, cents: i64) -> String {
    let exact = Decimal::from_cents(cents).as_str().to_owned();
    match lang {
        Lang::Fr => exact.replace('.', ","),
        Lang::En => exact,
    }
}

/// Minutes as the text of an hours field (`35`, `35,5`).
pub fn minutes_input(lang: Lang, minutes: u32) -> String {
    let exact = Decimal::hours_from_minutes(u64::from(minutes))
        .as_str()
        .to_owned();
    match lang {
        Lang::Fr => exact.replace('.', ","),
        Lang::En => exact,
    }
}
