"""reportedly test suite."""
