"""AdSetDeliveryLimitations, a schema of the Criteo Marketing Solutions API 2020-10.

Generated from spec/marketingsolutions_2020-10.json by codegen: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, Optional, overload

from criteo_api_marketingsolutions_v2020_10.model_utils import UNSET, Field, ModelNormal

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteo_api_marketingsolutions_v2020_10._typing import ModelOptions


class AdSetDeliveryLimitations(ModelNormal):
    """Where the ads of an ad set may show: environments, devices and operating systems.

    Attributes:
        environments (list[str]): Environments to deliver in.
        devices (list[str]): Kinds of device to deliver to.
        operating_systems (list[str]): Operating systems to deliver to.
    """

    environments: Optional[list[str]]
    devices: Optional[list[str]]
    operating_systems: Optional[list[str]]

    _fields = (
        Field("environments", "environments", "[str]", enum=("web", "inApp"), description="Environments to deliver in."),
        Field("devices", "devices", "[str]", enum=("other", "desktop", "mobile", "tablet"), description="Kinds of device to deliver to."),
        Field("operating_systems", "operatingSystems", "[str]", enum=("android", "ios", "unknown"), description="Operating systems to deliver to."),
    )

    if TYPE_CHECKING:

        def __init__(self, *, environments: list[Literal["web", "inApp"]] = UNSET, devices: list[Literal["other", "desktop", "mobile", "tablet"]] = UNSET, operating_systems: list[Literal["android", "ios", "unknown"]] = UNSET, **options: Unpack[ModelOptions]) -> None:
            """One keyword argument per field."""

        @overload
        def get(self, name: Literal["environments"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: Literal["devices"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: Literal["operating_systems"], default: None = None) -> Optional[list[str]]: ...

        @overload
        def get(self, name: str, default: Any = None) -> Any: ...

        def get(self, name: str, default: Any = None) -> Any:
            """The value of ``name``, or ``default`` (``None``) when it is not set."""
