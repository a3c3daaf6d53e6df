"""Kiosk mode: welcome screen, idle reset, lock-down and the staff way out.

`controller.KioskController`, which the app installs on the main window, wires it all; each part
is its own module so it can be tested alone.
"""
