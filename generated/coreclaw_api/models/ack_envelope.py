from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

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

T = TypeVar("T", bound="AckEnvelope")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class AckEnvelope:
    """Envelope of a call that answers with no payload. `data` may be absent, null or an
    empty object; it carries nothing in any case.

    """

    __slots__ = (
        "code",
        "message",
        "request_id",
        "additional_properties",
        "__weakref__",
    )

    code: int
    """ Always 0 on success. """
    message: str
    request_id: str | Unset
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("code", "code", False, True, _NOTHING, None),
        ("message", "message", False, True, _NOTHING, None),
        ("request_id", "request_id", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "code",
        "message",
        "request_id",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        code: int,
        message: str,
        request_id: str | Unset = UNSET,
    ) -> None:
        self.code = code
        self.message = message
        self.request_id = request_id
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.code,
            self.message,
            self.request_id,
            self.additional_properties,
        ) == (
            that.code,
            that.message,
            that.request_id,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["code"] = code
        field_dict["message"] = message
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        request_id = d.pop("request_id", UNSET)

        ack_envelope = cls(
            code=code,
            message=message,
            request_id=request_id,
        )
        ack_envelope.additional_properties = d
        return ack_envelope

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("code", self.code),
            ("message", self.message),
            ("request_id", self.request_id),
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
