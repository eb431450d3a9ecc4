"""Small reusable widgets: date field, checkable code list, field errors."""
