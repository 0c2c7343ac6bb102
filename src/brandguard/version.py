"""brandguard's version: a ground-floor module, so any layer can stamp it without importing the
package root (whose lazy public API sits on top of every layer)."""

__version__ = "0.1.0"
