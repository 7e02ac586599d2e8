"""Project definitions: the readable file, its validation and its loading into the database."""
