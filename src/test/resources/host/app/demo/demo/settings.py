"""Settings of the rehearsal's small application, read like Mangaki's: an INI file named by
MANGAKI_SETTINGS_PATH whose [secrets] SECRET_FILE names a dotenv file with the secrets."""
import configparser
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

config = configparser.ConfigParser(allow_no_value=True, interpolation=None)
config.read(os.environ.get("MANGAKI_SETTINGS_PATH", BASE_DIR / "settings.ini"))
if config.has_option("secrets", "SECRET_FILE"):
    with open(config.get("secrets", "SECRET_FILE")) as f:
        for line in f:
            key, sep, value = line.strip().partition("=")
            if sep and not key.startswith("#"):
                config.set("secrets", key.strip(), value.strip().strip("\"'"))

SECRET_KEY = config.get("secrets", "SECRET_KEY")
DEBUG = config.getboolean("debug", "DEBUG", fallback=False)
ALLOWED_HOSTS = [h.strip() for h in config.get("hosts", "ALLOWED_HOSTS", fallback="").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "notes",
]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
ROOT_URLCONF = "demo.urls"
WSGI_APPLICATION = "demo.wsgi.application"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": config.get("pgsql", "DB_NAME", fallback="mangaki"),
        "USER": config.get("pgsql", "DB_USER", fallback=""),
        "HOST": config.get("pgsql", "DB_HOST", fallback=""),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = config.get("deployment", "STATIC_ROOT", fallback=str(BASE_DIR / "static"))
STATICFILES_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
DATA_ROOT = config.get("deployment", "DATA_ROOT", fallback=str(BASE_DIR / "data"))
SENDFILE_URL = config.get("sendfile", "url", fallback="/sendfile")

CELERY_BROKER_URL = config.get("celery", "broker_url", fallback="redis://")
CELERY_RESULT_BACKEND = config.get("celery", "result_backend", fallback="redis://")
CELERY_TASK_IGNORE_RESULT = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
