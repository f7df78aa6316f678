"""One module per operation: a first call loads only its own code.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""
