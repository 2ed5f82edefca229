"""Prompt texts for the direct strategy (data only; a package so that packaging ships its .md files)."""
