"""Pure domain: service catalogue, validators, wizard rules, tracking numbers. No Qt, no I/O."""
