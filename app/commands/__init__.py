"""Sub-command groups of the `optipilot` CLI, one module each (mounted by app/cli.py)."""
