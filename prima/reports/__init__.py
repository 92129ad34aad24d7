"""Renderers shared by the apps: SVG charts, PDF (WeasyPrint) and XLSX (openpyxl).

No models and no domain rules: callers hand in plain values and get bytes or markup.
"""
