"""The signed exchange with other systems (省级委托收件 · 政银合作 · 数据共享)."""
