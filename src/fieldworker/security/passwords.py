"""Password rules, explained in Chinese, and the documented demo password."""

from __future__ import annotations

# Documented in the README and shown on the sign-in screen only for demo databases.
DEMO_PASSWORD = "demo-cunwei-2026"
MIN_LENGTH = 10
COMMON = {"12345678", "123456789", "1234567890", "password", "qwertyuiop", "11111111", "88888888",
          "abc123456", "a123456789", "woaini1314", "iloveyou", "admin123", "password1"}


def problems(password: str, *, account: str = "") -> list[str]:
    """What is wrong with a new password, each in one Chinese sentence (empty: acceptable)."""
    out = []
    if len(password) < MIN_LENGTH:
        out.append(f"密码至少需要 {MIN_LENGTH} 个字符。")
    kinds = sum(any(test(ch) for ch in password) for test in
                (str.isdigit, str.islower, str.isupper, lambda c: not c.isascii() or not c.isalnum()))
    if kinds < 2:
        out.append("密码应包含至少两类字符（数字、小写字母、大写字母、符号或汉字）。")
    if len(set(password)) < 5:
        out.append("密码中不同的字符太少。")
    lowered = password.lower()
    if lowered in COMMON or any(lowered.startswith(c) for c in COMMON if len(c) >= 8):
        out.append("这是常见密码，很容易被猜到。")
    if account and account.lower() in lowered:
        out.append("密码不能包含账户名。")
    return out


def strength_ok(password: str, *, account: str = "") -> bool:
    return not problems(password, account=account)
