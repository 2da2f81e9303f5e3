"""Quality evaluation against the public corpora in ``../shared/data`` (``nox -s eval``)."""
