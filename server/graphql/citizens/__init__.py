"""Citizens (SMS sign-in, real-name verification, profile) and the enterprises they act for."""
