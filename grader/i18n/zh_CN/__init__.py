"""Catalogue of zh_CN."""
