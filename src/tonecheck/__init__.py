"""tonecheck: lint outgoing customer communication before it is sent."""
__version__ = "0.1.0"
