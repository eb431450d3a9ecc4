"""PDF printouts rendered with reportlab; each module renders one document from app.reports.data."""
