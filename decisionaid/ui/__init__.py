"""Qt widgets. Thin: state lives in the core session; widgets only show and forward."""
