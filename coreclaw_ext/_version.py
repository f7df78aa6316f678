"""The one place that holds the package version; spec info.version must match it."""

__version__ = "0.1.0"
