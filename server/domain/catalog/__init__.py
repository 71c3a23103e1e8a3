"""The service-item catalogue: regions, departments, halls, items and their versions."""
