//! Password hashes of the built-in directory (argon2id, PHC strings).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, password_hash::rand_core::OsRng};
use std::sync::LazyLock;

/// Hash checked when the user is unknown or has no password, so that both
/// failures cost the same time and cannot be told apart.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash("a password nobody has").unwrap_or_default());

pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks `password` against `stored`; with no stored hash, still spends the
/// time of a check and answers `false`.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    let (phc, known) = match stored {
        Some(phc) => (phc, true),
        None => (DUMMY_HASH.as_str(), false),
    };
    let matches = PasswordHash::new(phc)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false);
    known && matches
}

/// The shortest local password accepted.
pub const MIN_CHARS: usize = 12;
/// The longest: argon2 would hash a megabyte, at the server's expense.
pub const MAX_CHARS: usize = 256;

/// Why a new local password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WeakPassword {
    #[error("a password has at least {MIN_CHARS} characters")]
    TooShort,
    #[error("a password has at most {MAX_CHARS} characters")]
    TooLong,
    #[error(
        "this password is too easy to guess: a common password, a word or name with small changes, a keyboard pattern, or the account's own name"
    )]
    Guessable,
}

/// A new local password: 12 to 256 characters, and hard to guess by
/// zxcvbn's estimate (its lists of common passwords, words and names,
/// keyboard and date patterns, and `own_words`, the account's names),
/// which must reach 3 of 4 (more than 10^8 guesses), with and without
/// its separators.
pub fn check_policy(password: &str, own_words: &[&str]) -> Result<(), WeakPassword> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(WeakPassword::TooShort);
    }
    if chars > MAX_CHARS {
        return Err(WeakPassword::TooLong);
    }
    // zxcvbn matches the password in lower case, its inputs as given; and
    // it counts a separator as a brute-forced character, so that
    // "camille.martin" would pass where "camillemartin" does not: the
    // password is also rated without its separators.
    let own: Vec<String> = own_words.iter().map(|w| w.to_lowercase()).collect();
    let own: Vec<&str> = own.iter().map(String::as_str).collect();
    let joined: String = password.chars().filter(|c| c.is_alphanumeric()).collect();
    let score = |text: &str| zxcvbn::zxcvbn(text, &own).score();
    let weakest = if joined.is_empty() || joined == password {
        score(password)
    } else {
        score(password).min(score(&joined))
    };
    if weakest < zxcvbn::Score::Three {
        return Err(WeakPassword::Guessable);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_long_and_hard_to_guess() {
        assert_eq!(
            check_policy("Tr0ub4dor&3", &[]),
            Err(WeakPassword::TooShort)
        );
        assert_eq!(
            check_policy(&"x".repeat(257), &[]),
            Err(WeakPassword::TooLong)
        );
        for common in [
            "password1234",
            "azertyuiop123",
            "123456789012",
            "motdepasse2026",
        ] {
            assert_eq!(
                check_policy(common, &[]),
                Err(WeakPassword::Guessable),
                "{common}"
            );
        }
        assert_eq!(
            check_policy("Camille.Martin", &["camille", "Martin"]),
            Err(WeakPassword::Guessable),
            "the account's own name"
        );
        assert_eq!(check_policy("correct horse battery staple", &[]), Ok(()));
        assert_eq!(check_policy("Vélo-Ciel-Marée-71", &[]), Ok(()));
    }

    #[test]
    fn right_password_verifies_and_wrong_one_does_not() {
        let phc = hash("correct horse").expect("hash");
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify("correct horse", Some(&phc)));
        assert!(!verify("wrong horse", Some(&phc)));
    }

    #[test]
    fn missing_hash_never_verifies() {
        assert!(!verify("a password nobody has", None));
    }
}
