//! What the `stages` command adds to the server library: its commands, the
//! demo data of `seed-demo`, the generated volumes of `seed-demo --scale`
//! and the SQL timings of `bench-sql`. Kept out of `stages-api` so that a
//! reader of the server sees the server only.

pub mod bench;
pub mod commands;
pub mod demo;
pub mod scale;
