"""Working-time calendar: days with their kind, deadline previews, region overrides by admins."""
