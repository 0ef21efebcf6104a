"""Printable documents built with ReportLab, in memory (bytes), never written unless the coach saves them."""
