//! Business rules of Stages.
