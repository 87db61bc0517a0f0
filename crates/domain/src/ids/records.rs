//! Ids of stored records, typed so that the ids that meet in one decision
//! (a convention's centre, student and supervisor; the centres a person
//! manages) cannot be swapped: `Parties { centre_id: student, … }` does not
//! compile. They carry no meaning beyond identity; the database issues them.

use serde::{Deserialize, Serialize};

macro_rules! record_id {
    ($(#[$doc:meta])* $ty:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $ty(pub i64);

        impl $ty {
            /// The id as the database stores it.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

record_id!(
    /// A management centre.
    CentreId
);
record_id!(
    /// A student record (not the account that signs in as it).
    StudentId
);
record_id!(
    /// An academic supervisor's record.
    SupervisorId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_serialise_as_plain_numbers() {
        assert_eq!(
            serde_json::to_string(&CentreId(7)).ok().as_deref(),
            Some("7")
        );
        assert_eq!(
            serde_json::from_str::<StudentId>("12").ok(),
            Some(StudentId(12))
        );
        assert_eq!(SupervisorId(3).get(), 3);
    }
}
