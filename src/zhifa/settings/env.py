"""The one place that reads the process environment (STYLE §8).

Every variable is declared once in ``VARIABLES`` with help text; ``docs/env.md`` is generated from it
(``zhifa env_docs``). Bad values raise ``ImproperlyConfigured`` at start-up, never later.
A variable ``X`` may instead be given as ``X_FILE`` naming a file that holds the value (secrets).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Variable:
    name: str
    help: str
    default: str | None = None


VARIABLES: dict[str, Variable] = {
    v.name: v
    for v in [
        Variable(
            "DJANGO_SETTINGS_MODULE",
            "设置模块：zhifa.settings.production（默认）、dev、test",
            "zhifa.settings.production",
        ),
        Variable("SECRET_KEY", "Django 密钥；生产环境必填（也可用 SECRET_KEY_FILE 指向文件）"),
        Variable("DEBUG", "调试模式，true/false；生产环境必须为 false", "false"),
        Variable("ALLOWED_HOSTS", "允许的主机名，逗号分隔", "localhost,127.0.0.1"),
        Variable("CSRF_TRUSTED_ORIGINS", "可信来源（含协议），逗号分隔", ""),
        Variable("DATABASE_URL", "数据库地址；默认 var/ 下的 SQLite；PostgreSQL 例：postgres://user@host:5432/db"),
        Variable("MEDIA_ROOT", "证据、音视频、文书文件的存放目录", "var/media"),
        Variable("STATIC_ROOT", "collectstatic 输出目录", "var/static"),
        Variable("DATA_DIR", "默认 SQLite 数据库与密钥文件所在目录", "var"),
        Variable(
            "TRUST_X_FORWARDED_PROTO",
            "仅当前置反向代理会覆盖 X-Forwarded-Proto 请求头时设为 true（否则客户端可伪造 HTTPS）",
            "false",
        ),
        Variable("SECURE_SSL_REDIRECT", "生产环境是否将 HTTP 重定向到 HTTPS（由前置代理终止 TLS 时可关闭）", "true"),
        Variable("ZHIFA_DEMO_PASSWORD", "演示账号密码；不设置则每次 make run 随机生成并打印"),
    ]
}


def _raw(name: str) -> str | None:
    if name not in VARIABLES:
        raise ImproperlyConfigured(f"未声明的环境变量 {name}：请先在 zhifa/settings/env.py 中声明")
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"环境变量 {name}_FILE 指向的文件无法读取：{exc}") from exc
    value = os.environ.get(name)
    if value is None:
        return VARIABLES[name].default
    return value


def env_str(name: str) -> str | None:
    return _raw(name)


def env_required(name: str) -> str:
    value = _raw(name)
    if not value:
        raise ImproperlyConfigured(f"环境变量 {name} 必须设置：{VARIABLES[name].help}")
    return value


def env_bool(name: str) -> bool:
    value = (_raw(name) or "").strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"环境变量 {name} 的值 {value!r} 不是布尔值（true/false）")


def env_list(name: str) -> list[str]:
    return [item.strip() for item in (_raw(name) or "").split(",") if item.strip()]
