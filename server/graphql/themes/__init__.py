"""Themes (一件事) and the service menu in the graph: thin adapters over server.domain.themes."""
