"""The steering pack: the one list of meeting charts, their tables, and the PNG/PPTX/PDF files."""
