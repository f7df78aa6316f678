from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="ErrorEnvelope")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class ErrorEnvelope:
    """The body of every failed call."""

    __slots__ = (
        "code",
        "message",
        "request_id",
        "details",
        "additional_properties",
        "__weakref__",
    )

    code: int
    """ Application code; see `x-coreclaw-error-codes`. """
    message: str
    """ Human-readable explanation. """
    request_id: str | Unset
    """ Identifier of this request for support. """
    details: list[str] | None | Unset
    """ Validation or diagnostic details, when the server gives any. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("code", "code", False, True, _NOTHING, None),
        ("message", "message", False, True, _NOTHING, None),
        ("request_id", "request_id", False, True, UNSET, None),
        ("details", "details", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "code",
        "message",
        "request_id",
        "details",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        code: int,
        message: str,
        request_id: str | Unset = UNSET,
        details: list[str] | None | Unset = UNSET,
    ) -> None:
        self.code = code
        self.message = message
        self.request_id = request_id
        self.details = details
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.code,
            self.message,
            self.request_id,
            self.details,
            self.additional_properties,
        ) == (
            that.code,
            that.message,
            that.request_id,
            that.details,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        request_id = self.request_id

        details: list[str] | None | Unset
        if isinstance(self.details, Unset):
            details = UNSET
        elif isinstance(self.details, list):
            details = self.details

        else:
            details = self.details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["code"] = code
        field_dict["message"] = message
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if details is not UNSET:
            field_dict["details"] = details
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        request_id = d.pop("request_id", UNSET)

        def _parse_details(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                details_type_0 = cast(list[str], data)

                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        details = _parse_details(d.pop("details", UNSET))

        error_envelope = cls(
            code=code,
            message=message,
            request_id=request_id,
            details=details,
        )
        error_envelope.additional_properties = d
        return error_envelope

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("code", self.code),
            ("message", self.message),
            ("request_id", self.request_id),
            ("details", self.details),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
