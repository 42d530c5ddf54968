"""Pure domain rules: identifiers, code tables, eligibility. No I/O, no Qt."""
