"""Staff administration by city admins, partner API keys and mandates (帮办代办)."""
