"""The checks ``create_client`` runs on every setting before anything is sent.

A key or URL that cannot work, or an environment that would make httpx fail only at the
first call (a CA file that does not load, a SOCKS proxy without ``socksio``, a malformed
proxy URL), raises ``ConfigurationError`` here; none of its messages shows the key.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

import httpx

from ._consts import API_KEY_ENV
from ._secrets import redact_url
from .errors import ConfigurationError

if TYPE_CHECKING:
    import ssl

AsyncBackend = Literal["httpx", "aiohttp"]
_SOCKS_SCHEMES = ("socks5", "socks5h")
_PROXY_SCHEMES = ("http", "https", *_SOCKS_SCHEMES)


def _is_loopback(host: str) -> bool:
    """A loopback address (127.0.0.0/8, ``::1``) or the name ``localhost``, nothing else.

    Only these may get the key over plain http: a name such as ``evil.localhost`` is whatever
    the resolver (or a hosts file, or a proxy) makes of it.
    """
    if host == "localhost":
        return True
    try:
        import ipaddress  # noqa: PLC0415 - only plain-http URLs get here; keep it off import time

        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_local_name(host: str) -> bool:
    # For proxy bypass only: *.localhost names are local by RFC 6761, as curl treats them.
    return host.endswith(".localhost") or _is_loopback(host)


_CHAR_NAMES = {
    "\r": "a carriage return (\\r)",
    "\n": "a line break (\\n)",
    "\t": "a tab",
    " ": "a space",
    "\ufeff": "a byte-order mark (U+FEFF)",
}


def _bad_char(ch: str) -> str | None:
    """What ``ch`` is if it has no place in a key or URL (whitespace, a control or invisible
    formatting character, a lone surrogate); None otherwise. Names only such characters."""
    name = _CHAR_NAMES.get(ch)
    if name is not None:
        return name
    if ch.isspace():
        return f"a whitespace character (U+{ord(ch):04X})"
    import unicodedata  # noqa: PLC0415 - only for text that failed the fast check

    category = unicodedata.category(ch)
    if category == "Cc":
        return f"a control character (U+{ord(ch):04X})"
    if category == "Cf":
        return f"an invisible formatting character (U+{ord(ch):04X})"
    if category == "Cs":
        return "a lone surrogate"
    return None


def _text_problem(text: str, *, ascii_only: bool) -> str | None:
    """Why ``text`` cannot be a key (``ascii_only``) or a URL, without quoting any of it."""
    if text.isascii() and text.isprintable() and " " not in text:
        return None  # the usual case, checked in C
    for index, ch in enumerate(text):
        what = _bad_char(ch)
        if what is None and ascii_only and not ch.isascii():
            what = "a non-ASCII character"
        if what is None:
            continue
        if index == 0 and ch == "\ufeff":
            return f"starts with {what}: it was read from a file saved as 'UTF-8 with BOM'"
        rest = text[index:]
        if rest in ("\r", "\r\n"):
            return f"ends with {what}: was it read from a file with Windows line endings?"
        if rest == "\n":
            return f"ends with {what}: was it read from a file with its line ending?"
        return f"contains {what} at position {index + 1}"
    return None


def _check_api_key(api_key: object) -> str:
    """The key, stripped of surrounding whitespace; refused if it cannot be sent as given."""
    source = "api_key"
    if api_key is None:
        api_key = os.environ.get(API_KEY_ENV)
        source = API_KEY_ENV
        if api_key is None or not api_key.strip():
            raise ConfigurationError(
                f"no API key: pass api_key=... or set the {API_KEY_ENV} environment variable",
                setting=API_KEY_ENV,
            )
    if not isinstance(api_key, str):
        raise TypeError(f"api_key must be a str, not {type(api_key).__name__}")
    # Surrounding whitespace (a newline from a file, a pasted space) is never part of a key.
    key = str.__str__(api_key).strip()
    if not key:
        raise ConfigurationError("api_key must not be empty", setting=source)
    problem = _text_problem(key, ascii_only=True)
    if problem is not None:
        raise ConfigurationError(
            f"{source} is not a usable API key: it {problem}. Keys are printable ASCII "
            "without spaces (the key itself is not shown)",
            setting=source,
        )
    return key


def _check_base_url(base_url: object, allow_insecure_http: bool, source: str = "base_url") -> str:
    if not isinstance(base_url, str):
        raise TypeError(f"base_url must be a str, not {type(base_url).__name__}")
    problem = _text_problem(base_url, ascii_only=False)
    if problem is not None:
        raise ConfigurationError(f"{source} is not a usable URL: it {problem}", setting=source)
    try:
        parts = urlsplit(base_url)
    except ValueError as exc:  # "Invalid IPv6 URL"
        raise ConfigurationError(f"{source} is not a valid URL ({exc})", setting=source) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            f"{source} must be an http(s) URL with a host, got {redact_url(base_url)!r}",
            setting=source,
        )
    if "@" in parts.netloc:
        # httpx would send it as Basic auth in place of the key, and log the password.
        raise ConfigurationError(
            f"{source} must not carry user info (user:password@): the API key is the "
            "credential, sent by the auth mode",
            setting=source,
        )
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise ConfigurationError(
            f"{source} has an invalid port: it must be a number from 1 to 65535", setting=source
        )
    if "?" in base_url or "#" in base_url:
        mark = "?" if "?" in base_url else "#"
        raise ConfigurationError(
            f"{source} must not carry a query or fragment (it has a {mark!r})",
            setting=source,
        )
    try:
        httpx.URL(base_url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"{source} is not a valid URL ({exc})", setting=source) from None
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(parts.hostname):
        raise ConfigurationError(
            f"refusing to send the API key over plain http to {parts.hostname!r}; use https, "
            "or pass allow_insecure_http=True if this host is trusted (plain http is allowed "
            "without it only to 127.0.0.0/8, ::1 and localhost)",
            setting=source,
        )
    return base_url.rstrip("/")


def _check_headers(name: str, values: Mapping[str, str] | None) -> dict[str, str]:
    """Header (or cookie) names and values that httpx can send; a copy."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise TypeError(f"{name} must be a mapping of str to str, not {type(values).__name__}")
    out: dict[str, str] = {}
    for key, value in values.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError(f"{name} must map str to str")
        if not key or _text_problem(key, ascii_only=True) is not None or ":" in key:
            raise ValueError(f"{name}: {key[:40]!r} is not a valid name")
        if any(ch in value for ch in "\r\n\x00"):
            raise ValueError(f"{name}: the value of {key[:40]!r} contains a line break or NUL")
        out[key] = value
    return out


