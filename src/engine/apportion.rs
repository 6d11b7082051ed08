//! Bounded apportionment: integers from quotas.
