"""Production settings: `zhifa check --deploy` is clean when configured; a missing secret is refused."""

import os
import subprocess
import sys
from pathlib import Path

ZHIFA = str(Path(sys.executable).with_name("zhifa"))


def _run(env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DEBUG"}}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - our own console script
        [ZHIFA, "check", "--deploy", "--fail-level", "WARNING"], env=env, capture_output=True, text=True, timeout=120
    )


def test_check_deploy_is_clean_with_production_configuration(tmp_path):
    result = _run(
        {
            "DJANGO_SETTINGS_MODULE": "zhifa.settings.production",
            "SECRET_KEY": "x" * 20 + "production-secret-for-check-only-9f8e7d6c5b4a",
            "ALLOWED_HOSTS": "zhifa.example.gov.cn",
            "DATA_DIR": str(tmp_path),
        }
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = _run({"DJANGO_SETTINGS_MODULE": "zhifa.settings.production", "DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "环境变量 SECRET_KEY 必须设置" in result.stderr


def test_secret_key_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("y" * 20 + "file-based-production-secret-0a1b2c3d4e5f6g7h")
    result = _run(
        {
            "DJANGO_SETTINGS_MODULE": "zhifa.settings.production",
            "SECRET_KEY_FILE": str(secret),
            "ALLOWED_HOSTS": "zhifa.example.gov.cn",
            "DATA_DIR": str(tmp_path),
        }
    )
    assert result.returncode == 0, result.stderr


def test_debug_true_is_refused_in_production(tmp_path):
    result = _run(
        {
            "DJANGO_SETTINGS_MODULE": "zhifa.settings.production",
            "SECRET_KEY": "z" * 60,
            "DEBUG": "true",
            "DATA_DIR": str(tmp_path),
        }
    )
    assert result.returncode != 0
    assert "生产环境不得开启 DEBUG" in result.stderr
