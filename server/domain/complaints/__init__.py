"""吐槽找茬 (complaints) and 帮办代办 requests (assistance): issue 18."""
