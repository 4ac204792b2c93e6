"""The hidden suites: one pytest file per module of the curriculum."""
