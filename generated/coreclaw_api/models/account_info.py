from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, unix_seconds

T = TypeVar("T", bound="AccountInfo")


@_attrs_define
class AccountInfo:
    """Balance of the account that owns the API key."""

    balance: str
    """ Remaining balance, as a decimal string. """
    balance_expiration_at: int | Unset = UNSET
    """ When the balance expires, Unix seconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
