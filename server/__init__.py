"""聊易 (Liaoyi): the one-window government service platform of Liaocheng."""
