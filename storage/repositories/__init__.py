"""Repositories: the only code that turns rows into records and back, encrypting on the way."""
