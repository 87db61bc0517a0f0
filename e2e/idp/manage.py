#!/usr/bin/env python3
"""The test identity provider: django-cas-server (CAS 3.0) over the test
LDAP directory. `cargo xtask test` migrates it, runs `bootstrap`, and
serves it on a free port; see xtask/src/services.rs."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "idp.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
