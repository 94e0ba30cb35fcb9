"""Interview Journal: interview debriefs in Markdown -> follow-ups, timelines and a site.

The core (``load``, ``model``, ``rules``, ``process``, ``pages``) does not import MkDocs;
``plugin`` is the MkDocs adapter and ``cli`` the command line.
"""

__version__ = "0.1.0"
