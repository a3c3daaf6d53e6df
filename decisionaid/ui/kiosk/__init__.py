"""Kiosk mode: welcome screen, idle reset, lock-down and the staff way out.

`install_kiosk` in `controller` wires it all to a main window; each part is its own module so it
can be tested alone.
"""
