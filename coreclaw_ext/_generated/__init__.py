"""Code generated from spec/openapi.yaml for the ext layer.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""
