"""narrator: trustworthy plain-English narratives for local-authority social-care reports."""

__version__ = "0.1.0"
