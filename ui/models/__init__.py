"""Qt table models over query-service rows; each is testable without a widget."""
