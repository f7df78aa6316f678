import ssl
from typing import TYPE_CHECKING, Any, Self

import httpx

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from .types import _typed_as_attrs
from .types import _NOTHING, _AttrsFields, _evolve, _getstate, _setstate


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    __slots__ = (
        "raise_on_unexpected_status",
        "_base_url",
        "_cookies",
        "_headers",
        "_timeout",
        "_verify_ssl",
        "_follow_redirects",
        "_httpx_args",
        "_client",
        "_async_client",
        "__weakref__",
    )

    raise_on_unexpected_status: bool
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    _base_url: str
    _cookies: dict[str, str]
    _headers: dict[str, str]
    _timeout: httpx.Timeout | None
    _verify_ssl: str | bool | ssl.SSLContext
    _follow_redirects: bool
    _httpx_args: dict[str, Any]
    _client: httpx.Client | None
    _async_client: httpx.AsyncClient | None

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("raise_on_unexpected_status", "raise_on_unexpected_status", True, True, False, None),
        ("_base_url", "base_url", False, True, _NOTHING, None),
        ("_cookies", "cookies", True, True, _NOTHING, dict),
        ("_headers", "headers", True, True, _NOTHING, dict),
        ("_timeout", "timeout", True, True, None, None),
        ("_verify_ssl", "verify_ssl", True, True, True, None),
        ("_follow_redirects", "follow_redirects", True, True, False, None),
        ("_httpx_args", "httpx_args", True, True, _NOTHING, dict),
        ("_client", "client", False, False, None, None),
        ("_async_client", "async_client", False, False, None, None),
    )
    __match_args__ = ("_base_url",)
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        base_url: str,
        *,
        raise_on_unexpected_status: bool = False,
        cookies: dict[str, str] = _NOTHING,
        headers: dict[str, str] = _NOTHING,
        timeout: httpx.Timeout | None = None,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] = _NOTHING,
    ) -> None:
        self.raise_on_unexpected_status = raise_on_unexpected_status
        self._base_url = base_url
        self._cookies = {} if cookies is _NOTHING else cookies
        self._headers = {} if headers is _NOTHING else headers
        self._timeout = timeout
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args = {} if httpx_args is _NOTHING else httpx_args
        self._client = None
        self._async_client = None

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.raise_on_unexpected_status,
            self._base_url,
            self._cookies,
            self._headers,
            self._timeout,
            self._verify_ssl,
            self._follow_redirects,
            self._httpx_args,
            self._client,
            self._async_client,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        theirs: tuple[Any, ...] = that._fields()
        return self._fields() == theirs

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}(raise_on_unexpected_status={self.raise_on_unexpected_status!r}, "
            f"_base_url={self._base_url!r}, _cookies={self._cookies!r}, _headers={self._headers!r}, "
            f"_timeout={self._timeout!r}, _verify_ssl={self._verify_ssl!r}, "
            f"_follow_redirects={self._follow_redirects!r}, _httpx_args={self._httpx_args!r}, "
            f"_client={self._client!r}, _async_client={self._async_client!r}"
            ")"
        )

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return _evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return _evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return _evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    __slots__ = (
        "raise_on_unexpected_status",
        "_base_url",
        "_cookies",
        "_headers",
        "_timeout",
        "_verify_ssl",
        "_follow_redirects",
        "_httpx_args",
        "_client",
        "_async_client",
        "token",
        "prefix",
        "auth_header_name",
        "__weakref__",
    )

    raise_on_unexpected_status: bool
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    _base_url: str
    _cookies: dict[str, str]
    _headers: dict[str, str]
    _timeout: httpx.Timeout | None
    _verify_ssl: str | bool | ssl.SSLContext
    _follow_redirects: bool
    _httpx_args: dict[str, Any]
    _client: httpx.Client | None
    _async_client: httpx.AsyncClient | None

    token: str
    """The token to use for authentication"""
    prefix: str
    """The prefix to use for the Authorization header"""
    auth_header_name: str
    """The name of the Authorization header"""

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("raise_on_unexpected_status", "raise_on_unexpected_status", True, True, False, None),
        ("_base_url", "base_url", False, True, _NOTHING, None),
        ("_cookies", "cookies", True, True, _NOTHING, dict),
        ("_headers", "headers", True, True, _NOTHING, dict),
        ("_timeout", "timeout", True, True, None, None),
        ("_verify_ssl", "verify_ssl", True, True, True, None),
        ("_follow_redirects", "follow_redirects", True, True, False, None),
        ("_httpx_args", "httpx_args", True, True, _NOTHING, dict),
        ("_client", "client", False, False, None, None),
        ("_async_client", "async_client", False, False, None, None),
        ("token", "token", False, True, _NOTHING, None),
        ("prefix", "prefix", False, True, "Bearer", None),
        ("auth_header_name", "auth_header_name", False, True, "Authorization", None),
    )
    __match_args__ = ("_base_url", "token", "prefix", "auth_header_name")
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        base_url: str,
        token: str,
        prefix: str = "Bearer",
        auth_header_name: str = "Authorization",
        *,
        raise_on_unexpected_status: bool = False,
        cookies: dict[str, str] = _NOTHING,
        headers: dict[str, str] = _NOTHING,
        timeout: httpx.Timeout | None = None,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] = _NOTHING,
    ) -> None:
        self.raise_on_unexpected_status = raise_on_unexpected_status
        self._base_url = base_url
        self._cookies = {} if cookies is _NOTHING else cookies
        self._headers = {} if headers is _NOTHING else headers
        self._timeout = timeout
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args = {} if httpx_args is _NOTHING else httpx_args
        self._client = None
        self._async_client = None
        self.token = token
        self.prefix = prefix
        self.auth_header_name = auth_header_name

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.raise_on_unexpected_status,
            self._base_url,
            self._cookies,
            self._headers,
            self._timeout,
            self._verify_ssl,
            self._follow_redirects,
            self._httpx_args,
            self._client,
            self._async_client,
            self.token,
            self.prefix,
            self.auth_header_name,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        theirs: tuple[Any, ...] = that._fields()
        return self._fields() == theirs

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}(raise_on_unexpected_status={self.raise_on_unexpected_status!r}, "
            f"_base_url={self._base_url!r}, _cookies={self._cookies!r}, _headers={self._headers!r}, "
            f"_timeout={self._timeout!r}, _verify_ssl={self._verify_ssl!r}, "
            f"_follow_redirects={self._follow_redirects!r}, _httpx_args={self._httpx_args!r}, "
            f"_client={self._client!r}, _async_client={self._async_client!r}"
            f", token={self.token!r}, prefix={self.prefix!r}, auth_header_name={self.auth_header_name!r}"
            ")"
        )

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return _evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return _evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return _evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._headers[self.auth_header_name] = (
                f"{self.prefix} {self.token}" if self.prefix else self.token
            )
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._headers[self.auth_header_name] = (
                f"{self.prefix} {self.token}" if self.prefix else self.token
            )
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)
