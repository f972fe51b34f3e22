"""Errors that services raise and views / API handlers turn into responses."""

from django.http import Http404


class DomainError(Exception):
    """A rule refused the action. `code` is stable for API clients; the message is for people."""

    code = "domain_error"
    status = 400

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class NotFound(DomainError, Http404):
    """Missing and not-yours look the same, so nobody learns which records exist elsewhere.

    Being an Http404 too, a view that lets it through answers 404 with no extra code.
    """

    code = "not_found"
    status = 404


class PermissionDenied(DomainError):
    code = "permission_denied"
    status = 403
