"""Reading a response body within a size limit and a deadline, whatever its encoding.

The body is read here, never by httpx's own ``read()``: httpx inflates a whole network chunk
in one call, so a 64 KiB gzip chunk can become 64 MB before anything could count it. ``_Body``
inflates with ``zlib``'s ``max_length`` instead and stops at ``max_body_bytes`` of decompressed
output, so memory stays within the limit plus one step whatever the compression ratio. The
transport (``_transport.py``) calls ``read``/``aread`` once per attempt.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable, Iterator

import httpx

_INFLATE_STEP = 64 * 1024
"""Most decompressed bytes produced by one ``zlib`` call: the memory overshoot past the limit."""

_HEAD_BYTES = 4096
"""Start of an oversized body kept for the error's excerpt (and an error status's envelope)."""

try:  # httpx decodes br/zstd when brotli/zstandard are installed, and then advertises them
    from httpx._decoders import SUPPORTED_DECODERS as _HTTPX_DECODERS
except ImportError:  # pragma: no cover - a future httpx
    _HTTPX_DECODERS = {}
_BOUNDED_ENCODINGS = frozenset({"identity", "gzip", "x-gzip", "deflate"})
_UNBOUNDED_ENCODINGS = frozenset({"br", "zstd"})
_ADVERTISES_UNBOUNDED = bool(_UNBOUNDED_ENCODINGS & set(_HTTPX_DECODERS))


def _accept_bounded_encodings(request: httpx.Request) -> None:
    # brotli and zstd cannot be inflated in bounded steps with the libraries httpx uses, so a
    # request never offers them: a server that sends them anyway is refused (see _Body).
    value = request.headers.get("accept-encoding")
    if value:
        tokens = [token.strip() for token in value.split(",")]
        kept = [t for t in tokens if t.split(";")[0].strip().lower() in _BOUNDED_ENCODINGS]
        request.headers["accept-encoding"] = ", ".join(kept) or "identity"


class _BodyTooLarge(Exception):
    """The body went past ``max_body_bytes``; ``head`` is its start, for the error message."""

    def __init__(self, head: bytes) -> None:
        super().__init__("response body too large")
        self.head = head


class _Inflater:
    """One zlib stage (gzip or deflate) that never returns more than a step per call."""

    __slots__ = ("_obj", "_raw_fallback", "_started")

    def __init__(self, gzip: bool) -> None:
        self._obj = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)
        self._raw_fallback = not gzip  # deflate may come without the zlib header, as in httpx
        self._started = False

    def feed(self, pieces: Iterable[bytes]) -> Iterator[bytes]:
        for piece in pieces:
            data = piece
            while True:
                obj = self._obj
                if obj.eof:
                    return  # trailing bytes after the stream are ignored, as httpx does
                try:
                    out = obj.decompress(data, _INFLATE_STEP)
                except zlib.error as exc:
                    if self._raw_fallback and not self._started:
                        self._raw_fallback = False
                        self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                        continue
                    raise httpx.DecodingError(str(exc)) from None
                self._started = True
                if out:
                    yield out
                data = obj.unconsumed_tail
                if not data and len(out) < _INFLATE_STEP:
                    break  # input used up and no output pending

    def flush(self) -> bytes:
        try:
            return self._obj.flush()  # what is left after the input: at most a window
        except zlib.error as exc:
            raise httpx.DecodingError(str(exc)) from None


class _Body:
    """Collects a body, decompressing in bounded steps, and stops past the size limit."""

    __slots__ = ("chunks", "inflaters", "limit", "size")

    def __init__(self, response: httpx.Response, limit: int) -> None:
        self.chunks: list[bytes] = []
        self.size = 0
        self.limit = limit
        self.inflaters: list[_Inflater] | None = None
        # One pass over the raw headers: two ``headers.get`` calls cost more on every call.
        encoding = length = None
        for _, key, value in response.headers._list:
            if key == b"content-encoding":
                encoding = value if encoding is None else encoding + b"," + value
            elif key == b"content-length":
                length = value
        if encoding is not None and encoding.strip().lower() not in (b"", b"identity"):
            self.inflaters = _inflaters(encoding.decode("latin-1"))
        if (
            self.inflaters is None
            and length is not None
            and length.isdigit()
            and int(length) > limit
        ):
            self.limit = 0  # known to be too large: read one chunk for the message, no more

    def add(self, raw: bytes) -> None:
        inflaters = self.inflaters
        if inflaters is None:
            self._keep(raw)
            return
        pieces: Iterable[bytes] = (raw,)
        for stage in inflaters:
            pieces = stage.feed(pieces)
        for piece in pieces:
            self._keep(piece)

    def _keep(self, piece: bytes) -> None:
        self.size += len(piece)
        self.chunks.append(piece)
        if self.size > self.limit:
            head = b"".join(self.chunks[:2])[:_HEAD_BYTES]  # never join the whole body
            self.chunks.clear()
            raise _BodyTooLarge(head)

    def finish(self) -> bytes:
        inflaters = self.inflaters
        if inflaters is not None:
            for index, stage in enumerate(inflaters):
                pieces: Iterable[bytes] = (stage.flush(),)
                for later in inflaters[index + 1 :]:
                    pieces = later.feed(pieces)
                for piece in pieces:
                    if piece:
                        self._keep(piece)
        chunks = self.chunks
        if len(chunks) == 1:
            return chunks[0]
        return b"".join(chunks)


def _inflaters(encoding: str) -> list[_Inflater] | None:
    stages: list[_Inflater] = []
    for token in reversed(encoding.lower().split(",")):  # the last one applied comes off first
        name = token.strip()
        if name in ("gzip", "x-gzip"):
            stages.append(_Inflater(gzip=True))
        elif name == "deflate":
            stages.append(_Inflater(gzip=False))
        elif name in _UNBOUNDED_ENCODINGS:
            raise httpx.DecodingError(f"Content-Encoding {name!r} was not requested")
        # "identity" and unknown names: passed through, as httpx does
    return stages or None


def _set_content(response: httpx.Response, content: bytes) -> None:
    # What ``read()`` would have stored: the decoded body, so httpx does not decode it again.
    response.__dict__["_content"] = content


def read_body(response: httpx.Response, limit: int, deadline: float) -> None:
    """Read and store the body, within the size limit and the attempt's deadline."""
    if response.status_code < 200:  # an interim status is never an answer: no body to wait for
        response.close()
        _set_content(response, b"")
        return
    if "_content" in response.__dict__:  # read already by the inner transport (MockTransport)
        _check_read(response, limit)
        return
    try:
        body = _Body(response, limit)
        perf_counter = time.perf_counter
        for raw in response.iter_raw():
            # Checked as bytes arrive: a trickled body is stopped at most one read timeout late.
            if perf_counter() > deadline:
                raise _DeadlineExceeded
            body.add(raw)
        if perf_counter() > deadline:  # slow headers, then an empty or final chunk
            raise _DeadlineExceeded
        content = body.finish()
    except BaseException:
        response.close()
        raise
    _set_content(response, content)


async def aread_body(response: httpx.Response, limit: int, deadline: float) -> None:
    """Async ``read_body``."""
    if response.status_code < 200:
        await response.aclose()
        _set_content(response, b"")
        return
    if "_content" in response.__dict__:
        _check_read(response, limit)
        return
    try:
        body = _Body(response, limit)
        perf_counter = time.perf_counter
        async for raw in response.aiter_raw():
            if perf_counter() > deadline:
                raise _DeadlineExceeded
            body.add(raw)
        if perf_counter() > deadline:
            raise _DeadlineExceeded
        content = body.finish()
    except BaseException:
        await response.aclose()
        raise
    _set_content(response, content)


def _check_read(response: httpx.Response, limit: int) -> None:
    content: bytes = response.__dict__["_content"]
    if len(content) > limit:
        raise _BodyTooLarge(content[:_HEAD_BYTES])


class _DeadlineExceeded(Exception):
    pass
