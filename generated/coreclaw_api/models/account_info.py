from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
import datetime

from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
    unix_seconds,
)

T = TypeVar("T", bound="AccountInfo")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class AccountInfo:
    """Balance of the account that owns the API key."""

    __slots__ = (
        "balance",
        "balance_expiration_at",
        "additional_properties",
        "__weakref__",
    )

    balance: str
    """ Remaining balance, as a decimal string. """
    balance_expiration_at: int | Unset
    """ When the balance expires, Unix seconds. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("balance", "balance", False, True, _NOTHING, None),
        ("balance_expiration_at", "balance_expiration_at", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "balance",
        "balance_expiration_at",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        balance: str,
        balance_expiration_at: int | Unset = UNSET,
    ) -> None:
        self.balance = balance
        self.balance_expiration_at = balance_expiration_at
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.balance,
            self.balance_expiration_at,
            self.additional_properties,
        ) == (
            that.balance,
            that.balance_expiration_at,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        balance_expiration_at = self.balance_expiration_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["balance"] = balance
        if balance_expiration_at is not UNSET:
            field_dict["balance_expiration_at"] = balance_expiration_at
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        balance_expiration_at = d.pop("balance_expiration_at", UNSET)

        account_info = cls(
            balance=balance,
            balance_expiration_at=balance_expiration_at,
        )
        account_info.additional_properties = d
        return account_info

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("balance", self.balance),
            ("balance_expiration_at", self.balance_expiration_at),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    @property
    def balance_expiration_at_datetime(self) -> datetime.datetime | None:
        """``balance_expiration_at`` (Unix seconds) as an aware UTC datetime; None if unset or 0."""
        return unix_seconds(self.balance_expiration_at)

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
