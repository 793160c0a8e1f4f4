"""Python classes generated from the Qt Designer files in ui/ by scripts/build-ui."""