def _env_proxy(base_url: str) -> tuple[str, str] | None:
    """The proxy the environment sets for ``base_url``, as (variable, value), or None."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    no_proxy = os.environ.get("NO_PROXY", os.environ.get("no_proxy", ""))
    for entry in (e.strip().lstrip(".") for e in no_proxy.split(",")):
        if entry and (entry in ("*", host) or host.endswith("." + entry)):
            return None
    if _is_local_name(host):
        return None
    for name in (f"{parts.scheme}_proxy", "all_proxy"):
        for variable in (name.upper(), name):
            value = os.environ.get(variable)
            if value:
                return variable, value
    return None


def _check_proxy(proxy: object, source: str, *, httpx_used: bool, aiohttp_used: bool) -> str:
    """A proxy URL the transports that will use it can use; refused now, not at first call."""
    if not isinstance(proxy, str):
        raise TypeError(f"proxy must be a str, not {type(proxy).__name__}")
    hint = "" if source == "proxy" else f" (fix or unset {source}, or pass trust_env=False)"
    try:
        scheme = httpx.Proxy(proxy).url.scheme
    except httpx.InvalidURL as exc:
        raise ConfigurationError(
            f"{source} is not a valid proxy URL ({exc}){hint}", setting=source
        ) from None
    except (ValueError, TypeError):
        raise ConfigurationError(
            f"{source} is not an http://, https://, socks5:// or socks5h:// URL{hint}",
            setting=source,
        ) from None
    if scheme in _SOCKS_SCHEMES:
        import importlib.util  # noqa: PLC0415 - SOCKS proxies only; keep it off the first call

        if httpx_used and importlib.util.find_spec("socksio") is None:
            raise ConfigurationError(
                f"{source} names a SOCKS proxy, which needs the socksio package: "
                f"pip install 'httpx[socks]'{hint}",
                setting=source,
            )
        if aiohttp_used:
            raise ConfigurationError(
                f'{source} names a SOCKS proxy; async_backend="aiohttp" supports http:// and '
                f"https:// proxies only{hint}",
                setting=source,
            )
    return proxy


def _check_ca(path: str, setting: str) -> ssl.SSLContext | None:
    """Load a CA bundle as httpx would, once: the httpx transports use the context made here,
    so the bundle is not parsed a second time at the first call. None for a directory of
    hashed certificates (looked up per connection: nothing to load)."""
    import ssl  # noqa: PLC0415 - only when a CA file or directory is configured

    if os.path.isdir(path):
        return None
    what = f"{setting}={path!r}"
    try:
        info = os.stat(path)
        stamp = (path, info.st_ino, info.st_size, info.st_mtime_ns)
        loaded = _LOADED_CA.get(stamp)
        if loaded is not None:
            return loaded  # loaded before, unchanged since: a bundle takes 15-45 ms to parse
        # What httpx makes of SSL_CERT_FILE, or of verify=<file>.
        context = ssl.create_default_context(cafile=path)
    except FileNotFoundError:
        problem = f"{what} names a file that does not exist"
    except PermissionError:
        problem = f"{what} cannot be read (permission denied)"
    except ssl.SSLError:
        problem = f"{what} holds no PEM certificate: it must be a PEM bundle of CA certificates"
    except OSError as exc:
        problem = f"{what} cannot be read ({exc.strerror or type(exc).__name__})"
    else:
        if len(_LOADED_CA) >= 16:
            _LOADED_CA.clear()
        _LOADED_CA[stamp] = context
        return context
    raise ConfigurationError(problem, setting=setting)


# The CA bundles that loaded, as they were then, with their contexts (shared by the clients:
# an SSLContext is safe to share, and ours are all HTTP/1.1, so httpcore sets one ALPN list).
_LOADED_CA: dict[tuple[str, int, int, int], ssl.SSLContext] = {}


def _check_tls_settings(verify: object, trust_env: bool) -> ssl.SSLContext | None:
    """Refuse TLS settings httpx would fail on; the CA bundle context loaded, if any."""
    if isinstance(verify, str):
        if not os.path.exists(verify):
            raise ConfigurationError(
                f"verify={verify!r} names no file or directory of CA certificates",
                setting="verify",
            )
        return _check_ca(verify, "verify")
    if not isinstance(verify, bool):
        ssl = sys.modules.get("ssl")
        if ssl is not None and isinstance(verify, ssl.SSLContext):
            return None  # the caller's own context, loaded already
        raise TypeError(f"verify must be a bool or a CA bundle path, not {type(verify).__name__}")
    if not verify or not trust_env:
        return None
    # What httpx reads with trust_env (SSL_CERT_FILE wins; then SSL_CERT_DIR).
    cafile = os.environ.get("SSL_CERT_FILE")
    if cafile:
        if os.path.isdir(cafile):
            raise ConfigurationError(
                f"SSL_CERT_FILE={cafile!r} is a directory; a directory of certificates goes in "
                "SSL_CERT_DIR",
                setting="SSL_CERT_FILE",
            )
        return _check_ca(cafile, "SSL_CERT_FILE")
    capath = os.environ.get("SSL_CERT_DIR")
    if capath and not os.path.isdir(capath):
        raise ConfigurationError(
            f"SSL_CERT_DIR={capath!r} is not a directory (a single CA bundle file goes in "
            "SSL_CERT_FILE)",
            setting="SSL_CERT_DIR",
        )
    return None


def _check_async_backend(backend: str) -> AsyncBackend:
    if backend == "httpx":
        return "httpx"
    if backend == "aiohttp":
        import importlib.util  # noqa: PLC0415 - keep it off the default (httpx) path

        if importlib.util.find_spec("aiohttp") is None:
            raise ImportError(
                'async_backend="aiohttp" needs aiohttp: pip install "coreclaw-openapi[aiohttp]"'
            )
        return "aiohttp"
    raise ConfigurationError(
        f'async_backend must be "httpx" or "aiohttp", got {backend!r}', setting="async_backend"
    )
