"""Collects a Django application's static files into one release's directory: run by
`deploy` with the release virtualenv's python, in the directory of manage.py, with the
environment's settings loaded.

Usage: collectstatic.py SETTINGS_MODULE DESTINATION STATIC_URL

STATIC_ROOT is overridden with DESTINATION (each release collects into its own directory,
so that the previous release's files keep being served while its master drains); the
application's STATIC_URL must be the one NGINX serves (STATIC_URL). Prints one line;
exit status 1 with one line naming the setting on a problem.
"""
import os
import sys


def main():
    module, destination, static_url = sys.argv[1:4]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", module)
    sys.path.insert(0, os.getcwd())
    import django
    from django.conf import settings

    django.setup()
    if "django.contrib.staticfiles" not in settings.INSTALLED_APPS:
        print("django.contrib.staticfiles is not installed: no static files to collect")
        return 0
    if settings.STATIC_URL != static_url:
        print(f"settings.STATIC_URL is {settings.STATIC_URL!r} but NGINX serves static files at "
              f"{static_url!r} (env-install --static-url)")
        return 1
    from django.core.management import call_command
    from django.test.utils import override_settings

    with override_settings(STATIC_ROOT=destination):
        call_command("collectstatic", interactive=False, verbosity=0)
    count = sum(len(files) for _, _, files in os.walk(destination))
    print(f"collected {count} static file(s) for {static_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
