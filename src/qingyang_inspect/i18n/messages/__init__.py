"""Message tables, one module per area of the tool."""
