"""Catalogue of en."""
