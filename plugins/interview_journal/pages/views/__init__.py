"""One module per generated page: each turns the ``Site`` into its ``GeneratedPage``(s)."""
