"""Putting the API key on each request in one of the three ways the API accepts."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Literal

import httpx

from ._secrets import register_secret

AuthMode = Literal["bearer", "api-key", "query"]


class KeyAuth(httpx.Auth):
    """An httpx auth flow that adds the key; its repr never shows it.

    The key is added per request rather than as a default client header because httpx masks
    only ``Authorization`` in header reprs, so an ``api-key`` default header would print.
    """

    __slots__ = ("_key", "header_value", "mode")

    def __init__(self, mode: AuthMode, key: str) -> None:
        self.mode = mode
        self._key = key
        self.header_value = f"Bearer {key}" if mode == "bearer" else key

    def register(self) -> Callable[[], None]:
        """Register the key with the redactor; returns the function that releases it."""
        return register_secret(self._key)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.mode == "bearer":
            request.headers["Authorization"] = self.header_value
        elif self.mode == "api-key":
            request.headers["api-key"] = self.header_value
        else:
            request.url = request.url.copy_merge_params({"token": self._key})
        yield request

    def __str__(self) -> str:
        return repr(self)

    def __repr__(self) -> str:
        return f"KeyAuth(mode={self.mode!r}, key='***')"
