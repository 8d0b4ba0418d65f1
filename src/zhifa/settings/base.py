"""Settings shared by every environment. Only this module (through ``env``) reads the environment."""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from zhifa.settings.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent  # src/zhifa
DATA_DIR = Path(env_str("DATA_DIR") or "var").resolve()

SECRET_KEY = env_str("SECRET_KEY") or ""
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rules.apps.AutodiscoverRulesConfig",
    # Domain apps, lowest first (docs/architecture.md).
    "zhifa.core",
    "zhifa.org",
    "zhifa.ledger",
    "zhifa.personnel",
    "zhifa.laws",
    "zhifa.catalog",
    "zhifa.parties",
    "zhifa.documents",
    "zhifa.discretion",
    "zhifa.cases",
    "zhifa.review",
    "zhifa.publicity",
    "zhifa.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "zhifa.urls"
WSGI_APPLICATION = "zhifa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zhifa.navigation.nav_items",
            ],
        },
    },
]

_default_sqlite = f"sqlite:///{DATA_DIR / 'zhifa.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL") or _default_sqlite, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL mode and a busy timeout so the demo tolerates concurrent requests (ARCHITECTURE: SQLite, WAL).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }

AUTH_USER_MODEL = "org.User"
AUTHENTICATION_BACKENDS = [
    "zhifa.org.auth.UserBackend",
    "rules.permissions.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or "var/static").resolve()
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or "var/media").resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "zhifa.core.api.Pagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "zhifa.core.api.exception_handler",
    # Password guessing on the token endpoint is throttled per client address.
    "DEFAULT_THROTTLE_RATES": {"auth_token": "20/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "zhifa 行政执法综合管理监督信息系统 API",
    "DESCRIPTION": "REST API (v1)。令牌认证：POST /api/v1/auth/token/ 获取令牌，请求头 Authorization: Token <令牌>。",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "RegionLevelEnum": "zhifa.org.choices.RegionLevel",
        "AgencyKindEnum": "zhifa.org.choices.AgencyKind",
        "MediaKindEnum": "zhifa.ledger.models.MediaKind",
        "LawLevelEnum": "zhifa.laws.choices.LawLevel",
        "OfficerKindEnum": "zhifa.personnel.choices.OfficerKind",
        "CertificateKindEnum": "zhifa.personnel.choices.CertificateKind",
        "CertificateStateEnum": "zhifa.personnel.choices.CertificateState",
        "CertificateStatusEnum": "zhifa.personnel.choices.CertificateStatus",
        "LeftPostReasonEnum": "zhifa.personnel.choices.LeftPostReason",
        "PersonalFieldEnum": "zhifa.parties.choices.PersonalField",
        "ItemKindEnum": "zhifa.catalog.choices.ItemKind",
        "EnforcementItemStateEnum": "zhifa.catalog.choices.EnforcementItemState",
        "DocumentKindEnum": "zhifa.documents.choices.DocumentKind",
        "DocumentStateEnum": "zhifa.documents.choices.DocumentState",
        "DeliveryMethodEnum": "zhifa.documents.choices.DeliveryMethod",
        "DeliveryResultEnum": "zhifa.documents.choices.DeliveryResult",
        "PenaltyCaseStateEnum": "zhifa.cases.choices.PenaltyCaseState",
        "CaseSourceStateEnum": "zhifa.cases.choices.CaseSourceState",
        "ProcedureEnum": "zhifa.cases.choices.Procedure",
        "DecisionKindEnum": "zhifa.cases.choices.DecisionKind",
        "SourceChannelEnum": "zhifa.cases.choices.SourceChannel",
        "ClosingReasonEnum": "zhifa.cases.choices.ClosingReason",
        "HandlerRoleEnum": "zhifa.cases.choices.HandlerRole",
        "InvestigativeStepKindEnum": "zhifa.cases.choices.InvestigativeStepKind",
        "PenaltyKindEnum": "zhifa.catalog.choices.PenaltyKind",
        "CriminalTransferStateEnum": "zhifa.cases.choices.CriminalTransferState",
        "CriminalTransferPoliceDecisionEnum": "zhifa.cases.choices.CriminalTransferPoliceDecision",
        "TransferMaterialEnum": "zhifa.cases.choices.TransferMaterial",
        "HearingStateEnum": "zhifa.cases.choices.HearingState",
        "HearingClosedReasonEnum": "zhifa.cases.choices.HearingClosedReason",
        "HearingWaiverReasonEnum": "zhifa.cases.choices.HearingWaiverReason",
        "CoerciveMeasureKindEnum": "zhifa.cases.choices.CoerciveMeasureKind",
        "CoerciveMeasureStateEnum": "zhifa.cases.choices.CoerciveMeasureState",
        "CoerciveReleaseGroundEnum": "zhifa.cases.choices.CoerciveReleaseGround",
        "CoerciveDisposalEnum": "zhifa.cases.choices.CoerciveDisposal",
        "ExecutionModeEnum": "zhifa.cases.choices.ExecutionMode",
        "PaymentPlanKindEnum": "zhifa.cases.choices.PaymentPlanKind",
        "PaymentPlanStateEnum": "zhifa.cases.choices.PaymentPlanState",
        "CompulsoryMethodEnum": "zhifa.cases.choices.CompulsoryMethod",
        "CourtRulingEnum": "zhifa.cases.choices.CourtRuling",
        "CourtMaterialEnum": "zhifa.cases.choices.CourtMaterial",
        "RemedyKindEnum": "zhifa.cases.choices.RemedyKind",
        "SuspensionGroundEnum": "zhifa.cases.choices.SuspensionGround",
        "TerminationGroundEnum": "zhifa.cases.choices.TerminationGround",
        "DiscretionTierEnum": "zhifa.discretion.choices.DiscretionTier",
        "ExemptionKindEnum": "zhifa.discretion.choices.ExemptionKind",
        "FlexibleMeasureKindEnum": "zhifa.discretion.choices.FlexibleMeasureKind",
        "SubmissionMaterialEnum": "zhifa.review.choices.SubmissionMaterial",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag; keep Django default
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# 行政执法公示: locality settings (keys and defaults: zhifa.publicity.config.PublicityConfig), e.g.
# PUBLICITY = {"low_fine_amount": "5000.00", "mask_natural_person_names": True}  (R-PUB-010, R-PRV-003)
PUBLICITY: dict[str, object] = {}

# Demo accounts (make run): a fixed password only if the operator sets one; otherwise random per run.
DEMO_PASSWORD = env_str("ZHIFA_DEMO_PASSWORD") or ""
